package org.onestop.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.onestop.api.OneStopException;
import org.onestop.web.internal.Views.ErrorDetail;
import org.onestop.web.internal.Views.ErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to its operation and turns every refusal into the one error body
 * {@code {"error":{"code","message","field"}}}. It never throws: an exception it does not expect becomes a
 * 500 with a generic message, and its stack trace goes to the log only, under an incident number the
 * message repeats.
 */
public final class ApiRouter {

    /** The largest request body accepted (1 MiB). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Logger logger = LoggerFactory.getLogger(ApiRouter.class);
    private final List<Route> routes;

    public ApiRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes, in the order they are tried. */
    public List<Route> routes() {
        return routes;
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            return dispatch(request);
        } catch (HttpProblem p) {
            return error(p.status(), p.code(), p.getMessage(), p.field(), List.of());
        } catch (OneStopException e) {
            // The error body always has a message; a service that forgot one still gets a sentence.
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "请求被拒绝" : e.getMessage();
            return error(status(e), e.code().name(), message, e.field(), List.of());
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                // Out of memory or stack: nothing sensible can be written; let the container fail the request.
                throw fatal;
            }
            // A linkage error from a refreshed bundle or an assertion is answered like any other bug.
            String incident = UUID.randomUUID().toString().substring(0, 8);
            logger.error("Request {} {} failed (incident {})", request.method(), request.path(), incident, e);
            return error(500, "INTERNAL_ERROR", "服务器内部错误，请稍后再试；如仍失败请联系管理员（事件编号 " + incident + "）",
                    null, List.of());
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        List<String> path = Route.split(request.path());
        // HEAD is GET without the body; the adapter leaves the body out.
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> values = route.match(path);
            if (values == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return route.handler().handle(new Call(route, values, QueryString.parse(request.rawQuery()),
                        route.takesBody() ? readBody(request) : null));
            }
            allowed.add(route.method());
            if (route.method().equals("GET")) {
                allowed.add("HEAD");
            }
        }
        if (allowed.isEmpty()) {
            throw new HttpProblem(404, "NOT_FOUND", "接口不存在：" + request.method() + " " + request.path(), null);
        }
        return error(405, "METHOD_NOT_ALLOWED", "该接口不支持 " + request.method() + " 方法，支持：" + String.join("、", allowed),
                null, new ArrayList<>(allowed));
    }

    private static JsonBody readBody(ApiRequest request) {
        if (!isJson(request.contentType())) {
            throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE",
                    "请求正文应为 UTF-8 编码的 JSON（Content-Type: application/json; charset=utf-8）", null);
        }
        byte[] bytes;
        try {
            // One byte more than allowed tells an oversized body apart without reading all of it.
            bytes = request.body().readAtMost(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw OneStopException.invalid(null, "读取请求正文失败");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new HttpProblem(413, "PAYLOAD_TOO_LARGE", "请求正文不能超过 1 MiB", null);
        }
        return new JsonBody(bytes);
    }

    /** application/json, with no charset or with UTF-8: the JSON media type has no other encoding (RFC 8259). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset")) {
                String charset = param.length < 2 ? "" : param[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    static int status(OneStopException e) {
        return switch (e.code()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case STATE, CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case LOCKED -> 423;
        };
    }

    private static ApiResponse error(int status, String code, String message, String field, List<String> allow) {
        return new ApiResponse(status, OneStopApi.json(new ErrorView(new ErrorDetail(code, message, field))), null,
                allow);
    }
}
