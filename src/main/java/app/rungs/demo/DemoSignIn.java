package app.rungs.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * What every demo seeder shares: whether demo data is wanted, and doing work signed in as a demo user, through
 * the same method security as their session, so records carry the names of the people who made them.
 *
 * <p>Mode {@code auto} (default) seeds only the embedded database, so an external production database never gets
 * demo data unless {@code rungs.demo.mode=on} asks for it.
 */
@Component
class DemoSignIn {

    private final String mode;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final UserDetailsService users;

    DemoSignIn(
            @Value("${rungs.demo.mode:auto}") String mode,
            ObjectProvider<EmbeddedPostgres> embedded,
            UserDetailsService users) {
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        this.embedded = embedded;
        this.users = users;
    }

    boolean enabled() {
        return switch (mode) {
            case "on", "true", "always" -> true;
            case "off", "false", "never" -> false;
            default -> embedded.getIfAvailable() != null;
        };
    }

    boolean exists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
