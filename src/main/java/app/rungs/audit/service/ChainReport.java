package app.rungs.audit.service;

import app.rungs.shared.domain.DateTexts;
import java.time.Instant;
import java.time.ZoneOffset;

/** The result of verifying the audit chain. */
public record ChainReport(
        Instant checkedAt,
        long events,
        long redactedEvents,
        Long headSeq,
        String headHash,
        ChainBreak firstBreak,
        long durationMillis) {

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
                + (b.occurredAt() == null
                        ? ""
                        : ", " + DateTexts.dateTime(b.occurredAt(), DateTexts.DEFAULT_LOCALE, ZoneOffset.UTC) + " UTC")
                + ": " + b.problem().label() + " — " + b.detail();
    }
}
