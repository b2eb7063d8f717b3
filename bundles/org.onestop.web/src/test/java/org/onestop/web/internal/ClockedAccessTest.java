package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.PASSWORD;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.web.internal.Fixture.Who;

/**
 * What time does to access: lockout and its back-off, token expiry, idle sessions. Each test has its own
 * services, because it moves the clock they all read.
 */
class ClockedAccessTest {

    private Fixture fx;

    @BeforeEach
    void start(@TempDir Path dataDir) {
        fx = new Fixture(dataDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWith423UntilTheBackOffEnds() {
        for (int i = 1; i <= 4; i++) {
            ApiResponse wrong = signIn("hs.director", "Wrong-password-" + i);
            assertEquals(401, wrong.status(), "failure " + i + ": " + wrong.text());
        }
        ApiResponse locked = signIn("hs.director", "Wrong-password-5");
        assertEquals(423, locked.status(), locked.text());
        assertEquals("LOCKED", error(locked).get("code").getAsString());
        ApiResponse stillLocked = signIn("hs.director", PASSWORD);
        assertEquals(423, stillLocked.status(), "the right password does not open a locked account: " + stillLocked.text());

        fx.clock.advance(Duration.ofSeconds(30));
        assertEquals(423, signIn("hs.director", PASSWORD).status(), "half-way through the first minute");
        fx.clock.advance(Duration.ofSeconds(31));
        ApiResponse after = signIn("hs.director", PASSWORD);
        assertEquals(200, after.status(), "after the back-off: " + after.text());

        ApiResponse log = fx.get(fx.supervisor, "/centers/hanshan/security-log?limit=50");
        assertTrue(log.text().contains("LOCKED_OUT"), "the lockout is in the security log: " + log.text());
    }

    @Test
    void eachFailureAfterTheThresholdDoublesTheLock() {
        for (int i = 1; i <= 5; i++) {
            signIn("hs.reviewer", "Wrong-password-" + i);
        }
        fx.clock.advance(Duration.ofSeconds(61));
        assertEquals(423, signIn("hs.reviewer", "Wrong-password-6").status(), "a sixth failure locks for 2 minutes");
        fx.clock.advance(Duration.ofSeconds(61));
        assertEquals(423, signIn("hs.reviewer", PASSWORD).status());
        fx.clock.advance(Duration.ofSeconds(60));
        assertEquals(200, signIn("hs.reviewer", PASSWORD).status());
    }

    @Test
    void anExpiredTokenIs401() {
        ApiResponse issued = fx.post(fx.admin, "/centers/hanshan/tokens",
                "{\"name\": \"短期查询\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"2026-11-25T12:00:00+08:00\"}");
        assertEquals(201, issued.status(), issued.text());
        Who token = Who.bearer(json(issued).get("secret").getAsString());
        assertEquals(200, fx.get(token, "/centers/hanshan/cases").status());
        fx.clock.advance(Duration.ofHours(3));
        ApiResponse expired = fx.get(token, "/centers/hanshan/cases");
        assertEquals(401, expired.status(), expired.text());
        assertEquals("UNAUTHENTICATED", error(expired).get("code").getAsString());
    }

    @Test
    void anIdleSessionEndsAndItsCookieGets401() {
        Who director = fx.signIn("hs.director");
        fx.clock.advance(Duration.ofMinutes(20));
        assertEquals(200, fx.get(director, "/session").status(), "used within the idle time, and pushed back");
        fx.clock.advance(Duration.ofMinutes(20));
        assertEquals(200, fx.get(director, "/session").status());
        fx.clock.advance(Duration.ofMinutes(31));
        ApiResponse idle = fx.get(director, "/session");
        assertEquals(401, idle.status());
        assertTrue(error(idle).get("message").getAsString().contains("登录已过期"), idle.text());
    }

    private ApiResponse signIn(String account, String password) {
        return fx.post(Who.ANONYMOUS, "/session", "{\"account\": \"" + account + "\", \"password\": \"" + password + "\"}");
    }
}
