package app.rungs.calibration.service;

import app.rungs.audit.service.AuditService;
import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSession;
import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.EntryChangeRepository;
import app.rungs.calibration.domain.EntryField;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing one entry of the board: a manager's proposal while the session prepares, the committee's final rating,
 * decision, feedback and notes. Entries carry a version; an editor passes the version it loaded and a stale one gets
 * a {@link RatingConflictException} that says who changed what. Every change is kept in the entry's history, audited,
 * and announced through {@link LiveEvents} so every open board shows it within moments.
 */
@Service
public class BoardEntries {

    static final int MAX_TEXT = 4_000;

    private final CalibrationEntryRepository entries;
    private final EntryChangeRepository changes;
    private final SessionAccess access;
    private final AuditService audit;
    private final LiveEvents live;
    private final Clock clock;

    BoardEntries(
            CalibrationEntryRepository entries,
            EntryChangeRepository changes,
            SessionAccess access,
            AuditService audit,
            LiveEvents live,
            Clock clock) {
        this.entries = entries;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
        this.live = live;
        this.clock = clock;
    }

    /** A manager proposes a rating (with its rationale) for one of their people, while the session prepares. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry propose(Long entryId, long expectedVersion, String rating, String rationale) {
        var e = entries.findForUpdate(entryId).orElseThrow(SessionAccess::entryNotFound);
        var a = access.of(e.getSessionId());
        access.requireVisible(a, e);
        if (a.session().getStatus() != SessionStatus.PREPARING) {
            throw new ValidationException(
                    "The session has started, so proposals are frozen; the committee sets the final rating now.");
        }
        if (!access.mayPropose(a, e)) {
            throw new AccessDeniedException("Only " + e.getPersonName() + "'s managers propose their rating.");
        }
        checkVersion(e, expectedVersion);
        var value = rating == null || rating.isBlank() ? null : rating.strip();
        var text = rationale == null || rationale.isBlank() ? null : rationale.strip();
        if (value != null) {
            requireRating(a.session(), value);
            if (text == null) {
                throw new ValidationException(
                        "Write the rationale for proposing " + value + " for " + e.getPersonName() + ".");
            }
            if (text.length() > MAX_TEXT) {
                throw new ValidationException("A rationale is at most " + MAX_TEXT + " characters long.");
            }
        } else {
            text = null;
        }
        var recorder = new ChangeRecorder(e, a.me());
        recorder.field(EntryField.PROPOSED_RATING, e.getProposedRating(), value);
        recorder.field(EntryField.RATIONALE, e.getProposalRationale(), text);
        if (recorder.isEmpty()) {
            return BoardEntry.of(e);
        }
        e.propose(value, text, a.me().displayName(), Instant.now(clock));
        return saved(
                e,
                recorder,
                "CALIBRATION_PROPOSED",
                value == null
                        ? "Withdrew the proposal for " + e.getPersonName()
                        : "Proposed " + value + " for " + e.getPersonName());
    }

    /**
     * Changes the committee's fields of an entry: final rating, promotion decision and feedback while in session;
     * notes while preparing or in session. Fields equal to the stored ones are left alone.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry edit(Long entryId, long expectedVersion, EntryEdit edit) {
        return edit(entryId, expectedVersion, edit, null);
    }

    /**
     * As {@link #edit(Long, long, EntryEdit)}, with the reason for the change: required when the final rating moves
     * away from the proposal ({@link RationaleRequiredException} otherwise), and kept in the change log.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry edit(Long entryId, long expectedVersion, EntryEdit edit, String reason) {
        var e = entries.findForUpdate(entryId).orElseThrow(SessionAccess::entryNotFound);
        var a = access.of(e.getSessionId());
        access.requireVisible(a, e);
        var status = a.session().getStatus();
        if (status == SessionStatus.LOCKED || status == SessionStatus.PUBLISHED) {
            throw new ValidationException("The session is " + status.label().toLowerCase(Locale.ROOT)
                    + ", so ratings and decisions are frozen"
                    + (status == SessionStatus.LOCKED ? "; the facilitator can reopen it." : "."));
        }
        checkVersion(e, expectedVersion);
        var finalRating = blankToNull(edit.finalRating());
        var decision = edit.decision();
        var feedback = blankToNull(edit.feedback());
        var notes = blankToNull(edit.notes());
        var recorder = new ChangeRecorder(e, a.me());
        recorder.field(EntryField.FINAL_RATING, e.getFinalRating(), finalRating);
        recorder.field(
                EntryField.DECISION,
                e.getDecision() == null ? null : e.getDecision().label(),
                decision == null ? null : decision.label());
        recorder.field(EntryField.FEEDBACK, e.getFeedback(), feedback);
        recorder.field(EntryField.NOTES, e.getNotes(), notes);
        if (recorder.isEmpty()) {
            return BoardEntry.of(e);
        }
        boolean committeeFields = recorder.has(EntryField.FINAL_RATING)
                || recorder.has(EntryField.DECISION)
                || recorder.has(EntryField.FEEDBACK);
        if (committeeFields && status != SessionStatus.IN_SESSION) {
            throw new ValidationException(
                    "Final ratings and promotion decisions are set once the session has started; until then,"
                            + " managers enter their proposals.");
        }
        if (finalRating != null) {
            requireRating(a.session(), finalRating);
        }
        recorder.because(RatingRationale.check(e, finalRating, reason));
        if (recorder.has(EntryField.DECISION)) {
            if (e.getCaseId() == null && decision != Decision.NO_CASE) {
                throw new ValidationException(e.getPersonName()
                        + " has no promotion case in calibration in this session, so there is nothing to decide.");
            }
            if (e.getCaseId() != null && decision == Decision.NO_CASE) {
                throw new ValidationException(
                        e.getPersonName() + "'s promotion case is in this session: decide promote or not yet.");
            }
        }
        for (var text : new String[] {feedback, notes}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new ValidationException("Feedback and notes are at most " + MAX_TEXT + " characters long.");
            }
        }
        var now = Instant.now(clock);
        e.rate(finalRating, now);
        e.decide(decision, now);
        e.giveFeedback(feedback, now);
        e.note(notes, now);
        return saved(e, recorder, "CALIBRATION_ENTRY_CHANGED", recorder.summary(e.getPersonName()));
    }

    private BoardEntry saved(CalibrationEntry e, ChangeRecorder recorder, String action, String summary) {
        var before = snapshot(e, recorder.fields(), true);
        entries.flush();
        changes.saveAll(recorder.changes(e.getSessionId(), Instant.now(clock)));
        audit.record(action, "CalibrationEntry", e.getId(), summary, before, snapshot(e, recorder.fields(), false));
        live.publish(LiveMessage.topic(e.getSessionId()), String.valueOf(e.getId()));
        return BoardEntry.of(e);
    }

    private static Map<String, Object> snapshot(
            CalibrationEntry e, List<ChangeRecorder.Change> fields, boolean before) {
        var map = new LinkedHashMap<String, Object>();
        map.put("engineer", e.getPersonName());
        for (var c : fields) {
            map.put(c.field().name().toLowerCase(Locale.ROOT), before ? c.from() : c.to());
        }
        return map;
    }

    private void checkVersion(CalibrationEntry e, long expectedVersion) {
        if (e.getVersion() == expectedVersion) {
            return;
        }
        var missed = changes.findSince(e.getId(), expectedVersion);
        var shown = missed.stream()
                .filter(c -> c.getField() == EntryField.FINAL_RATING)
                .findFirst()
                .or(() -> missed.stream().findFirst());
        String message;
        if (shown.isEmpty()) {
            message = "This entry was changed while you were editing; your change was not saved.";
        } else {
            var c = shown.get();
            var to = c.getToValue() == null ? "no rating" : c.getToValue();
            message = switch (c.getField()) {
                case FINAL_RATING -> c.getActorName() + " changed this rating to " + to;
                case PROPOSED_RATING -> c.getActorName() + " changed the proposal to " + to;
                case DECISION ->
                    c.getActorName() + " changed the promotion decision to "
                            + (c.getToValue() == null ? "undecided" : c.getToValue());
                default ->
                    c.getActorName() + " changed the " + c.getField().label().toLowerCase(Locale.ROOT);
            };
            message += " while you were editing; your change was not saved.";
        }
        throw new RatingConflictException(message, BoardEntry.of(e));
    }

    private static void requireRating(CalibrationSession s, String rating) {
        if (!s.getRatingScale().contains(rating)) {
            throw new ValidationException(
                    "Choose one of the ratings of this session: " + String.join(", ", s.getRatingScale()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
