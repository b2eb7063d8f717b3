package org.onestop.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    static Principal person(RoleGrant... grants) {
        return new Principal("p", "某人", List.of(grants), Set.of(), false);
    }

    @Test
    void aClerkActsOnlyInTheirDepartmentAndCenter() {
        Principal clerk = person(RoleGrant.department(Role.CLERK, "hanshan", "market"));
        assertTrue(clerk.may(Permission.CASE_ACCEPT, "hanshan", "market"));
        assertFalse(clerk.may(Permission.CASE_ACCEPT, "hanshan", "housing"));
        assertFalse(clerk.may(Permission.CASE_ACCEPT, "maanshan", "market"));
        assertFalse(clerk.may(Permission.PEOPLE_MANAGE, "hanshan", null));
        assertEquals(Set.of("market"), clerk.departmentsFor(Permission.CASE_READ, "hanshan"));
        assertEquals(Set.of(), clerk.departmentsFor(Permission.CASE_READ, "maanshan"));
    }

    @Test
    void centerRolesCoverEveryDepartment() {
        Principal supervisor = person(RoleGrant.center(Role.SUPERVISOR, "hanshan"));
        assertTrue(supervisor.may(Permission.CASE_READ, "hanshan", "market"));
        assertFalse(supervisor.may(Permission.CASE_READ_PERSONAL, "hanshan", "market"), "a supervisor sees masked data");
        assertNull(supervisor.departmentsFor(Permission.CASE_READ, "hanshan"));
    }

    @Test
    void aTokenMayOnlyWhatItsScopeNamesWhereItIsNarrowed() {
        Principal token = new Principal("token:1", "数据交换", List.of(new RoleGrant(Role.INTEGRATION, "hanshan", "market", null)),
                Set.of(Permission.CASE_READ), true);
        assertTrue(token.may(Permission.CASE_READ, "hanshan", "market"));
        assertFalse(token.may(Permission.CASE_READ, "hanshan", "housing"));
        assertFalse(token.may(Permission.CASE_ACCEPT, "hanshan", "market"));
        assertEquals(Set.of("market"), token.departmentsFor(Permission.CASE_READ, "hanshan"));
    }

    @Test
    void aSealCustodianSealsOnlyWithTheirSeal() {
        Principal custodian = person(new RoleGrant(Role.SEAL_CUSTODIAN, "hanshan", null, "seal-market"));
        assertTrue(custodian.maySeal("hanshan", "seal-market"));
        assertFalse(custodian.maySeal("hanshan", "seal-housing"));
        assertFalse(custodian.may(Permission.CASE_READ, "hanshan", null));
    }
}
