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
 */
public record ApiRequest(String method, String path, String rawQuery, String contentType, Body body) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        path = path == null ? "" : path;
        body = body == null ? Body.EMPTY : body;
    }

    /** A request without a body. */
    public static ApiRequest of(String method, String path, String rawQuery) {
        return new ApiRequest(method, path, rawQuery, null, Body.EMPTY);
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
