package org.onestop.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.core.internal.access.AccessFixture.HANSHAN;
import static org.onestop.core.internal.access.AccessFixture.MAANSHAN;
import static org.onestop.core.internal.access.AccessFixture.PASSWORD;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.access.ApiToken;
import org.onestop.api.access.IssuedToken;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Person;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SecurityEvent;
import org.onestop.api.access.SecurityEventKind;
import org.onestop.api.access.Session;
import org.onestop.api.access.SignIn;
import org.onestop.store.PersonRecord;

class AccessServiceTest {

    @TempDir
    Path dir;

    AccessFixture f;

    @BeforeEach
    void open() {
        f = new AccessFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    static OneStopException refused(ErrorCode code, org.junit.jupiter.api.function.Executable act) {
        OneStopException e = assertThrows(OneStopException.class, act);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    List<SecurityEvent> log(Principal reader, String centerId) {
        return f.access.securityLog(reader, centerId, 500);
    }

    /** A supervisor of the center, as the web layer would pass one: reading the log through it logs nothing. */
    static Principal auditor(String centerId) {
        return new Principal("auditor", "审计", List.of(RoleGrant.center(Role.SUPERVISOR, centerId)), Set.of(), false);
    }

    /** The center's log as its supervisor reads it. */
    List<SecurityEvent> log(String centerId) {
        return log(auditor(centerId), centerId);
    }

    static List<SecurityEventKind> kinds(List<SecurityEvent> events) {
        return events.stream().map(SecurityEvent::kind).toList();
    }

    // --- sign-in -------------------------------------------------------------------------------

    @Test
    void signInOpensASessionForThePerson() {
        f.admin(HANSHAN, "wang.admin");
        SignIn signIn = f.access.signIn(" Wang.Admin ", PASSWORD, "10.0.0.7");
        Principal p = signIn.principal();
        assertEquals("wang.admin", p.account());
        assertEquals("管理员wang.admin", p.name());
        assertEquals(List.of(RoleGrant.center(Role.ADMINISTRATOR, HANSHAN)), p.grants());
        assertTrue(p.scope().isEmpty());
        assertFalse(p.token());
        assertTrue(p.may(Permission.PEOPLE_MANAGE, HANSHAN, null));
        assertFalse(p.may(Permission.PEOPLE_MANAGE, MAANSHAN, null));
        assertEquals(f.clock.instant().plus(Duration.ofMinutes(30)), signIn.expiresAt());
        assertFalse(signIn.toString().contains(signIn.sessionSecret()));

        Session session = f.access.session(signIn.sessionSecret()).orElseThrow();
        assertEquals(p, session.principal());
        assertEquals(signIn.csrfToken(), session.csrfToken());
        assertNotEquals(signIn.sessionSecret(), signIn.csrfToken());
        assertTrue(f.access.session("made-up").isEmpty());
        assertTrue(f.access.session(null).isEmpty());
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() throws SQLException {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        OneStopException wrong = refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("wang.admin", "Wrong2026pass", "1.2.3.4"));
        OneStopException unknown = refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("nobody", PASSWORD, "1.2.3.4"));
        OneStopException malformed = refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("x' OR 1=1 --", PASSWORD, null));
        OneStopException empty = refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("wang.admin", null, null));
        assertEquals(AccessServiceImpl.WRONG_CREDENTIALS, wrong.getMessage());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), malformed.getMessage());
        assertEquals(wrong.getMessage(), empty.getMessage());
        assertNull(wrong.field());
        assertNull(unknown.field());

        List<SecurityEvent> failures = log(HANSHAN).stream()
                .filter(e -> e.kind() == SecurityEventKind.SIGN_IN_FAILED).toList();
        assertEquals(2, failures.size(), "the admin's two failures are in the center's log: " + failures);
        assertEquals("1.2.3.4", failures.get(1).remote());
        assertTrue(failures.get(1).detail().contains("密码错误"));
        // What was typed as an unknown account is not kept: it may have been a password.
        assertTrue(f.dump("security_event").stream().noneMatch(v -> v.contains("nobody") || v.contains("OR 1=1")));
        assertEquals(4, f.dump("security_event").stream().filter("SIGN_IN_FAILED"::equals).count());
    }

    @Test
    void anUnknownAccountCostsAPasswordHashToo() {
        // Counted, not timed: an unknown account and a wrong password must both cost exactly one Argon2 hash,
        // so that the time to refuse tells nothing about which accounts exist.
        java.util.concurrent.atomic.AtomicInteger hashes = new java.util.concurrent.atomic.AtomicInteger();
        PasswordHasher counting = new PasswordHasher(AccessSettings.defaults().withArgon2(
                new AccessSettings.Argon2(64, 1, 1)).argon2(), new java.security.SecureRandom()) {
            @Override
            public boolean verify(String password, String encoded) {
                hashes.incrementAndGet();
                return super.verify(password, encoded);
            }
        };
        AccessServiceImpl access = new AccessServiceImpl(f.store, f.clock, counting, AccessSettings.defaults());
        Principal admin = f.admin(HANSHAN, "wang.admin");
        f.person(admin, HANSHAN, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market"));

        assertThrows(OneStopException.class, () -> access.signIn("nobody", PASSWORD, null));
        assertEquals(1, hashes.getAndSet(0), "an unknown account is refused after one hash");
        assertThrows(OneStopException.class, () -> access.signIn("li.clerk", "Wrong2026pass", null));
        assertEquals(1, hashes.getAndSet(0), "a wrong password is refused after one hash");
        assertThrows(OneStopException.class, () -> access.signIn("No Such Format!", PASSWORD, null));
        assertEquals(1, hashes.get(), "a malformed account is refused after one hash");
    }

    @Test
    void lockoutAfterFiveFailuresDoublesAndEndsWithSuccess() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        f.person(admin, HANSHAN, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market"));
        for (int i = 1; i <= 4; i++) {
            refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        }
        OneStopException locked = refused(ErrorCode.LOCKED, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        // 09:30 Beijing time plus one minute.
        assertTrue(locked.getMessage().contains("2026-09-30 09:31:00"), locked.getMessage());
        // Locked means locked: the right password does not help now.
        refused(ErrorCode.LOCKED, () -> f.access.signIn("li.clerk", PASSWORD, null));
        Person clerk = f.access.people(admin, HANSHAN).stream().filter(p -> p.account().equals("li.clerk")).findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("2026-09-30T01:31:00Z"), clerk.lockedUntil());

        f.clock.advance(Duration.ofSeconds(61));
        OneStopException twice = refused(ErrorCode.LOCKED, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        assertTrue(twice.getMessage().contains("2026-09-30 09:33:01"), twice.getMessage());
        f.clock.advance(Duration.ofMinutes(2));
        OneStopException fourMinutes = refused(ErrorCode.LOCKED, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        assertTrue(fourMinutes.getMessage().contains("2026-09-30 09:37:01"), fourMinutes.getMessage());

        f.clock.advance(Duration.ofMinutes(4));
        assertEquals("li.clerk", f.access.signIn("li.clerk", PASSWORD, null).principal().account());
        // Success resets the count: one new failure is an ordinary failure again.
        refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        List<SecurityEventKind> kinds = kinds(log(HANSHAN));
        assertEquals(3, kinds.stream().filter(k -> k == SecurityEventKind.LOCKED_OUT).count());

        // An administrator lifts a lock before it ends by enabling the account.
        for (int i = 0; i < 4; i++) {
            assertThrows(OneStopException.class, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        }
        refused(ErrorCode.LOCKED, () -> f.access.signIn("li.clerk", PASSWORD, null));
        assertNull(f.access.setEnabled(admin, HANSHAN, "li.clerk", true).lockedUntil());
        assertEquals("li.clerk", f.access.signIn("li.clerk", PASSWORD, null).principal().account());
        assertEquals("同时解除登录锁定", log(HANSHAN).stream().filter(e -> e.kind() == SecurityEventKind.PERSON_ENABLED)
                .findFirst().orElseThrow().detail());
    }

    @Test
    void aDisabledAccountCannotSignInAndLosesItsSessions() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        f.person(admin, HANSHAN, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market"));
        SignIn clerk = f.access.signIn("li.clerk", PASSWORD, null);

        Person disabled = f.access.setEnabled(admin, HANSHAN, "li.clerk", false);
        assertFalse(disabled.enabled());
        assertTrue(f.access.session(clerk.sessionSecret()).isEmpty());
        OneStopException e = refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("li.clerk", PASSWORD, null));
        assertEquals(AccessServiceImpl.DISABLED, e.getMessage());
        // Without the right password a disabled account looks like any other.
        assertEquals(AccessServiceImpl.WRONG_CREDENTIALS,
                refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("li.clerk", "Wrong2026pass", null)).getMessage());
        refused(ErrorCode.STATE, () -> f.access.setEnabled(admin, HANSHAN, "wang.admin", false));

        assertTrue(f.access.setEnabled(admin, HANSHAN, "li.clerk", true).enabled());
        assertEquals("li.clerk", f.access.signIn("li.clerk", PASSWORD, null).principal().account());
    }

    // --- sessions ------------------------------------------------------------------------------

    @Test
    void sessionsSlideOnUseButEndAtTheirAbsoluteExpiry() {
        f.admin(HANSHAN, "wang.admin");
        Instant start = f.clock.instant();
        SignIn signIn = f.access.signIn("wang.admin", PASSWORD, null);
        for (int i = 1; i <= 24; i++) {
            f.clock.advance(Duration.ofMinutes(29));
            Optional<Session> session = f.access.session(signIn.sessionSecret());
            assertTrue(session.isPresent(), "still alive after " + (29 * i) + " minutes");
            Instant expected = f.clock.instant().plus(Duration.ofMinutes(30));
            Instant absolute = start.plus(Duration.ofHours(12));
            assertEquals(expected.isBefore(absolute) ? expected : absolute, session.get().expiresAt());
        }
        // 24 × 29 min = 11 h 36 min; used again at 12 h 05 min, it is over however busy it was.
        f.clock.advance(Duration.ofMinutes(29));
        assertTrue(f.access.session(signIn.sessionSecret()).isEmpty());

        SignIn idle = f.access.signIn("wang.admin", PASSWORD, null);
        f.clock.advance(Duration.ofMinutes(30));
        assertTrue(f.access.session(idle.sessionSecret()).isEmpty(), "30 minutes unused end a session");
    }

    @Test
    void signOutEndsTheSessionOnTheServer() throws SQLException {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        SignIn signIn = f.access.signIn("wang.admin", PASSWORD, "10.0.0.8");
        int before = f.count("access_session");
        f.access.signOut(signIn.sessionSecret(), "10.0.0.8");
        assertEquals(before - 1, f.count("access_session"));
        assertTrue(f.access.session(signIn.sessionSecret()).isEmpty());
        f.access.signOut(signIn.sessionSecret(), null);
        f.access.signOut("never-issued", null);
        SecurityEvent out = log(HANSHAN).get(0);
        assertEquals(SecurityEventKind.SIGN_OUT, out.kind());
        assertEquals("wang.admin", out.subject());
        assertEquals("10.0.0.8", out.remote());
    }

    @Test
    void everySignInGetsAFreshSessionAndEachEndsOnItsOwn() {
        // Decision: a new sign-in does not end the person's other sessions (a clerk may use two
        // windows); it never reuses a secret, so a secret planted before sign-in is worthless.
        f.admin(HANSHAN, "wang.admin");
        SignIn first = f.access.signIn("wang.admin", PASSWORD, null);
        SignIn second = f.access.signIn("wang.admin", PASSWORD, null);
        assertNotEquals(first.sessionSecret(), second.sessionSecret());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertTrue(f.access.session(first.sessionSecret()).isPresent());
        f.access.signOut(first.sessionSecret(), null);
        assertTrue(f.access.session(first.sessionSecret()).isEmpty());
        assertTrue(f.access.session(second.sessionSecret()).isPresent());
    }

    @Test
    void secretsAndPasswordsAreNeverStoredInTheClear() throws SQLException {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        SignIn signIn = f.access.signIn("wang.admin", PASSWORD, null);
        IssuedToken token = f.access.issueToken(admin, HANSHAN,
                new NewToken("省平台数据交换", null, Set.of(Permission.CASE_READ), f.clock.instant().plus(Duration.ofDays(30))));
        String tokenSecret = token.secret().substring(token.secret().indexOf('.') + 1);
        for (String table : List.of("person", "access_session", "api_token", "security_event")) {
            for (String value : f.dump(table)) {
                assertFalse(value.contains(PASSWORD), table + " holds the password");
                assertFalse(value.contains(signIn.sessionSecret()), table + " holds the session secret");
                assertFalse(value.contains(tokenSecret), table + " holds the token secret");
            }
        }
        assertTrue(f.dump("api_token").contains(Secrets.hash(tokenSecret)));
        assertTrue(f.dump("access_session").contains(Secrets.hash(signIn.sessionSecret())));
        assertFalse(token.toString().contains(tokenSecret));
    }

    // --- tokens --------------------------------------------------------------------------------

    @Test
    void aTokenIsShownOnceAndWorksUntilItExpires() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        Instant expires = f.clock.instant().plus(Duration.ofDays(10));
        IssuedToken issued = f.access.issueToken(admin, HANSHAN,
                new NewToken("省平台数据交换", "market", EnumSet.of(Permission.CASE_READ, Permission.CASE_RECEIVE), expires));
        ApiToken token = issued.token();
        assertTrue(issued.secret().matches("ost_[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}"), issued.secret());
        assertTrue(issued.secret().startsWith("ost_" + token.id() + "."));
        assertEquals("wang.admin", token.createdBy());
        assertEquals(List.of(token), f.access.tokens(admin, HANSHAN));

        Principal client = f.access.tokenPrincipal(issued.secret(), "10.1.1.1").orElseThrow();
        assertEquals("token:" + token.id(), client.account());
        assertEquals("省平台数据交换", client.name());
        assertTrue(client.token());
        assertEquals(List.of(new RoleGrant(Role.INTEGRATION, HANSHAN, "market", null)), client.grants());
        assertEquals(Set.of(Permission.CASE_READ, Permission.CASE_RECEIVE), client.scope());
        assertTrue(client.may(Permission.CASE_RECEIVE, HANSHAN, "market"));
        assertFalse(client.may(Permission.CASE_RECEIVE, HANSHAN, "tax"));
        assertFalse(client.may(Permission.CASE_ACCEPT, HANSHAN, "market"));
        assertFalse(client.may(Permission.CASE_READ, MAANSHAN, null));

        String s = issued.secret();
        String wrongSecret = s.substring(0, s.length() - 1) + (s.endsWith("A") ? "B" : "A");
        assertTrue(f.access.tokenPrincipal(wrongSecret, null).isEmpty());
        assertTrue(f.access.tokenPrincipal("Bearer nonsense", null).isEmpty());
        assertTrue(f.access.tokenPrincipal(null, null).isEmpty());

        f.clock.advance(Duration.ofDays(10));
        assertTrue(f.access.tokenPrincipal(issued.secret(), "10.1.1.1").isEmpty(), "expired at its expiry");
        List<SecurityEvent> rejected = log(HANSHAN).stream()
                .filter(e -> e.kind() == SecurityEventKind.TOKEN_REJECTED).toList();
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).detail().contains("过期"), rejected.get(0).detail());
        assertTrue(rejected.get(1).detail().contains("密钥不符"), rejected.get(1).detail());
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        IssuedToken issued = f.access.issueToken(admin, HANSHAN,
                new NewToken("监察系统", null, Set.of(Permission.MONITOR_READ), f.clock.instant().plus(Duration.ofDays(366))));
        assertTrue(f.access.tokenPrincipal(issued.secret(), null).isPresent());
        ApiToken revoked = f.access.revokeToken(admin, HANSHAN, issued.token().id());
        assertEquals(f.clock.instant(), revoked.revokedAt());
        assertTrue(f.access.tokenPrincipal(issued.secret(), null).isEmpty());
        assertEquals(revoked, f.access.tokens(admin, HANSHAN).get(0));
        List<SecurityEvent> events = log(HANSHAN);
        assertEquals(SecurityEventKind.TOKEN_REJECTED, events.get(0).kind());
        assertTrue(events.get(0).detail().contains("撤销"));
        assertEquals(SecurityEventKind.TOKEN_REVOKED, events.get(1).kind());
        refused(ErrorCode.NOT_FOUND, () -> f.access.revokeToken(admin, HANSHAN, "0000000000000000"));
    }

    @Test
    void tokenRulesAreEnforced() throws SQLException {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        Instant now = f.clock.instant();
        Set<Permission> read = Set.of(Permission.CASE_READ);
        assertEquals("expiresAt", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken("过去", null, read, now.minusSeconds(1)))).field());
        assertEquals("expiresAt", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken("太久", null, read, now.plus(Duration.ofDays(367))))).field());
        assertEquals("expiresAt", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken("无期", null, read, null))).field());
        assertEquals("scope", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken("空", null, Set.of(), now.plusSeconds(60)))).field());
        assertEquals("scope", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken("管人", null, Set.of(Permission.PEOPLE_MANAGE), now.plusSeconds(60)))).field());
        assertEquals("name", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken(" ", null, read, now.plusSeconds(60)))).field());
        assertEquals("departmentId", refused(ErrorCode.INVALID, () -> f.access.issueToken(admin, HANSHAN,
                new NewToken("无此部门", "nosuch", read, now.plusSeconds(60)))).field());
        assertEquals(0, f.count("api_token"));
    }

    // --- people, roles and centers -------------------------------------------------------------

    @Test
    void anAdministratorOfOneCenterCannotManageAnother() throws SQLException {
        Principal hanshan = f.admin(HANSHAN, "wang.admin");
        Principal maanshan = f.admin(MAANSHAN, "zhao.admin");
        int people = f.count("person");

        OneStopException list = refused(ErrorCode.FORBIDDEN, () -> f.access.people(hanshan, MAANSHAN));
        assertTrue(list.getMessage().contains("人员管理"), list.getMessage());
        refused(ErrorCode.FORBIDDEN, () -> f.access.createPerson(hanshan, MAANSHAN,
                new NewPerson("spy", "间谍", PASSWORD, List.of(RoleGrant.center(Role.DIRECTOR, MAANSHAN)))));
        refused(ErrorCode.FORBIDDEN, () -> f.access.grant(hanshan, "wang.admin", RoleGrant.center(Role.SUPERVISOR, MAANSHAN)));
        refused(ErrorCode.FORBIDDEN, () -> f.access.issueToken(hanshan, MAANSHAN,
                new NewToken("越权", null, Set.of(Permission.CASE_READ), f.clock.instant().plusSeconds(60))));
        refused(ErrorCode.FORBIDDEN, () -> f.access.securityLog(hanshan, MAANSHAN, 10));
        // A grant for one's own center may not smuggle in another's.
        refused(ErrorCode.INVALID, () -> f.access.createPerson(hanshan, HANSHAN,
                new NewPerson("spy", "间谍", PASSWORD, List.of(RoleGrant.center(Role.DIRECTOR, MAANSHAN)))));

        assertEquals(people, f.count("person"));
        assertEquals(List.of("zhao.admin"), f.access.people(maanshan, MAANSHAN).stream().map(Person::account).toList());
        assertEquals(List.of(RoleGrant.center(Role.ADMINISTRATOR, HANSHAN)), f.access.signIn("wang.admin", PASSWORD, null)
                .principal().grants());
        Principal supervisor = f.person(maanshan, MAANSHAN, "sun.supervisor", RoleGrant.center(Role.SUPERVISOR, MAANSHAN));
        List<SecurityEvent> denied = log(supervisor, MAANSHAN).stream()
                .filter(e -> e.kind() == SecurityEventKind.ACCESS_DENIED).toList();
        assertEquals(5, denied.size(), denied.toString());
        assertTrue(denied.stream().allMatch(e -> e.actor().equals("wang.admin") && MAANSHAN.equals(e.centerId())));
        assertTrue(log(HANSHAN).stream().noneMatch(e -> e.kind() == SecurityEventKind.ACCESS_DENIED));
    }

    @Test
    void anotherCentersAdministratorCannotTakeOverAnAccountThroughAGrant() {
        Principal hanshan = f.admin(HANSHAN, "wang.admin");
        Principal maanshan = f.admin(MAANSHAN, "zhao.admin");
        f.person(hanshan, HANSHAN, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market"));
        // A person may work in the city center too...
        Person both = f.access.grant(maanshan, "li.clerk", RoleGrant.center(Role.DIRECTOR, MAANSHAN));
        assertEquals(List.of(RoleGrant.center(Role.DIRECTOR, MAANSHAN)), both.grants());
        // ...but the city's administrator cannot reset the password or disable the account they share.
        refused(ErrorCode.FORBIDDEN, () -> f.access.changePassword(maanshan, "li.clerk", null, "Takeover2026x"));
        refused(ErrorCode.FORBIDDEN, () -> f.access.setEnabled(maanshan, MAANSHAN, "li.clerk", false));
        assertEquals("li.clerk", f.access.signIn("li.clerk", PASSWORD, null).principal().account());
        // The county's administrator neither, while the clerk also holds a city role.
        refused(ErrorCode.FORBIDDEN, () -> f.access.changePassword(hanshan, "li.clerk", null, "Takeover2026x"));
        f.access.revoke(maanshan, "li.clerk", RoleGrant.center(Role.DIRECTOR, MAANSHAN));
        f.access.changePassword(hanshan, "li.clerk", null, "Reset2026pass");
        assertEquals("li.clerk", f.access.signIn("li.clerk", "Reset2026pass", null).principal().account());
    }

    @Test
    void anAdministratorCannotGrantThemselvesARole() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        OneStopException e = assertThrows(OneStopException.class,
                () -> f.access.grant(admin, "wang.admin", RoleGrant.department(Role.CLERK, HANSHAN, "market")));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertTrue(e.getMessage().contains("不能为自己授予角色"), e.getMessage());
        assertEquals(List.of(RoleGrant.center(Role.ADMINISTRATOR, HANSHAN)),
                f.access.people(admin, HANSHAN).stream().filter(p -> p.account().equals("wang.admin")).findFirst()
                        .orElseThrow().grants());
    }

    @Test
    void grantsFollowTheirRolesScope() throws SQLException {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        NewPerson base = new NewPerson("li.clerk", "李四", PASSWORD, List.of());
        OneStopException noSuch = refused(ErrorCode.INVALID, () -> f.access.createPerson(admin, HANSHAN,
                new NewPerson("li.clerk", "李四", PASSWORD, List.of(RoleGrant.department(Role.CLERK, HANSHAN, "nosuch")))));
        assertEquals("grants[0].departmentId", noSuch.field());
        assertEquals("grants[0].departmentId", refused(ErrorCode.INVALID, () -> f.access.createPerson(admin, HANSHAN,
                new NewPerson("li.clerk", "李四", PASSWORD, List.of(RoleGrant.center(Role.CLERK, HANSHAN))))).field());
        assertEquals("grants[0].departmentId", refused(ErrorCode.INVALID, () -> f.access.createPerson(admin, HANSHAN,
                new NewPerson("li.clerk", "李四", PASSWORD, List.of(RoleGrant.department(Role.DIRECTOR, HANSHAN, "market"))))).field());
        assertEquals("grants[0].role", refused(ErrorCode.INVALID, () -> f.access.createPerson(admin, HANSHAN,
                new NewPerson("li.clerk", "李四", PASSWORD, List.of(RoleGrant.center(Role.INTEGRATION, HANSHAN))))).field());
        assertEquals("grants[0].sealId", refused(ErrorCode.INVALID, () -> f.access.createPerson(admin, HANSHAN,
                new NewPerson("li.clerk", "李四", PASSWORD, List.of(RoleGrant.center(Role.SEAL_CUSTODIAN, HANSHAN))))).field());
        assertEquals("grants", refused(ErrorCode.INVALID, () -> f.access.createPerson(admin, HANSHAN, base)).field());
        assertEquals(1, f.count("person"));

        Person clerk = f.access.createPerson(admin, HANSHAN, new NewPerson("li.clerk", "李四", PASSWORD,
                List.of(RoleGrant.department(Role.CLERK, HANSHAN, "market"))));
        // grant() checks the department as createPerson() does.
        refused(ErrorCode.INVALID, () -> f.access.grant(admin, "li.clerk", RoleGrant.department(Role.REVIEWER, HANSHAN, "nosuch")));
        assertEquals(List.of(RoleGrant.department(Role.CLERK, HANSHAN, "market")), clerk.grants());
        Person custodian = f.access.grant(admin, "li.clerk", new RoleGrant(Role.SEAL_CUSTODIAN, HANSHAN, " ", "seal-01"));
        assertTrue(custodian.grants().contains(new RoleGrant(Role.SEAL_CUSTODIAN, HANSHAN, null, "seal-01")));
        // Granting what is held already changes nothing.
        assertEquals(custodian, f.access.grant(admin, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market")));

        Principal p = f.access.signIn("li.clerk", PASSWORD, null).principal();
        assertTrue(p.may(Permission.CASE_ACCEPT, HANSHAN, "market"));
        assertFalse(p.may(Permission.CASE_ACCEPT, HANSHAN, "tax"));
        assertTrue(p.maySeal(HANSHAN, "seal-01"));
        assertFalse(p.maySeal(HANSHAN, "seal-02"));
        assertFalse(p.may(Permission.PEOPLE_MANAGE, HANSHAN, null));
        refused(ErrorCode.FORBIDDEN, () -> f.access.createPerson(p, HANSHAN,
                new NewPerson("zhou", "周", PASSWORD, List.of(RoleGrant.center(Role.DIRECTOR, HANSHAN)))));
        refused(ErrorCode.CONFLICT, () -> f.access.createPerson(admin, HANSHAN,
                new NewPerson("LI.CLERK", "重名", PASSWORD, List.of(RoleGrant.center(Role.DIRECTOR, HANSHAN)))));
    }

    @Test
    void accountAndPasswordRules() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        List<RoleGrant> director = List.of(RoleGrant.center(Role.DIRECTOR, HANSHAN));
        for (String weak : List.of("short1a", "onlyletterslong", "1234567890123", "")) {
            OneStopException e = refused(ErrorCode.INVALID,
                    () -> f.access.createPerson(admin, HANSHAN, new NewPerson("zhou.li", "周立", weak, director)));
            assertEquals("password", e.field());
            assertEquals("密码至少10位，且须同时包含字母和数字", e.getMessage());
        }
        for (String bad : List.of("ab", "周立", "a b c", "x".repeat(41), "robert'); drop table person;--")) {
            assertEquals("account", refused(ErrorCode.INVALID,
                    () -> f.access.createPerson(admin, HANSHAN, new NewPerson(bad, "周立", PASSWORD, director))).field());
        }
        assertEquals("name", refused(ErrorCode.INVALID,
                () -> f.access.createPerson(admin, HANSHAN, new NewPerson("zhou.li", " ", PASSWORD, director))).field());
        assertEquals("周立", f.access.createPerson(admin, HANSHAN, new NewPerson("zhou.li", " 周立 ", "中文密码也可以2026", director))
                .name());
        assertEquals("zhou.li", f.access.signIn("zhou.li", "中文密码也可以2026", null).principal().account());
    }

    @Test
    void changingAPasswordNeedsTheOldOneAndEndsTheSessions() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        Principal clerk = f.person(admin, HANSHAN, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market"));
        SignIn session = f.access.signIn("li.clerk", PASSWORD, null);

        assertEquals("oldPassword", refused(ErrorCode.INVALID,
                () -> f.access.changePassword(clerk, "li.clerk", "Wrong2026pass", "Second2026pass")).field());
        assertEquals("newPassword", refused(ErrorCode.INVALID,
                () -> f.access.changePassword(clerk, "li.clerk", PASSWORD, "weak")).field());
        // A clerk cannot reset someone else's password.
        refused(ErrorCode.FORBIDDEN, () -> f.access.changePassword(clerk, "wang.admin", null, "Second2026pass"));
        assertTrue(f.access.session(session.sessionSecret()).isPresent());

        f.access.changePassword(clerk, "li.clerk", PASSWORD, "Second2026pass");
        assertTrue(f.access.session(session.sessionSecret()).isEmpty());
        refused(ErrorCode.UNAUTHENTICATED, () -> f.access.signIn("li.clerk", PASSWORD, null));
        SignIn again = f.access.signIn("li.clerk", "Second2026pass", null);

        f.access.changePassword(admin, "li.clerk", null, "Third2026pass");
        assertTrue(f.access.session(again.sessionSecret()).isEmpty());
        assertEquals("li.clerk", f.access.signIn("li.clerk", "Third2026pass", null).principal().account());
        refused(ErrorCode.NOT_FOUND, () -> f.access.changePassword(admin, "nobody", null, "Third2026pass"));
    }

    @Test
    void theLastAdministratorStays() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        refused(ErrorCode.STATE, () -> f.access.revoke(admin, "wang.admin", RoleGrant.center(Role.ADMINISTRATOR, HANSHAN)));
        f.person(admin, HANSHAN, "chen.admin", RoleGrant.center(Role.ADMINISTRATOR, HANSHAN));
        Person revoked = f.access.revoke(admin, "wang.admin", RoleGrant.center(Role.ADMINISTRATOR, HANSHAN));
        assertTrue(revoked.grants().isEmpty());
        // Grants are read on every request: the revoked role is gone from the next session lookup.
        assertFalse(f.access.signIn("wang.admin", PASSWORD, null).principal().may(Permission.PEOPLE_MANAGE, HANSHAN, null));
        refused(ErrorCode.NOT_FOUND, () -> f.access.revoke(f.access.signIn("chen.admin", PASSWORD, null).principal(),
                "wang.admin", RoleGrant.center(Role.ADMINISTRATOR, HANSHAN)));
    }

    @Test
    void theFirstAdministratorIsCreatedOnce() {
        Person first = f.access.createFirstAdministrator(HANSHAN, new NewPerson("wang.admin", "王五", PASSWORD, List.of()));
        assertEquals(List.of(RoleGrant.center(Role.ADMINISTRATOR, HANSHAN)), first.grants());
        OneStopException again = refused(ErrorCode.CONFLICT,
                () -> f.access.createFirstAdministrator(HANSHAN, new NewPerson("chen.admin", "陈六", PASSWORD, List.of())));
        assertTrue(again.getMessage().contains("已有中心管理员"), again.getMessage());
        refused(ErrorCode.NOT_FOUND,
                () -> f.access.createFirstAdministrator("nosuch", new NewPerson("chen.admin", "陈六", PASSWORD, List.of())));
        refused(ErrorCode.INVALID, () -> f.access.createFirstAdministrator(MAANSHAN,
                new NewPerson("chen.admin", "陈六", "weak", List.of())));
        // The same account cannot be created twice, even as another center's first administrator.
        refused(ErrorCode.CONFLICT,
                () -> f.access.createFirstAdministrator(MAANSHAN, new NewPerson("wang.admin", "王五", PASSWORD, List.of())));
    }

    @Test
    void aRaisedHashingCostIsAppliedAtTheNextSignIn() throws SQLException {
        f.admin(HANSHAN, "wang.admin");
        assertTrue(f.dump("person").stream().anyMatch(v -> v.startsWith("$argon2id$v=19$m=64,t=1,p=1$")));
        AccessServiceImpl stronger = f.service(AccessSettings.defaults().withArgon2(new AccessSettings.Argon2(128, 2, 1)));
        stronger.signIn("wang.admin", PASSWORD, null);
        assertTrue(f.dump("person").stream().anyMatch(v -> v.startsWith("$argon2id$v=19$m=128,t=2,p=1$")));
        assertEquals("wang.admin", stronger.signIn("wang.admin", PASSWORD, null).principal().account());
        PersonRecord record = f.store.read(s -> s.person("wang.admin")).orElseThrow();
        assertFalse(record.toString().contains("argon2"));
    }

    // --- the security log ----------------------------------------------------------------------

    @Test
    void everyKindOfEventReachesTheLog() {
        Principal admin = f.admin(HANSHAN, "wang.admin");
        Principal clerk = f.person(admin, HANSHAN, "li.clerk", RoleGrant.department(Role.CLERK, HANSHAN, "market"));
        SignIn session = f.access.signIn("li.clerk", PASSWORD, "10.0.0.9");
        f.access.signOut(session.sessionSecret(), "10.0.0.9");
        for (int i = 0; i < 5; i++) {
            assertThrows(OneStopException.class, () -> f.access.signIn("li.clerk", "Wrong2026pass", null));
        }
        f.access.setEnabled(admin, HANSHAN, "li.clerk", false);
        f.access.setEnabled(admin, HANSHAN, "li.clerk", true);
        f.access.changePassword(admin, "li.clerk", null, "Second2026pass");
        f.access.grant(admin, "li.clerk", RoleGrant.department(Role.REVIEWER, HANSHAN, "tax"));
        f.access.revoke(admin, "li.clerk", RoleGrant.department(Role.REVIEWER, HANSHAN, "tax"));
        IssuedToken token = f.access.issueToken(admin, HANSHAN,
                new NewToken("接口", null, Set.of(Permission.CASE_READ), f.clock.instant().plusSeconds(3600)));
        f.access.revokeToken(admin, HANSHAN, token.token().id());
        f.access.tokenPrincipal(token.secret(), null);
        f.access.recordDenied(clerk, HANSHAN, "/api/v1/centers/hanshan/people", "10.0.0.9");

        Principal supervisor = f.person(admin, HANSHAN, "sun.supervisor", RoleGrant.center(Role.SUPERVISOR, HANSHAN));
        List<SecurityEvent> events = log(supervisor, HANSHAN);
        Set<SecurityEventKind> seen = events.stream().map(SecurityEvent::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(SecurityEventKind.class), seen);
        // Newest first, numbered upwards.
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).sequence() > events.get(i).sequence());
        }
        SecurityEvent denied = events.stream().filter(e -> e.kind() == SecurityEventKind.ACCESS_DENIED).findFirst()
                .orElseThrow();
        assertEquals("li.clerk", denied.actor());
        assertEquals("/api/v1/centers/hanshan/people", denied.subject());
        assertEquals(3, f.access.securityLog(supervisor, HANSHAN, 3).size());
        assertEquals("limit", refused(ErrorCode.INVALID, () -> f.access.securityLog(supervisor, HANSHAN, 501)).field());
        // Neither a clerk nor an administrator reads the log: it is the supervisor's.
        refused(ErrorCode.FORBIDDEN, () -> f.access.securityLog(clerk, HANSHAN, 10));
        refused(ErrorCode.FORBIDDEN, () -> f.access.securityLog(admin, HANSHAN, 10));
    }
}
