package org.onestop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.access.IssuedToken;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SignIn;

/** The access service as an embedding program gets it: from the builder, over its own data folder. */
class AccessTest {

    static final String PASSWORD = "Kaishi2026pass";

    @TempDir
    Path data;

    MutableClock clock = new MutableClock(LocalDate.of(2026, 9, 30));

    OneStop open() {
        return OneStop.builder().dataDir(data).clock(clock).discoverPlugins(false).passwordHashing(64, 1, 1)
                .sessions(Duration.ofMinutes(10), Duration.ofHours(1)).lockoutThreshold(3).build();
    }

    @Test
    void peopleSessionsAndTokensLastAcrossRestarts() {
        IssuedToken token;
        String secret;
        try (OneStop oneStop = open()) {
            oneStop.catalog().importCatalog(TestCatalog.document(TestCatalog.item(5, 20)));
            oneStop.access().createFirstAdministrator(TestCatalog.CENTER,
                    new NewPerson("wang.admin", "王五", PASSWORD, List.of()));
            SignIn signIn = oneStop.access().signIn("wang.admin", PASSWORD, null);
            assertEquals(clock.instant().plus(Duration.ofMinutes(10)), signIn.expiresAt());
            secret = signIn.sessionSecret();
            Principal admin = signIn.principal();
            oneStop.access().createPerson(admin, TestCatalog.CENTER, new NewPerson("li.clerk", "李四", PASSWORD,
                    List.of(RoleGrant.department(Role.CLERK, TestCatalog.CENTER, "market"))));
            token = oneStop.access().issueToken(admin, TestCatalog.CENTER, new NewToken("省平台", "market",
                    Set.of(Permission.CASE_RECEIVE), clock.instant().plus(Duration.ofDays(30))));
        }
        try (OneStop oneStop = open()) {
            assertEquals("wang.admin", oneStop.access().session(secret).orElseThrow().principal().account());
            Principal client = oneStop.access().tokenPrincipal(token.secret(), null).orElseThrow();
            assertTrue(client.may(Permission.CASE_RECEIVE, TestCatalog.CENTER, "market"));
            Principal clerk = oneStop.access().signIn("li.clerk", PASSWORD, null).principal();
            assertTrue(clerk.may(Permission.CASE_ACCEPT, TestCatalog.CENTER, "market"));
            // The builder's threshold of three failures.
            for (int i = 0; i < 2; i++) {
                assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(OneStopException.class,
                        () -> oneStop.access().signIn("li.clerk", "Wrong2026pass", null)).code());
            }
            assertEquals(ErrorCode.LOCKED, assertThrows(OneStopException.class,
                    () -> oneStop.access().signIn("li.clerk", "Wrong2026pass", null)).code());
        }
    }

    @Test
    void theBuilderRefusesSettingsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> OneStop.builder().passwordHashing(4, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> OneStop.builder().sessions(Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> OneStop.builder().lockoutThreshold(0));
    }
}
