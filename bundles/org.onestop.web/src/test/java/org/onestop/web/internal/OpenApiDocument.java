package org.onestop.web.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shipped {@code openapi.json}, read as a test reads it: its operations, parameters and schemas, and a
 * small validator for the subset of JSON Schema it uses ({@code $ref}, type, properties, required, items,
 * enum, the date and date-time formats). The validator is stricter than OpenAPI on one point on purpose: a
 * property the schema does not list is an error, because the document must describe everything we write.
 */
final class OpenApiDocument {

    final JsonObject doc;

    OpenApiDocument() {
        doc = JsonParser.parseString(new String(OneStopApi.openApiDocument(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    JsonObject paths() {
        return doc.getAsJsonObject("paths");
    }

    JsonObject schemas() {
        return doc.getAsJsonObject("components").getAsJsonObject("schemas");
    }

    /** "GET /centers" for every operation of the document. */
    Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        for (String path : paths().keySet()) {
            for (String method : paths().getAsJsonObject(path).keySet()) {
                ops.add(method.toUpperCase() + " " + path);
            }
        }
        return ops;
    }

    JsonObject operation(String method, String path) {
        JsonObject item = paths().getAsJsonObject(path);
        if (item == null || !item.has(method.toLowerCase())) {
            throw new AssertionError("openapi.json has no " + method + " " + path);
        }
        return item.getAsJsonObject(method.toLowerCase());
    }

    /** The parameters of an operation, references resolved, as "in:name". */
    Set<String> parameters(String method, String path) {
        Set<String> names = new TreeSet<>();
        JsonArray params = operation(method, path).getAsJsonArray("parameters");
        if (params != null) {
            for (JsonElement p : params) {
                JsonObject param = resolve(p.getAsJsonObject());
                names.add(param.get("in").getAsString() + ":" + param.get("name").getAsString());
            }
        }
        return names;
    }

    /** The schema of the answer {@code status} of an operation; the "default" answer when not listed. */
    JsonObject responseSchema(String method, String path, int status) {
        JsonObject responses = operation(method, path).getAsJsonObject("responses");
        JsonElement response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.get("default");
        if (response == null) {
            throw new AssertionError(method + " " + path + " documents neither " + status + " nor default");
        }
        return resolve(resolve(response.getAsJsonObject()).getAsJsonObject("content")
                .getAsJsonObject("application/json").getAsJsonObject("schema"));
    }

    JsonObject resolve(JsonObject maybeRef) {
        JsonObject current = maybeRef;
        while (current.has("$ref")) {
            String ref = current.get("$ref").getAsString();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local references are used: " + ref);
            }
            JsonElement target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.isJsonObject() ? target.getAsJsonObject().get(part) : null;
                if (target == null) {
                    throw new AssertionError("unresolved reference " + ref);
                }
            }
            current = target.getAsJsonObject();
        }
        return current;
    }

    /** Every {@code $ref} anywhere in the document. */
    List<String> references() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        return refs;
    }

    private static void collectRefs(JsonElement e, List<String> refs) {
        if (e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().getAsString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectRefs(x, refs));
        }
    }

    /** The problems of {@code value} against {@code schema}; empty when it conforms. */
    List<String> validate(JsonElement value, JsonObject schema) {
        List<String> problems = new ArrayList<>();
        validate(value, schema, "$", problems);
        return problems;
    }

    private void validate(JsonElement value, JsonObject schemaOrRef, String at, List<String> problems) {
        JsonObject schema = resolve(schemaOrRef);
        String type = schema.has("type") ? schema.get("type").getAsString() : null;
        if (value == null || value.isJsonNull()) {
            problems.add(at + ": null where the document says " + type);
            return;
        }
        if (type == null && schema.has("properties")) {
            type = "object";
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!value.isJsonObject()) {
                    problems.add(at + ": not an object");
                    return;
                }
                JsonObject object = value.getAsJsonObject();
                JsonObject properties = schema.getAsJsonObject("properties");
                if (schema.has("required")) {
                    for (JsonElement r : schema.getAsJsonArray("required")) {
                        if (!object.has(r.getAsString())) {
                            problems.add(at + ": required " + r.getAsString() + " missing");
                        }
                    }
                }
                if (properties == null) {
                    return;
                }
                for (var entry : object.entrySet()) {
                    JsonElement property = properties.get(entry.getKey());
                    if (property == null) {
                        problems.add(at + "." + entry.getKey() + ": not described in openapi.json");
                    } else {
                        validate(entry.getValue(), property.getAsJsonObject(), at + "." + entry.getKey(), problems);
                    }
                }
            }
            case "array" -> {
                if (!value.isJsonArray()) {
                    problems.add(at + ": not an array");
                    return;
                }
                JsonArray array = value.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    validate(array.get(i), schema.getAsJsonObject("items"), at + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                    problems.add(at + ": not a string");
                    return;
                }
                String text = value.getAsString();
                if (schema.has("enum") && !enumValues(schema).contains(text)) {
                    problems.add(at + ": " + text + " is not one of " + enumValues(schema));
                }
                String format = schema.has("format") ? schema.get("format").getAsString() : "";
                try {
                    if (format.equals("date")) {
                        LocalDate.parse(text);
                    } else if (format.equals("date-time")) {
                        Instant.parse(text);
                    }
                } catch (DateTimeParseException e) {
                    problems.add(at + ": " + text + " is not a " + format);
                }
            }
            case "integer" -> {
                if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())
                        || value.getAsBigDecimal().stripTrailingZeros().scale() > 0) {
                    problems.add(at + ": not an integer");
                }
            }
            case "boolean" -> {
                if (!(value.isJsonPrimitive() && ((JsonPrimitive) value).isBoolean())) {
                    problems.add(at + ": not a boolean");
                }
            }
            default -> problems.add(at + ": the validator does not know type " + type);
        }
    }

    List<String> enumValues(JsonObject schema) {
        List<String> values = new ArrayList<>();
        resolve(schema).getAsJsonArray("enum").forEach(v -> values.add(v.getAsString()));
        return values;
    }
}
