package org.onestop.web.internal.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.onestop.web.internal.ApiRequest;
import org.onestop.web.internal.ApiResponse;
import org.onestop.web.internal.ApiRouter;

/**
 * Adapts the Jakarta Servlet API to the {@link ApiRouter}: it copies the request out, and the answer back
 * in. Mapped to {@code /api/v1/*}, so that the path info is the path below the API root.
 */
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final transient ApiRouter router;

    public ApiServlet(ApiRouter router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // Every method goes to the router, so that an unsupported one gets our 405 with Allow, in JSON.
        ApiRequest request = new ApiRequest(req.getMethod(), req.getPathInfo(), req.getQueryString(),
                req.getContentType(), max -> req.getInputStream().readNBytes(max));
        ApiResponse answer = router.handle(request);
        resp.setStatus(answer.status());
        resp.setContentType(CONTENT_TYPE);
        // Case views carry (masked) personal data and change with every act: no cache keeps them.
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (!answer.allow().isEmpty()) {
            resp.setHeader("Allow", String.join(", ", answer.allow()));
        }
        if (answer.status() >= 400 && hasBody(req)) {
            // The body may be left unread (refused before reading, or too large); Jetty then closes the
            // connection, and saying so keeps clients from sending their next request down a dead one.
            resp.setHeader("Connection", "close");
        }
        if (answer.location() != null) {
            resp.setHeader("Location", req.getContextPath() + req.getServletPath() + answer.location());
        }
        resp.setContentLength(answer.json().length);
        if (!req.getMethod().equals("HEAD")) {
            resp.getOutputStream().write(answer.json());
        }
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }
}
