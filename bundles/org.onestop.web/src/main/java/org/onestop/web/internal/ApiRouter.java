package org.onestop.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.onestop.api.OneStopException;
import org.onestop.api.access.AccessService;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.Session;
import org.onestop.web.internal.ApiRequest.Credentials;
import org.onestop.web.internal.Views.ErrorDetail;
import org.onestop.web.internal.Views.ErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to its operation and turns every refusal into the one error body
 * {@code {"error":{"code","message","field"}}}. It never throws: an exception it does not expect becomes a
 * 500 with a generic message, and its stack trace goes to the log only, under an incident number the
 * message repeats.
 *
 * <p>Before any handler runs, the router finds out who is calling (a session cookie or a bearer token,
 * checked with the {@link AccessService}), checks the CSRF token of a browser call that changes data, and
 * checks the route's {@link Access} rule. In that order: the public gets 401 before anything about its
 * body, and a refused call has changed nothing.
 */
public final class ApiRouter {

    /** The largest request body accepted (1 MiB). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Logger logger = LoggerFactory.getLogger(ApiRouter.class);
    private final List<Route> routes;
    private final AccessService access;

    /**
     * @throws IllegalArgumentException when a route has no access rule: default-deny is enforced where the
     *                                  routes come together, so no endpoint can be added open by mistake
     */
    public ApiRouter(List<Route> routes, AccessService access) {
        this.routes = List.copyOf(routes);
        this.access = Objects.requireNonNull(access, "access");
        for (Route route : this.routes) {
            if (route.access() == null) {
                throw new IllegalArgumentException("route " + route.method() + " " + route.template()
                        + " has no access rule; every route must say who may call it");
            }
        }
    }

    /** The routes, in the order they are tried. */
    public List<Route> routes() {
        return routes;
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            return dispatch(request, authenticate(request.credentials()));
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

    /**
     * A bearer token is used when one is sent, whatever cookie comes with it, and a bad one is refused rather
     * than read as "anonymous": an integration that lost its token must hear so, not get the public's answers.
     * A session cookie that is no longer live makes the caller anonymous; routes that need a sign-in then
     * answer 401.
     */
    private Caller authenticate(Credentials credentials) {
        String remote = credentials.remote();
        String cookie = credentials.sessionCookie() == null || credentials.sessionCookie().isBlank() ? null
                : credentials.sessionCookie();
        if (credentials.authorization() != null) {
            String secret = bearerSecret(credentials.authorization());
            Principal principal = access.tokenPrincipal(secret, remote).orElseThrow(() -> new HttpProblem(401,
                    "UNAUTHENTICATED", "接口令牌无效、已过期或已被撤销", null));
            return new Caller(principal, Caller.Via.TOKEN, null, cookie, remote);
        }
        if (cookie != null) {
            Optional<Session> session = access.session(cookie);
            if (session.isPresent()) {
                return new Caller(session.get().principal(), Caller.Via.SESSION, session.get(), cookie, remote);
            }
        }
        return Caller.anonymous(cookie, remote);
    }

    /** The secret of {@code Authorization: Bearer <secret>}; the scheme is case-insensitive (RFC 9110). */
    private static String bearerSecret(String authorization) {
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw new HttpProblem(401, "UNAUTHENTICATED", "Authorization 请求头只支持 Bearer 接口令牌", null);
        }
        String secret = value.substring(space + 1).trim();
        if (secret.isEmpty()) {
            throw new HttpProblem(401, "UNAUTHENTICATED", "Authorization 请求头缺少接口令牌", null);
        }
        return secret;
    }

    private ApiResponse dispatch(ApiRequest request, Caller caller) {
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
                Call call = new Call(route, values, request.rawQuery(), () -> readBody(request), caller);
                checkCsrf(route, request, caller);
                authorize(route, call, request);
                call.parseQuery();
                return route.handler().handle(call);
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

    /**
     * A browser sends the session cookie with every request to the API, whoever made the page that triggers
     * it; SameSite=Strict already keeps it off cross-site requests, and this is the second lock: a call that
     * changes data must also echo the CSRF token, which only a page that read the sign-in answer knows.
     * Bearer calls carry no ambient credential and are exempt, and so is signing in, which uses no cookie.
     */
    private void checkCsrf(Route route, ApiRequest request, Caller caller) {
        if (caller.via() != Caller.Via.SESSION || route.method().equals("GET") || route.access().isSignIn()) {
            return;
        }
        String sent = request.credentials().csrfToken();
        String expected = caller.session().csrfToken();
        if (sent == null || expected == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            recordDenied(caller, centerOf(route, request), request.method() + " " + request.path() + "（CSRF 令牌不符）");
            throw new HttpProblem(403, "CSRF",
                    "请求缺少或带错了 X-CSRF-Token 请求头：浏览器中修改数据的请求须带上登录时取得的 csrfToken", null);
        }
    }

    private void authorize(Route route, Call call, ApiRequest request) {
        Access rule = route.access();
        Caller caller = call.caller();
        if (rule.kind() == Access.Kind.PUBLIC) {
            return;
        }
        if (!caller.signedIn()) {
            throw new HttpProblem(401, "UNAUTHENTICATED", caller.sessionCookie() != null
                    ? "登录已过期或已退出，请重新登录" : "请先登录，或使用接口令牌（Authorization: Bearer）", null);
        }
        Principal principal = caller.principal();
        String subject = request.method() + " " + request.path();
        switch (rule.kind()) {
            case SIGNED_IN -> {
                // Any principal will do.
            }
            case PERSON -> {
                if (principal.token()) {
                    recordDenied(caller, centerOf(route, request), subject);
                    throw OneStopException.forbidden("接口令牌不能进行此操作，须由工作人员本人登录");
                }
            }
            case PERMISSION -> authorizePermission(rule, call, caller, subject);
            default -> throw new IllegalStateException("unknown rule " + rule);
        }
    }

    private void authorizePermission(Access rule, Call call, Caller caller, String subject) {
        Principal principal = caller.principal();
        List<Permission> permissions = rule.permissions();
        if (rule.where() == Access.Where.ANY_CENTER) {
            boolean anywhere = principal.grants().stream().map(RoleGrant::centerId).distinct()
                    .anyMatch(center -> permissions.stream().anyMatch(p -> principal.may(p, center, null)));
            if (!anywhere) {
                throw denied(caller, null, subject, rule, who(principal) + "在任何中心都没有" + rule.labels() + "权限");
            }
            return;
        }
        String center = call.path("centerId");
        // First the center as a whole: a caller without the permission anywhere in it learns nothing about
        // the department, the item or the case the request names, not even whether it exists.
        if (permissions.stream().noneMatch(p -> principal.may(p, center, null))) {
            throw denied(caller, center, subject, rule, who(principal) + "在中心“" + center + "”没有" + rule.labels()
                    + "权限");
        }
        if (rule.where() == Access.Where.CENTER) {
            return;
        }
        Set<String> departments = rule.departments(call);
        if (departments.stream().anyMatch(d -> permissions.stream().anyMatch(p -> principal.may(p, center, d)))) {
            return;
        }
        if (rule.hidesUnreadable()
                && rule.readableIn(call).stream().noneMatch(d -> principal.may(Permission.CASE_READ, center, d))) {
            // Answered as if the case did not exist, so that case numbers of other departments cannot be
            // probed; the security log still records the attempt.
            recordDenied(caller, center, subject + "（需要" + rule.labels() + "权限）");
            throw rule.hiddenAs(call);
        }
        throw denied(caller, center, subject, rule, who(principal) + "在中心“" + center + "”的部门“"
                + String.join("、", new TreeSet<>(departments)) + "”没有" + rule.labels() + "权限");
    }

    private OneStopException denied(Caller caller, String center, String subject, Access rule, String reason) {
        recordDenied(caller, center, subject + "（需要" + rule.labels() + "权限）");
        return OneStopException.forbidden("无权操作：" + reason);
    }

    private static String who(Principal principal) {
        return principal.token() ? "当前接口令牌" : "当前账号";
    }

    /**
     * Writes the refusal to the security log. A log that cannot be written must not turn a refusal into a
     * 500 or, worse, into an answer: the refusal stands and the failure goes to the application log.
     */
    private void recordDenied(Caller caller, String center, String subject) {
        try {
            access.recordDenied(caller.principal(), center, subject, caller.remote());
        } catch (RuntimeException e) {
            logger.error("Could not record a refused request in the security log: {} by {}", subject,
                    caller.principal().account(), e);
        }
    }

    /** The center of the path, for the security log; null for a route without one. */
    private static String centerOf(Route route, ApiRequest request) {
        Map<String, String> values = route.match(Route.split(request.path()));
        return values == null ? null : values.get("centerId");
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
