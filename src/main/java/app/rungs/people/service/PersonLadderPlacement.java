package app.rungs.people.service;

import app.rungs.ladder.service.LadderPlacement;
import app.rungs.people.domain.PersonRepository;
import app.rungs.security.service.CurrentUser;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the ladder feature which ladder and level the signed-in person holds. */
@Component
class PersonLadderPlacement implements LadderPlacement {

    private final PersonRepository people;

    PersonLadderPlacement(PersonRepository people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<Placement> mine() {
        var personId = CurrentUser.require().personId();
        if (personId == null) {
            return Optional.empty();
        }
        return people.findById(personId)
                .filter(p -> p.getLadderId() != null)
                .map(p -> new Placement(p.getLadderId(), p.getLevelKey()));
    }
}
