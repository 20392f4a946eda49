package app.rungs.security.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Token secrets: "rungs_" + 32 random bytes (256 bits) in URL-safe base64. Stored as SHA-256: with that much entropy
 * a fast unsalted hash cannot be brute-forced or looked up in a table, while a slow password hash would add nothing
 * but latency to every API request. The database lookup is by hash, so the secret is never compared character by
 * character; the final check uses {@link MessageDigest#isEqual}, which takes the same time wherever bytes differ.
 */
public final class ApiTokenSecrets {

    public static final String PREFIX = "rungs_";
    static final int SECRET_BYTES = 32;
    /** Base64 of 32 bytes without padding. */
    static final int ENCODED_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {}

    static String newSecret() {
        var bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a token at all: anything else is refused without a database read. */
    static boolean wellFormed(String presented) {
        if (presented == null
                || !presented.startsWith(PREFIX)
                || presented.length() != PREFIX.length() + ENCODED_LENGTH) {
            return false;
        }
        for (int i = PREFIX.length(); i < presented.length(); i++) {
            char c = presented.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static boolean matches(byte[] storedHash, String presented) {
        return MessageDigest.isEqual(storedHash, hash(presented));
    }

    /** The first characters after the prefix, shown so users can tell their tokens apart. */
    static String hint(String secret) {
        return secret.substring(PREFIX.length(), PREFIX.length() + 6);
    }
}
