package org.onestop.web.internal.servlet;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code /api/v1/*} answers while the API itself cannot: 503 with {@code Retry-After}, in the API's own
 * JSON, instead of the container's HTML 404. It needs nothing, so it can be registered before, and stay
 * registered after, everything the real API depends on; the whiteboard serves it only while no servlet of
 * higher ranking holds the same pattern, that is while the platform is starting, restarting after a change
 * of its settings, or kept down by a bad setting.
 *
 * <p>Every request gets the error body {@code {"error": {"code": "UNAVAILABLE", "message": ...}}} (no
 * {@code field}, as in every error of the API that concerns no field), except {@code GET} and {@code HEAD}
 * of {@code /health}, which get {@code {"status": "DOWN"}}, so that a health check reads the same field
 * whether the platform is up or not.
 */
public class UnavailableServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "UNAVAILABLE";
    public static final String MESSAGE = "服务暂不可用：平台正在启动，或配置有误（请查看日志）。请稍后重试。";
    /** Seconds a client should wait before it asks again: a start-up or a restart takes about one. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final byte[] ERROR = error();
    private static final byte[] DOWN = down();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        boolean health = "/health".equals(req.getPathInfo()) && (method.equals("GET") || method.equals("HEAD"));
        byte[] body = health ? DOWN : ERROR;
        resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null) {
            // The body is never read; Jetty then closes the connection, and saying so keeps clients from
            // sending their next request down a dead one (as the API servlet does).
            resp.setHeader("Connection", "close");
        }
        resp.setContentType(ApiServlet.CONTENT_TYPE);
        resp.setContentLength(body.length);
        if (!method.equals("HEAD")) {
            resp.getOutputStream().write(body);
        }
    }

    private static byte[] error() {
        JsonObject detail = new JsonObject();
        detail.addProperty("code", CODE);
        detail.addProperty("message", MESSAGE);
        JsonObject error = new JsonObject();
        error.add("error", detail);
        return error.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] down() {
        JsonObject health = new JsonObject();
        health.addProperty("status", "DOWN");
        return health.toString().getBytes(StandardCharsets.UTF_8);
    }
}
