package app.rungs.people.service;

import app.rungs.people.domain.PersonRepository;
import app.rungs.shared.security.SystemAuthorities;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a person by their work email for systems that know people only by email (a PagerDuty responder, a GitHub
 * author). Not for users: contact details stay behind the reporting-line checks of {@link PeopleService}.
 */
@Service
public class PersonEmails {

    private final PersonRepository people;

    PersonEmails(PersonRepository people) {
        this.people = people;
    }

    /** The id of the active person with this email (case-insensitive), if there is one. */
    @Transactional(readOnly = true)
    @PreAuthorize(SystemAuthorities.HAS_EXTERNAL_EVIDENCE)
    public Optional<Long> activePerson(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return people.findByEmail(email.strip()).filter(p -> p.isActive()).map(p -> p.getId());
    }
}
