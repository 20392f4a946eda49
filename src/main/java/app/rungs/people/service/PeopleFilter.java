package app.rungs.people.service;

import app.rungs.ladder.domain.SpecializationTrack;

/**
 * Filters of the people grid; every field is optional.
 *
 * @param name part of the name or email
 * @param team part of the team name
 * @param manager part of the manager's name
 * @param level one level of one ladder, or {@link LevelCatalog#NO_LEVEL} for people without a level
 * @param tier the tier name
 * @param specialization a track, or null for any
 * @param generalistsOnly only people without a specialization track
 * @param track a ladder track key, {@link #SHARED_LINE} for people on no track, or null for any
 */
public record PeopleFilter(
        String name,
        String team,
        String manager,
        LevelCatalog.LevelInfo level,
        String tier,
        TimeInLevel timeInLevel,
        SpecializationTrack specialization,
        boolean generalistsOnly,
        Status status,
        String track) {

    /** The {@link #track} filter value of people on their ladder's shared line (no track chosen). */
    public static final String SHARED_LINE = "";

    public enum Status {
        ACTIVE("Active"),
        LEFT("Left"),
        ALL("Everyone");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static PeopleFilter active() {
        return new PeopleFilter(null, null, null, null, null, null, null, false, Status.ACTIVE, null);
    }

    public PeopleFilter withName(String value) {
        return new PeopleFilter(
                value, team, manager, level, tier, timeInLevel, specialization, generalistsOnly, status, track);
    }

    public PeopleFilter withTeam(String value) {
        return new PeopleFilter(
                name, value, manager, level, tier, timeInLevel, specialization, generalistsOnly, status, track);
    }

    public PeopleFilter withManager(String value) {
        return new PeopleFilter(
                name, team, value, level, tier, timeInLevel, specialization, generalistsOnly, status, track);
    }

    public PeopleFilter withLevel(LevelCatalog.LevelInfo value) {
        return new PeopleFilter(
                name, team, manager, value, tier, timeInLevel, specialization, generalistsOnly, status, track);
    }

    public PeopleFilter withTier(String value) {
        return new PeopleFilter(
                name, team, manager, level, value, timeInLevel, specialization, generalistsOnly, status, track);
    }

    public PeopleFilter withTimeInLevel(TimeInLevel value) {
        return new PeopleFilter(
                name, team, manager, level, tier, value, specialization, generalistsOnly, status, track);
    }

    public PeopleFilter withSpecialization(SpecializationTrack value, boolean generalists) {
        return new PeopleFilter(name, team, manager, level, tier, timeInLevel, value, generalists, status, track);
    }

    public PeopleFilter withStatus(Status value) {
        return new PeopleFilter(
                name, team, manager, level, tier, timeInLevel, specialization, generalistsOnly, value, track);
    }

    public PeopleFilter withTrack(String value) {
        return new PeopleFilter(
                name, team, manager, level, tier, timeInLevel, specialization, generalistsOnly, status, value);
    }
}
