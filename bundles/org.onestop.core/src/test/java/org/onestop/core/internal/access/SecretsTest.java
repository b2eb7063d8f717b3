package org.onestop.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secretsAreRandomAndHashedWithSha256() {
        Secrets secrets = new Secrets(new SecureRandom());
        String a = secrets.secret();
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(a, secrets.secret());
        assertTrue(secrets.id().matches("[0-9a-f]{16}"));
        // The FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
        assertTrue(Secrets.sameHash(Secrets.hash(a), Secrets.hash(a)));
        assertFalse(Secrets.sameHash(Secrets.hash(a), Secrets.hash("abc")));
    }

    @Test
    void lockoutDoublesFromTheThresholdUpToTheMaximum() {
        AccessSettings s = AccessSettings.defaults();
        assertEquals(Duration.ZERO, s.lockoutAfter(4));
        assertEquals(Duration.ofMinutes(1), s.lockoutAfter(5));
        assertEquals(Duration.ofMinutes(2), s.lockoutAfter(6));
        assertEquals(Duration.ofMinutes(4), s.lockoutAfter(7));
        assertEquals(Duration.ofMinutes(32), s.lockoutAfter(10));
        assertEquals(Duration.ofMinutes(60), s.lockoutAfter(11));
        assertEquals(Duration.ofMinutes(60), s.lockoutAfter(Integer.MAX_VALUE));
    }
}
