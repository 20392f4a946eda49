package app.rungs.privacy.service;

import app.rungs.privacy.domain.RetentionKind;
import java.time.Instant;

/** One policy as the retention screen shows it; {@code keepFor} null: kept forever. */
public record RetentionPolicyView(
        RetentionKind kind, Integer keepFor, Instant updatedAt, String updatedBy, long version) {

    /** "180 days", "24 months" or "Forever". */
    public String period() {
        return keepFor == null ? "Forever" : kind.unit().of(keepFor);
    }
}
