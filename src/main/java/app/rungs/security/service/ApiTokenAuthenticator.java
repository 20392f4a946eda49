package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.ApiTokenRepository;
import app.rungs.security.domain.UserAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a presented API token and answers who it signs in: the owner's account as it is now (roles, person, enabled),
 * so a token never outlives a role its owner lost or an account that was disabled. Like the password check this runs
 * before anyone is signed in, so it is a component of the sign-in machinery, not a secured service method.
 */
@Component
public class ApiTokenAuthenticator {

    /** Last-use times are written at most this often per token. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final AuditService audit;
    private final Clock clock;

    ApiTokenAuthenticator(ApiTokenRepository tokens, UserAccountRepository accounts, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of one check: the owner signed in, or a refusal with the reason shown to the client. */
    public sealed interface Result {}

    public record Accepted(Long tokenId, RungsUser owner) implements Result {}

    public record Refused(String reason) implements Result {}

    @Transactional
    public Result authenticate(String presented, String clientAddress) {
        var from = clientAddress == null ? "" : " from " + clientAddress;
        if (!ApiTokenSecrets.wellFormed(presented)) {
            audit.recordSecurityEvent("anonymous", "API_TOKEN_REFUSED", "Malformed API token" + from);
            return new Refused("The bearer token is not a Rungs API token.");
        }
        var token = tokens.findByTokenHash(ApiTokenSecrets.hash(presented))
                .filter(t -> ApiTokenSecrets.matches(t.getTokenHash(), presented))
                .orElse(null);
        if (token == null) {
            audit.recordSecurityEvent("anonymous", "API_TOKEN_REFUSED", "Unknown API token" + from);
            return new Refused("The API token is not valid.");
        }
        var account = accounts.findById(token.getOwnerId()).orElse(null);
        var owner = account == null ? "anonymous" : account.getUsername();
        var label = "API token \"" + token.getName() + "\" (" + token.getHint() + "…)";
        var now = Instant.now(clock);
        if (token.isRevoked()) {
            audit.recordSecurityEvent(owner, "API_TOKEN_REFUSED", "Revoked " + label + " used" + from);
            return new Refused("The API token was revoked.");
        }
        if (token.isExpired(now)) {
            audit.recordSecurityEvent(owner, "API_TOKEN_REFUSED", "Expired " + label + " used" + from);
            return new Refused("The API token has expired.");
        }
        if (account == null || !account.isEnabled()) {
            audit.recordSecurityEvent(owner, "API_TOKEN_REFUSED", label + " of a disabled account used" + from);
            return new Refused("The account this API token belongs to is disabled.");
        }
        tokens.touch(token.getId(), now, now.minus(TOUCH_EVERY));
        return new Accepted(
                token.getId(),
                new RungsUser(
                        account.getId(),
                        account.getUsername(),
                        account.getDisplayName(),
                        "",
                        true,
                        account.getRoles(),
                        account.getPersonId()));
    }

    /** Records a refusal decided outside the token check (a token sent in the query string, a rate limit). */
    public void refused(String actor, String summary) {
        audit.recordSecurityEvent(actor == null ? "anonymous" : actor, "API_TOKEN_REFUSED", summary);
    }
}
