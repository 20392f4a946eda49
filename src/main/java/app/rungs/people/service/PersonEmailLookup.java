package app.rungs.people.service;

import app.rungs.people.domain.PersonRepository;
import app.rungs.security.service.PersonEmails;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers single sign-on's "which person has this email" during sign-in, before anyone is authenticated. */
@Component
class PersonEmailLookup implements PersonEmails {

    private final PersonRepository people;

    PersonEmailLookup(PersonRepository people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> personIdByEmail(String email) {
        return people.findByEmail(email).map(p -> p.getId());
    }
}
