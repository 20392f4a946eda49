package app.rungs.people.service;

import java.util.Locale;

/**
 * What a page of a manager's reporting line asks for: names containing a text (blank: everyone) and, for nomination
 * pickers, only active people placed on a ladder.
 */
public record LineQuery(String name, boolean placedOnly) {

    /** The most rows one page of a line returns. */
    static final int MAX_PAGE = 200;

    public static LineQuery everyone() {
        return new LineQuery(null, false);
    }

    public static LineQuery named(String name) {
        return new LineQuery(name, false);
    }

    /** Active people placed on a ladder whose name contains the text: whom a manager may nominate. */
    public static LineQuery nominable(String name) {
        return new LineQuery(name, true);
    }

    /** The LIKE pattern for the name, wildcards in the text escaped; null for no name filter. */
    String namePattern() {
        if (name == null || name.isBlank()) {
            return null;
        }
        return "%"
                + name.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
