package app.rungs.security.service;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in user from the security context of the current thread. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<RungsUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RungsUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static RungsUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    /** The name recorded in audit events: the username, or "system" for startup and background work. */
    public static String actorName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        return authentication.getName();
    }
}
