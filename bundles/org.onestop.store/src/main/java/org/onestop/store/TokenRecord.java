package org.onestop.store;

import org.onestop.api.access.ApiToken;

/**
 * An integration token as stored: its public part and the hash of its secret.
 *
 * @param token      the token as administrators see it
 * @param secretHash SHA-256 of the secret, lower-case hex
 */
public record TokenRecord(ApiToken token, String secretHash) {
}
