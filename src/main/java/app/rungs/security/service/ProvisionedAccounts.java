package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.security.domain.UserAccount;
import app.rungs.security.domain.UserAccountRepository;
import app.rungs.shared.service.ValidationException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of people an identity provider provisions (SCIM): created without a password (they sign in through
 * single sign-on or once an admin sets one), enabled and disabled with the person, roles from group membership.
 * Callable by the SCIM token's authority and by admins (who confirm held deactivations); never by other users.
 */
@Service
public class ProvisionedAccounts {

    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final AuditService audit;
    private final SessionRegistry sessions;

    ProvisionedAccounts(UserAccountRepository accounts, AuditService audit, SessionRegistry sessions) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** The roles of the accounts linked to these people (people without an account are left out). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public Map<Long, Set<Role>> rolesByPerson(Collection<Long> personIds) {
        var result = new HashMap<Long, Set<Role>>();
        if (personIds.isEmpty()) {
            return result;
        }
        for (var a : accounts.findAllLinkedWithRoles()) {
            if (personIds.contains(a.getPersonId())) {
                result.put(a.getPersonId(), a.getRoles());
            }
        }
        return result;
    }

    /** The people whose enabled or disabled account has the role, i.e. the members of the role's group. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public List<Long> personIdsWithRole(Role role) {
        return accounts.findAllLinkedWithRoles().stream()
                .filter(a -> a.getRoles().contains(role))
                .map(UserAccount::getPersonId)
                .sorted()
                .toList();
    }

    /**
     * Gives a provisioned person an account (Engineer, the baseline role) or brings its username and display name up
     * to date. A username another account holds is refused.
     */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public void ensure(Long personId, String username, String displayName, boolean enabled) {
        var name = username.strip().toLowerCase(java.util.Locale.ROOT);
        var holder = accounts.findByUsername(name);
        if (holder.isPresent() && !personId.equals(holder.get().getPersonId())) {
            throw new ValidationException("An account named " + name + " already exists and belongs to someone else.");
        }
        var account = accounts.findByPersonId(personId).orElse(null);
        if (account == null) {
            account = new UserAccount(name, displayName, unusableHash(), EnumSet.of(Role.ENGINEER));
            account.setPersonId(personId);
            account.setEnabled(enabled);
            accounts.save(account);
            audit.record(
                    "ACCOUNT_CREATED",
                    "Account",
                    account.getId(),
                    "Created account " + name + " " + account.getRoles() + " (provisioned, no password)",
                    null,
                    snapshot(account));
            return;
        }
        var before = snapshot(account);
        boolean renamed = !account.getUsername().equalsIgnoreCase(name);
        boolean disabling = account.isEnabled() && !enabled;
        if (disabling) {
            guardLastAdmin(account);
        }
        account.setUsername(renamed ? name : account.getUsername());
        account.setDisplayName(displayName);
        account.setEnabled(enabled);
        var after = snapshot(account);
        if (!before.equals(after)) {
            accounts.flush();
            audit.record("ACCOUNT_UPDATED", "Account", account.getId(), "Updated account " + name, before, after);
        }
        if (renamed || disabling) {
            expireSessions(before.get("username").toString());
        }
    }

    /** Disables the person's account, if any, and ends its sessions (a deactivation, also one an admin confirms). */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public void disable(Long personId) {
        accounts.findByPersonId(personId).filter(UserAccount::isEnabled).ifPresent(account -> {
            guardLastAdmin(account);
            var before = snapshot(account);
            account.setEnabled(false);
            accounts.flush();
            audit.record(
                    "ACCOUNT_UPDATED",
                    "Account",
                    account.getId(),
                    "Disabled account " + account.getUsername(),
                    before,
                    snapshot(account));
            expireSessions(account.getUsername());
        });
    }

    /**
     * Adds or removes one role (group membership). Engineer is the baseline: an account keeps it while it has no
     * other role, because an account needs at least one.
     *
     * @return whether anything changed
     */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public boolean setRole(Long personId, Role role, boolean member) {
        var account = accounts.findByPersonId(personId)
                .orElseThrow(() -> new ValidationException("Person " + personId + " has no account to give a role."));
        var roles = EnumSet.copyOf(account.getRoles());
        if (member) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        if (roles.isEmpty()) {
            roles.add(Role.ENGINEER);
        }
        if (roles.equals(account.getRoles())) {
            return false;
        }
        if (!roles.contains(Role.ADMIN)) {
            guardLastAdmin(account);
        }
        var before = snapshot(account);
        account.setRoles(roles);
        accounts.flush();
        audit.record(
                "ACCOUNT_UPDATED",
                "Account",
                account.getId(),
                "Changed the roles of " + account.getUsername() + " to " + roles,
                before,
                snapshot(account));
        // Open sessions carry the roles they signed in with; end them so the new roles apply at once.
        expireSessions(account.getUsername());
        return true;
    }

    private void guardLastAdmin(UserAccount account) {
        if (account.isEnabled()
                && account.getRoles().contains(Role.ADMIN)
                && accounts.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new ValidationException(
                    account.getUsername() + " has the last active admin account; make someone else admin first.");
        }
    }

    private void expireSessions(String username) {
        for (var principal : sessions.getAllPrincipals()) {
            if (principal instanceof RungsUser user && user.username().equalsIgnoreCase(username)) {
                sessions.getAllSessions(principal, false).forEach(info -> info.expireNow());
            }
        }
    }

    /** A bcrypt-shaped hash of an unknown random secret: no password matches it. */
    private static String unusableHash() {
        var chars = new char[53];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BCRYPT_ALPHABET.charAt(RANDOM.nextInt(BCRYPT_ALPHABET.length()));
        }
        return "{bcrypt}$2a$10$" + new String(chars);
    }

    private static Map<String, Object> snapshot(UserAccount a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("username", a.getUsername());
        map.put("displayName", a.getDisplayName());
        map.put("roles", a.getRoles().stream().map(Enum::name).sorted().toList());
        map.put("enabled", a.isEnabled());
        map.put("personId", a.getPersonId());
        return map;
    }
}
