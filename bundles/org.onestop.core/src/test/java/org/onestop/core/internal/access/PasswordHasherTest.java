package org.onestop.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher cheap = new PasswordHasher(AccessFixture.CHEAP, new SecureRandom());

    @Test
    void hashesRoundTripAndRefuseWrongPasswords() {
        String hash = cheap.hash("Zhengwu2026ok");
        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), hash);
        assertTrue(cheap.verify("Zhengwu2026ok", hash));
        assertFalse(cheap.verify("Zhengwu2026oK", hash));
        assertFalse(cheap.verify("", hash));
        assertFalse(cheap.verify(null, hash));
        // A fresh salt each time: equal passwords never give equal hashes.
        assertNotEquals(hash, cheap.hash("Zhengwu2026ok"));
        assertFalse(hash.contains("Zhengwu2026ok"));
    }

    @Test
    void tamperedOrForeignStringsMatchNothing() {
        String hash = cheap.hash("Zhengwu2026ok");
        int last = hash.lastIndexOf('$');
        char c = hash.charAt(last + 1);
        String flippedHash = hash.substring(0, last + 1) + (c == 'A' ? 'B' : 'A') + hash.substring(last + 2);
        assertFalse(cheap.verify("Zhengwu2026ok", flippedHash));
        // Another cost in the string changes the result: the cost is part of what is verified.
        assertFalse(cheap.verify("Zhengwu2026ok", hash.replace("m=64,t=1", "m=64,t=2")));
        assertFalse(cheap.verify("Zhengwu2026ok", hash.replace("$argon2id$", "$argon2i$")));
        assertFalse(cheap.verify("Zhengwu2026ok", hash.replace("v=19", "v=16")));
        // Cost out of bounds (a tampered database must not make sign-in allocate gigabytes).
        assertFalse(cheap.verify("Zhengwu2026ok", hash.replace("m=64", "m=9999999")));
        assertFalse(cheap.verify("Zhengwu2026ok", "Zhengwu2026ok"));
        assertFalse(cheap.verify("Zhengwu2026ok", null));
        assertFalse(cheap.verify("Zhengwu2026ok", hash.substring(0, last)));
    }

    @Test
    void verifiesWithTheCostStoredInTheString() {
        PasswordHasher stronger = new PasswordHasher(new AccessSettings.Argon2(256, 2, 2), new SecureRandom());
        String old = cheap.hash("Zhengwu2026ok");
        assertTrue(stronger.verify("Zhengwu2026ok", old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(cheap.needsRehash(old));
        String renewed = stronger.hash("Zhengwu2026ok");
        assertTrue(renewed.contains("$m=256,t=2,p=2$"));
        assertTrue(cheap.verify("Zhengwu2026ok", renewed));
    }

    @Test
    void matchesTheReferenceArgon2idOutput() {
        // Computed independently through Bouncy Castle's generator with the salt from the string: the PHC
        // fields are laid out as the reference implementation does (unpadded standard Base64).
        String hash = cheap.hash("Zhengwu2026ok");
        String[] parts = hash.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64).withIterations(1).withParallelism(1).withSalt(salt).build());
        byte[] expected = new byte[32];
        generator.generateBytes("Zhengwu2026ok".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(Base64.getDecoder().decode(parts[5])));
        assertEquals(16, salt.length);
    }

    @Test
    void theDefaultCostIsUsedAndVerifies() {
        PasswordHasher real = new PasswordHasher(AccessSettings.defaults().argon2(), new SecureRandom());
        String hash = real.hash("Zhengwu2026ok");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(real.verify("Zhengwu2026ok", hash));
        assertFalse(real.verify("Zhengwu2026ok1", hash));
    }
}
