package app.rungs.calibration.service;

import app.rungs.security.service.SystemAuthentication;
import com.vaadin.flow.internal.CurrentInstance;
import java.util.function.Supplier;

/**
 * Runs a read or a sanctioned step with the system identity, also from inside a Vaadin request.
 *
 * <p>{@link SystemAuthentication} sets the thread's security context, but while a Vaadin session is current,
 * Vaadin's security context strategy answers with the session's context instead, so the system identity would not
 * apply. This hides the current Vaadin instances for the duration of the work and restores them afterwards. It is
 * used only after the calibration service has established that the user belongs to the session's committee.
 */
final class AsSystem {

    private AsSystem() {}

    static <T> T call(Supplier<T> work) {
        var instances = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        try {
            return SystemAuthentication.call(work);
        } finally {
            CurrentInstance.restoreInstances(instances);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
