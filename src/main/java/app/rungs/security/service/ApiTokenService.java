package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.ApiToken;
import app.rungs.security.domain.ApiTokenRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.domain.UserAccount;
import app.rungs.security.domain.UserAccountRepository;
import app.rungs.shared.service.ControlCharacters;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: every signed-in user creates, lists and revokes their own; admins list and revoke everyone's.
 * A token carries no roles of its own: {@link ApiTokenAuthenticator} signs its requests in as the owner with the
 * owner's roles at that moment.
 */
@Service
public class ApiTokenService {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DAYS = 365;
    public static final int MAX_ACTIVE_PER_USER = 20;

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final AuditService audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserAccountRepository accounts, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a token for the signed-in user, valid through {@code lastDay} in {@code zone} (the user's time zone).
     * The returned secret is shown once and never again.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public CreatedApiToken create(String name, LocalDate lastDay, ZoneId zone) {
        var me = CurrentUser.require();
        var problems = new ArrayList<String>();
        var trimmed = name == null ? "" : name.strip();
        if (me.accountId() == null) {
            throw new ValidationException("Only user accounts can hold API tokens.");
        }
        if (trimmed.isEmpty()) {
            problems.add("Give the token a name, e.g. the script or tool that will use it.");
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            problems.add(
                    "The name can be at most " + MAX_NAME_LENGTH + " characters (it has " + trimmed.length() + ").");
        } else if (ControlCharacters.containsControlCharacter(trimmed)) {
            problems.add(ControlCharacters.message("The name"));
        }
        var now = Instant.now(clock);
        var today = LocalDate.ofInstant(now, zone);
        if (lastDay == null) {
            problems.add("Choose the last day the token is valid.");
        } else if (lastDay.isBefore(today)) {
            problems.add("The last valid day must be today or later.");
        } else if (lastDay.isAfter(today.plusDays(MAX_DAYS))) {
            problems.add(
                    "A token can be valid for at most " + MAX_DAYS + " days, until " + today.plusDays(MAX_DAYS) + ".");
        }
        var active = tokens.findByOwner(me.accountId()).stream()
                .filter(t -> !t.isRevoked() && !t.isExpired(now))
                .count();
        if (active >= MAX_ACTIVE_PER_USER) {
            problems.add("You already have " + MAX_ACTIVE_PER_USER + " active tokens; revoke one you no longer use.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var secret = ApiTokenSecrets.newSecret();
        var expiresAt = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        var token = tokens.saveAndFlush(new ApiToken(
                me.accountId(), trimmed, ApiTokenSecrets.hint(secret), ApiTokenSecrets.hash(secret), now, expiresAt));
        audit.record(
                "API_TOKEN_CREATED",
                "ApiToken",
                token.getId(),
                "Created API token \"" + trimmed + "\" (" + token.getHint() + "…), valid until " + expiresAt,
                null,
                auditState(token));
        var account = accounts.findById(me.accountId()).orElseThrow();
        return new CreatedApiToken(row(token, account, now), secret);
    }

    /** The signed-in user's tokens, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ApiTokenRow> mine() {
        var me = CurrentUser.require();
        if (me.accountId() == null) {
            return List.of();
        }
        var account = accounts.findById(me.accountId()).orElse(null);
        var now = Instant.now(clock);
        return tokens.findByOwner(me.accountId()).stream()
                .map(t -> row(t, account, now))
                .toList();
    }

    /** Every user's tokens, newest first, a page at a time. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<ApiTokenRow> all(int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        var size = Math.min(limit, 500);
        var page = tokens.findPage(PageRequest.of(offset / size, size));
        var owners = accounts
                .findAllById(page.stream().map(ApiToken::getOwnerId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        var now = Instant.now(clock);
        return page.stream().map(t -> row(t, owners.get(t.getOwnerId()), now)).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long count() {
        return tokens.count();
    }

    /**
     * Revokes a token at once: its next request is refused. Users revoke their own tokens, admins anyone's; any other
     * id answers "not found", whether or not it exists.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void revoke(Long tokenId) {
        var me = CurrentUser.require();
        var token = tokens.findById(tokenId == null ? -1L : tokenId)
                .filter(t -> t.getOwnerId().equals(me.accountId()) || me.has(Role.ADMIN))
                .orElseThrow(() -> new NotFoundException("API token not found"));
        if (token.isRevoked()) {
            return;
        }
        var before = auditState(token);
        token.revoke(Instant.now(clock), me.username());
        tokens.flush();
        var own = token.getOwnerId().equals(me.accountId());
        audit.record(
                "API_TOKEN_REVOKED",
                "ApiToken",
                token.getId(),
                "Revoked " + (own ? "own " : "another user's ") + "API token \"" + token.getName() + "\" ("
                        + token.getHint() + "…)",
                before,
                auditState(token));
    }

    private static Map<String, Object> auditState(ApiToken token) {
        var state = new LinkedHashMap<String, Object>();
        state.put("ownerAccountId", token.getOwnerId());
        state.put("name", token.getName());
        state.put("hint", token.getHint());
        state.put("expiresAt", token.getExpiresAt().toString());
        state.put(
                "revokedAt",
                token.getRevokedAt() == null ? null : token.getRevokedAt().toString());
        return state;
    }

    static ApiTokenRow row(ApiToken t, UserAccount owner, Instant now) {
        var status = t.isRevoked()
                ? ApiTokenRow.Status.REVOKED
                : t.isExpired(now) ? ApiTokenRow.Status.EXPIRED : ApiTokenRow.Status.ACTIVE;
        return new ApiTokenRow(
                t.getId(),
                t.getOwnerId(),
                owner == null ? "(deleted account)" : owner.getDisplayName(),
                owner == null ? null : owner.getUsername(),
                t.getName(),
                t.getHint(),
                t.getCreatedAt(),
                t.getExpiresAt(),
                t.getLastUsedAt(),
                t.getRevokedAt(),
                t.getRevokedBy(),
                status);
    }
}
