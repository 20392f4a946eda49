package app.rungs.ladder.ui;

import static app.rungs.ladder.ui.StructureControls.confirmRemove;
import static app.rungs.ladder.ui.StructureControls.rowActions;

import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TierView;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The editor's "Tiers & levels" tab: every tier with its levels, and in a draft the controls to change them. */
final class TiersPanel extends Div {

    private final DraftEditor editor;
    private final LadderService ladders;
    private final LadderStructureService structure;

    TiersPanel(DraftEditor editor, LadderService ladders, LadderStructureService structure) {
        this.editor = editor;
        this.ladders = ladders;
        this.structure = structure;
        addClassName("structure-panel");
    }

    void render() {
        StructureControls.restart(this, editor);
        var content = editor.content();
        for (int t = 0; t < content.tiers().size(); t++) {
            var tier = content.tiers().get(t);
            var block = StructureControls.block(
                    "tier-" + tier.key(),
                    tier.name(),
                    tier.key(),
                    tier.description(),
                    !editor.isDraft()
                            ? null
                            : rowActions(
                                    "tier-" + tier.key(),
                                    () -> openTierDialog(tier),
                                    t > 0
                                            ? () -> editor.edit(v -> structure.moveTier(versionId(), v, tier.key(), -1))
                                            : null,
                                    t < content.tiers().size() - 1
                                            ? () -> editor.edit(v -> structure.moveTier(versionId(), v, tier.key(), 1))
                                            : null,
                                    () -> confirmRemove(
                                            editor,
                                            "Remove tier " + tier.name() + "?",
                                            "The tier is removed from this draft together with its levels and their "
                                                    + "expectations.",
                                            v -> structure.removeTier(versionId(), v, tier.key()))));
            var levels = content.levelsOf(tier.key());
            for (int l = 0; l < levels.size(); l++) {
                block.add(levelRow(levels.get(l), l > 0, l < levels.size() - 1));
            }
            if (levels.isEmpty()) {
                block.add(Badges.muted("No levels yet."));
            }
            if (editor.isDraft()) {
                block.add(StructureControls.addButton(
                        "Add level",
                        "add-level-" + tier.key(),
                        true,
                        () -> new LevelDialog(editor, ladders, structure, tier, null).open()));
            }
            add(block);
        }
        if (editor.isDraft()) {
            add(StructureControls.addButton("Add tier", "add-tier", false, () -> openTierDialog(null)));
        }
    }

    private Long versionId() {
        return editor.versionId();
    }

    private Component levelRow(LevelView level, boolean canMoveUp, boolean canMoveDown) {
        var title = new Span(level.title());
        title.addClassName("structure-name");
        var main = new Div(LadderRenderers.keyBadge(level.key()), title);
        main.addClassName("structure-main");
        if (level.typicalExperience() != null) {
            main.add(Badges.muted("typically " + level.typicalExperience()));
        }
        var row = new Div(main);
        row.addClassName("structure-row");
        row.setId("level-" + level.key());
        if (level.scope() != null) {
            var scope = new Paragraph(level.scope());
            scope.addClassNames("muted", "structure-description");
            row.add(scope);
        }
        if (editor.isDraft()) {
            // Within a tier, lower levels come first: "up" moves a level earlier, i.e. lower on the ladder.
            main.add(rowActions(
                    "level-" + level.key(),
                    () -> new LevelDialog(editor, ladders, structure, null, level).open(),
                    canMoveUp ? () -> editor.edit(v -> structure.moveLevel(versionId(), v, level.key(), -1)) : null,
                    canMoveDown ? () -> editor.edit(v -> structure.moveLevel(versionId(), v, level.key(), 1)) : null,
                    () -> confirmRemove(
                            editor,
                            "Remove level " + level.key() + "?",
                            "Level " + level.key() + " (" + level.title() + ") and what it asks are removed from this "
                                    + "draft. A level that people hold cannot be removed.",
                            v -> structure.removeLevel(versionId(), v, level.key()))));
        }
        return row;
    }

    private void openTierDialog(TierView tier) {
        new NamedPartDialog(
                        editor,
                        "tier",
                        tier == null ? "Add tier" : "Edit tier " + tier.key(),
                        "Upper-case letters, digits and '-', e.g. STAFF. Leave empty to derive it from the name.",
                        tier == null ? null : tier.key(),
                        tier == null ? null : tier.name(),
                        tier == null ? null : tier.description(),
                        (v, key, name, description) -> tier == null
                                ? structure.addTier(versionId(), v, key, name, description)
                                : structure.updateTier(versionId(), v, tier.key(), name, description))
                .open();
    }
}
