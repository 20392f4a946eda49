package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TierView;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Adds a level to a tier, or edits a level's title, scope, impact and typical experience. */
final class LevelDialog extends Dialog {

    /** @param level the level to edit, or null to add one to {@code tier} */
    LevelDialog(
            DraftEditor editor,
            LadderService ladders,
            LadderStructureService structure,
            TierView tier,
            LevelView level) {
        setHeaderTitle(level == null ? "Add level to " + tier.name() : "Edit level " + level.key());
        setWidth("min(40rem, 95vw)");
        var key = new TextField("Key");
        key.setId("level-key");
        key.setHelperText(
                level == null
                        ? "Upper-case letters, digits and '-', e.g. DSE-4. Leave empty to derive it from the title."
                        : "Keys never change once created: people and evidence refer to them.");
        key.setReadOnly(level != null);
        key.setValue(level == null ? "" : level.key());
        var title = new TextField("Title", level == null ? "" : level.title(), "");
        title.setId("level-title");
        title.setWidthFull();
        var scope = new TextArea("Scope");
        scope.setWidthFull();
        scope.setValue(level == null || level.scope() == null ? "" : level.scope());
        var impact = new TextArea("Impact");
        impact.setWidthFull();
        impact.setValue(level == null || level.impact() == null ? "" : level.impact());
        var experience = new TextField(
                "Typical experience",
                level == null || level.typicalExperience() == null ? "" : level.typicalExperience(),
                "e.g. 5–8 years");
        experience.setMaxLength(100);
        add(new Div(key, title), scope, impact, experience);
        if (level == null) {
            add(Badges.muted("New levels are added at the top of the tier; move them with the arrows."));
        }
        var versionId = editor.versionId();
        StructureControls.addSave(
                this,
                "level-save",
                () -> editor.edit(v -> {
                    if (level != null) {
                        return structure.updateLevel(
                                versionId,
                                v,
                                level.key(),
                                title.getValue(),
                                scope.getValue(),
                                impact.getValue(),
                                experience.getValue());
                    }
                    long next = structure.addLevel(versionId, v, tier.key(), key.getValue(), title.getValue());
                    if (scope.isEmpty() && impact.isEmpty() && experience.isEmpty()) {
                        return next;
                    }
                    // Adding takes a key and a title; the rest is an update of the level just added.
                    var added = ladders.content(versionId).levelsOf(tier.key()).getLast();
                    return structure.updateLevel(
                            versionId,
                            next,
                            added.key(),
                            title.getValue(),
                            scope.getValue(),
                            impact.getValue(),
                            experience.getValue());
                }));
    }
}
