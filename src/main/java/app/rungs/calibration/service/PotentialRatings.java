package app.rungs.calibration.service;

import app.rungs.audit.service.AuditService;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import app.rungs.calibration.domain.EntryChangeRepository;
import app.rungs.calibration.domain.EntryField;
import app.rungs.calibration.domain.Potential;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionActionRefused;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Potential (Low, Medium, High) per engineer, in sessions that choose to rate it: the facilitator or an admin switches
 * the option on while the session prepares or runs, and the committee rates potential in session, as it rates
 * performance. Changes are kept in the entry's history, audited and announced to every open board.
 */
@Service
public class PotentialRatings {

    private final CalibrationSessionRepository sessions;
    private final CalibrationEntryRepository entries;
    private final EntryChangeRepository changes;
    private final SessionAccess access;
    private final AuditService audit;
    private final LiveEvents live;
    private final Clock clock;

    PotentialRatings(
            CalibrationSessionRepository sessions,
            CalibrationEntryRepository entries,
            EntryChangeRepository changes,
            SessionAccess access,
            AuditService audit,
            LiveEvents live,
            Clock clock) {
        this.sessions = sessions;
        this.entries = entries;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
        this.live = live;
        this.clock = clock;
    }

    /** Switches potential rating on or off for a session; the facilitator or an admin, before the session locks. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void ratePotentialIn(Long sessionId, boolean rated, long expectedVersion) {
        var a = access.of(sessionId);
        var s = a.session();
        if (!a.leads()) {
            throw new AccessDeniedException("Only the facilitator or an admin chooses whether potential is rated.");
        }
        if (s.getStatus() != SessionStatus.PREPARING && s.getStatus() != SessionStatus.IN_SESSION) {
            throw new ValidationException(
                    "The session is " + s.getStatus().label().toLowerCase(java.util.Locale.ROOT)
                            + ", so whether potential is rated can no longer change.");
        }
        if (s.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The session");
        }
        if (s.isPotentialRated() == rated) {
            return;
        }
        s.ratePotential(rated);
        sessions.flush();
        audit.record(
                "CALIBRATION_POTENTIAL_OPTION",
                "CalibrationSession",
                s.getId(),
                (rated ? "Potential is rated in " : "Potential is no longer rated in ") + s.getName(),
                Map.of("potentialRated", !rated),
                Map.of("potentialRated", rated));
        live.publish(LiveMessage.topic(s.getId()), LiveMessage.SESSION);
    }

    /** The committee rates an engineer's potential in session (null clears it). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public BoardEntry ratePotential(Long entryId, long expectedVersion, Potential potential) {
        var e = entries.findForUpdate(entryId).orElseThrow(SessionAccess::entryNotFound);
        var a = access.of(e.getSessionId());
        access.requireVisible(a, e);
        if (!a.session().isPotentialRated()) {
            throw new ValidationException("This session does not rate potential; the facilitator can switch it on.");
        }
        try {
            a.session().require(SessionAction.RATE, a.roles());
        } catch (SessionActionRefused refused) {
            throw SessionAccess.refused(refused);
        }
        if (e.getVersion() != expectedVersion) {
            throw new RatingConflictException(
                    "This entry was changed while you were editing; your change was not saved.", BoardEntry.of(e));
        }
        var recorder = new ChangeRecorder(e, a.me());
        recorder.field(
                EntryField.POTENTIAL,
                e.getPotential() == null ? null : e.getPotential().label(),
                potential == null ? null : potential.label());
        if (recorder.isEmpty()) {
            return BoardEntry.of(e);
        }
        var now = Instant.now(clock);
        var before = e.getPotential();
        e.ratePotential(potential, now);
        entries.flush();
        changes.saveAll(recorder.changes(e.getSessionId(), now));
        audit.record(
                "CALIBRATION_ENTRY_CHANGED",
                "CalibrationEntry",
                e.getId(),
                recorder.summary(e.getPersonName()),
                Map.of("potential", before == null ? "" : before.label()),
                Map.of("potential", potential == null ? "" : potential.label()));
        live.publish(LiveMessage.topic(e.getSessionId()), String.valueOf(e.getId()));
        return BoardEntry.of(e);
    }
}
