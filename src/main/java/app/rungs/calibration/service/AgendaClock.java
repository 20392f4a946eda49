package app.rungs.calibration.service;

import app.rungs.calibration.domain.AgendaState;
import app.rungs.calibration.domain.AgendaStateRepository;
import app.rungs.shared.live.LiveEvents;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Moves a session's discussion to another engineer and books the time spent on the previous one. Callers check who
 * may; the agenda row is locked so two facilitators clicking "Next" at once take turns.
 */
@Component
class AgendaClock {

    static final String AGENDA = "agenda";

    private final AgendaStateRepository states;
    private final LiveEvents live;

    AgendaClock(AgendaStateRepository states, LiveEvents live) {
        this.states = states;
        this.live = live;
    }

    static String topic(Long sessionId) {
        return "calibration-agenda-" + sessionId;
    }

    void moveTo(Long sessionId, Long entryId, Instant now) {
        var state = states.findForUpdate(sessionId).orElse(null);
        if (state == null) {
            if (entryId == null) {
                return;
            }
            state = states.save(new AgendaState(sessionId));
        }
        var previous = state.getCurrentEntryId();
        long spent = state.moveTo(entryId, now);
        states.flush();
        if (previous != null && spent > 0) {
            states.addTime(sessionId, previous, spent);
        }
        live.publish(topic(sessionId), AGENDA);
    }

    /** Stops the timer (the session locks): the engineer discussed now gets the time until now. */
    void stop(Long sessionId, Instant now) {
        moveTo(sessionId, null, now);
    }
}
