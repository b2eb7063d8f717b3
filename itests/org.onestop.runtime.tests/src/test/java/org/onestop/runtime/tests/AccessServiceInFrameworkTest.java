package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.api.access.AccessService;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.Permission;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SignIn;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The access service runs in the framework: Argon2id through the Bouncy Castle bundle, the store's access
 * tables, and a session the same service then recognizes.
 */
@ExtendWith(ServiceExtension.class)
public class AccessServiceInFrameworkTest {

    @InjectService(timeout = Await.TIMEOUT_MS)
    AccessService access;

    @Test
    void theFirstAdministratorSignsInAndHoldsTheRole() {
        access.createFirstAdministrator("maanshan",
                new NewPerson("itest.admin", "集成测试管理员", "Itest2026pass", List.<RoleGrant>of()));
        SignIn signIn = access.signIn("itest.admin", "Itest2026pass", "127.0.0.1");
        assertTrue(signIn.principal().may(Permission.PEOPLE_MANAGE, "maanshan", null));
        assertTrue(!signIn.principal().may(Permission.PEOPLE_MANAGE, "hanshan", null), "only in its own center");
        assertEquals("itest.admin", access.session(signIn.sessionSecret()).orElseThrow().principal().account());
        access.signOut(signIn.sessionSecret(), "127.0.0.1");
        assertTrue(access.session(signIn.sessionSecret()).isEmpty());
    }
}
