package app.rungs.ladder.ui;

import app.rungs.shared.ui.Confirm;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.BooleanSupplier;

/** The controls every structure row and dialog of the editor shares: edit/move/remove buttons and a save footer. */
final class StructureControls {

    private StructureControls() {}

    /** Edit, move up, move down and remove; a null action shows its button disabled (nothing to move past). */
    static Component rowActions(String id, Runnable edit, Runnable up, Runnable down, Runnable remove) {
        var box = new Div();
        box.addClassName("structure-actions");
        box.add(iconButton(VaadinIcon.PENCIL, "Edit", id + "-edit", edit));
        box.add(iconButton(VaadinIcon.ARROW_UP, "Move up", id + "-up", up));
        box.add(iconButton(VaadinIcon.ARROW_DOWN, "Move down", id + "-down", down));
        var removeButton = iconButton(VaadinIcon.TRASH, "Remove", id + "-remove", remove);
        removeButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        box.add(removeButton);
        return box;
    }

    private static Button iconButton(VaadinIcon icon, String label, String id, Runnable action) {
        var button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.setId(id);
        if (action == null) {
            button.setEnabled(false);
        } else {
            button.addClickListener(e -> action.run());
        }
        return button;
    }

    /** Cancel and Save; the dialog closes only when {@code save} went through, so refused input stays to fix. */
    static void addSave(Dialog dialog, String id, BooleanSupplier save) {
        var button = new Button("Save", e -> {
            if (save.getAsBoolean()) {
                dialog.close();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), button);
    }

    static void confirmRemove(DraftEditor editor, String header, String text, DraftEditor.Edit removal) {
        Confirm.askDestructive(header, text, "Remove", () -> editor.edit(removal));
    }

    static Component readOnlyHint() {
        var hint = new Paragraph("You are looking at the published version. Start a draft to change the structure.");
        hint.addClassName("read-only-hint");
        return hint;
    }

    /** Empties a panel before it is drawn again; outside a draft it says why nothing can be changed. */
    static void restart(Div panel, DraftEditor editor) {
        panel.removeAll();
        if (!editor.isDraft()) {
            panel.add(readOnlyHint());
        }
    }

    /** A group (tier or area): its name and key, its actions (null outside a draft) and its description. */
    static Div block(String id, String name, String key, String description, Component actions) {
        var block = new Div();
        block.addClassName("structure-block");
        block.setId(id);
        var head = new Div(new H3(name), LadderRenderers.keyBadge(key));
        head.addClassName("structure-head");
        if (actions != null) {
            head.add(actions);
        }
        block.add(head);
        addDescription(block, description);
        return block;
    }

    /** The button that adds a part; {@code inGroup} makes it the small one at the foot of a tier or area. */
    static Button addButton(String label, String id, boolean inGroup, Runnable action) {
        var button = new Button(label, VaadinIcon.PLUS.create(), e -> action.run());
        if (inGroup) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        button.setId(id);
        return button;
    }

    /** A block's description line, when it has one. */
    static void addDescription(Div block, String description) {
        if (description != null) {
            var d = new Paragraph(description);
            d.addClassNames("muted", "structure-description");
            block.add(d);
        }
    }
}
