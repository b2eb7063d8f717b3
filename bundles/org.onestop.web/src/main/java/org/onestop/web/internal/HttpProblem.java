package org.onestop.web.internal;

/**
 * A refusal that only HTTP knows (wrong method, body too large, wrong media type), or a
 * {@link org.onestop.api.OneStopException} already mapped to its status. Thrown inside the router and
 * turned into the error body in one place.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    HttpProblem(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }
}
