package app.rungs.ladder.ui;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderBranchService;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TrackView;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.stream.Collectors;

/**
 * The editor's "Tracks & readiness" tab: the version's readiness rule, its tracks and where they fork, which track
 * each level is on and how many electives it asks, and whom each competency applies to with its weight.
 */
final class BranchesPanel extends Div {

    /** The select's stand-in for "no track": a shared level. */
    private static final String SHARED = "";

    private final DraftEditor editor;
    private final LadderBranchService branches;

    BranchesPanel(DraftEditor editor, LadderBranchService branches) {
        this.editor = editor;
        this.branches = branches;
        addClassName("structure-panel");
    }

    void render() {
        removeAll();
        var content = editor.content();
        add(ruleCard(), tracksCard(), levelsCard(), competenciesCard());
        if (!editor.isDraft()) {
            add(new Paragraph("Version " + content.version().number() + " is published. Start a draft to change it."));
        }
    }

    // ---------------------------------------------------------------- rule

    private Card ruleCard() {
        var rule = editor.content().rule();
        var currentCore = new Checkbox("Every core expectation of the current level is backed", rule.currentCore());
        currentCore.setId("rule-current-core");
        // A short label the field can show whole; the full meaning is the helper text below it.
        var percent = new IntegerField("Target level backed (%)");
        percent.setHelperText("Share of the target level's core and track expectations that must be backed");
        percent.setId("rule-target-percent");
        percent.setMin(0);
        percent.setMax(100);
        percent.setStepButtonsVisible(true);
        percent.setValue(rule.targetPercent());
        percent.setWidth("min(24rem, 100%)");
        var weighted = new Checkbox("Count competency weights instead of expectations", rule.weighted());
        weighted.setId("rule-weighted");
        var save = new Button("Save rule", e -> {
            if (percent.getValue() == null) {
                percent.setInvalid(true);
                percent.setErrorMessage("Give a percentage from 0 to 100.");
                return;
            }
            if (editor.edit(v -> branches.setRule(
                    editor.versionId(), v, currentCore.getValue(), percent.getValue(), weighted.getValue()))) {
                Toasts.success("Saved the readiness rule: " + percent.getValue() + "% of the target level.");
            }
        });
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var help = new Paragraph("A person is ready for the next level on their path when every part of this rule"
                + " holds, and they back at least the electives that level asks for.");
        help.addClassName("muted");
        var body = new Div(help, currentCore, percent, weighted, save);
        body.addClassName("branch-rule");
        body.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        body.setEnabled(editor.isDraft());
        return new Card("Readiness rule", body);
    }

    // ---------------------------------------------------------------- tracks

    private Card tracksCard() {
        var content = editor.content();
        var grid = new Grid<TrackView>();
        grid.setId("tracks");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(t -> t.key() + " · " + t.name()).setHeader("Track").setFlexGrow(2);
        grid.addColumn(t -> t.forksFromLevelKey() == null ? "the first level" : t.forksFromLevelKey())
                .setHeader("Forks from");
        grid.addColumn(t -> content.levels().stream()
                        .filter(l -> t.key().equals(l.trackKey()))
                        .map(LevelView::key)
                        .collect(Collectors.joining(", ")))
                .setHeader("Levels");
        if (editor.isDraft()) {
            grid.addComponentColumn(t -> {
                        var edit = new Button(VaadinIcon.EDIT.create(), e -> openTrackDialog(t));
                        edit.setAriaLabel("Edit track " + t.name());
                        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                        var remove = new Button(
                                VaadinIcon.TRASH.create(),
                                e -> Confirm.askDestructive(
                                        "Remove track " + t.name() + "?",
                                        "Levels must be moved off the track first.",
                                        "Remove track",
                                        () -> editor.edit(v -> branches.removeTrack(editor.versionId(), v, t.key()))));
                        remove.setAriaLabel("Remove track " + t.name());
                        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                        return new Div(edit, remove);
                    })
                    .setHeader("")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setItems(content.tracks());
        var add = new Button("Add track", VaadinIcon.PLUS.create(), e -> openTrackDialog(null));
        add.setId("add-track");
        add.setEnabled(editor.isDraft());
        var empty = new Paragraph("No tracks: every level is on one shared line. Add a track to branch the ladder,"
                + " for example Distinguished Engineer and Research Scientist after Principal.");
        empty.addClassName("muted");
        empty.setVisible(content.tracks().isEmpty());
        grid.setVisible(!content.tracks().isEmpty());
        return new Card("Tracks", empty, grid, add);
    }

    private void openTrackDialog(TrackView existing) {
        var content = editor.content();
        var dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "Add track" : "Edit track " + existing.key());
        dialog.setWidth("min(36rem, 95vw)");
        var key = new TextField("Key");
        key.setHelperText(existing == null ? "Upper-case letters, digits and '-', e.g. RS" : "Keys never change.");
        key.setReadOnly(existing != null);
        key.setValue(existing == null ? "" : existing.key());
        key.setId("track-key");
        var name = new TextField("Name");
        name.setId("track-name");
        name.setWidthFull();
        name.setValue(existing == null ? "" : existing.name());
        var fork = new Select<String>();
        fork.setLabel("Forks from level");
        fork.setId("track-fork");
        var forkItems = new ArrayList<String>();
        forkItems.add(SHARED);
        content.levels().stream()
                .filter(l -> existing == null || !existing.key().equals(l.trackKey()))
                .forEach(l -> forkItems.add(l.key()));
        fork.setItems(forkItems);
        fork.setItemLabelGenerator(k -> k.isEmpty()
                ? "None: the track starts at the bottom"
                : k + " · " + content.level(k).map(LevelView::title).orElse(k));
        fork.setValue(existing == null || existing.forksFromLevelKey() == null ? SHARED : existing.forksFromLevelKey());
        var description = new TextArea("Description");
        description.setWidthFull();
        description.setValue(existing == null || existing.description() == null ? "" : existing.description());
        var save = new Button("Save", e -> {
            String forkKey = fork.getValue() == null || fork.getValue().isEmpty() ? null : fork.getValue();
            boolean done = editor.edit(v -> existing == null
                    ? branches.addTrack(
                            editor.versionId(), v, key.getValue(), name.getValue(), forkKey, description.getValue())
                    : branches.updateTrack(
                            editor.versionId(), v, existing.key(), name.getValue(), forkKey, description.getValue()));
            if (done) {
                dialog.close();
            }
        });
        save.setId("track-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(key, name, fork, description));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    // ---------------------------------------------------------------- levels

    private Card levelsCard() {
        var content = editor.content();
        var grid = new Grid<LevelView>();
        grid.setId("level-branches");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> l.key() + " · " + l.title()).setHeader("Level").setFlexGrow(2);
        grid.addComponentColumn(l -> {
                    var track = new Select<String>();
                    track.setAriaLabel("Track of " + l.key());
                    var items = new ArrayList<String>();
                    items.add(SHARED);
                    content.tracks().forEach(t -> items.add(t.key()));
                    track.setItems(items);
                    track.setItemLabelGenerator(k -> k.isEmpty()
                            ? "Shared"
                            : content.track(k).map(TrackView::name).orElse(k));
                    track.setValue(l.trackKey() == null ? SHARED : l.trackKey());
                    track.setEnabled(editor.isDraft());
                    track.addValueChangeListener(e -> {
                        if (e.isFromClient()) {
                            var value = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
                            editor.edit(v -> branches.setLevelBranch(
                                    editor.versionId(), v, l.key(), value, l.electivesRequired()));
                        }
                    });
                    return track;
                })
                .setHeader("Track");
        grid.addComponentColumn(l -> {
                    var k = new IntegerField();
                    k.setAriaLabel("Electives required at " + l.key());
                    k.setMin(0);
                    k.setStepButtonsVisible(true);
                    k.setValue(l.electivesRequired());
                    k.setWidth("8rem");
                    k.setEnabled(editor.isDraft());
                    k.addValueChangeListener(e -> {
                        if (e.isFromClient()) {
                            int value = e.getValue() == null ? -1 : e.getValue();
                            editor.edit(
                                    v -> branches.setLevelBranch(editor.versionId(), v, l.key(), l.trackKey(), value));
                        }
                    });
                    return k;
                })
                .setHeader("At least k electives");
        grid.setItems(content.levels());
        return new Card("Levels on tracks", grid);
    }

    // ---------------------------------------------------------------- competencies

    private Card competenciesCard() {
        var content = editor.content();
        var grid = new Grid<CompetencyView>();
        grid.setId("competency-applicability");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(CompetencyView::name).setHeader("Competency").setFlexGrow(2);
        grid.addComponentColumn(c -> {
                    var badge = new Span(c.applicability().label());
                    badge.getElement()
                            .getThemeList()
                            .add(
                                    switch (c.applicability()) {
                                        case CORE -> "badge";
                                        case TRACK -> "badge contrast";
                                        case ELECTIVE -> "badge success";
                                    });
                    return badge;
                })
                .setHeader("Applies to");
        grid.addColumn(c -> c.applicability() == Applicability.TRACK
                        ? c.specializations().stream()
                                .map(SpecializationTrack::label)
                                .collect(Collectors.joining(", "))
                        : c.applicability() == Applicability.CORE ? "Everyone" : "Anyone, counted toward k")
                .setHeader("Who")
                .setFlexGrow(2);
        grid.addColumn(CompetencyView::weight)
                .setHeader("Weight")
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (editor.isDraft()) {
            grid.addComponentColumn(c -> {
                        var edit = new Button(VaadinIcon.EDIT.create(), e -> openApplicabilityDialog(c));
                        edit.setAriaLabel("Edit applicability of " + c.name());
                        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                        return edit;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setItems(content.competencies());
        return new Card("Applicability and weights", grid);
    }

    private void openApplicabilityDialog(CompetencyView competency) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(competency.name());
        dialog.setWidth("min(36rem, 95vw)");
        var applicability = new Select<Applicability>();
        applicability.setLabel("Applies to");
        applicability.setId("competency-applicability-select");
        applicability.setItems(Applicability.values());
        applicability.setItemLabelGenerator(a -> switch (a) {
            case CORE -> "Core: everyone";
            case TRACK -> "Track-specific: the specializations below";
            case ELECTIVE -> "Elective: counts toward a level's \"at least k\"";
        });
        applicability.setValue(competency.applicability());
        var specs = new CheckboxGroup<SpecializationTrack>("Specializations");
        specs.setItems(SpecializationTrack.values());
        specs.setItemLabelGenerator(SpecializationTrack::label);
        specs.setValue(new HashSet<>(competency.specializations()));
        var weight = new IntegerField("Weight (1–5)");
        weight.setMin(1);
        weight.setMax(5);
        weight.setStepButtonsVisible(true);
        weight.setValue(competency.weight());
        var save = new Button("Save", e -> {
            int w = weight.getValue() == null ? 0 : weight.getValue();
            if (editor.edit(v -> branches.setApplicability(
                    editor.versionId(),
                    v,
                    competency.key(),
                    applicability.getValue(),
                    new ArrayList<>(specs.getValue()),
                    w))) {
                dialog.close();
            }
        });
        save.setId("applicability-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(applicability, specs, weight));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
