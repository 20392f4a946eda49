package app.rungs.audit.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The result of verifying the audit chain. */
public record ChainReport(
        Instant checkedAt,
        long events,
        long redactedEvents,
        Long headSeq,
        String headHash,
        ChainBreak firstBreak,
        long durationMillis) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public boolean intact() {
        return firstBreak == null;
    }

    /** "N events verified, chain intact" or the first broken link. */
    public String message() {
        if (intact()) {
            return events + " events verified, chain intact"
                    + (redactedEvents == 0 ? "" : " (" + redactedEvents + " redacted by erasure)");
        }
        var b = firstBreak;
        return "Chain broken at "
                + (b.eventId() == null ? "the end of the chain" : "event #" + b.eventId())
                + (b.chainSeq() == null ? "" : " (position " + b.chainSeq() + ")")
                + (b.occurredAt() == null ? "" : ", " + TIME.format(b.occurredAt()))
                + ": " + b.problem().label() + " — " + b.detail();
    }
}
