package app.rungs.shared.ui;

import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Consumer;

/**
 * The app's notifications: successes are short and out of the way, errors stay long enough to read and show where
 * the user looks. {@link #attempt} turns a service's refusal into such a message, so views need no try/catch.
 */
public final class Toasts {

    private Toasts() {}

    public static void success(String message) {
        var n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        var n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void warning(String message) {
        var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    /** The text a user should read for a refused service call. */
    public static String message(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return String.join("\n", v.problems());
        }
        return e.getMessage();
    }

    /**
     * Runs a service call and shows validation problems, concurrent edits and missing objects as an error. Returns
     * true when the call went through.
     */
    public static boolean attempt(Runnable action) {
        return attempt(action, null);
    }

    public static boolean attempt(Runnable action, Consumer<ConcurrentEditException> onConflict) {
        try {
            action.run();
            return true;
        } catch (ValidationException | NotFoundException e) {
            error(message(e));
        } catch (ConcurrentEditException e) {
            error(e.getMessage());
            if (onConflict != null) {
                onConflict.accept(e);
            }
        }
        return false;
    }
}
