package app.rungs.security;

import app.rungs.audit.service.AuditService;
import app.rungs.shared.db.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Everything around one sign-in attempt: refuses it while throttled, counts failures, clears the account's counter on
 * success, and writes aggregated audit events with the source address.
 *
 * <p>Audit aggregation: per source address and account name, within an hour, the 1st, 10th, 100th, … failed or
 * refused attempt is written (with the running count), plus one event when a throttle starts. A flood of guesses
 * therefore adds a handful of rows, while the count of attempts is still visible.
 */
@Component
class SignInAttempts {

    static final String THROTTLED_URL = "/login?throttled=";

    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final AuditService audit;
    private final Clock clock;

    SignInAttempts(LoginThrottle throttle, ClientAddress clientAddress, AuditService audit, Clock clock) {
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs before the password is looked at: a throttled attempt never reaches it. */
    OncePerRequestFilter filter(String processingPath) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod())
                        && (request.getContextPath() + processingPath).equals(request.getRequestURI())) {
                    try {
                        if (refusedWhileThrottled(request, response, request.getParameter("username"))) {
                            return;
                        }
                    } catch (RuntimeException e) {
                        // The throttle lives in the database: during an outage say so instead of an error page.
                        if (!DatabaseUnavailable.isCause(e)) {
                            throw e;
                        }
                        response.sendRedirect(request.getContextPath() + LoginFailureHandler.UNAVAILABLE_URL);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** True (and the response is sent) when sign-ins for this name or from this address are locked. */
    boolean refusedWhileThrottled(HttpServletRequest request, HttpServletResponse response, String username)
            throws IOException {
        var address = clientAddress.of(request);
        var until = throttle.lockedUntil(username, address);
        if (until.isEmpty()) {
            return false;
        }
        var pair = throttle.recordRefused(username, address);
        if (isMilestone(pair.failures())) {
            audit.recordSecurityEvent(
                    actor(username),
                    "LOGIN_THROTTLED",
                    "Sign-in refused while throttled for " + actor(username) + " from " + address + " ("
                            + pair.failures() + " failed or refused attempts since " + pair.windowStart() + ")");
        }
        LastUsername.remember(request);
        response.sendRedirect(request.getContextPath() + THROTTLED_URL + secondsUntil(until.get()));
        return true;
    }

    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            var username = request.getParameter("username");
            var url = request.getContextPath() + "/login?error" + failed(request, username, exception);
            response.sendRedirect(url);
        };
    }

    /** Counts a failure; returns "&throttled=N" when it started a lock, else "". */
    String failed(HttpServletRequest request, String username, AuthenticationException exception) {
        var address = clientAddress.of(request);
        var failure = throttle.recordFailure(username, address);
        var name = actor(username);
        if (isMilestone(failure.pair().failures())) {
            audit.recordSecurityEvent(
                    name,
                    "LOGIN_FAILED",
                    "Sign-in failed for " + name + " from " + address + ": "
                            + exception.getClass().getSimpleName() + " ("
                            + failure.pair().failures()
                            + " failed attempts since " + failure.pair().windowStart() + ")");
        }
        if (failure.account().failures() == LoginThrottle.ACCOUNT_FREE_FAILURES) {
            audit.recordSecurityEvent(
                    name,
                    "LOGIN_THROTTLED",
                    "Sign-ins for " + name + " throttled after "
                            + failure.account().failures() + " failures, last from " + address + ", until "
                            + failure.account().lockedUntil());
        }
        if (failure.address().failures() == LoginThrottle.ADDRESS_FREE_FAILURES) {
            audit.recordSecurityEvent(
                    name,
                    "LOGIN_THROTTLED",
                    "Sign-ins from " + address + " throttled after "
                            + failure.address().failures() + " failures across accounts, until "
                            + failure.address().lockedUntil());
        }
        return failure.lockedUntil().map(t -> "&throttled=" + secondsUntil(t)).orElse("");
    }

    /** The source address goes with the authentication, for the audit log and the success listener. */
    AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> detailsSource() {
        return request -> {
            var session = request.getSession(false);
            return new WebAuthenticationDetails(clientAddress.of(request), session == null ? null : session.getId());
        };
    }

    String addressOf(HttpServletRequest request) {
        return clientAddress.of(request);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            throttle.recordSuccess(event.getAuthentication().getName(), details.getRemoteAddress());
        }
    }

    long secondsUntil(Instant until) {
        return Math.max(1, (Duration.between(Instant.now(clock), until).toMillis() + 999) / 1000);
    }

    private static boolean isMilestone(int n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }

    private static String actor(String username) {
        var name = username == null || username.isBlank() ? "(blank)" : username.strip();
        return name.length() > 254 ? name.substring(0, 254) : name;
    }
}
