package org.onestop.web.internal;

import java.io.IOException;
import java.util.Objects;

/**
 * One HTTP request as the router sees it, free of any servlet type.
 *
 * @param method      the HTTP method, as sent (methods are case-sensitive)
 * @param path        the path below the API root, starting with {@code /} ({@code /centers/hanshan}); empty for
 *                    the root itself; already percent-decoded by the container
 * @param rawQuery    the query string as sent, still percent-encoded; null when there is none
 * @param contentType the Content-Type header; null when absent
 * @param body        the request body, read only by routes that take one
 * @param credentials what the client sent to say who it is; {@link Credentials#NONE} for the public
 */
public record ApiRequest(String method, String path, String rawQuery, String contentType, Body body,
        Credentials credentials) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        path = path == null ? "" : path;
        body = body == null ? Body.EMPTY : body;
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    /** A request that carries no credentials. */
    public ApiRequest(String method, String path, String rawQuery, String contentType, Body body) {
        this(method, path, rawQuery, contentType, body, Credentials.NONE);
    }

    /** A request without a body or credentials. */
    public static ApiRequest of(String method, String path, String rawQuery) {
        return new ApiRequest(method, path, rawQuery, null, Body.EMPTY, Credentials.NONE);
    }

    /** The same request with other credentials. */
    public ApiRequest with(Credentials other) {
        return new ApiRequest(method, path, rawQuery, contentType, body, other);
    }

    /**
     * The credentials as the adapter found them, not yet checked: the router resolves them with the access
     * service, so that every refusal (a bad token as much as a bad body) gets the one error body.
     *
     * @param sessionCookie the value of the {@code ONESTOP_SESSION} cookie; null when absent
     * @param authorization the Authorization header as sent; null when absent
     * @param csrfToken     the {@code X-CSRF-Token} header; null when absent
     * @param remote        the client's address, for the security log; null when unknown
     */
    public record Credentials(String sessionCookie, String authorization, String csrfToken, String remote) {

        public static final Credentials NONE = new Credentials(null, null, null, null);

        /** Hides the secrets, which must never reach a log. */
        @Override
        public String toString() {
            return "Credentials[session=" + (sessionCookie != null) + ", authorization=" + (authorization != null)
                    + ", csrf=" + (csrfToken != null) + ", remote=" + remote + "]";
        }
    }

    /**
     * The request body, read lazily so that a route without one never reads it, and bounded so that an
     * oversized body is never held in memory whole.
     */
    @FunctionalInterface
    public interface Body {

        Body EMPTY = max -> new byte[0];

        /** Up to {@code maxBytes} bytes of the body; fewer when the body is shorter. */
        byte[] readAtMost(int maxBytes) throws IOException;

        static Body of(byte[] bytes) {
            byte[] copy = bytes.clone();
            return max -> java.util.Arrays.copyOf(copy, Math.min(max, copy.length));
        }
    }
}
