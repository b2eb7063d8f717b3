package org.onestop.api;

import java.util.Objects;

/**
 * A refusal the user can act on: what rule was broken and, where one field is to blame, which.
 * Services throw it for bad input and disallowed acts; nothing has been stored when it is thrown.
 * Messages are written for a center's staff (zh-CN).
 */
public class OneStopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public OneStopException(ErrorCode code, String message, String field) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** Bad input in one field. */
    public static OneStopException invalid(String field, String message) {
        return new OneStopException(ErrorCode.INVALID, message, field);
    }

    public static OneStopException notFound(String field, String message) {
        return new OneStopException(ErrorCode.NOT_FOUND, message, field);
    }

    public static OneStopException state(String message) {
        return new OneStopException(ErrorCode.STATE, message, null);
    }

    public static OneStopException conflict(String field, String message) {
        return new OneStopException(ErrorCode.CONFLICT, message, field);
    }

    public static OneStopException forbidden(String message) {
        return new OneStopException(ErrorCode.FORBIDDEN, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field to blame, as a path such as {@code items[2].promisedLimitDays}; null if none. */
    public String field() {
        return field;
    }
}
