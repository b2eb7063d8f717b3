package org.onestop.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the router answers: a status and a UTF-8 body, JSON unless the answer says otherwise, and the headers
 * some answers need.
 *
 * @param status      the HTTP status
 * @param json        the body, UTF-8 JSON (or the type {@code contentType} names); empty for 204
 * @param location    for 201 answers, the new resource's path below the API root (the adapter prefixes the
 *                    servlet's own path, which only the container knows); null otherwise
 * @param allow       for 405 answers, the methods the path accepts; empty otherwise
 * @param cookie      the session cookie to set or to expire; null to leave it as it is
 * @param contentType the body's media type when it is not JSON (a printable document is an HTML page); null
 *                    for {@code application/json; charset=utf-8}
 * @param headers     further headers the answer needs (a page's Content-Security-Policy); empty for none
 */
public record ApiResponse(int status, byte[] json, String location, List<String> allow, SessionCookie cookie,
        String contentType, Map<String, String> headers) {

    /** The media type of a page. */
    public static final String HTML = "text/html; charset=utf-8";

    public ApiResponse {
        allow = allow == null ? List.of() : List.copyOf(allow);
        json = json == null ? new byte[0] : json;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiResponse(int status, byte[] json, String location, List<String> allow, SessionCookie cookie) {
        this(status, json, location, allow, cookie, null, null);
    }

    public ApiResponse(int status, byte[] json, String location, List<String> allow) {
        this(status, json, location, allow, null);
    }

    /** 204 No Content, with a cookie instruction or none. */
    static ApiResponse noContent(SessionCookie cookie) {
        return new ApiResponse(204, new byte[0], null, null, cookie);
    }

    /** 200 with a whole HTML page, and the headers that keep the page to itself. */
    static ApiResponse page(String html, Map<String, String> headers) {
        return new ApiResponse(200, html.getBytes(StandardCharsets.UTF_8), null, null, null, HTML, headers);
    }

    /** The body as text, for logs and tests. */
    public String text() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /**
     * The session cookie the adapter writes: a new session's secret, or, with a null secret, an instruction
     * to expire the cookie. How the cookie is written (its name, path, flags) is the adapter's business.
     *
     * @param secret the session secret; null to expire the cookie
     */
    public record SessionCookie(String secret) {

        public static SessionCookie expire() {
            return new SessionCookie(null);
        }

        @Override
        public String toString() {
            return secret == null ? "SessionCookie[expire]" : "SessionCookie[set]";
        }
    }
}
