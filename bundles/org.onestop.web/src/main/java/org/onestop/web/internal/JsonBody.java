package org.onestop.web.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onestop.api.OneStopException;
import org.onestop.json.OneStopJson;

/**
 * A request body already checked for size and media type, bound to a class with the shared Gson. Gson's
 * errors are English and name the JSON path ({@code ... path $.materials[0].copies}); they are turned into a
 * Chinese message and the field, in the same notation the services use ({@code materials[0].copies}).
 * Before binding, every value is checked against the type of its field, so that a wrong type is refused
 * with its field rather than converted.
 */
final class JsonBody {

    private static final Pattern PATH = Pattern.compile(" path \\$([^\\s]*)");
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    private final byte[] bytes;

    JsonBody(byte[] bytes) {
        this.bytes = bytes;
    }

    <T> T read(Class<T> type) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw OneStopException.invalid(null, "请求正文不能为空，应为 JSON 对象");
        }
        JsonElement tree;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            // Gson reads leniently unless told (single quotes, unquoted names, comments): an API takes RFC 8259 JSON.
            reader.setStrictness(Strictness.STRICT);
            tree = readTree(reader, null);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw OneStopException.invalid(null, "请求正文在 JSON 对象之后还有多余内容");
            }
        } catch (JsonParseException | IllegalStateException | IOException e) {
            throw translate(e);
        }
        if (tree == null || tree.isJsonNull()) {
            throw OneStopException.invalid(null, "请求正文不能为空，应为 JSON 对象");
        }
        if (!tree.isJsonObject()) {
            throw OneStopException.invalid(null, "请求正文应为 JSON 对象");
        }
        checkShape(tree, type, null);
        try {
            return OneStopJson.gson().fromJson(tree, type);
        } catch (JsonParseException | IllegalStateException e) {
            throw translate(e);
        }
    }

    /**
     * Reads one JSON value as a tree. A name given twice in one object is refused: Gson's own tree would keep
     * the last one without a word, and which one the sender meant is not for the server to guess.
     */
    private static JsonElement readTree(JsonReader in, String path) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    String field = path == null ? name : path + "." + name;
                    if (name.isEmpty()) {
                        throw OneStopException.invalid(path,
                                "请求正文中有名称为空的字段" + (path == null ? "" : "（在“" + path + "”中）"));
                    }
                    if (object.has(name)) {
                        throw OneStopException.invalid(field, "字段“" + field + "”出现了两次");
                    }
                    object.add(name, readTree(in, field));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(readTree(in, (path == null ? "" : path) + "[" + array.size() + "]"));
                }
                in.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                String number = in.nextString();
                try {
                    return new JsonPrimitive(new BigDecimal(number));
                } catch (NumberFormatException e) {
                    // An exponent beyond what any field could hold, such as 1e9999999999.
                    throw OneStopException.invalid(path,
                            (path == null ? "请求正文" : "字段“" + path + "”") + "的数值超出范围：" + number);
                }
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalStateException("JSON 正文不完整");
        }
    }

    /**
     * Checks every value against the type of the field it fills before Gson binds it, because Gson converts
     * where it should refuse: a number or a boolean into a string, and a string into a boolean
     * ({@code "enabled": "yes"} would silently be false). Null means absent; whether a field may be absent
     * is for the body's own checks.
     */
    private static void checkShape(JsonElement value, Type type, String field) {
        if (value == null || value.isJsonNull()) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                throw wrongType(field, "应为字符串");
            }
        } else if (raw == Integer.class || raw == int.class) {
            if (!isInt(value)) {
                throw wrongType(field, "应为整数");
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
                throw wrongType(field, "应为 true 或 false");
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!value.isJsonArray()) {
                throw wrongType(field, "应为 JSON 数组");
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < value.getAsJsonArray().size(); i++) {
                checkShape(value.getAsJsonArray().get(i), element, field + "[" + i + "]");
            }
        } else if (raw.isRecord()) {
            if (!value.isJsonObject()) {
                throw wrongType(field, "应为 JSON 对象");
            }
            RecordComponent[] components = raw.getRecordComponents();
            Set<String> known = Arrays.stream(components).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            for (String name : value.getAsJsonObject().keySet()) {
                // A misspelt field would otherwise be dropped, and its default taken without a word.
                if (!known.contains(name)) {
                    String path = field == null ? name : field + "." + name;
                    throw OneStopException.invalid(path, "未知字段“" + path + "”；可用的字段：" + String.join("、", known));
                }
            }
            for (RecordComponent component : components) {
                checkShape(value.getAsJsonObject().get(component.getName()), component.getGenericType(),
                        field == null ? component.getName() : field + "." + component.getName());
            }
        }
        // Any other type (a date, a JsonElement) is left to Gson and its adapters.
    }

    private static boolean isInt(JsonElement value) {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
            return false;
        }
        try {
            value.getAsBigDecimal().intValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static OneStopException wrongType(String field, String expected) {
        return field == null ? OneStopException.invalid(null, "请求正文" + expected)
                : OneStopException.invalid(field, "字段“" + field + "”" + expected);
    }

    /** Strict UTF-8: a body in GBK or with broken bytes is refused rather than read as replacement characters. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // A byte order mark is not JSON, but some Windows tools write one; it carries no meaning.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw OneStopException.invalid(null, "请求正文不是有效的 UTF-8 编码");
        }
    }

    private static OneStopException translate(Exception e) {
        String detail = fullMessage(e);
        String field = field(detail);
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (detail.contains("Nesting limit")) {
            // Valid JSON, only deeper than any body of the API could be: not "invalid JSON".
            return OneStopException.invalid(null, "请求正文嵌套层数过多" + position(detail));
        }
        if (cause instanceof com.google.gson.stream.MalformedJsonException || cause instanceof java.io.EOFException
                || e instanceof com.google.gson.stream.MalformedJsonException) {
            return OneStopException.invalid(null, "请求正文不是有效的 JSON" + position(detail));
        }
        if (field == null) {
            // The top level itself has the wrong shape, for example an array or a string.
            return OneStopException.invalid(null, "请求正文应为 JSON 对象");
        }
        return OneStopException.invalid(field, "字段“" + field + "”" + expected(cause, detail));
    }

    private static String expected(Throwable cause, String detail) {
        if (cause instanceof NumberFormatException) {
            return "应为整数";
        }
        if (detail.contains("Expected BEGIN_OBJECT")) {
            return "应为 JSON 对象";
        }
        if (detail.contains("Expected BEGIN_ARRAY")) {
            return "应为 JSON 数组";
        }
        if (detail.contains("Expected a string")) {
            return "应为字符串";
        }
        if (detail.contains("Expected a boolean")) {
            return "应为 true 或 false";
        }
        // The date adapter of OneStopJson already says in Chinese what it expects.
        String own = cause.getMessage();
        return own != null && !own.isBlank() && own.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
                ? "的值无效：" + own
                : "的类型不正确";
    }

    private static String fullMessage(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                text.append(t.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code $.materials[0].copies} gives {@code materials[0].copies}; the root {@code $} gives null. */
    static String field(String detail) {
        Matcher m = PATH.matcher(detail);
        String path = null;
        while (m.find()) {
            path = m.group(1);
        }
        if (path == null) {
            return null;
        }
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        if (path.endsWith(".")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? null : path;
    }

    private static String position(String detail) {
        Matcher m = POSITION.matcher(detail);
        return m.find() ? "（第 " + m.group(1) + " 行第 " + m.group(2) + " 列）" : "";
    }
}
