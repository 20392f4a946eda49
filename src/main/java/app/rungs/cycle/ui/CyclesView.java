package app.rungs.cycle.ui;

import app.rungs.cycle.service.CycleProgress;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.CycleView;
import app.rungs.cycle.service.ManagerProgress;
import app.rungs.cycle.service.ProgressReport;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.cycle.service.StepProgress;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;

/**
 * Review cycles: admins open, reschedule and close them; admins and managers follow a cycle's progress per manager
 * and step (managers for their reporting line), with a drill-down to who is missing.
 */
@Route("cycles")
@PageTitle("Review cycles")
@Menu(order = 45, icon = "vaadin:calendar-clock", title = "Review cycles")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/cycles.css")
public class CyclesView extends Div implements BeforeEnterObserver {

    final Select<CycleView> picker = new Select<>();
    final Button openCycle = new Button("Open a cycle", VaadinIcon.PLUS.create());
    final Div body = new Div();
    final Grid<ManagerProgress> managers = new Grid<>();
    private final ReviewCycles cycles;
    private final CycleProgress progress;
    private final boolean admin;

    public CyclesView(ReviewCycles cycles, CycleProgress progress) {
        this.cycles = cycles;
        this.progress = progress;
        this.admin = CurrentUser.require().has(Role.ADMIN);
        addClassNames("page", "page-full", "cycles-page");

        var title = new H1("Review cycles");
        title.addClassName("page-title");
        var lead = new Paragraph(
                admin
                        ? "Open a cycle with its windows and deadlines, then follow each manager's team through"
                                + " self-assessment, feedback, nominations and calibration."
                        : "How far your reporting line has come in each step of a review cycle, and who is still missing.");
        lead.addClassName("muted");
        openCycle.setId("open-cycle");
        openCycle.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openCycle.setVisible(admin);
        openCycle.addClickListener(e -> new CycleDialog(cycles, null, suggestLabel(cycles.all()), this::show).open());
        var header = new Div(new Div(title, lead), openCycle);
        header.addClassName("cycles-header");

        picker.setId("cycle-picker");
        picker.setLabel("Cycle");
        picker.setItemLabelGenerator(c -> c.label() + (c.isOpen() ? "" : " (closed)"));
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(e.getValue().id());
            }
        });
        body.addClassName("cycles-body");
        add(header, picker, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load(event.getLocation().getQueryParameters().getSingleParameter("cycle"));
    }

    private void load(java.util.Optional<String> asked) {
        var all = cycles.all();
        picker.setItems(all);
        picker.setVisible(!all.isEmpty());
        CycleView chosen = null;
        if (asked.isPresent()) {
            chosen = all.stream()
                    .filter(c -> String.valueOf(c.id()).equals(asked.get()))
                    .findFirst()
                    .orElse(null);
        }
        if (chosen == null && !all.isEmpty()) {
            chosen = all.getFirst();
        }
        if (chosen != null) {
            picker.setValue(chosen);
        }
        render(chosen);
    }

    /** After a change: the cycle shown again with fresh data, its id in the address. */
    private void show(Long id) {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "cycles?cycle=" + id));
        load(java.util.Optional.of(String.valueOf(id)));
    }

    /** The first half-year from today's on, like the labels promotion cases use ("2026-H2"), not taken yet. */
    private static String suggestLabel(List<CycleView> existing) {
        var taken = existing.stream()
                .map(c -> c.label().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        var day = Formats.today();
        for (int i = 0; i < 10; i++, day = day.plusMonths(6)) {
            var label = day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2");
            if (!taken.contains(label.toLowerCase(java.util.Locale.ROOT))) {
                return label;
            }
        }
        return "";
    }

    private void render(CycleView cycle) {
        body.removeAll();
        if (cycle == null) {
            body.add(EmptyState.of(
                    "No review cycle yet",
                    admin
                            ? "Open one to set the windows and deadlines of self-assessment, feedback, nominations"
                                    + " and calibration."
                            : "An admin opens review cycles; their progress shows here."));
            return;
        }
        body.add(timeline(cycle));
        var report = progress.progress(cycle.id());
        if (report.steps().isEmpty()) {
            body.add(EmptyState.of("Nothing to count yet", "No step of this cycle reports progress."));
            return;
        }
        body.add(totals(report));
        body.add(managerGrid(report));
    }

    private Component timeline(CycleView cycle) {
        var today = Formats.today();
        var steps = new Div();
        steps.addClassName("cycle-timeline");
        for (var w : cycle.windows()) {
            var name = new Span(w.step().label());
            name.addClassName("cycle-step-name");
            var dates = new Span(Formats.date(w.opens()) + " – " + Formats.date(w.due()));
            dates.addClassName("cycle-step-dates");
            var item = new Div(name, dates, windowBadge(cycle, w.opens(), w.due(), today));
            item.addClassName("cycle-step");
            steps.add(item);
        }
        var card = new Card(
                "Cycle " + cycle.label(),
                Badges.badge(cycle.isOpen() ? "Open" : "Closed", cycle.isOpen() ? "success" : "contrast"),
                steps);
        card.addClassName("cycle-card");
        var meta = new Paragraph("Opened " + Formats.date(cycle.createdAt()) + " by " + cycle.createdBy()
                + (cycle.closedAt() == null
                        ? ""
                        : " · closed " + Formats.date(cycle.closedAt()) + " by " + cycle.closedBy()));
        meta.addClassName("muted");
        card.add(meta);
        if (admin && cycle.isOpen()) {
            var edit = new Button(
                    "Edit dates",
                    VaadinIcon.EDIT.create(),
                    e -> new CycleDialog(cycles, cycles.get(cycle.id()), null, this::show).open());
            edit.setId("edit-cycle");
            var close = new Button(
                    "Close cycle",
                    VaadinIcon.LOCK.create(),
                    e -> Confirm.askDestructive(
                            "Close " + cycle.label() + "?",
                            "Its reminders stop and it is no longer offered for new nominations and calibration"
                                    + " sessions. Its dates stay as history.",
                            "Close cycle",
                            () -> {
                                if (Toasts.attempt(() -> cycles.close(cycle.id(), cycle.version()))) {
                                    Toasts.success("Cycle " + cycle.label() + " closed.");
                                    show(cycle.id());
                                }
                            }));
            close.setId("close-cycle");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            var actions = new Div(edit, close);
            actions.addClassName("cycle-actions");
            card.add(actions);
        }
        return card;
    }

    private static Component windowBadge(CycleView cycle, LocalDate opens, LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return Badges.badge("Closed", "contrast");
        }
        if (today.isBefore(opens)) {
            return Badges.badge("Opens in " + (opens.toEpochDay() - today.toEpochDay()) + " d", "");
        }
        long left = due.toEpochDay() - today.toEpochDay();
        return Badges.badge(left == 0 ? "Due today" : left + " d left", cycle.isOpen() ? "primary" : "contrast");
    }

    private Component totals(ProgressReport report) {
        var row = new Div();
        row.addClassName("cycle-totals");
        row.setId("cycle-totals");
        for (var s : report.totals()) {
            var title = new Span(s.step().label());
            title.addClassName("cycle-total-title");
            var tile = new Div(title, ProgressCell.of(s));
            tile.addClassName("cycle-total");
            row.add(tile);
        }
        var intro = new Paragraph(
                admin ? "Everyone with a manager, in " + report.cycle().label() + "." : "Your reporting line.");
        intro.addClassName("muted");
        return new Div(intro, row);
    }

    /** The managers, paged from the database (a director's line has thousands), each cell opening who is missing. */
    private Component managerGrid(ProgressReport report) {
        var cycleId = report.cycle().id();
        managers.removeAllColumns();
        managers.setId("cycle-managers");
        managers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        managers.addComponentColumn(CyclesView::managerCell)
                .setHeader("Manager")
                .setFlexGrow(2)
                .setKey("manager");
        for (int i = 0; i < report.steps().size(); i++) {
            CycleStep step = report.steps().get(i);
            int index = i;
            managers.addComponentColumn(m -> {
                        var s = m.steps().get(index);
                        var cell = ProgressCell.of(s);
                        cell.addClickListener(e -> MissingDialog.open(
                                m.managerName(), s, () -> progress.missing(cycleId, m.managerId(), step)));
                        cell.addClassName("clickable");
                        cell.getElement().setAttribute("title", "Who is missing");
                        return cell;
                    })
                    .setHeader(step.label())
                    .setKey(step.name())
                    .setFlexGrow(1);
        }
        long count = progress.managerCount();
        managers.setItems(query -> progress.managers(cycleId, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, count));
        managers.setAllRowsVisible(count <= 25);
        managers.setEmptyStateText("Nobody in your reporting line has a manager yet.");
        return managers;
    }

    private static Component managerCell(ManagerProgress m) {
        var name = new Span(m.managerName());
        name.addClassName("cycle-manager-name");
        var sub = new Span((m.teamName() == null ? "" : m.teamName() + " · ")
                + m.people()
                + (m.people() == 1 ? " person" : " people"));
        sub.addClassName("muted");
        var cell = new Div(name, sub);
        cell.addClassName("cycle-manager");
        return cell;
    }

    /** For tests: the progress text of one manager and step as shown. */
    static String text(List<StepProgress> steps, CycleStep step) {
        return steps.stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .map(StepProgress::text)
                .orElse("");
    }
}
