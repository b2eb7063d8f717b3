package org.onestop.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One operation of the API: a method, a path template such as {@code /centers/{centerId}/items/{code}},
 * the query parameters it reads, its access rule and the handler. The list of routes is what the OpenAPI
 * test checks the document against, so a route's query parameters are declared here and nowhere else.
 *
 * @param method      GET, POST, PUT or DELETE
 * @param template    the path below the API root, with {@code {name}} for a path parameter
 * @param queryNames  the query parameters the handler may read
 * @param takesBody   true when the handler reads a JSON body
 * @param access      who may call it; the record takes null only so that the {@link ApiRouter} can refuse
 *                    the route by name, which is the one place that check lives
 * @param handler     what answers
 */
public record Route(String method, String template, Set<String> queryNames, boolean takesBody, Access access,
        Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        queryNames = Set.copyOf(queryNames);
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
    }

    /** Answers one matched request. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(Call call);
    }

    /** The names of the path parameters, in order. */
    public List<String> pathNames() {
        return segments().stream().filter(Route::isParameter).map(s -> s.substring(1, s.length() - 1)).toList();
    }

    /** The path parameters when {@code path} fits the template, else null. */
    Map<String, String> match(List<String> path) {
        List<String> template = segments();
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String p = path.get(i);
            if (isParameter(t)) {
                if (p.isEmpty()) {
                    return null;
                }
                values.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return values;
    }

    private List<String> segments() {
        return split(template);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** {@code /a/b} gives [a, b]; empty segments are kept so that {@code /a//b} and {@code /a/} match nothing. */
    static List<String> split(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return List.of();
        }
        return List.of((path.startsWith("/") ? path.substring(1) : path).split("/", -1));
    }
}
