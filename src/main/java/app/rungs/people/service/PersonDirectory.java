package app.rungs.people.service;

import app.rungs.people.domain.PersonRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The narrow read other features use for people: directory cards for many ids in one statement, instead of the
 * person page's {@link PeopleService#details} (history, reports, several queries) for two fields.
 *
 * <p>Directory information (name, title, team, manager, level) is readable by every signed-in user, as on a company
 * directory or the org chart; contact details, level history, personal data and everything about evidence stay
 * behind the reporting-line checks of {@link PeopleService}. Features decide which people to show (their own
 * per-object rules) and ask for exactly those ids.
 */
@Service
public class PersonDirectory {

    private final PersonRepository people;

    PersonDirectory(PersonRepository people) {
        this.people = people;
    }

    /** Cards by id, in the order asked; unknown ids are left out. One statement whatever the number of ids. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<Long, PersonCard> cards(Collection<Long> ids) {
        var result = new LinkedHashMap<Long, PersonCard>();
        if (ids == null || ids.isEmpty()) {
            return result;
        }
        var found = new java.util.HashMap<Long, PersonCard>();
        for (var row : people.findCards(ids.stream().distinct().toArray(Long[]::new))) {
            found.put(
                    row.getId(),
                    new PersonCard(
                            row.getId(),
                            row.getFullName(),
                            row.getJobTitle(),
                            row.getTeamId(),
                            row.getTeamName(),
                            row.getManagerId(),
                            row.getManagerName(),
                            row.getLadderId(),
                            row.getLevelKey(),
                            row.getLevelSince(),
                            row.getSpecialization(),
                            row.isActive(),
                            row.getTrackKey()));
        }
        for (var id : ids) {
            var card = found.get(id);
            if (card != null) {
                result.put(id, card);
            }
        }
        return result;
    }

    /** One person's card, if they exist. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<PersonCard> card(Long id) {
        return Optional.ofNullable(cards(java.util.List.of(id)).get(id));
    }

    /** One person's card; for callers that hold the id of an existing person (e.g. a case's engineer). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public PersonCard require(Long id) {
        return card(id).orElseThrow(() -> new NoSuchElementException("Person " + id + " not found"));
    }

    /**
     * One page of active people whose name contains the text, for lazy pickers of colleagues (asking peers for
     * feedback): directory fields only, name order, never more than 50 at a time.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public java.util.List<Colleague> search(String text, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, 50));
        var found = people.findActiveByName(
                text == null ? "" : text.strip(),
                org.springframework.data.domain.PageRequest.of(Math.max(0, offset) / size, size));
        return found.stream()
                .map(p -> new Colleague(p.getId(), p.getFullName(), p.getJobTitle(), null))
                .toList();
    }
}
