package app.rungs.people.service;

import java.time.LocalDate;

/** A person as the import compares against: the fields a file can set. */
record KnownPerson(
        Long id,
        String email,
        String fullName,
        String jobTitle,
        Long teamId,
        Long managerId,
        Long ladderId,
        String levelKey,
        LocalDate startDate,
        boolean active) {}
