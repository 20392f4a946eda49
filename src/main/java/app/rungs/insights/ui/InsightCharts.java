package app.rungs.insights.ui;

import app.rungs.insights.service.InsightLabels;
import app.rungs.insights.service.InsightRows.CompetencyActivity;
import app.rungs.insights.service.InsightRows.CoverageCell;
import app.rungs.insights.service.InsightRows.CycleRate;
import app.rungs.insights.service.InsightRows.MonthActivity;
import app.rungs.insights.service.InsightRows.Spread;
import app.rungs.insights.service.InsightRows.Velocity;
import app.rungs.insights.service.Selection;
import app.rungs.shared.ui.charts.ChartClick;
import app.rungs.shared.ui.charts.ChartOptions;
import app.rungs.shared.ui.charts.ChartTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the insight rows into a chart option, its data table and the selection behind each item (what a click
 * opens). Times are shown in months (days / 30.44, one decimal).
 */
final class InsightCharts {

    /** A chart ready to show: option, table, and the people behind each clickable item by its key. */
    record Drawn(ObjectNode option, ChartTable table, Map<ChartClick, Selection> selections, String note) {

        Selection selection(ChartClick click) {
            var exact = selections.get(click);
            if (exact != null) {
                return exact;
            }
            // Box plots and single-series bars are keyed by category alone.
            return selections.get(new ChartClick("", click.category()));
        }
    }

    private static final String ACK_COLOR = "#2fae7a";
    private static final String REVIEW_COLOR = "#5b8def";
    private static final String RETURNED_COLOR = "#e05a47";
    private static final String OPEN_COLOR = "#aab3c2";

    private InsightCharts() {}

    static Drawn timeInLevel(List<Spread> rows, String firstHeader) {
        var categories = new ArrayList<String>();
        var boxes = new ArrayList<ChartOptions.Box>();
        var selections = new LinkedHashMap<ChartClick, Selection>();
        var tableRows = new ArrayList<ChartTable.Row>();
        int hidden = 0;
        for (var r : rows) {
            var label = unique(categories, r.label());
            if (r.isSuppressed()) {
                hidden++;
                tableRows.add(new ChartTable.Row(null, List.of(label, r.suppressed(), "", "", "", "", "")));
                continue;
            }
            categories.add(label);
            boxes.add(new ChartOptions.Box(
                    months(r.minDays()),
                    months(r.q1Days()),
                    months(r.medianDays()),
                    months(r.q3Days()),
                    months(r.maxDays()),
                    r.people()));
            var key = new ChartClick("", label);
            selections.put(
                    key,
                    r.levelKey() != null ? Selection.level(r.ladderId(), r.levelKey()) : Selection.team(r.teamId()));
            tableRows.add(new ChartTable.Row(
                    key,
                    List.of(
                            label,
                            String.valueOf(r.people()),
                            fmt(months(r.minDays())),
                            fmt(months(r.q1Days())),
                            fmt(months(r.medianDays())),
                            fmt(months(r.q3Days())),
                            fmt(months(r.maxDays())))));
        }
        var option = ChartOptions.boxplot(categories, boxes, "Months in level");
        var table = new ChartTable(
                List.of(firstHeader, "People", "Min", "25th pct", "Median", "75th pct", "Max (months)"), tableRows);
        return new Drawn(option, table, selections, hiddenNote(hidden));
    }

    static Drawn velocity(List<Velocity> rows) {
        var categories = new ArrayList<String>();
        var values = new ArrayList<Double>();
        var selections = new LinkedHashMap<ChartClick, Selection>();
        var tableRows = new ArrayList<ChartTable.Row>();
        for (var r : rows) {
            var label = unique(categories, r.levelKey());
            categories.add(label);
            values.add(months(r.medianDays()));
            var key = new ChartClick("Median months", label);
            selections.put(key, Selection.promotedFrom(r.ladderId(), r.levelKey()));
            tableRows.add(new ChartTable.Row(
                    key, List.of(label, String.valueOf(r.promotions()), fmt(months(r.medianDays())))));
        }
        var option = ChartOptions.bars(
                categories, List.of(new ChartOptions.Series("Median months", "#5b8def", values)), false, "Months");
        var table = new ChartTable(List.of("Promoted from", "Promotions", "Median months at the level"), tableRows);
        return new Drawn(option, table, selections, null);
    }

    static Drawn promotionRate(List<CycleRate> rows) {
        var categories = rows.stream().map(CycleRate::cycle).toList();
        var series = List.of(
                new ChartOptions.Series(
                        InsightLabels.PROMOTED,
                        ACK_COLOR,
                        rows.stream().map(CycleRate::promoted).toList()),
                new ChartOptions.Series(
                        InsightLabels.NOT_PROMOTED,
                        RETURNED_COLOR,
                        rows.stream().map(CycleRate::notPromoted).toList()),
                new ChartOptions.Series(
                        InsightLabels.OPEN,
                        OPEN_COLOR,
                        rows.stream().map(CycleRate::open).toList()));
        var selections = new LinkedHashMap<ChartClick, Selection>();
        var tableRows = new ArrayList<ChartTable.Row>();
        for (var r : rows) {
            for (var outcome : List.of(InsightLabels.PROMOTED, InsightLabels.NOT_PROMOTED, InsightLabels.OPEN)) {
                selections.put(new ChartClick(outcome, r.cycle()), Selection.cycle(r.cycle(), outcome));
            }
            selections.put(new ChartClick("", r.cycle()), Selection.cycle(r.cycle(), null));
            tableRows.add(new ChartTable.Row(
                    new ChartClick("", r.cycle()),
                    List.of(
                            r.cycle(),
                            String.valueOf(r.promoted()),
                            String.valueOf(r.notPromoted()),
                            String.valueOf(r.open()),
                            pct(r.decidedRate()),
                            pct(r.headcountRate()))));
        }
        var option = ChartOptions.bars(categories, series, true, "Cases");
        var table = new ChartTable(
                List.of("Cycle", "Promoted", "Not promoted", "Open", "Of decided", "Of engineers in scope"), tableRows);
        return new Drawn(option, table, selections, null);
    }

    static Drawn evidencePerMonth(List<MonthActivity> rows) {
        var categories = rows.stream().map(MonthActivity::month).toList();
        var series = List.of(
                new ChartOptions.Series(
                        InsightLabels.ACKNOWLEDGED,
                        ACK_COLOR,
                        rows.stream().map(MonthActivity::acknowledged).toList()),
                new ChartOptions.Series(
                        InsightLabels.SUBMITTED,
                        REVIEW_COLOR,
                        rows.stream().map(MonthActivity::submitted).toList()),
                new ChartOptions.Series(
                        InsightLabels.RETURNED,
                        RETURNED_COLOR,
                        rows.stream().map(MonthActivity::returned).toList()));
        var selections = new LinkedHashMap<ChartClick, Selection>();
        var tableRows = new ArrayList<ChartTable.Row>();
        for (var r : rows) {
            var key = new ChartClick("", r.month());
            selections.put(key, Selection.month(r.month()));
            tableRows.add(new ChartTable.Row(
                    key,
                    List.of(
                            r.month(),
                            String.valueOf(r.acknowledged()),
                            String.valueOf(r.submitted()),
                            String.valueOf(r.returned()),
                            String.valueOf(r.people()))));
        }
        var option = ChartOptions.bars(categories, series, true, "Items");
        var table = new ChartTable(List.of("Month", "Acknowledged", "In review", "Returned", "People"), tableRows);
        return new Drawn(option, table, selections, null);
    }

    static Drawn evidencePerCompetency(List<CompetencyActivity> rows) {
        var categories = new ArrayList<String>();
        var values = new ArrayList<Long>();
        var selections = new LinkedHashMap<ChartClick, Selection>();
        var tableRows = new ArrayList<ChartTable.Row>();
        for (var r : rows) {
            var label = unique(categories, r.name());
            categories.add(label);
            values.add(r.items());
            var key = new ChartClick("Items", label);
            selections.put(key, Selection.competency(r.competencyKey()));
            tableRows.add(
                    new ChartTable.Row(key, List.of(label, String.valueOf(r.items()), String.valueOf(r.people()))));
        }
        var option = ChartOptions.bars(
                categories, List.of(new ChartOptions.Series("Items", "#8b5cf6", values)), false, "Items");
        option.withObject("xAxis")
                .withObject("axisLabel")
                .put("interval", 0)
                .put("rotate", 35)
                .put("width", 110)
                .put("overflow", "truncate");
        option.withObject("grid").put("bottom", 8);
        var table = new ChartTable(List.of("Competency", "Items", "People"), tableRows);
        return new Drawn(option, table, selections, null);
    }

    static Drawn coverage(List<CoverageCell> cells) {
        var columns = new ArrayList<String>();
        var keys = new LinkedHashMap<String, String>();
        var teams = new ArrayList<String>();
        var teamIds = new LinkedHashMap<String, Long>();
        var hiddenTeams = new ArrayList<String>();
        for (var c : cells) {
            if (!keys.containsKey(c.competency())) {
                keys.put(c.competency(), c.competencyKey());
                columns.add(c.competency());
            }
            if (c.suppressed() != null) {
                if (!hiddenTeams.contains(c.team())) {
                    hiddenTeams.add(c.team());
                }
            } else if (!teams.contains(c.team())) {
                teams.add(c.team());
                teamIds.put(c.team(), c.teamId());
            }
        }
        var chartCells = new ArrayList<ChartOptions.Cell>();
        var selections = new LinkedHashMap<ChartClick, Selection>();
        var tableRows = new ArrayList<ChartTable.Row>();
        for (var c : cells) {
            if (c.suppressed() != null) {
                continue;
            }
            chartCells.add(new ChartOptions.Cell(c.competency(), c.team(), c.percent()));
            var key = new ChartClick(c.competency(), c.team());
            selections.put(key, Selection.gap(c.teamId(), c.competencyKey()));
            tableRows.add(new ChartTable.Row(
                    key,
                    List.of(
                            c.team(),
                            c.competency(),
                            String.valueOf(c.people()),
                            String.valueOf(c.covered()),
                            pct(c.percent()))));
        }
        for (var team : hiddenTeams) {
            tableRows.add(new ChartTable.Row(null, List.of(team, "all", "", "", "hidden (a small group)")));
        }
        var option = ChartOptions.heatmap(columns, teams, chartCells, 100, "% covered");
        var table = new ChartTable(
                List.of("Team", "Competency of the next level", "People", "With acknowledged evidence", "Covered"),
                tableRows);
        return new Drawn(option, table, selections, hiddenNote(hiddenTeams.size()));
    }

    /** Days as months with one decimal. */
    static double months(Double days) {
        return days == null ? 0 : Math.round(days / 30.44 * 10) / 10.0;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pct(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String hiddenNote(int hidden) {
        if (hidden == 0) {
            return null;
        }
        return hidden == 1
                ? "1 team is not shown: a group smaller than the organization's minimum (or one that would reveal it)."
                : hidden
                        + " teams are not shown: groups smaller than the organization's minimum (or that would reveal one).";
    }

    /** A category label not used yet (two ladders can share a level key, two teams never share a name). */
    private static String unique(List<String> used, String label) {
        var result = label == null ? "—" : label;
        int n = 2;
        while (used.contains(result)) {
            result = label + " (" + n++ + ")";
        }
        return result;
    }
}
