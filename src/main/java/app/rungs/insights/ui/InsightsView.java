package app.rungs.insights.ui;

import app.rungs.insights.service.InsightFilter;
import app.rungs.insights.service.InsightOptions;
import app.rungs.insights.service.InsightPeople;
import app.rungs.insights.service.InsightQueries;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.charts.ChartClick;
import app.rungs.shared.ui.charts.ChartPanel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The insights dashboard: time in level (by level and by team), promotion velocity, promotion outcomes per cycle,
 * evidence activity per month and per competency, and coverage of the next level per team. Admins see the
 * organization, managers their reporting line. The filters apply to every chart; every chart has a data table
 * alternative, and a click on a bar, box or cell (or a table row) lists the people behind it.
 */
@Route("insights")
@PageTitle("Insights")
@Menu(order = 55, icon = "vaadin:chart", title = "Insights")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/insights.css")
public class InsightsView extends Div {

    final ComboBox<InsightOptions.Choice> ladder = choice("Ladder");
    final ComboBox<InsightOptions.Choice> track = choice("Track");
    final ComboBox<InsightOptions.Choice> team = choice("Team");
    final ComboBox<InsightOptions.Choice> cycle = choice("Cycle");
    final Map<String, ChartPanel> panels = new LinkedHashMap<>();
    private final Map<String, InsightCharts.Drawn> drawn = new LinkedHashMap<>();
    private final Map<String, Paragraph> notes = new LinkedHashMap<>();
    private final InsightQueries insights;
    private final InsightPeople people;
    PeopleDialog dialog;

    public InsightsView(InsightQueries insights, InsightPeople people, InsightOptions options) {
        this.insights = insights;
        this.people = people;
        addClassNames("page", "insights-page");
        var choices = options.choices();
        ladder.setItems(of(choices, InsightOptions.LADDER));
        track.setItems(of(choices, InsightOptions.TRACK));
        team.setItems(of(choices, InsightOptions.TEAM));
        cycle.setItems(of(choices, InsightOptions.CYCLE));
        var clear = new Button("Clear filters", e -> {
            ladder.clear();
            track.clear();
            team.clear();
            cycle.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new Div(ladder, track, team, cycle, clear);
        filters.addClassName("insights-filters");
        var intro = new Paragraph("Numbers for the people you can see: the organization for admins, your reporting"
                + " line for managers. Click a bar, box or cell (or a row of its table) to see the people behind it.");
        intro.addClassName("insights-intro");
        var grid = new Div();
        grid.addClassName("insights-grid");
        panel(
                grid,
                "time-in-level-level",
                "Time in level by level",
                "Months people have been at their current level: the box spans the middle half, the line is the median.");
        panel(grid, "time-in-level-team", "Time in level by team", "The same, per team.");
        panel(
                grid,
                "promotion-velocity",
                "Promotion velocity",
                "Median months people had spent at a level when they were promoted from it.");
        panel(
                grid,
                "promotion-rate",
                "Promotion outcomes per cycle",
                "Promotion cases per cycle by outcome; the table gives the rates (withdrawn cases are left out).");
        panel(
                grid,
                "evidence-month",
                "Evidence per month",
                "Evidence items (not drafts) by the month they happened, by review status.");
        panel(
                grid,
                "evidence-competency",
                "Evidence per competency",
                "The competencies evidence is logged for most (not drafts), same months.");
        var coverage = panel(
                grid,
                "coverage",
                "Coverage of the next level",
                "Per team and competency of people's next level: the share with acknowledged evidence for it."
                        + " Click a cell for the people with a gap.");
        coverage.addClassName("insights-wide");
        add(intro, filters, grid);
        for (var box : List.of(ladder, track, team, cycle)) {
            box.addValueChangeListener(e -> refresh());
        }
        refresh();
    }

    /** The filters as chosen now. */
    InsightFilter filter() {
        return new InsightFilter(
                ladder.getValue() == null
                        ? null
                        : Long.valueOf(ladder.getValue().value()),
                track.getValue() == null ? null : track.getValue().value(),
                team.getValue() == null ? null : Long.valueOf(team.getValue().value()),
                cycle.getValue() == null ? null : cycle.getValue().value());
    }

    /** Reads every chart again (one statement each) with the current filters. */
    void refresh() {
        var f = filter();
        show("time-in-level-level", () -> InsightCharts.timeInLevel(insights.timeInLevelByLevel(f), "Level"));
        show("time-in-level-team", () -> InsightCharts.timeInLevel(insights.timeInLevelByTeam(f), "Team"));
        show("promotion-velocity", () -> InsightCharts.velocity(insights.promotionVelocity(f)));
        show("promotion-rate", () -> InsightCharts.promotionRate(insights.promotionRate(f)));
        show("evidence-month", () -> InsightCharts.evidencePerMonth(insights.evidencePerMonth(f)));
        show("evidence-competency", () -> InsightCharts.evidencePerCompetency(insights.evidencePerCompetency(f)));
        show("coverage", () -> InsightCharts.coverage(insights.coverage(f)));
    }

    /** Opens the people behind an item of a chart (what a click on it does). */
    void open(String chartId, ChartClick click) {
        var chart = drawn.get(chartId);
        var selection = chart == null ? null : chart.selection(click);
        if (selection == null) {
            return;
        }
        var title = panels.get(chartId).getElement().getProperty("data-title", "") + " · " + describe(click);
        dialog = new PeopleDialog(people, filter(), selection, title);
        dialog.open();
    }

    private static String describe(ChartClick click) {
        return click.series().isBlank()
                        || click.series().equals("Items")
                        || click.series().equals("Median months")
                ? click.category()
                : click.category() + " · " + click.series();
    }

    private void show(String id, Supplier<InsightCharts.Drawn> read) {
        var d = read.get();
        drawn.put(id, d);
        panels.get(id).show(d.option(), d.table());
        var note = notes.get(id);
        note.setText(d.note() == null ? "" : d.note());
        note.setVisible(d.note() != null);
    }

    private ChartPanel panel(Div grid, String id, String title, String description) {
        var p = new ChartPanel(id, title, description);
        p.getElement().setProperty("data-title", title);
        p.setEmptyText("Nothing to show for these filters.");
        p.addChartClickListener(click -> open(id, click));
        var note = new Paragraph();
        note.addClassName("chart-panel-note");
        note.setVisible(false);
        p.add(note);
        panels.put(id, p);
        notes.put(id, note);
        grid.add(p);
        return p;
    }

    private static ComboBox<InsightOptions.Choice> choice(String label) {
        var box = new ComboBox<InsightOptions.Choice>(label);
        box.setItemLabelGenerator(InsightOptions.Choice::label);
        box.setClearButtonVisible(true);
        box.setPlaceholder("All");
        return box;
    }

    private static List<InsightOptions.Choice> of(List<InsightOptions.Choice> choices, String kind) {
        return choices.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /** Days in months with one decimal, as the charts show them. */
    static String months(long days) {
        return String.format(java.util.Locale.ROOT, "%.1f", InsightCharts.months((double) days));
    }
}
