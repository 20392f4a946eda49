package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.ColorScheme;
import app.rungs.security.domain.Role;
import app.rungs.security.domain.UserAccount;
import app.rungs.security.domain.UserAccountRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation, roles, enabling, passwords and each user's own preferences. */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._%+@-]{3,254}$");
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final SessionRegistry sessions;
    private final Clock clock;

    AccountService(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            AuditService audit,
            SessionRegistry sessions,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary create(
            String username, String displayName, String rawPassword, Set<Role> roles, Long personId) {
        return create(
                username,
                displayName,
                passwordEncoder.encode(PasswordPolicy.check(rawPassword, username)),
                roles,
                personId,
                true);
    }

    /**
     * Creates an account from an already encoded password; used when seeding many accounts that share one password
     * (demo data), where hashing each would only slow start-up down.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary createWithEncodedPassword(
            String username, String displayName, String encodedPassword, Set<Role> roles, Long personId) {
        return create(username, displayName, encodedPassword, roles, personId, true);
    }

    private AccountSummary create(
            String username, String displayName, String encoded, Set<Role> roles, Long personId, boolean enabled) {
        var problems = new ArrayList<String>();
        var name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            problems.add("Username must be 3–254 characters: letters, digits and . _ % + @ - only.");
        } else if (accounts.findByUsername(name).isPresent()) {
            problems.add("An account named " + name + " already exists.");
        }
        if (displayName == null || displayName.isBlank()) {
            problems.add("Display name is required.");
        }
        if (roles == null || roles.isEmpty()) {
            problems.add("Choose at least one role.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var account = new UserAccount(name, displayName.strip(), encoded, roles);
        account.setPersonId(personId);
        account.setEnabled(enabled);
        accounts.save(account);
        audit.record(
                "ACCOUNT_CREATED",
                "Account",
                account.getId(),
                "Created account " + name + " " + roles,
                null,
                snapshot(account));
        return toSummary(account);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<AccountSummary> findByUsername(String username) {
        return accounts.findByUsername(username).map(AccountService::toSummary);
    }

    /** Names of the accounts with these usernames (any case), in one read; unknown names are left out. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, AccountName> namesByUsername(java.util.Collection<String> usernames) {
        var asked = new HashMap<String, String>();
        for (var name : usernames) {
            if (name != null) {
                asked.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        var result = new HashMap<String, AccountName>();
        if (asked.isEmpty()) {
            return result;
        }
        for (var row : accounts.findNames(asked.keySet())) {
            var username = (String) row[0];
            var key = asked.get(username.toLowerCase(Locale.ROOT));
            result.put(key, new AccountName(username, (String) row[1], (Long) row[2]));
        }
        return result;
    }

    /** Usernames and people of the accounts with these ids, in one read; unknown ids are left out. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, AccountName> namesById(java.util.Collection<Long> ids) {
        var result = new HashMap<Long, AccountName>();
        if (ids.isEmpty()) {
            return result;
        }
        for (var row : accounts.findNamesById(ids)) {
            result.put((Long) row[0], new AccountName((String) row[1], null, (Long) row[2]));
        }
        return result;
    }

    /** The account linked to a person, if any. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<AccountSummary> findByPersonId(Long personId) {
        return accounts.findByPersonId(personId).map(AccountService::toSummary);
    }

    /** Every account linked to a person, by person id, loaded in one query (for bulk work such as imports). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, AccountSummary> linkedAccounts() {
        var map = new HashMap<Long, AccountSummary>();
        for (var a : accounts.findAllLinkedWithRoles()) {
            map.put(a.getPersonId(), toSummary(a));
        }
        return map;
    }

    /** Every username in use, lower-cased. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Set<String> usernamesInUse() {
        return new HashSet<>(accounts.findAllUsernamesLowerCase());
    }

    /**
     * Creates accounts in bulk, each with a random password hash that no password matches: the people can sign in
     * only once an admin sets their password. Joins the caller's transaction, so a failed import leaves none behind.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public List<Long> createWithoutPassword(List<NewAccount> newAccounts) {
        var taken = usernamesInUse();
        var problems = new ArrayList<String>();
        for (var n : newAccounts) {
            var name = n.username() == null ? "" : n.username().strip();
            if (!USERNAME.matcher(name).matches()) {
                problems.add("Username " + name + " must be 3–254 characters: letters, digits and . _ % + @ - only.");
            } else if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                problems.add("An account named " + name + " already exists.");
            }
            if (n.roles() == null || n.roles().isEmpty()) {
                problems.add("Choose at least one role for " + name + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var ids = new ArrayList<Long>(newAccounts.size());
        var created = new ArrayList<Map<String, Object>>(newAccounts.size());
        for (var n : newAccounts) {
            var account = new UserAccount(n.username().strip(), n.displayName().strip(), unusableHash(), n.roles());
            account.setPersonId(n.personId());
            accounts.save(account);
            ids.add(account.getId());
            created.add(snapshot(account));
        }
        if (newAccounts.size() == 1) {
            audit.record(
                    "ACCOUNT_CREATED",
                    "Account",
                    ids.getFirst(),
                    "Created account " + newAccounts.getFirst().username().strip() + " "
                            + newAccounts.getFirst().roles() + " (no password yet)",
                    null,
                    created.getFirst());
        } else if (!newAccounts.isEmpty()) {
            // One event for a bulk creation, listing every account, instead of thousands of rows.
            audit.record(
                    "ACCOUNTS_CREATED",
                    "Account",
                    null,
                    "Created " + newAccounts.size() + " accounts (no password yet): "
                            + newAccounts.stream()
                                    .limit(5)
                                    .map(a -> a.username().strip())
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + (newAccounts.size() > 5 ? ", …" : ""),
                    null,
                    Map.of("accounts", created));
        }
        return ids;
    }

    /** Replaces the roles of several accounts, loaded in one query; each change is audited. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setRoles(Map<Long, Set<Role>> rolesByAccountId) {
        if (rolesByAccountId.isEmpty()) {
            return;
        }
        for (var account : accounts.findAllWithRoles(rolesByAccountId.keySet())) {
            var roles = rolesByAccountId.get(account.getId());
            if (roles == null || roles.isEmpty() || roles.equals(account.getRoles())) {
                continue;
            }
            var before = snapshot(account);
            account.setRoles(roles);
            audit.record(
                    "ACCOUNT_UPDATED",
                    "Account",
                    account.getId(),
                    "Changed the roles of " + account.getUsername() + " to " + roles,
                    before,
                    snapshot(account));
            // Open sessions carry the roles they signed in with; end them so the new roles apply at once.
            expireSessions(account.getUsername(), null);
        }
    }

    /** A bcrypt-shaped hash of an unknown random secret: no password matches it. */
    private String unusableHash() {
        var chars = new char[53];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BCRYPT_ALPHABET.charAt(RANDOM.nextInt(BCRYPT_ALPHABET.length()));
        }
        return "{bcrypt}$2a$10$" + new String(chars);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long count() {
        return accounts.count();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long countEnabledAdmins() {
        return accounts.countEnabledWithRole(Role.ADMIN);
    }

    /** The people behind enabled admin accounts, e.g. to alert them. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<Long> enabledAdminPersonIds() {
        return accounts.findEnabledPersonIdsWithRole(Role.ADMIN);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary update(Long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled) {
        return update(id, expectedVersion, displayName, roles, enabled, null);
    }

    /**
     * Changes roles, enabled and, when {@code newPassword} is not empty, the password, all or nothing: every input
     * is checked before anything is changed, so a too-short password no longer leaves the new roles saved.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary update(
            Long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled, String newPassword) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("Account not found"));
        if (account.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Account " + account.getUsername());
        }
        var problems = new ArrayList<String>();
        if (roles == null || roles.isEmpty()) {
            problems.add("Choose at least one role.");
        }
        boolean changesPassword = newPassword != null && !newPassword.isEmpty();
        if (changesPassword) {
            try {
                PasswordPolicy.check(newPassword, account.getUsername());
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var before = snapshot(account);
        boolean losesAdmin = account.getRoles().contains(Role.ADMIN) && (!roles.contains(Role.ADMIN) || !enabled);
        if (losesAdmin && account.isEnabled() && accounts.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new ValidationException("This is the last active admin account; make someone else admin first.");
        }
        account.setDisplayName(displayName.strip());
        boolean rolesChange = !account.getRoles().equals(roles);
        account.setRoles(roles);
        boolean disabling = account.isEnabled() && !enabled;
        account.setEnabled(enabled);
        if (changesPassword) {
            account.setPasswordHash(passwordEncoder.encode(newPassword));
        }
        accounts.saveAndFlush(account);
        audit.record(
                "ACCOUNT_UPDATED",
                "Account",
                id,
                "Updated account " + account.getUsername(),
                before,
                snapshot(account));
        if (changesPassword) {
            audit.record("PASSWORD_RESET", "Account", id, "Reset the password of " + account.getUsername(), null, null);
        }
        if (disabling || rolesChange || changesPassword) {
            // Sessions keep the roles they signed in with: a changed or disabled account must sign in again.
            expireSessions(account.getUsername(), null);
        }
        return toSummary(account);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(Long id, String rawPassword) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("Account not found"));
        account.setPasswordHash(passwordEncoder.encode(PasswordPolicy.check(rawPassword, account.getUsername())));
        int ended = expireSessions(account.getUsername(), null);
        audit.record(
                "PASSWORD_RESET",
                "Account",
                id,
                "Reset the password of " + account.getUsername() + " and ended " + ended + " open session(s)",
                null,
                null);
    }

    /** Ends every session of the user on this instance; the next request of each goes to the sign-in page. */
    @PreAuthorize("hasRole('ADMIN')")
    public int endSessions(String username) {
        return expireSessions(username, null);
    }

    /** Marks the user's sessions expired, except the one with id {@code keep} (the caller's own, or null). */
    private int expireSessions(String username, String keep) {
        int ended = 0;
        for (var principal : sessions.getAllPrincipals()) {
            var user = CurrentUser.of(principal);
            if (user.isPresent() && user.get().username().equalsIgnoreCase(username)) {
                for (var info : sessions.getAllSessions(principal, false)) {
                    if (!info.getSessionId().equals(keep)) {
                        info.expireNow();
                        ended++;
                    }
                }
            }
        }
        return ended;
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeMyColorScheme(ColorScheme scheme) {
        var me = CurrentUser.require();
        accounts.findById(me.accountId()).ifPresent(a -> a.setColorScheme(scheme));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public ColorScheme myColorScheme() {
        var me = CurrentUser.require();
        return accounts.findById(me.accountId())
                .map(UserAccount::getColorScheme)
                .orElse(ColorScheme.LIGHT);
    }

    /**
     * Changes the signed-in user's own password: the current one is required, the policy applies, and every other
     * session of the user ends (a thief's copy of the session among them); the session {@code keepSessionId} stays.
     *
     * @return the number of other sessions ended
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public int changeMyPassword(String currentPassword, String newPassword, String keepSessionId) {
        var me = CurrentUser.require();
        var account = accounts.findById(me.accountId()).orElseThrow(() -> new NotFoundException("Account not found"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new ValidationException("The current password is not correct.");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new ValidationException("The new password must differ from the current one.");
        }
        account.setPasswordHash(passwordEncoder.encode(PasswordPolicy.check(newPassword, account.getUsername())));
        int ended = expireSessions(account.getUsername(), keepSessionId);
        audit.record(
                "PASSWORD_CHANGED",
                "Account",
                account.getId(),
                "Changed own password and ended " + ended + " other session(s)",
                null,
                null);
        return ended;
    }

    /** Remembers the time of a successful sign-in; runs in the sign-in request, before any view. */
    @Transactional
    void touchLastLogin(Long accountId) {
        accounts.recordLastLogin(accountId, Instant.now(clock));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public String encode(String rawPassword) {
        return passwordEncoder.encode(PasswordPolicy.check(rawPassword, null));
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

    static AccountSummary toSummary(UserAccount a) {
        return new AccountSummary(
                a.getId(),
                a.getUsername(),
                a.getDisplayName(),
                a.getRoles(),
                a.isEnabled(),
                a.getPersonId(),
                a.getLastLoginAt(),
                a.getVersion());
    }
}
