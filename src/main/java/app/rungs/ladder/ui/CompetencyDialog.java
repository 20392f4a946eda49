package app.rungs.ladder.ui;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderCompetencyService;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;

/** Adds a competency to an area, or edits a competency's name, description and specializations. */
final class CompetencyDialog extends Dialog {

    /** @param competency the competency to edit, or null to add one to {@code area} */
    CompetencyDialog(
            DraftEditor editor, LadderCompetencyService competencies, AreaView area, CompetencyView competency) {
        setHeaderTitle(competency == null ? "Add competency to " + area.name() : "Edit " + competency.name());
        setWidth("min(40rem, 95vw)");
        var key = new TextField("Key");
        key.setHelperText(
                competency == null
                        ? "Lower-case letters, digits and '-'. Leave empty to derive it from the name."
                        : "Keys never change once created: evidence refers to them.");
        key.setReadOnly(competency != null);
        key.setValue(competency == null ? "" : competency.key());
        var name = new TextField("Name", competency == null ? "" : competency.name(), "");
        name.setId("competency-name");
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setWidthFull();
        description.setValue(competency == null || competency.description() == null ? "" : competency.description());
        var tracks = new CheckboxGroup<SpecializationTrack>("Specializations");
        tracks.setItems(SpecializationTrack.values());
        tracks.setItemLabelGenerator(SpecializationTrack::label);
        tracks.setHelperText("Tracks this competency matters most for; leave empty when it applies to everyone.");
        if (competency != null) {
            tracks.setValue(Set.copyOf(competency.specializations()));
        }
        add(key, name, description, tracks);
        var versionId = editor.versionId();
        StructureControls.addSave(
                this,
                "competency-save",
                () -> editor.edit(v -> competency == null
                        ? competencies.addCompetency(
                                versionId,
                                v,
                                area.key(),
                                key.getValue(),
                                name.getValue(),
                                description.getValue(),
                                tracks.getValue())
                        : competencies.updateCompetency(
                                versionId,
                                v,
                                competency.key(),
                                name.getValue(),
                                description.getValue(),
                                tracks.getValue())));
    }
}
