package org.onestop.api;

/**
 * What kind of refusal a {@link OneStopException} is; the web layer maps each to one HTTP status.
 */
public enum ErrorCode {
    /** The input broke a rule: a field is missing, malformed or out of range (HTTP 400). */
    INVALID,
    /** The thing named does not exist in this center (HTTP 404). */
    NOT_FOUND,
    /** The act is not allowed in the current state of the thing it acts on (HTTP 409). */
    STATE,
    /** Someone else changed the thing first, or it already exists (HTTP 409). */
    CONFLICT,
    /** The caller may not do this (HTTP 403). */
    FORBIDDEN,
    /** The caller is not signed in, or the account or password is wrong (HTTP 401). */
    UNAUTHENTICATED,
    /** The account is locked after repeated failed sign-ins (HTTP 423). */
    LOCKED
}
