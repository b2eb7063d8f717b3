package org.onestop.api.access;

import java.time.Instant;

/**
 * A live session found by its secret.
 *
 * @param principal who it belongs to
 * @param csrfToken the token its browser calls must echo
 * @param expiresAt when it ends unless used again
 */
public record Session(Principal principal, String csrfToken, Instant expiresAt) {
}
