package app.rungs.people.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.TrackMoves;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves people whose track a new ladder version dropped onto tracks it has (or its shared line): all or none, each
 * move audited with the person's track before and after.
 */
@Service
public class PersonTrackMoves implements TrackMoves {

    private final PersonRepository people;
    private final LadderService ladders;
    private final AuditService audit;

    PersonTrackMoves(PersonRepository people, LadderService ladders, AuditService audit) {
        this.people = people;
        this.ladders = ladders;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<Stranded> stranded(Long ladderId) {
        var ladder = ladders.published(ladderId);
        if (ladder.isEmpty()) {
            return List.of();
        }
        return people.findWithTrack().stream()
                .filter(p -> ladderId.equals(p.getLadderId()))
                .filter(p -> ladder.get().track(p.getTrackKey()).isEmpty())
                .sorted(Comparator.comparing(Person::getFullName))
                .map(p -> new Stranded(p.getId(), p.getFullName(), p.getLevelKey(), p.getTrackKey(), p.getVersion()))
                .toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void move(Long ladderId, Map<Long, Move> moves) {
        var ladder = ladders.published(ladderId)
                .orElseThrow(() -> new ValidationException("This ladder has no published version to move people to."));
        if (moves == null || moves.isEmpty()) {
            throw new ValidationException("Choose where at least one person goes.");
        }
        var problems = new ArrayList<String>();
        var found = new LinkedHashMap<Person, Move>();
        for (var entry : moves.entrySet()) {
            var person = people.findById(entry.getKey()).orElse(null);
            var move = entry.getValue();
            if (person == null || !ladderId.equals(person.getLadderId())) {
                problems.add("Person " + entry.getKey() + " is not on "
                        + ladder.version().ladderName() + ".");
                continue;
            }
            if (person.getVersion() != move.version()) {
                throw new ConcurrentEditException(person.getFullName());
            }
            if (move.trackKey() != null && ladder.track(move.trackKey()).isEmpty()) {
                problems.add("\"" + move.trackKey() + "\" is not a track of "
                        + ladder.version().ladderName() + " (for " + person.getFullName() + ").");
                continue;
            }
            found.put(person, move);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (var entry : found.entrySet()) {
            var p = entry.getKey();
            var before = p.getTrackKey();
            p.setTrackKey(entry.getValue().trackKey());
            audit.record(
                    "PERSON_TRACK_MOVED",
                    "Person",
                    p.getId(),
                    "Moved " + p.getFullName() + " from track " + before + " to "
                            + name(ladder, entry.getValue().trackKey()) + " (version "
                            + ladder.version().number() + " of "
                            + ladder.version().ladderName() + ")",
                    Map.of("trackKey", before),
                    entry.getValue().trackKey() == null
                            ? Map.of()
                            : Map.of("trackKey", entry.getValue().trackKey()));
        }
        people.flush();
    }

    private static String name(LadderContent ladder, String trackKey) {
        return trackKey == null
                ? "the shared line"
                : ladder.track(trackKey).map(LadderContent.TrackView::name).orElse(trackKey);
    }
}
