package org.onestop.api.access;

/**
 * A token just issued: the only time its secret is shown.
 *
 * @param token  the token as stored
 * @param secret the bearer value to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
