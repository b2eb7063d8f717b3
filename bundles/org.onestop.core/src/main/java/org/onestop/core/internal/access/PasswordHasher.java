package org.onestop.core.internal.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}
 * (unpadded standard Base64), the form libsodium and the reference implementation write. Verification
 * reads the cost from the string itself, so raising the cost later leaves old hashes valid.
 */
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final AccessSettings.Argon2 cost;
    private final SecureRandom random;

    public PasswordHasher(AccessSettings.Argon2 cost, SecureRandom random) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new hash of {@code password} with a fresh random salt and the configured cost. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}; false, never an exception, for a string that is
     * not a well-formed Argon2id hash within the accepted cost bounds.
     */
    public boolean verify(String password, String encoded) {
        Parsed parsed = parse(encoded);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt, parsed.cost, parsed.hash.length);
        return org.bouncycastle.util.Arrays.constantTimeAreEqual(actual, parsed.hash);
    }

    /** Whether a stored hash was made with another cost than the configured one and should be renewed. */
    public boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || !parsed.cost.equals(cost);
    }

    private static byte[] derive(String password, byte[] salt, AccessSettings.Argon2 cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private record Parsed(AccessSettings.Argon2 cost, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return null;
        }
        try {
            AccessSettings.Argon2 cost = new AccessSettings.Argon2(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = B64_DECODE.decode(m.group(4));
            byte[] hash = B64_DECODE.decode(m.group(5));
            if (salt.length < 8 || hash.length < 16) {
                return null;
            }
            return new Parsed(cost, salt, hash);
        } catch (IllegalArgumentException e) {
            // Out-of-bounds cost or broken Base64: a tampered or foreign string, which matches no password.
            return null;
        }
    }
}
