package app.rungs.audit.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical serialization and SHA-256 hashes of the audit chain, exactly as the database computes them on insert
 * (db/V11__audit_hash_chain.sql) and as docs/decisions/0009-audit-hash-chain.md documents them for external verifiers.
 *
 * <p>A field is {@code -} when null, else its UTF-8 byte length in decimal, a colon and its UTF-8 bytes; fields are
 * concatenated without separator. The length prefix makes the encoding unambiguous whatever the values contain.
 */
public final class AuditChainHash {

    /** The previous hash of the first event of the chain. */
    public static final String GENESIS = "0".repeat(64);

    static final String PERSONAL_DATA_DOMAIN = "rungs-audit-personal-v1";
    static final String ROW_DOMAIN = "rungs-audit-v1";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChainHash() {}

    public static String canonical(String... fields) {
        var out = new StringBuilder();
        for (var field : fields) {
            if (field == null) {
                out.append('-');
            } else {
                out.append(field.getBytes(StandardCharsets.UTF_8).length)
                        .append(':')
                        .append(field);
            }
        }
        return out.toString();
    }

    public static String sha256(String... fields) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** The hash of the columns erasure may pseudonymize; JSON states as PostgreSQL renders jsonb as text. */
    public static String personalDataHash(String actor, String summary, String beforeJson, String afterJson) {
        return sha256(PERSONAL_DATA_DOMAIN, actor, summary, beforeJson, afterJson);
    }

    /** The chained hash of one event. The time is UTC with exactly six fraction digits (PostgreSQL's precision). */
    public static String rowHash(
            long chainSeq,
            String prevHash,
            long id,
            Instant occurredAt,
            String action,
            String objectType,
            String objectId,
            String personalDataHash) {
        return sha256(
                ROW_DOMAIN,
                Long.toString(chainSeq),
                prevHash,
                Long.toString(id),
                time(occurredAt),
                action,
                objectType,
                objectId,
                personalDataHash);
    }

    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
