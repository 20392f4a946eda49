package app.rungs.people.service;

/** A sort order of the people grid. */
public record PeopleSort(Field field, boolean ascending) {

    public enum Field {
        NAME,
        TEAM,
        MANAGER,
        LEVEL,
        TIER,
        TIME_IN_LEVEL,
        SPECIALIZATION
    }

    public static PeopleSort asc(Field field) {
        return new PeopleSort(field, true);
    }

    public static PeopleSort desc(Field field) {
        return new PeopleSort(field, false);
    }
}
