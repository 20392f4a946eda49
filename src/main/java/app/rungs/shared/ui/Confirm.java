package app.rungs.shared.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question asked before every irreversible step (publish, lock, approve, deactivate, discard). The confirm
 * button names the action, so nobody has to read "OK" as consent; destructive actions are red.
 */
public final class Confirm {

    private Confirm() {}

    /** Asks, then runs {@code action} on confirmation. Returns the opened dialog (for tests). */
    public static ConfirmDialog ask(String header, String text, String confirmText, Runnable action) {
        return open(header, text, confirmText, false, action);
    }

    /** As {@link #ask}, with a red confirm button for steps that delete or discard. */
    public static ConfirmDialog askDestructive(String header, String text, String confirmText, Runnable action) {
        return open(header, text, confirmText, true, action);
    }

    private static ConfirmDialog open(
            String header, String text, String confirmText, boolean destructive, Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmText);
        if (destructive) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }
}
