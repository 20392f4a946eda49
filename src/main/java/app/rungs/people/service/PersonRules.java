package app.rungs.people.service;

import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.shared.domain.DateTexts;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Rules and record snapshots shared by the people services: email shape, name length, audit snapshots. */
final class PersonRules {

    /** Emails double as usernames, so they use the username characters only. */
    static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    static final int MAX_NAME = 200;

    private PersonRules() {}

    /** "3 Mar 2025": the format the screens show dates in, for messages that name a date. */
    static String date(LocalDate d) {
        return DateTexts.date(d);
    }

    /** Loads a person for an edit, refusing a stale version. */
    static Person load(PersonRepository people, Long personId, long expectedVersion) {
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        if (p.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(p.getFullName() + "'s record");
        }
        return p;
    }

    static void checkName(String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("Name is required.");
        } else if (name.strip().length() > MAX_NAME) {
            problems.add("Names are at most " + MAX_NAME + " characters long.");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, Object> snapshot(Person p) {
        var map = new LinkedHashMap<String, Object>();
        map.put("fullName", p.getFullName());
        map.put("email", p.getEmail());
        map.put("jobTitle", p.getJobTitle());
        map.put("teamId", p.getTeamId());
        map.put("managerId", p.getManagerId());
        map.put("ladderId", p.getLadderId());
        map.put("levelKey", p.getLevelKey());
        map.put(
                "levelSince",
                p.getLevelSince() == null ? null : p.getLevelSince().toString());
        map.put(
                "specialization",
                p.getSpecialization() == null ? null : p.getSpecialization().name());
        map.put("trackKey", p.getTrackKey());
        map.put("active", p.isActive());
        return map;
    }
}
