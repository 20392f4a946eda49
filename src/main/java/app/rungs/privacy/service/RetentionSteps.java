package app.rungs.privacy.service;

import app.rungs.calibration.service.CalibrationPrivacyData;
import app.rungs.evidence.service.EvidencePrivacyData;
import app.rungs.notification.service.NotificationPrivacyData;
import app.rungs.people.service.PeoplePrivacyData;
import app.rungs.privacy.domain.RetentionKind;
import app.rungs.privacy.domain.RetentionRunResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * Applies one retention policy through the owning feature's service, in bounded batches: each batch is its own short
 * transaction, and a run stops a kind after {@link #MAX_BATCHES} batches (the next run continues), so a huge backlog
 * never holds locks or memory for long.
 */
@Component
class RetentionSteps {

    static final int BATCH = 500;
    static final int MAX_BATCHES = 100;
    private static final int PEOPLE_PAGE = 200;

    private final NotificationPrivacyData notifications;
    private final CalibrationPrivacyData calibration;
    private final EvidencePrivacyData evidence;
    private final PeoplePrivacyData people;
    private final PersonAnonymizer anonymizer;
    private final Clock clock;

    RetentionSteps(
            NotificationPrivacyData notifications,
            CalibrationPrivacyData calibration,
            EvidencePrivacyData evidence,
            PeoplePrivacyData people,
            PersonAnonymizer anonymizer,
            Clock clock) {
        this.notifications = notifications;
        this.calibration = calibration;
        this.evidence = evidence;
        this.people = people;
        this.anonymizer = anonymizer;
        this.clock = clock;
    }

    RetentionRunResult apply(RetentionKind kind, Integer keepFor) {
        if (keepFor == null) {
            return new RetentionRunResult(kind, 0, "Kept forever.", false);
        }
        return switch (kind) {
            case READ_NOTIFICATIONS -> {
                var cutoff = Instant.now(clock).minus(keepFor, ChronoUnit.DAYS);
                yield deleted(kind, batches(() -> notifications.deleteReadBefore(cutoff, BATCH)), "notifications");
            }
            case CALIBRATION_PRESENCE -> {
                var cutoff = Instant.now(clock).minus(keepFor, ChronoUnit.DAYS);
                yield deleted(kind, batches(() -> calibration.deletePresenceBefore(cutoff, BATCH)), "presence rows");
            }
            case ATTACHMENTS_OF_LEFT_PEOPLE -> attachmentsOfLeftPeople(kind, leftBefore(keepFor));
            case LEFT_PEOPLE -> leftPeople(kind, leftBefore(keepFor));
        };
    }

    private LocalDate leftBefore(int months) {
        return LocalDate.now(clock).minusMonths(months);
    }

    private RetentionRunResult attachmentsOfLeftPeople(RetentionKind kind, LocalDate cutoff) {
        int deleted = 0;
        int batches = 0;
        long after = 0;
        for (var ids = people.leftBefore(cutoff, after, PEOPLE_PAGE);
                !ids.isEmpty() && batches < MAX_BATCHES;
                ids = people.leftBefore(cutoff, after, PEOPLE_PAGE)) {
            int n;
            do {
                n = evidence.deleteAttachmentsOf(ids, BATCH);
                deleted += n;
                batches++;
            } while (n == BATCH && batches < MAX_BATCHES);
            after = ids.getLast();
        }
        return deleted(
                kind, new Count(deleted, batches >= MAX_BATCHES), "attachments of people who left before " + cutoff);
    }

    private RetentionRunResult leftPeople(RetentionKind kind, LocalDate cutoff) {
        int done = 0;
        int seen = 0;
        long after = 0;
        for (List<Long> ids = people.leftBefore(cutoff, after, PEOPLE_PAGE);
                !ids.isEmpty() && seen < MAX_BATCHES * BATCH;
                ids = people.leftBefore(cutoff, after, PEOPLE_PAGE)) {
            for (var id : ids) {
                seen++;
                if (anonymizer.anonymize(id)) {
                    done++;
                }
            }
            after = ids.getLast();
        }
        return new RetentionRunResult(
                kind,
                done,
                "Anonymized " + done + " of " + personCount(seen) + " who left before " + cutoff + ".",
                false);
    }

    private static String personCount(int n) {
        return n == 1 ? "1 person" : n + " people";
    }

    private record Count(int rows, boolean capped) {}

    private static Count batches(IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = batch.getAsInt();
            total += n;
            if (n < BATCH) {
                return new Count(total, false);
            }
        }
        return new Count(total, true);
    }

    private static RetentionRunResult deleted(RetentionKind kind, Count count, String what) {
        var note = "Deleted " + count.rows() + " " + what + "."
                + (count.capped() ? " Stopped after " + MAX_BATCHES + " batches; the next run continues." : "");
        return new RetentionRunResult(kind, count.rows(), note, false);
    }
}
