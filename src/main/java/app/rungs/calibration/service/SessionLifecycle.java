package app.rungs.calibration.service;

import app.rungs.audit.service.AuditService;
import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.EntryChangeRepository;
import app.rungs.calibration.domain.EntryField;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionActionRefused;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's status changes: PREPARING → IN_SESSION (facilitator or admin; proposals become the starting final
 * ratings and submitted promotion cases of the session's cycle move into calibration) → LOCKED (facilitator or
 * admin; every engineer rated and every case decided) → PUBLISHED (admins only, as publishing changes levels). A
 * locked session can be reopened. Who may take which step in which status is {@link SessionAction}'s table.
 */
@Service
public class SessionLifecycle {

    private final CalibrationSessionRepository sessions;
    private final CalibrationEntryRepository entries;
    private final EntryChangeRepository changes;
    private final SessionAccess access;
    private final CommitteeReads committee;
    private final PromotionService promotions;
    private final ApplicationEventPublisher events;
    private final AuditService audit;
    private final LiveEvents live;
    private final AgendaClock agendaClock;
    private final Clock clock;

    SessionLifecycle(
            CalibrationSessionRepository sessions,
            CalibrationEntryRepository entries,
            EntryChangeRepository changes,
            SessionAccess access,
            CommitteeReads committee,
            PromotionService promotions,
            ApplicationEventPublisher events,
            AuditService audit,
            LiveEvents live,
            AgendaClock agendaClock,
            Clock clock) {
        this.sessions = sessions;
        this.entries = entries;
        this.changes = changes;
        this.access = access;
        this.committee = committee;
        this.promotions = promotions;
        this.events = events;
        this.audit = audit;
        this.live = live;
        this.agendaClock = agendaClock;
        this.clock = clock;
    }

    /** Checks that the user may take the step now, on the version of the session they saw. */
    private static void check(Access a, SessionAction action, long expectedVersion) {
        try {
            a.session().require(action, a.roles());
        } catch (SessionActionRefused refused) {
            throw SessionAccess.refused(refused);
        }
        if (a.session().getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The session " + a.session().getName());
        }
    }

    /**
     * Starts the session (facilitator or admin): each proposal becomes the starting final rating, and the
     * engineers' promotion cases of the session's cycle are linked; SUBMITTED ones move into calibration.
     *
     * <p>Moving a case into calibration is an admin action of the promotion feature. Starting a session is the
     * sanctioned way for its facilitator to put the submitted cases of their session in front of the committee, so
     * the service takes that step with the system identity for a facilitator who is not an admin; the case's
     * timeline names the session and the facilitator.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void start(Long sessionId, long expectedVersion) {
        var a = access.of(sessionId);
        check(a, SessionAction.START, expectedVersion);
        var now = Instant.now(clock);
        var list = entries.findBySession(sessionId);
        var cases = committee.casesOf(
                a.session().getCycle(),
                list.stream().map(CalibrationEntry::getPersonId).toList());
        var note = "Calibration session \"" + a.session().getName() + "\" started by " + a.me().displayName() + ".";
        int moved = 0;
        for (var e : list) {
            var recorder = new ChangeRecorder(e, a.me());
            if (e.getFinalRating() == null && e.getProposedRating() != null) {
                recorder.field(EntryField.FINAL_RATING, null, e.getProposedRating());
                e.rate(e.getProposedRating(), now);
            }
            var open = cases.open().get(e.getPersonId());
            Long caseId = null;
            String target = null;
            if (open != null && (open.status() == CaseStatus.SUBMITTED || open.status() == CaseStatus.IN_CALIBRATION)) {
                if (open.status() == CaseStatus.SUBMITTED) {
                    committee.startCalibration(open.id(), note);
                    moved++;
                }
                caseId = open.id();
                target = open.targetLevelKey();
            }
            if (!Objects.equals(caseId, e.getCaseId())) {
                recorder.field(
                        EntryField.PROMOTION_CASE,
                        e.getCaseId() == null ? null : "#" + e.getCaseId() + " → " + e.getCaseTargetLevel(),
                        caseId == null ? null : "#" + caseId + " → " + target);
                e.linkCase(caseId, target, now);
            }
            if (!recorder.isEmpty()) {
                entries.flush();
                changes.saveAll(recorder.changes(sessionId, now));
            }
        }
        a.session().start(a.roles(), now);
        sessions.flush();
        audit.record(
                "CALIBRATION_STARTED",
                "CalibrationSession",
                sessionId,
                "Started calibration session " + a.session().getName() + " (" + moved
                        + " promotion case(s) moved into calibration)",
                Map.of("status", SessionStatus.PREPARING.name()),
                Map.of("status", SessionStatus.IN_SESSION.name()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    /** Freezes ratings and decisions (facilitator or admin); every engineer must be rated and every case decided. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void lock(Long sessionId, long expectedVersion) {
        var a = access.of(sessionId);
        check(a, SessionAction.LOCK, expectedVersion);
        var list = entries.findBySession(sessionId);
        var problems = new ArrayList<String>();
        var unrated = list.stream()
                .filter(e -> e.getFinalRating() == null)
                .map(CalibrationEntry::getPersonName)
                .toList();
        if (!unrated.isEmpty()) {
            problems.add(count(unrated.size(), "engineer has", "engineers have") + " no final rating yet: "
                    + names(unrated) + ".");
        }
        var undecided = list.stream()
                .filter(e -> e.getCaseId() != null && e.getDecision() == null)
                .map(CalibrationEntry::getPersonName)
                .toList();
        if (!undecided.isEmpty()) {
            problems.add("Decide the promotion case of " + names(undecided) + ".");
        }
        var withoutFeedback = list.stream()
                .filter(e -> e.getDecision() == Decision.NOT_YET && e.getFeedback() == null)
                .map(CalibrationEntry::getPersonName)
                .toList();
        if (!withoutFeedback.isEmpty()) {
            problems.add("Write the feedback for " + names(withoutFeedback)
                    + ": a \"not yet\" decision is explained to the engineer.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        // The agenda's timer stops: the engineer discussed last gets the time until the lock.
        agendaClock.stop(sessionId, Instant.now(clock));
        a.session().lock(a.roles(), Instant.now(clock));
        sessions.flush();
        audit.record(
                "CALIBRATION_LOCKED",
                "CalibrationSession",
                sessionId,
                "Locked calibration session " + a.session().getName(),
                Map.of("status", SessionStatus.IN_SESSION.name()),
                Map.of("status", SessionStatus.LOCKED.name()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    /** Opens a locked session again for changes (facilitator or admin). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void reopen(Long sessionId, long expectedVersion) {
        var a = access.of(sessionId);
        check(a, SessionAction.REOPEN, expectedVersion);
        a.session().reopen(a.roles());
        sessions.flush();
        audit.record(
                "CALIBRATION_REOPENED",
                "CalibrationSession",
                sessionId,
                "Reopened calibration session " + a.session().getName(),
                Map.of("status", SessionStatus.LOCKED.name()),
                Map.of("status", SessionStatus.IN_SESSION.name()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    /**
     * Publishes a locked session (admins only): approved promotions change levels through
     * {@link PromotionService#applyCalibrationDecision} effective on the given date, "not yet" cases are closed with
     * the feedback, and every engineer is told their outcome. All in one transaction: if any decision cannot be
     * applied, nothing is published.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void publish(Long sessionId, long expectedVersion, LocalDate effectiveDate) {
        var a = access.of(sessionId);
        check(a, SessionAction.PUBLISH, expectedVersion);
        if (effectiveDate == null) {
            throw new ValidationException("Give the date the promotions take effect.");
        }
        var session = a.session();
        var list = entries.findBySession(sessionId);
        int promoted = 0;
        for (var e : list) {
            if (e.getCaseId() == null || e.getDecision() == null || e.getDecision() == Decision.NO_CASE) {
                continue;
            }
            boolean approved = e.getDecision() == Decision.PROMOTE;
            try {
                promotions.applyCalibrationDecision(
                        e.getCaseId(),
                        approved,
                        approved
                                ? "Calibration session \"" + session.getName() + "\" (" + session.getCycle() + ")"
                                : e.getFeedback(),
                        approved ? effectiveDate : null);
            } catch (ValidationException problem) {
                throw new ValidationException("Could not apply the decision for " + e.getPersonName() + ": "
                        + String.join(" ", problem.problems()) + " Nothing was published.");
            }
            if (approved) {
                promoted++;
            }
        }
        events.publishEvent(new CalibrationPublished(
                sessionId,
                session.getCycle(),
                list.stream()
                        .map(e -> new CalibrationPublished.EngineerOutcome(
                                e.getPersonId(), outcomeText(e, effectiveDate)))
                        .toList()));
        session.publish(a.roles(), Instant.now(clock), CurrentUser.actorName(), effectiveDate);
        sessions.flush();
        audit.record(
                "CALIBRATION_PUBLISHED",
                "CalibrationSession",
                sessionId,
                "Published calibration session " + session.getName() + " (" + list.size() + " engineers, " + promoted
                        + " promoted, effective " + effectiveDate + ")",
                Map.of("status", SessionStatus.LOCKED.name()),
                Map.of("status", SessionStatus.PUBLISHED.name(), "effectiveDate", effectiveDate.toString()));
        live.publish(LiveMessage.topic(sessionId), LiveMessage.SESSION);
    }

    private static String outcomeText(CalibrationEntry e, LocalDate effectiveDate) {
        var text = "Final rating: " + e.getFinalRating() + ".";
        if (e.getDecision() == Decision.PROMOTE) {
            text += " Promotion to " + e.getCaseTargetLevel() + ": approved, effective " + effectiveDate + ".";
        } else if (e.getDecision() == Decision.NOT_YET) {
            text += " Promotion to " + e.getCaseTargetLevel() + ": not yet. " + e.getFeedback();
        }
        return text;
    }

    private static String names(List<String> names) {
        if (names.size() <= 5) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
