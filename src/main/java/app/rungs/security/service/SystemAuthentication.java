package app.rungs.security.service;

import app.rungs.security.domain.Role;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (initial admin, demo data) and scheduled jobs (retention, audit chain checks) through the same
 * secured services as users do, with a system identity that has every role. Never attached to an HTTP session.
 *
 * <p>Not for request paths: what a user may read is decided by the secured service methods they call, not by
 * borrowing this identity. ArchitectureTest keeps the list of classes allowed to use it. Inside a Vaadin request
 * the security context strategy answers with the session's context, so the system identity would silently not
 * apply; that case is refused instead of worked around.
 */
public final class SystemAuthentication {

    public static final String SYSTEM = "system";

    private SystemAuthentication() {}

    public static <T> T call(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var principal = new RungsUser(null, SYSTEM, "System", "", true, EnumSet.allOf(Role.class), null);
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            if (SecurityContextHolder.getContext().getAuthentication() != context.getAuthentication()) {
                throw new IllegalStateException(
                        "The system identity is for start-up, scheduled jobs and demo seeding; this thread serves a"
                                + " signed-in user, whose own identity decides what it may read");
            }
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
