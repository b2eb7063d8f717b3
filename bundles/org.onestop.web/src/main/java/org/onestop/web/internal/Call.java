package org.onestop.web.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.onestop.api.OneStopException;
import org.onestop.api.access.Principal;

/**
 * A request matched to its route: the path parameters, the query parameters the route declared, the parsed
 * JSON body, and who sent it. The query string and the body are parsed on first use, not before: the router
 * checks who is calling first, so that the public gets 401 rather than an answer about a body it may not send.
 */
public final class Call {

    private final Route route;
    private final Map<String, String> pathValues;
    private final String rawQuery;
    private final Supplier<JsonBody> bodyReader;
    private final Caller caller;
    private Map<String, List<String>> query;
    private JsonBody body;

    Call(Route route, Map<String, String> pathValues, String rawQuery, Supplier<JsonBody> bodyReader, Caller caller) {
        this.route = route;
        this.pathValues = Map.copyOf(pathValues);
        this.rawQuery = rawQuery;
        this.bodyReader = bodyReader;
        this.caller = caller;
    }

    public String path(String name) {
        String value = pathValues.get(name);
        if (value == null) {
            throw new IllegalStateException("route " + route.template() + " has no path parameter " + name);
        }
        return value;
    }

    /**
     * The first value of a query parameter, null when absent or blank. Reading a parameter the route did
     * not declare is a bug (the OpenAPI document would not list it), so it fails loudly.
     */
    public String query(String name) {
        if (!route.queryNames().contains(name)) {
            throw new IllegalStateException("route " + route.template() + " does not declare query parameter " + name);
        }
        if (query == null) {
            query = QueryString.parse(rawQuery);
        }
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }

    /** The JSON body bound to {@code type}; a 400 when it is empty, malformed or of the wrong shape. */
    public <T> T body(Class<T> type) {
        if (!route.takesBody()) {
            throw new IllegalStateException("route " + route.template() + " takes no body");
        }
        if (body == null) {
            // Read once: a rule that looks at the body (the item of a receive request) and the handler share it.
            body = bodyReader.get();
        }
        return body.read(type);
    }

    /**
     * Parses the query string now, so that bad percent-encoding is a 400 even where no parameter is read; and
     * refuses a parameter the route does not take, or one given twice, which would otherwise be ignored in
     * silence (a misspelt filter would list everything, {@code days=5&days=6} count five).
     */
    void parseQuery() {
        if (query == null) {
            query = QueryString.parse(rawQuery);
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (name.isEmpty()) {
                throw OneStopException.invalid(null, "查询参数缺少名称（“=" + String.join("”、“=", parameter.getValue()) + "”）");
            }
            if (!route.queryNames().contains(name)) {
                throw OneStopException.invalid(name, route.queryNames().isEmpty() ? "此接口不接受查询参数，“" + name + "”无效"
                        : "未知参数“" + name + "”；可用的参数：" + String.join("、", new TreeSet<>(route.queryNames())));
            }
            if (parameter.getValue().size() > 1) {
                throw OneStopException.invalid(name, "参数“" + name + "”只能给出一次");
            }
        }
    }

    public Caller caller() {
        return caller;
    }

    /**
     * The signed-in principal. Only routes whose rule demands a sign-in call it, and the router has checked
     * that rule, so a missing principal here is a bug, not a 401.
     */
    public Principal principal() {
        if (caller.principal() == null) {
            throw new IllegalStateException("route " + route.template() + " reads the principal but is "
                    + route.access());
        }
        return caller.principal();
    }

    public String remote() {
        return caller.remote();
    }
}
