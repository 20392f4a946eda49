package app.rungs.people.domain;

import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/** A person with their team's and manager's names, read in one statement. */
public interface PersonCardRow {
    Long getId();

    String getFullName();

    String getJobTitle();

    Long getTeamId();

    String getTeamName();

    Long getManagerId();

    String getManagerName();

    Long getLadderId();

    String getLevelKey();

    LocalDate getLevelSince();

    SpecializationTrack getSpecialization();

    String getTrackKey();

    boolean isActive();
}
