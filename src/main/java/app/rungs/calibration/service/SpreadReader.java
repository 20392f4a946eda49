package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.PreRatingRepository;
import app.rungs.calibration.domain.SessionParticipant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads a started session's pre-ratings for the services that reveal them; callers check the session started. */
@Component
class SpreadReader {

    private final PreRatingRepository preRatings;

    SpreadReader(PreRatingRepository preRatings) {
        this.preRatings = preRatings;
    }

    /** The spread of every engineer of the session, from one read of its pre-ratings. */
    Map<Long, Spread> of(Access a, List<CalibrationEntry> list) {
        var names = new HashMap<Long, String>();
        for (SessionParticipant p : a.participants()) {
            names.put(p.getPersonId(), p.getPersonName());
        }
        var managers = new HashMap<Long, Long>();
        list.forEach(e -> managers.put(e.getId(), e.getManagerId()));
        var votes = new HashMap<Long, List<Spread.Vote>>();
        for (var p : preRatings.findBySession(a.session().getId())) {
            votes.computeIfAbsent(p.getEntryId(), k -> new ArrayList<>())
                    .add(new Spread.Vote(
                            p.getRaterPersonId(),
                            names.getOrDefault(p.getRaterPersonId(), "Former participant"),
                            p.getRating(),
                            p.getRaterPersonId().equals(managers.get(p.getEntryId()))));
        }
        var scale = a.session().getRatingScale();
        var result = new HashMap<Long, Spread>();
        for (var e : list) {
            var v = new ArrayList<>(votes.getOrDefault(e.getId(), List.of()));
            v.sort(Comparator.comparing(Spread.Vote::raterName));
            result.put(e.getId(), Spread.of(v, scale));
        }
        return result;
    }
}
