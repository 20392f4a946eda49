package app.rungs.calibration.service;

import app.rungs.calibration.domain.AgendaStateRepository;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running a started session by the agenda Rungs proposes ({@link AgendaOrder}: outliers first): every committee
 * member sees the order, the revealed pre-ratings and who is discussed now with a running timer; the facilitator (or
 * an admin) moves on, and the time spent on each engineer is recorded. Moves reach every open board on every
 * instance through {@link LiveEvents}.
 */
@Service
public class CalibrationAgenda {

    private final CalibrationEntryRepository entries;
    private final AgendaStateRepository states;
    private final SessionAccess access;
    private final SpreadReader spreads;
    private final AgendaClock agendaClock;
    private final LiveEvents live;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    CalibrationAgenda(
            CalibrationEntryRepository entries,
            AgendaStateRepository states,
            SessionAccess access,
            SpreadReader spreads,
            AgendaClock agendaClock,
            LiveEvents live,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.entries = entries;
        this.states = states;
        this.access = access;
        this.spreads = spreads;
        this.agendaClock = agendaClock;
        this.live = live;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * The agenda in a fixed number of statements: the session and its committee, the entries, the pre-ratings, last
     * cycle's outcomes, the agenda's position and the time spent. Empty (not revealed) while the session prepares.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Agenda agenda(Long sessionId) {
        var a = access.of(sessionId);
        var details = SessionAccess.details(a);
        if (a.session().getStatus() == SessionStatus.PREPARING) {
            return new Agenda(details, List.of(), null, null, java.util.Map.of(), false);
        }
        var list = entries.findBySession(sessionId);
        var spread = spreads.of(a, list);
        var last = new HashMap<Long, Object[]>();
        if (!list.isEmpty()) {
            for (var row : entries.findLastPublished(
                    sessionId, list.stream().map(e -> e.getPersonId()).toList())) {
                last.put(((Number) row[0]).longValue(), row);
            }
        }
        var inputs = new ArrayList<AgendaOrder.Input>();
        for (var e : list) {
            var previous = last.get(e.getPersonId());
            inputs.add(new AgendaOrder.Input(
                    e.getId(),
                    e.getPersonName(),
                    e.getProposedRating(),
                    spread.get(e.getId()),
                    previous == null ? null : (String) previous[1],
                    previous == null ? null : (String) previous[2]));
        }
        var state = states.findById(sessionId).orElse(null);
        var seconds = new HashMap<Long, Long>();
        for (var row : states.times(sessionId)) {
            seconds.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return new Agenda(
                details,
                AgendaOrder.order(inputs, a.session().getRatingScale()),
                state == null ? null : state.getCurrentEntryId(),
                state == null ? null : state.getSince(),
                seconds,
                a.leads() && a.session().getStatus() == SessionStatus.IN_SESSION);
    }

    /**
     * Moves the discussion to an engineer of the session (null: pause the timer), booking the time spent on the one
     * discussed until now. Facilitator or admin, while in session.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void moveTo(Long sessionId, Long entryId) {
        var a = access.of(sessionId);
        if (!a.leads()) {
            throw new AccessDeniedException("Only the facilitator moves the session's agenda.");
        }
        if (a.session().getStatus() != SessionStatus.IN_SESSION) {
            throw new ValidationException("The agenda runs while the session is in session; it is "
                    + a.session().getStatus().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (entryId != null
                && entries.findById(entryId)
                        .filter(e -> e.getSessionId().equals(sessionId))
                        .isEmpty()) {
            throw SessionAccess.entryNotFound();
        }
        agendaClock.moveTo(sessionId, entryId, Instant.now(clock));
    }

    /**
     * Calls {@code onMove} whenever the agenda of the session moves, on whichever instance; run the returned action
     * to stop. Only the session's committee may watch.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Runnable watch(Long sessionId, Runnable onMove) {
        readOnly.executeWithoutResult(status -> access.of(sessionId));
        var subscription = live.listen(AgendaClock.topic(sessionId), message -> onMove.run());
        return subscription::remove;
    }
}
