package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.PASSWORD;
import static org.onestop.web.internal.Fixture.error;
import static org.onestop.web.internal.Fixture.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onestop.api.cases.CaseState;
import org.onestop.web.internal.Fixture.Who;

/**
 * Sign-in, sessions, tokens, CSRF and authorization through the router, over the real access service:
 * wrong passwords, revoked tokens, CSRF rejection, session fixation, sign-out, cross-department and
 * cross-center access, masking, the security log, and the people and token endpoints.
 */
class AccessTest extends FixtureTest {

    private static final String CASES = "/centers/hanshan/cases";

    private String marketCase;

    @BeforeAll
    void prepare() {
        marketCase = fx.receiveMarketCase();
    }

    // --- sign-in and sessions ------------------------------------------------------------------------

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSame401() {
        ApiResponse wrong = signIn("hs.director", "Wrong-password-1");
        ApiResponse unknown = signIn("nobody.here", PASSWORD);
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals("UNAUTHENTICATED", error(wrong).get("code").getAsString());
        assertEquals(error(wrong).get("message").getAsString(), error(unknown).get("message").getAsString());
        assertNull(wrong.cookie(), "no cookie for a failed sign-in");
        assertFalse(wrong.text().contains("Wrong-password-1"), "the password is never echoed");
    }

    @Test
    void theSignInAnswerNamesThePersonAndTheirRolesInChinese() {
        ApiResponse r = signIn("hs.clerk", PASSWORD);
        assertEquals(200, r.status(), r.text());
        JsonObject principal = json(r).getAsJsonObject("principal");
        assertEquals("hs.clerk", principal.get("account").getAsString());
        assertEquals("王窗口", principal.get("name").getAsString());
        assertFalse(principal.get("token").getAsBoolean());
        JsonObject grant = principal.getAsJsonArray("grants").get(0).getAsJsonObject();
        assertEquals("CLERK", grant.get("role").getAsString());
        assertEquals("窗口受理人员", grant.get("roleLabel").getAsString());
        assertEquals("market", grant.get("departmentId").getAsString());
        assertFalse(principal.has("scope"), "only a token has a scope");
        assertTrue(json(r).get("csrfToken").getAsString().length() >= 32);
        assertTrue(json(r).has("expiresAt"));
        assertFalse(r.text().contains(r.cookie().secret()), "the session secret travels only in the cookie");
        assertFalse(r.text().contains(PASSWORD));
    }

    @Test
    void signingInWithALiveSessionCookieEndsItAndGivesANewSecret() {
        Who old = fx.signIn("hs.director");
        ApiResponse r = fx.post(old.withCsrf(null), "/session",
                "{\"account\": \"hs.director\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(200, r.status(), "signing in needs no CSRF token: " + r.text());
        assertNotEquals(old.cookie(), r.cookie().secret());
        assertTrue(fx.access.session(old.cookie()).isEmpty(), "the session the browser held is gone (fixation)");
        assertEquals(401, fx.get(old, "/session").status());
        assertTrue(fx.access.session(r.cookie().secret()).isPresent());
    }

    @Test
    void signOutEndsTheSessionOnTheServerAndExpiresTheCookie() {
        Who director = fx.signIn("hs.director");
        assertEquals(200, fx.get(director, "/session").status());
        ApiResponse out = fx.send(director, "DELETE", "/session", null);
        assertEquals(204, out.status());
        assertNull(out.cookie().secret(), "the cookie is expired");
        assertTrue(fx.access.session(director.cookie()).isEmpty());
        ApiResponse after = fx.get(director, "/session");
        assertEquals(401, after.status());
        assertTrue(error(after).get("message").getAsString().contains("重新登录"), after.text());
        assertEquals(204, fx.send(director, "DELETE", "/session", null).status(), "signing out again is harmless");
        assertEquals(204, fx.send(Who.ANONYMOUS, "DELETE", "/session", null).status());
    }

    @Test
    void aCookieCallThatChangesDataWithoutTheRightCsrfTokenIs403AndChangesNothing() {
        Who admin = fx.signIn("hs.admin");
        String enabled = "/centers/hanshan/people/hs.director/enabled";
        for (String csrf : new String[] {null, "", "x", admin.csrf().substring(1)}) {
            ApiResponse r = fx.send(admin.withCsrf(csrf), "PUT", enabled, "{\"enabled\": false}");
            assertEquals(403, r.status(), "csrf " + csrf);
            assertEquals("CSRF", error(r).get("code").getAsString());
            assertTrue(error(r).get("message").getAsString().contains("X-CSRF-Token"));
        }
        assertTrue(fx.access.signIn("hs.director", PASSWORD, "test").principal() != null, "still enabled");
        ApiResponse revoke = fx.send(admin.withCsrf(null), "DELETE", "/centers/hanshan/tokens/0123456789abcdef", null);
        assertEquals(403, revoke.status(), "DELETE needs it too");
        ApiResponse ok = fx.send(admin, "PUT", enabled, "{\"enabled\": true}");
        assertEquals(200, ok.status(), ok.text());
        assertEquals(200, fx.get(admin.withCsrf(null), "/centers/hanshan/people").status(), "reading needs none");
    }

    @Test
    void aBadBearerTokenIs401AndNeverTheAnonymousAnswer() {
        for (String header : new String[] {"Bearer ost_0123456789abcdef.nope", "Bearer ", "Basic aGVsbG86d29ybGQ=", "token"}) {
            ApiResponse r = fx.router.handle(ApiRequest.of("GET", "/centers", null)
                    .with(new ApiRequest.Credentials(null, header, null, "10.0.0.9")));
            assertEquals(401, r.status(), header);
            assertEquals("UNAUTHENTICATED", error(r).get("code").getAsString());
        }
    }

    @Test
    void aRevokedTokenIs401() {
        ApiResponse issued = fx.post(fx.admin, "/centers/hanshan/tokens",
                "{\"name\": \"临时查询\", \"scope\": [\"CASE_READ\"], \"expiresAt\": \"2026-12-25T00:00:00+08:00\"}");
        assertEquals(201, issued.status(), issued.text());
        String secret = json(issued).get("secret").getAsString();
        String id = json(issued).getAsJsonObject("token").get("id").getAsString();
        assertEquals("查看办件", json(issued).getAsJsonObject("token").getAsJsonArray("scope").get(0).getAsJsonObject()
                .get("label").getAsString());
        Who token = Who.bearer(secret);
        assertEquals(200, fx.get(token, CASES).status());

        ApiResponse list = fx.get(fx.admin, "/centers/hanshan/tokens");
        assertTrue(list.text().contains(id));
        assertFalse(list.text().contains(secret.substring(secret.indexOf('.') + 1)), "a token's secret is shown once");

        ApiResponse revoked = fx.send(fx.admin, "DELETE", "/centers/hanshan/tokens/" + id, null);
        assertEquals(200, revoked.status(), revoked.text());
        assertTrue(json(revoked).has("revokedAt"));
        ApiResponse after = fx.get(token, CASES);
        assertEquals(401, after.status());
        assertEquals(401, fx.get(token, "/centers").status(), "not even the public answer");
    }

    @Test
    void aTokenMayNotChangePasswordsWhateverItsScope() {
        ApiResponse r = fx.send(fx.wideToken, "PUT", "/people/hs.director/password", "{\"newPassword\": \"Another-pass-7\"}");
        assertEquals(403, r.status(), r.text());
        assertTrue(error(r).get("message").getAsString().contains("接口令牌"), r.text());
    }

    // --- cases: departments and personal data --------------------------------------------------------

    @Test
    void aClerkOfAnotherDepartmentCannotReadOrActOnTheCaseAndLearnsNotEvenThatItExists() {
        String number = fx.receiveMarketCase();
        String path = CASES + "/" + number;
        ApiResponse missing = fx.get(fx.hrssClerk, CASES + "/340522-20261125-0999");
        ApiResponse read = fx.get(fx.hrssClerk, path);
        ApiResponse accept = fx.post(fx.hrssClerk, path + "/accept", "{}");
        ApiResponse conclude = fx.post(fx.hrssClerk, path + "/conclude", "{}");
        for (ApiResponse r : List.of(read, accept, conclude)) {
            assertEquals(404, r.status(), r.text());
            assertEquals(error(missing).get("message").getAsString().replace("0999", number.substring(16)),
                    error(r).get("message").getAsString());
        }
        assertEquals(CaseState.RECEIVED, fx.oneStop.cases().find("hanshan", number).orElseThrow().state(),
                "nothing changed");
        ApiResponse receive = fx.post(fx.hrssClerk, CASES, Fixture.receiveBody());
        assertEquals(403, receive.status(), "the hrss clerk may not receive for market: " + receive.text());
        assertTrue(error(receive).get("message").getAsString().contains("“market”"));
        assertTrue(error(receive).get("message").getAsString().contains("“收件”"));
        for (JsonElement c : json(fx.get(fx.hrssClerk, CASES)).getAsJsonArray("cases")) {
            assertEquals("hrss", c.getAsJsonObject().get("departmentId").getAsString());
        }
    }

    @Test
    void aReviewerWhoMayReadTheCaseIsToldWhyTheyMayNotAcceptIt() {
        String number = fx.receiveMarketCase();
        ApiResponse r = fx.post(fx.reviewer, CASES + "/" + number + "/accept", "{}");
        assertEquals(403, r.status(), r.text());
        assertEquals("FORBIDDEN", error(r).get("code").getAsString());
        assertEquals("无权操作：当前账号在中心“hanshan”没有“受理”权限", error(r).get("message").getAsString(),
                "a reviewer accepts in no department");
        assertEquals(CaseState.RECEIVED, fx.oneStop.cases().find("hanshan", number).orElseThrow().state());
        JsonArray log = json(fx.get(fx.supervisor, "/centers/hanshan/security-log?limit=20")).getAsJsonArray("events");
        boolean logged = false;
        for (JsonElement e : log) {
            JsonObject event = e.getAsJsonObject();
            logged |= event.get("kind").getAsString().equals("ACCESS_DENIED")
                    && event.get("actor").getAsString().equals("hs.reviewer")
                    && event.get("subject").getAsString().contains(number + "/accept");
        }
        assertTrue(logged, "the refusal is in the security log: " + log);
    }

    @Test
    void personalDataIsShownOnlyToThoseWhoMayReadItInTheDepartment() {
        String path = CASES + "/" + marketCase;
        assertEquals("张三丰", applicant(fx.get(fx.clerk, path)).get("name").getAsString());
        assertEquals(Fixture.PERSON_ID, applicant(fx.get(fx.reviewer, path)).get("idNumber").getAsString());
        for (Who masked : List.of(fx.supervisor, fx.byRole.get(org.onestop.api.access.Role.DIRECTOR), fx.narrowToken)) {
            ApiResponse r = fx.get(masked, path);
            assertEquals(200, r.status(), r.text());
            assertEquals("张**", applicant(r).get("name").getAsString());
            assertFalse(r.text().contains(Fixture.PERSON_ID) || r.text().contains("13912345678"), r.text());
        }
        assertEquals(Fixture.PERSON_ID, applicant(fx.get(fx.wideToken, path)).get("idNumber").getAsString(),
                "a token whose scope names 查看申请人信息 sees it");
        JsonArray list = json(fx.get(fx.supervisor, CASES)).getAsJsonArray("cases");
        assertFalse(list.isEmpty());
        assertFalse(list.toString().contains(Fixture.PERSON_ID), "lists are masked too");
    }

    @Test
    void aTokenNarrowedToOneDepartmentListsOnlyThatDepartmentsCases() {
        ApiResponse hrss = fx.post(fx.hrssClerk, CASES, Fixture.receiveBody().replace("HS-SCJG-003", "HS-RS-001").replace("\"A03\"", "\"C03\"")
                .replace("食品经营许可申请书", "社会保障卡申领登记表"));
        assertTrue(hrss.status() == 201 || hrss.status() == 400, hrss.text());
        if (hrss.status() == 400) {
            // The material name is not in the item's list; receive without materials.
            hrss = fx.post(fx.hrssClerk, CASES, Fixture.receiveBody().replace("HS-SCJG-003", "HS-RS-001").replace("\"A03\"", "\"C03\"")
                    .replaceAll("\"materials\": \\[[^]]*],", ""));
        }
        assertEquals(201, hrss.status(), hrss.text());
        JsonArray all = json(fx.get(fx.wideToken, CASES)).getAsJsonArray("cases");
        assertTrue(all.toString().contains("\"hrss\""), "the wide token sees hrss cases");
        JsonArray narrow = json(fx.get(fx.narrowToken, CASES)).getAsJsonArray("cases");
        assertFalse(narrow.isEmpty());
        for (JsonElement c : narrow) {
            assertEquals("market", c.getAsJsonObject().get("departmentId").getAsString());
        }
        String hrssNumber = json(hrss).get("number").getAsString();
        assertEquals(404, fx.get(fx.narrowToken, CASES + "/" + hrssNumber).status());
    }

    @Test
    void theActorOfAnActIsTheCallerWhateverTheBodySays() {
        String number = fx.receiveMarketCase();
        ApiResponse r = fx.post(fx.clerk, CASES + "/" + number + "/accept", "{\"actor\": \"局长\", \"window\": \"A02\"}");
        assertEquals(200, r.status(), r.text());
        JsonObject accepted = json(r).getAsJsonArray("timeline").get(1).getAsJsonObject();
        assertEquals("王窗口（hs.clerk）", accepted.get("actor").getAsString());
        assertEquals("A02", accepted.get("window").getAsString());
        ApiResponse badDate = fx.post(fx.clerk, CASES + "/" + number + "/conclude", "{\"on\": \"tomorrow\"}");
        assertEquals(400, badDate.status());
        assertEquals("on", error(badDate).get("field").getAsString());
    }

    @Test
    void theSupervisorReadsTheSecurityLogAndTheAdministratorDoesNot() {
        ApiResponse log = fx.get(fx.supervisor, "/centers/hanshan/security-log?limit=500");
        assertEquals(200, log.status(), log.text());
        JsonArray events = json(log).getAsJsonArray("events");
        assertTrue(events.toString().contains("\"SIGN_IN\"") && events.toString().contains("登录成功"));
        assertTrue(events.toString().contains("\"TOKEN_ISSUED\""));
        assertEquals(403, fx.get(fx.admin, "/centers/hanshan/security-log").status());
    }

    // --- people, and other centers -------------------------------------------------------------------

    @Test
    void anAdministratorManagesPeopleAndADisabledPersonsSessionEnds() {
        ApiResponse created = fx.post(fx.admin, "/centers/hanshan/people", """
                {"account": "hs.clerk.housing", "name": "郑住建", "password": "First-pass-12",
                 "grants": [{"role": "CLERK", "departmentId": "housing"}]}
                """);
        assertEquals(201, created.status(), created.text());
        assertFalse(created.text().contains("First-pass-12"), "the password is never echoed");
        assertEquals("窗口受理人员", json(created).getAsJsonArray("grants").get(0).getAsJsonObject().get("roleLabel")
                .getAsString());
        ApiResponse granted = fx.post(fx.admin, "/centers/hanshan/people/hs.clerk.housing/grants",
                "{\"role\": \"REVIEWER\", \"departmentId\": \"housing\"}");
        assertEquals(200, granted.status(), granted.text());
        assertEquals(2, json(granted).getAsJsonArray("grants").size());
        ApiResponse revoked = fx.send(fx.admin, "DELETE",
                "/centers/hanshan/people/hs.clerk.housing/grants?role=REVIEWER&departmentId=housing", null);
        assertEquals(200, revoked.status(), revoked.text());
        assertEquals(1, json(revoked).getAsJsonArray("grants").size());

        Who housing = fx.signInWith("hs.clerk.housing", "First-pass-12");
        assertEquals(200, fx.get(housing, "/session").status());
        ApiResponse disabled = fx.send(fx.admin, "PUT", "/centers/hanshan/people/hs.clerk.housing/enabled",
                "{\"enabled\": false}");
        assertEquals(200, disabled.status(), disabled.text());
        assertFalse(json(disabled).get("enabled").getAsBoolean());
        assertEquals(401, fx.get(housing, "/session").status(), "disabling ends the person's sessions");
        assertTrue(json(fx.get(fx.admin, "/centers/hanshan/people")).getAsJsonArray("people").toString()
                .contains("hs.clerk.housing"));
    }

    @Test
    void changingOnesOwnPasswordNeedsTheOldOneAndEndsTheSession() {
        fx.access.createPerson(fx.principal(fx.admin), "hanshan", new org.onestop.api.access.NewPerson("hs.director2",
                "冯主任", PASSWORD, List.of(org.onestop.api.access.RoleGrant.center(org.onestop.api.access.Role.DIRECTOR,
                "hanshan"))));
        Who me = fx.signIn("hs.director2");
        ApiResponse wrongOld = fx.send(me, "PUT", "/people/hs.director2/password",
                "{\"oldPassword\": \"Not-my-pass-1\", \"newPassword\": \"Brand-new-pass-2\"}");
        assertEquals(400, wrongOld.status(), wrongOld.text());
        assertEquals("oldPassword", error(wrongOld).get("field").getAsString());
        ApiResponse someoneElse = fx.send(me, "PUT", "/people/hs.clerk/password", "{\"newPassword\": \"Brand-new-pass-2\"}");
        assertEquals(403, someoneElse.status(), "a director may not reset a clerk's password: " + someoneElse.text());
        ApiResponse changed = fx.send(me, "PUT", "/people/hs.director2/password",
                "{\"oldPassword\": \"" + PASSWORD + "\", \"newPassword\": \"Brand-new-pass-2\"}");
        assertEquals(204, changed.status(), changed.text());
        assertEquals(0, changed.json().length);
        if (fx.access.session(me.cookie()).isEmpty()) {
            assertNull(changed.cookie().secret(), "the session ended with the change, so the cookie is expired");
        }
        assertEquals(401, signIn("hs.director2", PASSWORD).status());
        assertEquals(200, signIn("hs.director2", "Brand-new-pass-2").status());
    }

    @Test
    void anAdministratorOfOneCenterCannotManageAnother() {
        for (String path : List.of("/centers/maanshan/people", "/centers/maanshan/tokens")) {
            ApiResponse r = fx.get(fx.admin, path);
            assertEquals(403, r.status(), path);
            assertTrue(error(r).get("message").getAsString().contains("“maanshan”"), r.text());
        }
        ApiResponse grant = fx.post(fx.admin, "/centers/maanshan/people/hs.clerk/grants",
                "{\"role\": \"CLERK\", \"departmentId\": \"hrss\"}");
        assertEquals(403, grant.status(), grant.text());
        ApiResponse create = fx.post(fx.admin, "/centers/maanshan/people",
                "{\"account\": \"mas.intruder\", \"name\": \"某某\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(403, create.status());
        assertEquals(403, fx.get(fx.maanshanAdmin, "/centers/hanshan/people").status());
        assertEquals(200, fx.get(fx.maanshanAdmin, "/centers/maanshan/people").status());
        assertFalse(json(fx.get(fx.maanshanAdmin, "/centers/maanshan/people")).toString().contains("mas.intruder"),
                "nothing was created");
    }

    private ApiResponse signIn(String account, String password) {
        return fx.post(Who.ANONYMOUS, "/session", "{\"account\": \"" + account + "\", \"password\": \"" + password + "\"}");
    }

    private static JsonObject applicant(ApiResponse r) {
        return json(r).getAsJsonObject("applicant");
    }
}
