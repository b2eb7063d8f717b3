package org.onestop.web.internal;

import java.util.List;
import java.util.Map;

/**
 * A request matched to its route: the path parameters, the query parameters the route declared, and the
 * parsed JSON body.
 */
public final class Call {

    private final Route route;
    private final Map<String, String> pathValues;
    private final Map<String, List<String>> query;
    private final JsonBody body;

    Call(Route route, Map<String, String> pathValues, Map<String, List<String>> query, JsonBody body) {
        this.route = route;
        this.pathValues = Map.copyOf(pathValues);
        this.query = query;
        this.body = body;
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
        return body.read(type);
    }
}
