package app.rungs.scim.service;

import app.rungs.audit.service.AuditService;
import app.rungs.scim.domain.ScimToken;
import app.rungs.scim.domain.ScimTokenRepository;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bearer tokens for identity providers: created by admins (secret shown once), stored hashed, revocable. */
@Service
public class ScimTokens {

    /** Every token starts with this, so a leaked one is recognizable (e.g. by secret scanners). */
    static final String PREFIX = "rungs_scim_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScimTokenRepository tokens;
    private final AuditService audit;
    private final Clock clock;

    ScimTokens(ScimTokenRepository tokens, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public NewScimToken create(String name) {
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ValidationException("Name the token after the identity provider that uses it, e.g. \"Okta\".");
        }
        if (clean.length() > 100) {
            throw new ValidationException("Token names are at most 100 characters long.");
        }
        if (tokens.existsActiveNamed(clean)) {
            throw new ValidationException(
                    "A token named \"" + clean + "\" is already in use; revoke it first or" + " choose another name.");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var token = tokens.save(new ScimToken(clean, hash(secret), Instant.now(clock), actor()));
        audit.record(
                "SCIM_TOKEN_CREATED",
                "ScimToken",
                token.getId(),
                "Created the SCIM token \"" + clean + "\"",
                null,
                Map.of("name", clean));
        return new NewScimToken(view(token), secret);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<ScimTokenView> list() {
        return tokens.findAllNewestFirst().stream().map(ScimTokens::view).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(Long id) {
        var token = tokens.findById(id).orElseThrow(() -> new NotFoundException("SCIM token not found"));
        if (token.isRevoked()) {
            throw new ValidationException("The token \"" + token.getName() + "\" is already revoked.");
        }
        token.revoke(Instant.now(clock), actor());
        audit.record(
                "SCIM_TOKEN_REVOKED",
                "ScimToken",
                id,
                "Revoked the SCIM token \"" + token.getName() + "\"",
                null,
                Map.of("name", token.getName()));
    }

    /**
     * The caller behind a presented bearer token, if it is a live one; remembers when it was last used. Runs before
     * anyone is authenticated (it is the authentication), hence open to all.
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public Optional<ScimCaller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(presented))
                .filter(t -> !t.isRevoked())
                .map(t -> {
                    tokens.touch(t.getId(), Instant.now(clock));
                    return new ScimCaller(t.getId(), t.getName());
                });
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static ScimTokenView view(ScimToken t) {
        return new ScimTokenView(
                t.getId(),
                t.getName(),
                t.getCreatedAt(),
                t.getCreatedBy(),
                t.getLastUsedAt(),
                t.getRevokedAt(),
                t.getRevokedBy());
    }
}
