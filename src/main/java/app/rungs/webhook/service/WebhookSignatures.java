package app.rungs.webhook.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two providers' signature formats, checked in constant time over the raw body: PagerDuty sends
 * {@code X-PagerDuty-Signature: v1=<hex>[,v1=<hex>...]} (several while a secret rotates), GitHub sends
 * {@code X-Hub-Signature-256: sha256=<hex>}. Both are HMAC-SHA256 of the exact bytes received.
 */
final class WebhookSignatures {

    private static final int MAX_SIGNATURES = 10;

    private WebhookSignatures() {}

    static boolean pagerDuty(String header, byte[] body, List<byte[]> secrets) {
        if (header == null || header.isBlank()) {
            return false;
        }
        var parts = header.split(",");
        if (parts.length > MAX_SIGNATURES) {
            return false;
        }
        boolean match = false;
        for (var part : parts) {
            var p = part.strip();
            if (p.startsWith("v1=")) {
                // No early exit: every signature is compared against every secret.
                match |= matches(p.substring(3), body, secrets);
            }
        }
        return match;
    }

    static boolean gitHub(String header, byte[] body, List<byte[]> secrets) {
        if (header == null || !header.strip().toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            return false;
        }
        return matches(header.strip().substring(7), body, secrets);
    }

    static String sign(byte[] secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, body));
    }

    private static boolean matches(String hex, byte[] body, List<byte[]> secrets) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (var secret : secrets) {
            match |= MessageDigest.isEqual(hmac(secret, body), given);
        }
        return match;
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
