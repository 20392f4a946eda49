package app.rungs.webhook.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook signing secrets encrypted at rest. An HMAC is verified with the raw secret, so it cannot be hashed
 * like a password; it is encrypted with AES-256-GCM under a key that lives outside the database (a key file, created
 * with owner-only permissions on first use), so a database dump or backup alone does not reveal it. See
 * docs/decisions/0017-evidence-webhooks.md.
 */
@Component
class WebhookSecrets {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private volatile SecretKeySpec key;

    WebhookSecrets(@Value("${rungs.webhooks.key-file}") String keyFile) {
        this.keyFile = Path.of(keyFile);
    }

    /** A new random secret: 32 bytes as 64 hex characters, what both providers accept. */
    static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String encrypt(String secret) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            var sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a webhook secret", e);
        }
    }

    /** The secret as bytes for the HMAC; fails when the key file changed since it was encrypted. */
    byte[] decrypt(String stored) {
        try {
            var all = Base64.getDecoder().decode(stored);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, IV_BYTES));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "A webhook secret cannot be decrypted with the key in " + keyFile + "; generate a new secret", e);
        }
    }

    private SecretKeySpec key() {
        var k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrCreate() {
        try {
            if (Files.exists(keyFile)) {
                var bytes = Base64.getDecoder().decode(Files.readString(keyFile).strip());
                if (bytes.length != 32) {
                    throw new IllegalStateException(keyFile + " does not hold a 256-bit key (base64)");
                }
                return bytes;
            }
            var bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            if (keyFile.getParent() != null) {
                Files.createDirectories(keyFile.getParent());
            }
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the file keeps the directory's permissions.
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the webhook key file " + keyFile, e);
        }
    }
}
