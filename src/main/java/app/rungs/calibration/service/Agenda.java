package app.rungs.calibration.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facilitator's agenda of a started session: the engineers in the proposed order with their revealed
 * pre-ratings and the reason for their place, who is being discussed now and since when, and the time spent so far.
 *
 * @param items empty while the session prepares: nothing is revealed before the start
 * @param secondsSpent by entry id, the time recorded for engineers the committee moved on from
 * @param mayLead the user may move the agenda (facilitator or admin, in session)
 */
public record Agenda(
        SessionDetails session,
        List<AgendaOrder.Item> items,
        Long currentEntryId,
        Instant since,
        Map<Long, Long> secondsSpent,
        boolean mayLead) {

    public boolean revealed() {
        return !items.isEmpty();
    }

    /** The position of the engineer discussed now (-1: nobody). */
    public int currentIndex() {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).entryId().equals(currentEntryId)) {
                return i;
            }
        }
        return -1;
    }
}
