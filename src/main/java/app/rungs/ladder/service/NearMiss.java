package app.rungs.ladder.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether two names typed into a spreadsheet are probably the same name mistyped: they differ only in case or
 * spacing, or in one or two words that are a letter or two apart. Names that differ in a number ("Engineer 1" and
 * "Engineer 2", "L1" and "L2", "Engineer II" and "Engineer III") or in a short word ("IC" and "PM") are distinct on
 * purpose and never a near miss.
 */
final class NearMiss {

    private static final String ROMAN = "^[ivxlcdm]+$";

    private NearMiss() {}

    static boolean similar(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        var na = normalize(a);
        var nb = normalize(b);
        if (na.equals(nb) || na.replace(" ", "").equals(nb.replace(" ", ""))) {
            return true;
        }
        var ta = tokens(na);
        var tb = tokens(nb);
        if (ta.size() != tb.size()) {
            return false;
        }
        int differing = 0;
        for (int i = 0; i < ta.size(); i++) {
            var x = ta.get(i);
            var y = tb.get(i);
            if (x.equals(y)) {
                continue;
            }
            differing++;
            if (!typo(x, y)) {
                return false;
            }
        }
        return differing > 0 && differing <= 2;
    }

    private static boolean typo(String x, String y) {
        int shorter = Math.min(x.length(), y.length());
        if (shorter < 4 || x.matches(ROMAN) && y.matches(ROMAN)) {
            return false;
        }
        if (x.replaceAll("\\d", "").equals(y.replaceAll("\\d", ""))) {
            return false;
        }
        if (Math.abs(x.length() - y.length()) > 2) {
            return false;
        }
        return distance(x, y) <= (shorter >= 8 ? 2 : 1);
    }

    static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<String> tokens(String s) {
        return Arrays.stream(s.split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A name as a file uses it: its key, its name, the cell as typed, and the rows that use it (none for the ladder). */
    record Named(String key, String name, String typed, List<Integer> rows) {}

    /** A problem at a spreadsheet row. */
    record Problem(int row, String text) {}

    /**
     * The names of one kind (level, competency…) in a file that look like typos of another name in the file or of a
     * name in the ladder the file is imported into. Of two similar names in the file, the one used on fewer rows is
     * taken for the typo (the later one when they are used equally often).
     */
    static List<Problem> check(String kind, String column, List<Named> file, Collection<Named> ladder) {
        var problems = new ArrayList<Problem>();
        var flagged = new HashSet<String>();
        for (int i = 0; i < file.size(); i++) {
            for (int j = i + 1; j < file.size(); j++) {
                var a = file.get(i);
                var b = file.get(j);
                if (a.key().equals(b.key()) || !similar(a.name(), b.name())) {
                    continue;
                }
                var typo = a.rows().size() < b.rows().size() ? a : b;
                var meant = typo == a ? b : a;
                if (flagged.add(typo.key())) {
                    problems.add(problem(
                            kind, column, typo, meant, " (row " + meant.rows().getFirst() + ")"));
                }
            }
        }
        var fileKeys = file.stream().map(Named::key).collect(Collectors.toSet());
        for (var named : file) {
            if (flagged.contains(named.key())) {
                continue;
            }
            for (var existing : ladder) {
                if (!fileKeys.contains(existing.key())
                        && !existing.key().equals(named.key())
                        && similar(named.name(), existing.name())) {
                    flagged.add(named.key());
                    problems.add(problem(kind, column, named, existing, " (" + existing.key() + " in the ladder)"));
                    break;
                }
            }
        }
        return problems;
    }

    private static Problem problem(String kind, String column, Named typo, Named meant, String where) {
        var also = typo.rows().size() > 1
                ? " It is also used on row" + (typo.rows().size() > 2 ? "s " : " ")
                        + typo.rows().stream().skip(1).map(String::valueOf).collect(Collectors.joining(", ")) + "."
                : "";
        return new Problem(
                typo.rows().getFirst(),
                "Row " + typo.rows().getFirst() + ", column " + column + ": the " + kind + " '" + typo.typed()
                        + "' looks like a typo of '" + meant.typed() + "'" + where + "; did you mean '"
                        + meant.typed() + "'?" + also);
    }
}
