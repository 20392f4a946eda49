package app.rungs.growth.ui;

import app.rungs.growth.domain.GoalStatus;
import app.rungs.growth.domain.NoteKind;
import app.rungs.growth.service.GrowthEditing;
import app.rungs.growth.service.GrowthPlan;
import app.rungs.growth.service.GrowthPlans;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A person's growth plan: one card per goal with its notes, and the actions the viewer may take. */
@StyleSheet("styles/cycles.css")
class GrowthPlanPanel extends Div {

    private final GrowthPlans plans;
    private final GrowthEditing editing;
    private final Long personId;

    GrowthPlanPanel(GrowthPlans plans, GrowthEditing editing, Long personId) {
        this.plans = plans;
        this.editing = editing;
        this.personId = personId;
        addClassName("growth-plan");
        setId("growth-plan");
        refresh();
    }

    void refresh() {
        removeAll();
        var plan = plans.plan(personId);
        var intro = new Paragraph(
                plan.targetLevels().isEmpty()
                        ? plan.personName() + " is at the top of their path: goals here are about staying strong."
                        : "Goals of " + plan.personName() + " towards " + String.join(" or ", plan.targetLevels())
                                + ", each tied to one of its competencies.");
        intro.addClassName("muted");
        var header = new Div(intro);
        header.addClassName("growth-goal-head");
        if (plan.mayEdit() && !plan.competencies().isEmpty()) {
            var add = new Button(
                    "Add goal",
                    VaadinIcon.PLUS.create(),
                    e -> new GoalDialog(plan, null, form -> editing.addGoal(personId, form), this::refresh).open());
            add.setId("add-goal");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        add(header);
        if (plan.goals().isEmpty()) {
            add(EmptyState.of(
                    "No goals yet",
                    plan.mayEdit()
                            ? "Add a goal for a competency of the next level, with a target date."
                            : "Nothing planned yet."));
            return;
        }
        for (var goal : plan.goals()) {
            add(goalCard(plan, goal));
        }
    }

    private Component goalCard(GrowthPlan plan, GrowthPlan.Goal goal) {
        var title = new Span(goal.title());
        title.addClassName("growth-goal-title");
        var head = new Div(title, status(goal.status()));
        head.addClassName("growth-goal-head");
        var meta = new Span(
                goal.competencyName() + " · " + goal.levelKey() + " · target " + Formats.date(goal.targetDate()));
        meta.addClassName("growth-goal-meta");
        var body = new Div(head, meta);
        body.addClassName("growth-goal");
        if (!goal.evidence().isEmpty()) {
            var evidence = new Span("Evidence: "
                    + String.join(
                            ", ",
                            goal.evidence().stream()
                                    .map(GrowthPlan.EvidenceChoice::title)
                                    .toList()));
            evidence.addClassName("growth-goal-meta");
            body.add(evidence);
        }
        if (!goal.notes().isEmpty()) {
            var list = new UnorderedList();
            list.addClassName("growth-notes");
            for (var n : goal.notes()) {
                var who = new Span((n.kind() == NoteKind.COMMENT ? "Comment by " : "Progress note by ") + n.authorName()
                        + " · " + Formats.dateTime(n.createdAt()));
                who.addClassName("growth-note-meta");
                var item = new ListItem(new Div(who), new Span(n.body()));
                item.addClassName("growth-note");
                if (n.kind() == NoteKind.COMMENT) {
                    item.addClassName("comment");
                }
                list.add(item);
            }
            body.add(list);
        }
        if (plan.mayEdit()) {
            body.add(actions(plan, goal));
        }
        var card = new Card(null, body);
        card.addClassName("growth-goal-card");
        return card;
    }

    private Component actions(GrowthPlan plan, GrowthPlan.Goal goal) {
        var actions = new Div();
        actions.addClassName("growth-actions");
        var note = new Button(
                "Add progress note",
                VaadinIcon.COMMENT_O.create(),
                e -> new NoteDialog(
                                "Progress note",
                                text -> editing.addNote(goal.id(), NoteKind.PROGRESS, text),
                                this::refresh)
                        .open());
        note.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(note);
        if (plan.mayComment()) {
            var comment = new Button(
                    "Comment",
                    VaadinIcon.COMMENT.create(),
                    e -> new NoteDialog(
                                    "Manager's comment",
                                    text -> editing.addNote(goal.id(), NoteKind.COMMENT, text),
                                    this::refresh)
                            .open());
            comment.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(comment);
        }
        var edit = new Button(
                "Edit",
                VaadinIcon.EDIT.create(),
                e -> new GoalDialog(
                                plan, goal, form -> editing.editGoal(goal.id(), goal.version(), form), this::refresh)
                        .open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actions.add(edit);
        if (goal.status() == GoalStatus.OPEN) {
            actions.add(
                    statusButton(goal, "Mark done", GoalStatus.DONE), statusButton(goal, "Drop", GoalStatus.DROPPED));
        } else {
            actions.add(statusButton(goal, "Reopen", GoalStatus.OPEN));
        }
        return actions;
    }

    private Button statusButton(GrowthPlan.Goal goal, String text, GoalStatus status) {
        var button = new Button(text, e -> {
            if (Toasts.attempt(() -> editing.setStatus(goal.id(), goal.version(), status), c -> refresh())) {
                refresh();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    static Span status(GoalStatus status) {
        return switch (status) {
            case OPEN -> Badges.badge("Open", "primary");
            case DONE -> Badges.badge("Done", "success");
            case DROPPED -> Badges.badge("Dropped", "contrast");
        };
    }
}
