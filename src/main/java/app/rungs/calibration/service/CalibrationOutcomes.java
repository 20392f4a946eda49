package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.people.service.PeopleService;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published outcomes, as engineers see them: final rating, promotion decision and feedback, never the committee's
 * notes. Engineers never see entries of a session.
 */
@Service
public class CalibrationOutcomes {

    private final CalibrationEntryRepository entries;
    private final PeopleService people;

    CalibrationOutcomes(CalibrationEntryRepository entries, PeopleService people) {
        this.entries = entries;
        this.people = people;
    }

    /**
     * A visible person's published outcomes by cycle, newest first, for their person page: the same facts the engineer
     * sees (final rating and decision, never the committee's notes). Someone outside one's line is "not found".
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Outcome> outcomesOf(Long personId) {
        if (personId == null || !people.canSee(personId)) {
            throw new NotFoundException("Person not found");
        }
        return outcomes(personId);
    }

    /** The signed-in engineer's published outcomes, newest first: final rating and decision, never notes. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Outcome> myOutcomes() {
        var me = CurrentUser.require().personId();
        return me == null ? List.of() : outcomes(me);
    }

    private List<Outcome> outcomes(Long personId) {
        return entries.findPublishedOf(personId).stream().map(Outcome::of).toList();
    }
}
