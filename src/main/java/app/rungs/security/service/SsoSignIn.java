package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.security.domain.SsoLink;
import app.rungs.security.domain.SsoLinkRepository;
import app.rungs.security.domain.SsoRoleMapping;
import app.rungs.security.domain.SsoRoleMappingRepository;
import app.rungs.security.domain.SsoSettings;
import app.rungs.security.domain.SsoSettingsRepository;
import app.rungs.security.domain.UserAccount;
import app.rungs.security.domain.UserAccountRepository;
import app.rungs.security.service.SsoRefusal.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an identity the provider vouched for into a Rungs user: finds the account (by the identity linked earlier,
 * else by verified email), refuses clearly when there is none, and re-derives the account's roles from the role claim
 * at every sign-in (audited when they change). Runs in the sign-in request, before anyone is authenticated.
 */
@Component
public class SsoSignIn {

    private final UserAccountRepository accounts;
    private final SsoLinkRepository links;
    private final SsoRoleMappingRepository mappings;
    private final SsoSettingsRepository settings;
    private final AccountByEmail byEmail;
    private final AuditService audit;
    private final SessionRegistry sessions;
    private final Clock clock;

    SsoSignIn(
            UserAccountRepository accounts,
            SsoLinkRepository links,
            SsoRoleMappingRepository mappings,
            SsoSettingsRepository settings,
            AccountByEmail byEmail,
            AuditService audit,
            SessionRegistry sessions,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.mappings = mappings;
        this.settings = settings;
        this.byEmail = byEmail;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The signed-in user, or {@link SsoRefusal} saying why not. */
    @Transactional(noRollbackFor = SsoRefusal.class)
    public RungsUser signIn(SsoIdentity identity) {
        var email = identity.email();
        if (email == null || email.isBlank()) {
            throw refuse(
                    identity,
                    Reason.EMAIL_MISSING,
                    "Your identity provider did not send an email address, and Rungs links accounts by email."
                            + " Ask your admin to release the email claim (scope \"email\") to Rungs.");
        }
        if (!identity.emailVerified()) {
            throw refuse(
                    identity,
                    Reason.EMAIL_UNVERIFIED,
                    "Your identity provider has not verified the email address " + email
                            + ". Rungs links accounts only by verified email: verify it at your provider, then"
                            + " sign in again.");
        }
        var now = Instant.now(clock);
        var link = links.findByIssuerAndSubject(identity.issuer(), identity.subject());
        UserAccount account;
        if (link.isPresent()) {
            account = accounts.findById(link.get().getAccountId()).orElseThrow();
            link.get().signedIn(now);
        } else {
            account = switch (byEmail.find(email)) {
                case AccountByEmail.Match.Found found -> found.account();
                case AccountByEmail.Match.None none ->
                    throw refuse(
                            identity,
                            Reason.NO_ACCOUNT,
                            "There is no Rungs account for " + email + ". Ask your Rungs admin to add you.");
                case AccountByEmail.Match.Ambiguous ambiguous ->
                    throw refuse(
                            identity,
                            Reason.AMBIGUOUS_ACCOUNT,
                            "More than one Rungs account matches " + email
                                    + ". Ask your Rungs admin to give the address to one account only.");
            };
            var existing = links.findById(account.getId());
            if (existing.isPresent()) {
                // Another provider identity signed in to this account before: an email reassigned at the provider
                // (or a second provider claiming the same address) must not take the account over.
                throw refuse(
                        identity,
                        Reason.LINKED_TO_OTHER_IDENTITY,
                        "The Rungs account for " + email + " is already linked to another identity at your"
                                + " provider. Ask your Rungs admin.");
            }
            links.save(new SsoLink(account.getId(), identity.issuer(), identity.subject(), now));
            audit.recordSecurityEvent(
                    account.getUsername(),
                    "SSO_LINKED",
                    "Linked account " + account.getUsername() + " to " + identity.subject() + " at " + identity.issuer()
                            + " by its verified email " + email);
        }
        if (!account.isEnabled()) {
            throw refuse(
                    identity,
                    Reason.ACCOUNT_DISABLED,
                    "The Rungs account for " + email + " is deactivated. Ask your Rungs admin.");
        }
        applyRoles(identity, account);
        return new RungsUser(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                "",
                true,
                account.getRoles(),
                account.getPersonId());
    }

    /** With no mapping configured the account keeps its roles; otherwise the claim decides them. */
    private void applyRoles(SsoIdentity identity, UserAccount account) {
        var all = mappings.findAll();
        if (all.isEmpty()) {
            return;
        }
        var claimName =
                settings.findById(SsoSettings.ID).map(SsoSettings::getRoleClaim).orElse("groups");
        var values = SsoRoles.values(identity.claims().get(claimName));
        var derived = SsoRoles.derive(values, byValue(all));
        if (derived.isEmpty()) {
            throw refuse(
                    identity,
                    Reason.NO_ROLE,
                    "Your identity provider gives " + identity.email() + " no Rungs role: no value of its \""
                            + claimName + "\" claim " + values + " is mapped to a role. Ask your Rungs admin.");
        }
        var before = account.getRoles();
        if (!before.equals(derived)) {
            account.setRoles(derived);
            // Sessions keep the roles they signed in with; open ones of this user must sign in again.
            int ended = endSessions(account.getUsername());
            audit.recordSecurityEvent(
                    account.getUsername(),
                    "SSO_ROLES_CHANGED",
                    "Roles of " + account.getUsername() + " changed from " + new TreeSet<>(before) + " to "
                            + new TreeSet<>(derived) + " by the \"" + claimName + "\" claim " + values + " at sign-in;"
                            + " ended " + ended + " other session(s)");
        }
    }

    private static Map<String, Set<Role>> byValue(Iterable<SsoRoleMapping> all) {
        var map = new HashMap<String, Set<Role>>();
        for (var m : all) {
            map.computeIfAbsent(m.getClaimValue(), v -> EnumSet.noneOf(Role.class))
                    .add(m.getRole());
        }
        return map;
    }

    private int endSessions(String username) {
        int ended = 0;
        for (var principal : sessions.getAllPrincipals()) {
            var user = CurrentUser.of(principal);
            if (user.isPresent() && user.get().username().equalsIgnoreCase(username)) {
                for (var info : sessions.getAllSessions(principal, false)) {
                    info.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }

    private SsoRefusal refuse(SsoIdentity identity, Reason reason, String message) {
        audit.recordSecurityEvent(
                identity.email() == null ? identity.subject() : identity.email(),
                "SSO_REFUSED",
                "Single sign-on refused (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ") for "
                        + identity.subject() + " at " + identity.issuer() + ": " + message);
        return new SsoRefusal(reason, message);
    }
}
