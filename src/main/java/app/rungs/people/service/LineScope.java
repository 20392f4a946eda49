package app.rungs.people.service;

/** Whose people a viewer may see in per-manager reports: everyone, the line below one manager, or nobody. */
public record LineScope(Kind kind, Long managerId) {

    public enum Kind {
        EVERYONE,
        LINE,
        NOBODY
    }

    public static LineScope everyone() {
        return new LineScope(Kind.EVERYONE, null);
    }

    public static LineScope below(Long managerId) {
        return new LineScope(Kind.LINE, managerId);
    }

    public static LineScope nobody() {
        return new LineScope(Kind.NOBODY, null);
    }
}
