package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two levels of one version side by side: for every competency asked at either level, whether the higher level asks
 * something new, raises the bar, asks the same, or no longer asks it. Inheritance is resolved on both sides, so an
 * expectation carried up unchanged counts as unchanged.
 *
 * @param lower the lower of the two levels
 * @param higher the higher of the two levels
 * @param rows one row per competency asked at either level, in matrix order
 */
public record LevelComparison(LevelView lower, LevelView higher, List<Row> rows) {

    public enum Change {
        /** Not asked at the lower level, asked at the higher. */
        NEW("New"),
        /** Asked at both, but the higher level states it differently. */
        RAISED("Raised"),
        /** The same expectation applies at both levels. */
        UNCHANGED("Unchanged"),
        /** Asked at the lower level, marked not expected at the higher. */
        NO_LONGER("No longer asked");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Row(AreaView area, Change change, Resolved lower, Resolved higher) {}

    public long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    /** Compares two levels of a version; the order of the keys does not matter. */
    public static LevelComparison of(LadderContent content, String levelA, String levelB) {
        var a = content.level(levelA)
                .orElseThrow(() -> new app.rungs.shared.service.NotFoundException("Level " + levelA + " not found"));
        var b = content.level(levelB)
                .orElseThrow(() -> new app.rungs.shared.service.NotFoundException("Level " + levelB + " not found"));
        var lower = content.levels().indexOf(a) <= content.levels().indexOf(b) ? a : b;
        var higher = lower == a ? b : a;
        var rows = new ArrayList<Row>();
        for (var competency : content.competencies()) {
            var below = content.resolve(competency.key(), lower.key());
            var above = content.resolve(competency.key(), higher.key());
            Change change;
            if (!below.expected() && !above.expected()) {
                continue;
            } else if (!below.expected()) {
                change = Change.NEW;
            } else if (!above.expected()) {
                change = Change.NO_LONGER;
            } else if (Objects.equals(
                            below.expectation().statement(), above.expectation().statement())
                    && Objects.equals(
                            below.expectation().examples(), above.expectation().examples())) {
                change = Change.UNCHANGED;
            } else {
                change = Change.RAISED;
            }
            rows.add(new Row(content.area(competency.areaKey()).orElseThrow(), change, below, above));
        }
        return new LevelComparison(lower, higher, List.copyOf(rows));
    }
}
