package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.ChangeRow;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.calibration.service.RationaleRequiredException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * One engineer in detail: the proposal, the committee's final rating, promotion decision, feedback and notes, and
 * the history of every change. The dialog keeps the version it loaded: when someone else saves the entry first,
 * saving here is refused with who changed what, the fresh values are shown, and "Apply my change again" puts the
 * user's values back on top of them.
 */
class EntryDialog extends Dialog {

    final RadioButtonGroup<String> finalRating = new RadioButtonGroup<>("Final rating");
    final RadioButtonGroup<Decision> decision = new RadioButtonGroup<>("Promotion decision");
    final TextArea feedback = new TextArea("Feedback for the engineer");
    final TextArea notes = new TextArea("Committee notes");
    final Div conflict = new Div();
    final Div elsewhere = new Div();
    final Grid<ChangeRow> history = new Grid<>();
    final Button save = new Button("Save");
    private final CalibrationBoard boards;
    private final BoardEntries boardEntries;
    private final Board board;
    private final SerializableConsumer<BoardEntry> saved;
    private final boolean mayRate;
    private final boolean mayNote;
    BoardEntry entry;
    private EntryEdit attempted;

    EntryDialog(
            CalibrationBoard boards,
            BoardEntries boardEntries,
            Board board,
            BoardEntry loaded,
            SerializableConsumer<BoardEntry> saved) {
        this.boards = boards;
        this.boardEntries = boardEntries;
        this.board = board;
        this.saved = saved;
        this.entry = loaded;
        this.mayRate = board.session().may(SessionAction.RATE);
        this.mayNote = board.session().may(SessionAction.NOTE);
        setId("entry-dialog");
        addClassName("entry-dialog");
        setHeaderTitle(loaded.personName());
        setWidth("min(860px, 96vw)");

        var level = board.level(loaded.levelKey());
        var facts = new Div(
                fact(
                        "Level",
                        loaded.levelKey()
                                + level.map(l -> " · " + l.levelTitle()).orElse("")),
                fact("In level", Formats.since(loaded.levelSince(), Formats.today())),
                fact("Team", loaded.teamName() == null ? "—" : loaded.teamName()),
                fact("Manager", loaded.managerName() == null ? "—" : loaded.managerName()),
                fact(
                        "Last cycle",
                        board.lastCycle().containsKey(loaded.personId())
                                ? board.lastCycle().get(loaded.personId()).rating() + " ("
                                        + board.lastCycle()
                                                .get(loaded.personId())
                                                .cycle() + ")"
                                : "—"),
                fact("Readiness", readiness(board.readiness().get(loaded.personId()))));
        facts.addClassName("entry-facts");

        var proposal = new Div();
        proposal.addClassName("entry-proposal");
        var proposalTitle = new Span("Proposal");
        proposalTitle.addClassName("entry-section-title");
        proposal.add(proposalTitle, CalibrationChips.rating(board.session().scale(), loaded.proposedRating()));
        if (loaded.proposalRationale() != null) {
            var rationale = new Paragraph(loaded.proposalRationale());
            rationale.addClassName("entry-rationale");
            var by = new Span("by " + loaded.proposedBy() + ", " + Formats.dateTime(loaded.proposedAt()));
            by.addClassName("entry-sub");
            proposal.add(rationale, by);
        } else {
            var none = new Span("No proposal was entered.");
            none.addClassName("muted");
            proposal.add(none);
        }

        finalRating.setId("entry-final-rating");
        finalRating.setItems(board.session().scale());
        finalRating.setReadOnly(!mayRate);
        decision.setId("entry-decision");
        decision.setItems(Decision.PROMOTE, Decision.NOT_YET);
        decision.setItemLabelGenerator(Decision::label);
        decision.setReadOnly(!mayRate);
        var promotionCase = board.cases().get(loaded.personId());
        decision.setVisible(loaded.hasCase());
        if (promotionCase != null) {
            decision.setHelperText("Case for " + promotionCase.targetLevelKey() + " · "
                    + promotionCase.status().label().toLowerCase());
        }
        feedback.setId("entry-feedback");
        feedback.setWidthFull();
        feedback.setMaxLength(4000);
        feedback.setReadOnly(!mayRate);
        feedback.setHelperText("Shown to the engineer with a \"not yet\" decision.");
        feedback.setVisible(loaded.hasCase());
        notes.setId("entry-notes");
        notes.setWidthFull();
        notes.setMaxLength(4000);
        notes.setReadOnly(!mayNote);
        notes.setHelperText("For the committee only; never shown to the engineer.");

        conflict.setId("entry-conflict");
        conflict.addClassNames("calibration-banner", "error", "entry-conflict");
        conflict.setVisible(false);
        elsewhere.setId("entry-elsewhere");
        elsewhere.addClassNames("calibration-banner", "warning", "entry-elsewhere");
        elsewhere.setVisible(false);

        history.setId("entry-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.addColumn(c -> Formats.dateTime(c.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(ChangeRow::actorName)
                .setHeader("Who")
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(c -> c.field().label())
                .setHeader("Field")
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(c -> (c.from() == null ? "—" : c.from()) + " → " + (c.to() == null ? "—" : c.to()))
                .setHeader("From → to")
                .setFlexGrow(1);
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No changes yet.");
        var historyTitle = new H3("History");
        historyTitle.addClassName("entry-section-title");

        var editor = new Div(finalRating, decision, feedback, notes);
        editor.addClassName("entry-editor");
        var columns = new Div(proposal, editor);
        columns.addClassName("entry-columns");
        add(facts, elsewhere, conflict, columns, EntryInputSections.of(loaded.id()), historyTitle, history);
        show(loaded);

        save.setId("entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayRate || mayNote);
        save.addClickListener(e -> save());
        var close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close, save);
    }

    private void show(BoardEntry e) {
        finalRating.setValue(e.finalRating());
        decision.setValue(e.decision() == Decision.NO_CASE ? null : e.decision());
        feedback.setValue(e.feedback() == null ? "" : e.feedback());
        notes.setValue(e.notes() == null ? "" : e.notes());
        history.setItems(boards.history(e.id()));
    }

    private EntryEdit edited() {
        return new EntryEdit(
                finalRating.getValue(),
                entry.hasCase() ? decision.getValue() : entry.decision(),
                feedback.getValue(),
                notes.getValue());
    }

    void save() {
        save(null);
    }

    /** Saves with the rationale the protocol asks for when the final rating leaves the proposal. */
    void save(String reason) {
        var mine = edited();
        try {
            entry = boardEntries.edit(entry.id(), entry.version(), mine, reason);
            saved.accept(entry);
            close();
            Toasts.success("Saved " + entry.personName() + ".");
        } catch (RatingConflictException stale) {
            attempted = mine;
            entry = stale.fresh();
            show(entry);
            saved.accept(entry);
            elsewhere.setVisible(false);
            conflict.removeAll();
            var text = new Paragraph(stale.getMessage() + " The fresh values are shown below.");
            text.setId("entry-conflict-message");
            var again = new Button("Apply my change again", VaadinIcon.ROTATE_LEFT.create(), click -> reapply());
            again.setId("entry-reapply");
            again.addThemeVariants(ButtonVariant.LUMO_SMALL);
            conflict.add(VaadinIcon.WARNING.create(), new Div(text, yourChange(mine), again));
            conflict.setVisible(true);
        } catch (RationaleRequiredException why) {
            new RationaleDialog(why, this::save, () -> {}).open();
        } catch (ValidationException problem) {
            conflict.removeAll();
            conflict.add(VaadinIcon.WARNING.create(), new Paragraph(String.join(" ", problem.problems())));
            conflict.setVisible(true);
        }
    }

    private Span yourChange(EntryEdit mine) {
        var parts = new java.util.ArrayList<String>();
        if (!java.util.Objects.equals(mine.finalRating(), entry.finalRating())) {
            parts.add("final rating " + (mine.finalRating() == null ? "none" : mine.finalRating()));
        }
        if (entry.hasCase() && mine.decision() != entry.decision()) {
            parts.add("decision "
                    + (mine.decision() == null ? "undecided" : mine.decision().label()));
        }
        if (!java.util.Objects.equals(blank(mine.feedback()), blank(entry.feedback()))) {
            parts.add("the feedback");
        }
        if (!java.util.Objects.equals(blank(mine.notes()), blank(entry.notes()))) {
            parts.add("the notes");
        }
        var span = new Span(
                parts.isEmpty()
                        ? "Your values match the fresh ones."
                        : "Your change was: " + String.join(", ", parts) + ".");
        span.addClassName("entry-sub");
        return span;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Puts the user's refused values back over the fresh entry; saving then uses the fresh version. */
    void reapply() {
        if (attempted == null) {
            return;
        }
        finalRating.setValue(attempted.finalRating());
        if (entry.hasCase()) {
            decision.setValue(attempted.decision());
        }
        feedback.setValue(attempted.feedback() == null ? "" : attempted.feedback());
        notes.setValue(attempted.notes() == null ? "" : attempted.notes());
        conflict.setVisible(false);
    }

    /** Someone else saved this entry while the dialog is open: say so, but keep the loaded version. */
    void changedElsewhere(BoardEntry fresh) {
        if (!fresh.id().equals(entry.id()) || fresh.version() <= entry.version()) {
            return;
        }
        elsewhere.removeAll();
        var rows = boards.history(fresh.id());
        var who = rows.isEmpty() ? "Someone" : rows.getFirst().actorName();
        elsewhere.add(
                VaadinIcon.INFO_CIRCLE.create(),
                new Paragraph(who + " just changed this entry"
                        + (fresh.finalRating() == null ? "" : " (final rating: " + fresh.finalRating() + ")")
                        + ". Saving now will tell you what changed; nothing is overwritten silently."));
        elsewhere.setVisible(true);
    }

    private static Div fact(String label, String value) {
        var l = new Span(label);
        l.addClassName("fact-label");
        var v = new Span(value);
        v.addClassName("fact-value");
        var fact = new Div(l, v);
        fact.addClassName("fact");
        return fact;
    }

    private static String readiness(Board.Readiness r) {
        return r == null
                ? "—"
                : r.percent() + "% of " + r.levelKey() + " (" + r.backed() + "/" + r.total() + ")"
                        + (r.ready() ? ", ready by the rule" : "");
    }
}
