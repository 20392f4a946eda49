package app.rungs.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical serialization external verifiers reproduce (docs/decisions/0009-audit-hash-chain.md). */
class AuditChainHashTest {

    @Test
    void fieldsAreLengthPrefixedInUtf8BytesAndNullIsADash() {
        assertThat(AuditChainHash.canonical("a", null, "", "ü", "-")).isEqualTo("1:a-0:2:ü1:-");
    }

    @Test
    void movingCharactersBetweenFieldsChangesTheEncoding() {
        assertThat(AuditChainHash.canonical("ab", "c")).isNotEqualTo(AuditChainHash.canonical("a", "bc"));
        assertThat(AuditChainHash.canonical("", null)).isNotEqualTo(AuditChainHash.canonical(null, ""));
        assertThat(AuditChainHash.canonical("1:a")).isNotEqualTo(AuditChainHash.canonical("1", "a"));
    }

    @Test
    void thePersonalDataHashMatchesTheDocumentedExample() {
        // sha256("23:rungs-audit-personal-v116:admin@rungs.demo9:Signed in--"), as in the decision record.
        assertThat(AuditChainHash.personalDataHash("admin@rungs.demo", "Signed in", null, null))
                .isEqualTo("4ebd506107f02cac8c81337d4afbba4c4b953cfb92f5d80da3421604ff6e0dfd");
    }

    @Test
    void theRowHashMatchesTheDocumentedExample() {
        var at = Instant.parse("2026-01-02T03:04:05.123456789Z");
        assertThat(AuditChainHash.rowHash(1, AuditChainHash.GENESIS, 42, at, "LOGIN", "Account", null, "a".repeat(64)))
                .isEqualTo("6891ab9b4b494108de3e4a9d4420aafeb2ef64c2335f2f67ec9ba3aa57f4baff");
    }

    @Test
    void timesAreUtcWithExactlySixFractionDigits() {
        assertThat(AuditChainHash.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(AuditChainHash.time(Instant.parse("2026-01-02T03:04:05.1234567Z")))
                .isEqualTo("2026-01-02T03:04:05.123456Z");
    }

    @Test
    void everyFieldOfARowChangesItsHash() {
        var pd = "b".repeat(64);
        var base = AuditChainHash.rowHash(5, "c".repeat(64), 9, Instant.EPOCH, "A", "T", "1", pd);
        assertThat(AuditChainHash.rowHash(6, "c".repeat(64), 9, Instant.EPOCH, "A", "T", "1", pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "d".repeat(64), 9, Instant.EPOCH, "A", "T", "1", pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "c".repeat(64), 8, Instant.EPOCH, "A", "T", "1", pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "c".repeat(64), 9, Instant.EPOCH.plusNanos(1000), "A", "T", "1", pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "c".repeat(64), 9, Instant.EPOCH, "B", "T", "1", pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "c".repeat(64), 9, Instant.EPOCH, "A", null, "1", pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "c".repeat(64), 9, Instant.EPOCH, "A", "T", null, pd))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.rowHash(5, "c".repeat(64), 9, Instant.EPOCH, "A", "T", "1", "e".repeat(64)))
                .isNotEqualTo(base);
    }
}
