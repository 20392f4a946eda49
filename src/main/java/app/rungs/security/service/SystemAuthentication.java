package app.rungs.security.service;

import app.rungs.security.domain.Role;
import com.vaadin.flow.internal.CurrentInstance;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up and background work (initial admin, demo data), and reads a service has already sanctioned, through
 * the same secured services as users do, with a system identity that has every role. Never attached to an HTTP
 * session.
 *
 * <p>Inside a Vaadin request Vaadin's security context strategy answers with the session's context instead of the
 * thread's, so the current Vaadin instances are hidden for the duration of the work and restored afterwards.
 */
public final class SystemAuthentication {

    public static final String SYSTEM = "system";

    private SystemAuthentication() {}

    public static <T> T call(Supplier<T> work) {
        var vaadinInstances = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        try {
            return callWithoutVaadin(work);
        } finally {
            CurrentInstance.restoreInstances(vaadinInstances);
        }
    }

    private static <T> T callWithoutVaadin(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var principal = new RungsUser(null, SYSTEM, "System", "", true, EnumSet.allOf(Role.class), null);
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
