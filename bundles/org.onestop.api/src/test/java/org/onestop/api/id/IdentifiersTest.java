package org.onestop.api.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void residentIdFollowsGb11643() {
        // The example number printed in GB 11643-1999 itself.
        assertTrue(ResidentId.isValid("11010519491231002X"));
        assertTrue(ResidentId.isValid("11010519491231002x"), "a lower-case x is accepted");
        assertEquals('X', ResidentId.checkCharacter("11010519491231002"));
        assertTrue(ResidentId.problem("110105194912310021").orElseThrow().contains("校验码"));
        assertTrue(ResidentId.problem("110105194902300025").orElseThrow().contains("出生日期"), "30 February");
        assertTrue(ResidentId.problem("12345").orElseThrow().contains("18位"));
        assertTrue(ResidentId.problem(null).isPresent());
        assertTrue(ResidentId.problem("1101051949123100X2").isPresent(), "X only in the last place");
        // Check digits right, yet impossible: born in 2099, born in 1899, region 999999.
        assertTrue(ResidentId.problem(withCheck("34052220990101123")).orElseThrow().contains("出生日期"));
        assertTrue(ResidentId.problem(withCheck("34052218991231123")).orElseThrow().contains("出生日期"));
        assertTrue(ResidentId.problem(withCheck("99999919900101123")).orElseThrow().contains("行政区划"));
        assertTrue(ResidentId.isValid(withCheck("34052220000229123")), "29 February 2000");
    }

    private static String withCheck(String seventeen) {
        return seventeen + ResidentId.checkCharacter(seventeen);
    }

    @Test
    void creditCodeFollowsGb32100() {
        // A code published on a real business licence (a well-known listed company).
        assertTrue(CreditCode.isValid("91350100M000100Y43"));
        assertTrue(CreditCode.problem("91350100M000100Y44").orElseThrow().contains("校验码"));
        assertTrue(CreditCode.problem("91350100M000100I43").orElseThrow().contains("第16位"), "I is not in the alphabet");
        assertTrue(CreditCode.problem("9135010").orElseThrow().contains("18位"));
        String first17 = "11340522MB1234567";
        assertTrue(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17)));
    }

    @Test
    void regionCodeIsSixDigitsOfAProvince() {
        assertTrue(RegionCode.isValid("340522"));
        assertFalse(RegionCode.isValid("34052"));
        assertFalse(RegionCode.isValid("990522"), "no province 99");
        assertFalse(RegionCode.isValid("3405a2"));
    }

    @Test
    void masksKeepOnlyWhatRecognizesOnesOwnRecord() {
        assertEquals("110105********002X", Masks.idNumber("11010519491231002X"));
        assertEquals("139****5678", Masks.phone("13912345678"));
        assertEquals("张*", Masks.personName("张三"));
        assertEquals("欧**", Masks.personName("欧阳锋"));
        assertEquals("***4", Masks.phone("1234"), "too short to keep both ends");
        assertEquals(null, Masks.phone(null));
    }
}
