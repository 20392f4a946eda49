package app.rungs.audit.service;

import java.time.LocalDate;

/** Filters of the audit log; every field is optional. */
public record AuditFilter(String actor, String action, String objectType, String text, LocalDate from, LocalDate to) {
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
