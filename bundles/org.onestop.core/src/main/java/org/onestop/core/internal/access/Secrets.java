package org.onestop.core.internal.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Random secrets and their stored form. A secret of 32 random bytes needs no slow hash: nobody can guess
 * it, so SHA-256 is enough to keep a database reader from using it.
 */
final class Secrets {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    Secrets(SecureRandom random) {
        this.random = random;
    }

    /** 32 random bytes, Base64url without padding (43 characters). */
    String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    /** A short random identifier of lower-case hex, for a token's public part. */
    String id() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** SHA-256 of the secret's UTF-8 bytes, lower-case hex (64 characters). */
    static String hash(String secret) {
        SHA256Digest digest = new SHA256Digest();
        byte[] in = secret.getBytes(StandardCharsets.UTF_8);
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    static boolean sameHash(String a, String b) {
        return org.bouncycastle.util.Arrays.constantTimeAreEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
