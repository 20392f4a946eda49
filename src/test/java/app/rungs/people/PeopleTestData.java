package app.rungs.people;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.time.LocalDate;
import java.util.UUID;

/** Creates people of the tests' own, with unique names, through the secured services. */
final class PeopleTestData {

    private PeopleTestData() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Long personOf(AccountService accounts, String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    /** A person on the demo ladder at a level, reporting to a manager. */
    static Long person(
            PeopleService people,
            PersonEditingService peopleEditing,
            String name,
            Long managerId,
            String levelKey,
            LocalDate since) {
        return SystemAuthentication.call(() -> {
            var ladderId = people.levelCatalog().levels().stream()
                    .filter(l -> l.key().equals(levelKey))
                    .map(LevelCatalog.LevelInfo::ladderId)
                    .findFirst()
                    .orElseThrow();
            return peopleEditing.create(
                    new NewPerson(
                            name,
                            name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@test.example",
                            "Engineer",
                            null,
                            managerId,
                            ladderId,
                            levelKey,
                            SpecializationTrack.CLOUD_INFRASTRUCTURE,
                            null,
                            null,
                            null,
                            since),
                    since);
        });
    }
}
