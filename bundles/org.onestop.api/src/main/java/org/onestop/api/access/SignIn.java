package org.onestop.api.access;

import java.time.Instant;

/**
 * A new session after a successful sign-in (登录). The session secret is shown once: only its hash is
 * stored, so it can be neither read back nor leaked from the database.
 *
 * @param sessionSecret the value of the session cookie
 * @param csrfToken     the value browser calls that change data must send in the {@code X-CSRF-Token} header
 * @param principal     who signed in
 * @param expiresAt     when the session ends unless used again before
 */
public record SignIn(String sessionSecret, String csrfToken, Principal principal, Instant expiresAt) {

    @Override
    public String toString() {
        return "SignIn[principal=" + principal.account() + ", expiresAt=" + expiresAt + "]";
    }
}
