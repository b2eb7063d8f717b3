package org.onestop.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the router answers: a status and a UTF-8 JSON body, and the headers some answers need.
 *
 * @param status   the HTTP status
 * @param json     the body, UTF-8 JSON; empty for 204
 * @param location for 201 answers, the new resource's path below the API root (the adapter prefixes the
 *                 servlet's own path, which only the container knows); null otherwise
 * @param allow    for 405 answers, the methods the path accepts; empty otherwise
 * @param cookie   the session cookie to set or to expire; null to leave it as it is
 */
public record ApiResponse(int status, byte[] json, String location, List<String> allow, SessionCookie cookie) {

    public ApiResponse {
        allow = allow == null ? List.of() : List.copyOf(allow);
        json = json == null ? new byte[0] : json;
    }

    public ApiResponse(int status, byte[] json, String location, List<String> allow) {
        this(status, json, location, allow, null);
    }

    /** 204 No Content, with a cookie instruction or none. */
    static ApiResponse noContent(SessionCookie cookie) {
        return new ApiResponse(204, new byte[0], null, null, cookie);
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
