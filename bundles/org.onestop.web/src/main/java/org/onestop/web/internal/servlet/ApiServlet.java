package org.onestop.web.internal.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.onestop.web.internal.ApiRequest;
import org.onestop.web.internal.ApiRequest.Credentials;
import org.onestop.web.internal.ApiResponse;
import org.onestop.web.internal.ApiResponse.SessionCookie;
import org.onestop.web.internal.ApiRouter;

/**
 * Adapts the Jakarta Servlet API to the {@link ApiRouter}: it copies the request out, with the credentials
 * it carries, and the answer back in, with the session cookie the answer asks for. Mapped to
 * {@code /api/v1/*}, so that the path info is the path below the API root.
 *
 * <p>The session cookie {@value #SESSION_COOKIE} is HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), and scoped to {@code /api/}. It is Secure, so that a browser sends it back only over
 * HTTPS, except on a request that came over plain HTTP from the loopback address: there nobody can read the
 * traffic, and command-line clients and the distribution's smoke test, which talk plain HTTP to
 * {@code 127.0.0.1}, must be able to keep a session (a browser would accept a Secure cookie on localhost, but
 * an HTTP client library will not send one back over HTTP). Over plain HTTP from any other address the cookie
 * stays Secure, so that a session never travels in clear across a network: such a deployment needs HTTPS,
 * or a reverse proxy that terminates it. A proxy's {@code X-Forwarded-Proto: https} or
 * {@code Forwarded: proto=https} is honoured in the one direction that cannot weaken anything: it can add
 * Secure, never remove it.
 */
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String SESSION_COOKIE = "ONESTOP_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** What a session secret may contain: cookie-safe characters (RFC 6265 cookie-octet, less a few). */
    private static final Pattern COOKIE_SAFE = Pattern.compile("[A-Za-z0-9._~+/=-]+");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.%a-zA-Z]*:[0-9A-Fa-f:.%a-zA-Z]*\\]?");

    private final transient ApiRouter router;

    public ApiServlet(ApiRouter router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // Every method goes to the router, so that an unsupported one gets our 405 with Allow, in JSON.
        Credentials credentials = new Credentials(sessionCookie(req), req.getHeader("Authorization"),
                req.getHeader(CSRF_HEADER), req.getRemoteAddr());
        ApiRequest request = new ApiRequest(req.getMethod(), req.getPathInfo(), req.getQueryString(),
                req.getContentType(), max -> req.getInputStream().readNBytes(max), credentials);
        ApiResponse answer = router.handle(request);
        resp.setStatus(answer.status());
        // Case views carry personal data and change with every act, and answers depend on who asks: no cache
        // keeps them.
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (!answer.allow().isEmpty()) {
            resp.setHeader("Allow", String.join(", ", answer.allow()));
        }
        if (answer.status() == 401) {
            // RFC 9110 asks a 401 to name a scheme; Bearer, because Basic would make a browser pop up a dialog.
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"OneStop\"");
        }
        if (answer.cookie() != null) {
            resp.addHeader("Set-Cookie", setCookie(answer.cookie(), req));
        }
        if (answer.status() >= 400 && hasBody(req)) {
            // The body may be left unread (refused before reading, or too large); Jetty then closes the
            // connection, and saying so keeps clients from sending their next request down a dead one.
            resp.setHeader("Connection", "close");
        }
        if (answer.location() != null) {
            resp.setHeader("Location", req.getContextPath() + req.getServletPath() + answer.location());
        }
        answer.headers().forEach(resp::setHeader);
        if (answer.status() == 204) {
            return;
        }
        resp.setContentType(answer.contentType() == null ? CONTENT_TYPE : answer.contentType());
        resp.setContentLength(answer.json().length);
        if (!req.getMethod().equals("HEAD")) {
            resp.getOutputStream().write(answer.json());
        }
    }

    /** The session cookie's value; the first one when several are sent (the one of the most specific path). */
    private static String sessionCookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(SESSION_COOKIE) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The Set-Cookie header, written by hand so that every attribute is the same in every container. */
    static String setCookie(SessionCookie cookie, HttpServletRequest req) {
        StringBuilder header = new StringBuilder(SESSION_COOKIE).append('=');
        if (cookie.secret() == null) {
            header.append("; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        } else {
            if (!COOKIE_SAFE.matcher(cookie.secret()).matches()) {
                throw new IllegalStateException("a session secret must be cookie-safe");
            }
            // No Max-Age: the server ends the session when it is idle, and the browser forgets the cookie when
            // it closes; an expiry written here could only disagree with the server's.
            header.append(cookie.secret());
        }
        header.append("; Path=").append(req.getContextPath()).append("/api/; HttpOnly; SameSite=Strict");
        if (secure(req)) {
            header.append("; Secure");
        }
        return header.toString();
    }

    /** See the class comment: Secure unless plain HTTP from the loopback address. */
    static boolean secure(HttpServletRequest req) {
        if (req.isSecure()) {
            return true;
        }
        String forwardedProto = req.getHeader("X-Forwarded-Proto");
        if (forwardedProto != null && forwardedProto.trim().toLowerCase(Locale.ROOT).startsWith("https")) {
            return true;
        }
        String forwarded = req.getHeader("Forwarded");
        if (forwarded != null && forwarded.toLowerCase(Locale.ROOT).replace(" ", "").contains("proto=https")) {
            return true;
        }
        return !loopback(req.getRemoteAddr());
    }

    /** Whether an address is a loopback one; only IP literals are looked at, so no name is ever resolved. */
    static boolean loopback(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }
}
