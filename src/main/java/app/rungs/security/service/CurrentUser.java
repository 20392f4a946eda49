package app.rungs.security.service;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in user from the security context of the current thread. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<RungsUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Optional.empty() : of(authentication.getPrincipal());
    }

    /** The Rungs user of a principal: signed in with a password, or through single sign-on. */
    public static Optional<RungsUser> of(Object principal) {
        if (principal instanceof RungsUser user) {
            return Optional.of(user);
        }
        if (principal instanceof SsoUser sso) {
            return Optional.of(sso.rungsUser());
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
