package org.onestop.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the router answers: a status and a UTF-8 JSON body, and the two headers some answers need.
 *
 * @param status   the HTTP status
 * @param json     the body, UTF-8 JSON
 * @param location for 201 answers, the new resource's path below the API root (the adapter prefixes the
 *                 servlet's own path, which only the container knows); null otherwise
 * @param allow    for 405 answers, the methods the path accepts; empty otherwise
 */
public record ApiResponse(int status, byte[] json, String location, List<String> allow) {

    public ApiResponse {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }

    /** The body as text, for logs and tests. */
    public String text() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
