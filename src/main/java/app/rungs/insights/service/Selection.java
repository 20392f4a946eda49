package app.rungs.insights.service;

/**
 * The people behind one bar, box or cell of an insight, for the click-through list.
 *
 * @param kind which chart the item belongs to
 * @param ladderId the ladder of a level (LEVEL, PROMOTED_FROM)
 * @param key a level key, cycle label, month (yyyy-MM), competency key or promotion outcome, as the kind needs
 * @param teamId a team (TEAM, GAP); null with {@code noTeam} for people without a team
 * @param detail a second key: the outcome of a CYCLE item ("Promoted", "Not promoted", "Open")
 */
public record Selection(Kind kind, Long ladderId, String key, Long teamId, String detail) {

    public enum Kind {
        /** People at a level now. */
        LEVEL,
        /** People of a team. */
        TEAM,
        /** People promoted from a level. */
        PROMOTED_FROM,
        /** People with a promotion case of a cycle, by outcome. */
        CYCLE,
        /** People who logged evidence in a month. */
        MONTH,
        /** People who logged evidence for a competency. */
        COMPETENCY,
        /** People of a team whose next level expects a competency they have no acknowledged evidence for. */
        GAP
    }

    /** The team id that stands for "no team" in selections (ids are positive). */
    public static final long NO_TEAM = 0L;

    public static Selection level(Long ladderId, String levelKey) {
        return new Selection(Kind.LEVEL, ladderId, levelKey, null, null);
    }

    public static Selection team(long teamId) {
        return new Selection(Kind.TEAM, null, null, teamId, null);
    }

    public static Selection promotedFrom(Long ladderId, String levelKey) {
        return new Selection(Kind.PROMOTED_FROM, ladderId, levelKey, null, null);
    }

    public static Selection cycle(String cycle, String outcome) {
        return new Selection(Kind.CYCLE, null, cycle, null, outcome);
    }

    public static Selection month(String month) {
        return new Selection(Kind.MONTH, null, month, null, null);
    }

    public static Selection competency(String competencyKey) {
        return new Selection(Kind.COMPETENCY, null, competencyKey, null, null);
    }

    public static Selection gap(long teamId, String competencyKey) {
        return new Selection(Kind.GAP, null, competencyKey, teamId, null);
    }
}
