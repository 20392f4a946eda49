package app.rungs.ladder.ui;

import static app.rungs.ladder.ui.StructureControls.confirmRemove;
import static app.rungs.ladder.ui.StructureControls.rowActions;

import app.rungs.ladder.service.LadderCompetencyService;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The editor's "Areas & competencies" tab: every area with its competencies, and in a draft the controls. */
final class AreasPanel extends Div {

    private final DraftEditor editor;
    private final LadderCompetencyService competencies;

    AreasPanel(DraftEditor editor, LadderCompetencyService competencies) {
        this.editor = editor;
        this.competencies = competencies;
        addClassName("structure-panel");
    }

    void render() {
        StructureControls.restart(this, editor);
        var content = editor.content();
        for (int a = 0; a < content.areas().size(); a++) {
            var area = content.areas().get(a);
            var block = StructureControls.block(
                    "area-" + area.key(),
                    area.name(),
                    area.key(),
                    area.description(),
                    !editor.isDraft()
                            ? null
                            : rowActions(
                                    "area-" + area.key(),
                                    () -> openAreaDialog(area),
                                    a > 0
                                            ? () -> editor.edit(
                                                    v -> competencies.moveArea(versionId(), v, area.key(), -1))
                                            : null,
                                    a < content.areas().size() - 1
                                            ? () -> editor.edit(
                                                    v -> competencies.moveArea(versionId(), v, area.key(), 1))
                                            : null,
                                    () -> confirmRemove(
                                            editor,
                                            "Remove area " + area.name() + "?",
                                            "The area is removed from this draft with its competencies and what every "
                                                    + "level asks of them.",
                                            v -> competencies.removeArea(versionId(), v, area.key()))));
            var inArea = content.competenciesOf(area.key());
            for (int c = 0; c < inArea.size(); c++) {
                block.add(competencyRow(inArea.get(c), c > 0, c < inArea.size() - 1));
            }
            if (inArea.isEmpty()) {
                block.add(Badges.muted("No competencies yet."));
            }
            if (editor.isDraft()) {
                block.add(StructureControls.addButton(
                        "Add competency",
                        "add-competency-" + area.key(),
                        true,
                        () -> new CompetencyDialog(editor, competencies, area, null).open()));
            }
            add(block);
        }
        if (editor.isDraft()) {
            add(StructureControls.addButton("Add area", "add-area", false, () -> openAreaDialog(null)));
        }
    }

    private Long versionId() {
        return editor.versionId();
    }

    private Component competencyRow(CompetencyView competency, boolean canMoveUp, boolean canMoveDown) {
        var name = new Span(competency.name());
        name.addClassName("structure-name");
        var main = new Div(name, LadderRenderers.keyBadge(competency.key()));
        main.addClassName("structure-main");
        if (!competency.specializations().isEmpty()) {
            main.add(LadderRenderers.specializations(competency.specializations()));
        }
        var row = new Div(main);
        row.addClassName("structure-row");
        row.setId("competency-" + competency.key());
        StructureControls.addDescription(row, competency.description());
        if (editor.isDraft()) {
            main.add(rowActions(
                    "competency-" + competency.key(),
                    () -> new CompetencyDialog(editor, competencies, null, competency).open(),
                    canMoveUp
                            ? () -> editor.edit(v -> competencies.moveCompetency(versionId(), v, competency.key(), -1))
                            : null,
                    canMoveDown
                            ? () -> editor.edit(v -> competencies.moveCompetency(versionId(), v, competency.key(), 1))
                            : null,
                    () -> confirmRemove(
                            editor,
                            "Remove " + competency.name() + "?",
                            "The competency and what every level asks of it are removed from this draft.",
                            v -> competencies.removeCompetency(versionId(), v, competency.key()))));
        }
        return row;
    }

    private void openAreaDialog(AreaView area) {
        new NamedPartDialog(
                        editor,
                        "area",
                        area == null ? "Add area" : "Edit area " + area.name(),
                        "Lower-case letters, digits and '-'. Leave empty to derive it from the name.",
                        area == null ? null : area.key(),
                        area == null ? null : area.name(),
                        area == null ? null : area.description(),
                        (v, key, name, description) -> area == null
                                ? competencies.addArea(versionId(), v, key, name, description)
                                : competencies.updateArea(versionId(), v, area.key(), name, description))
                .open();
    }
}
