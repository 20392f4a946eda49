package app.rungs.security;

import app.rungs.audit.service.AuditService;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.TotpService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of signing in to an account with TOTP: the password step leaves only a pending marker in the
 * session (no authentication, no roles); a correct, unused code turns it into a full sign-in with a new session id.
 * Wrong codes count as failed sign-ins for the throttle, so codes cannot be guessed faster than passwords.
 */
@Component
public class TotpSignIn {

    static final String PENDING = TotpSignIn.class.getName() + ".pending";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    /** What the code form shows next. */
    public sealed interface Outcome {
        record SignedIn() implements Outcome {}

        record WrongCode() implements Outcome {}

        record Throttled(long seconds) implements Outcome {}

        record Expired() implements Outcome {}
    }

    record Pending(RungsUser user, Instant expiresAt) implements Serializable {}

    private final TotpService totp;
    private final LoginThrottle throttle;
    private final SignInAttempts attempts;
    private final UserDetailsService users;
    private final SessionRegistry sessions;
    private final ApplicationEventPublisher events;
    private final AuditService audit;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TotpSignIn(
            TotpService totp,
            LoginThrottle throttle,
            SignInAttempts attempts,
            UserDetailsService users,
            SessionRegistry sessions,
            ApplicationEventPublisher events,
            AuditService audit,
            Clock clock) {
        this.totp = totp;
        this.throttle = throttle;
        this.attempts = attempts;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Called by the password step: remember who passed it, in a session with a fresh id. */
    void passwordAccepted(HttpServletRequest request, RungsUser user) {
        var session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        request.getSession(true)
                .setAttribute(PENDING, new Pending(user, Instant.now(clock).plus(PENDING_FOR)));
    }

    /** Whether this browser passed the password step of an account with TOTP in the last few minutes. */
    public boolean isPending(HttpServletRequest request) {
        return pending(request) != null;
    }

    public Outcome complete(HttpServletRequest request, HttpServletResponse response, String code) {
        var pending = pending(request);
        if (pending == null) {
            return new Outcome.Expired();
        }
        var username = pending.user().username();
        var address = attempts.addressOf(request);
        var locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            return new Outcome.Throttled(attempts.secondsUntil(locked.get()));
        }
        if (!totp.acceptSignInCode(pending.user().accountId(), code)) {
            audit.recordSecurityEvent(
                    username, "LOGIN_FAILED", "Wrong or reused two-step code for " + username + " from " + address);
            var failure = throttle.recordFailure(username, address);
            return failure.lockedUntil()
                    .<Outcome>map(t -> new Outcome.Throttled(attempts.secondsUntil(t)))
                    .orElse(new Outcome.WrongCode());
        }
        request.getSession().removeAttribute(PENDING);
        // Roles as they are now, not as they were at the password step.
        var user = ((RungsUser) users.loadUserByUsername(username)).withoutPassword();
        if (!user.isEnabled()) {
            return new Outcome.Expired();
        }
        request.changeSessionId();
        var session = request.getSession();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(new WebAuthenticationDetails(address, session.getId()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.saveContext(context, request, response);
        sessions.registerNewSession(session.getId(), user);
        events.publishEvent(new AuthenticationSuccessEvent(authentication));
        return new Outcome.SignedIn();
    }

    private Pending pending(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending p)) {
            return null;
        }
        if (p.expiresAt().isBefore(Instant.now(clock))) {
            session.removeAttribute(PENDING);
            return null;
        }
        return p;
    }
}
