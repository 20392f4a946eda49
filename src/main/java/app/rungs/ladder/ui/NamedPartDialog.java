package app.rungs.ladder.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Adds or edits a tier or an area: a key (fixed once created), a name and a description. */
final class NamedPartDialog extends Dialog {

    /** Saves the part with the draft version the admin saw; returns the draft's new version. */
    @FunctionalInterface
    interface Save {
        long apply(long expectedVersion, String key, String name, String description);
    }

    /**
     * @param what "tier" or "area": names the dialog and the ids of its fields ({@code tier-name}, {@code tier-save})
     * @param existingKey the key of the part to edit, null to add one
     */
    NamedPartDialog(
            DraftEditor editor,
            String what,
            String header,
            String keyHelp,
            String existingKey,
            String existingName,
            String existingDescription,
            Save save) {
        setHeaderTitle(header);
        setWidth("min(36rem, 95vw)");
        var key = new TextField("Key");
        key.setHelperText(existingKey == null ? keyHelp : "Keys never change once created.");
        key.setReadOnly(existingKey != null);
        key.setValue(existingKey == null ? "" : existingKey);
        var name = new TextField("Name", existingName == null ? "" : existingName, "");
        name.setId(what + "-name");
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setWidthFull();
        description.setValue(existingDescription == null ? "" : existingDescription);
        add(key, name, description);
        StructureControls.addSave(
                this,
                what + "-save",
                () -> editor.edit(v -> save.apply(v, key.getValue(), name.getValue(), description.getValue())));
    }
}
