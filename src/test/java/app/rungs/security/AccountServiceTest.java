package app.rungs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    UserDetailsService users;

    @Test
    void callingAServiceWithoutSigningInIsDenied() {
        assertThatThrownBy(() -> accounts.count()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerCannotCreateAccounts() {
        assertThatThrownBy(() -> accounts.create(
                        "mallory@example.com", "Mallory", "long-enough-pass", EnumSet.of(Role.ADMIN), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerCannotCreateAccountsEither() {
        assertThatThrownBy(() -> accounts.create(
                        "mallory2@example.com", "Mallory", "long-enough-pass", EnumSet.of(Role.ADMIN), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminCreatesAnAccountWithAHashedPasswordAndAnAuditEvent() {
        var name = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = accounts.create(name, "New Person", "correct horse battery", EnumSet.of(Role.ENGINEER), null);

        assertThat(created.roles()).containsExactly(Role.ENGINEER);
        var events =
                audit.find(new AuditFilter(null, "ACCOUNT_CREATED", null, name, null, null), PageRequest.of(0, 10));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(DemoUsers.ADMIN);
            assertThat(e.afterState()).contains(name).doesNotContain("correct horse");
        });
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void badInputIsRefusedWithSpecificMessagesAndChangesNothing() {
        long before = accounts.count();
        assertThatThrownBy(() -> accounts.create("x", "", "short", EnumSet.noneOf(Role.class), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Password must be at least 12 characters");
        assertThatThrownBy(() -> accounts.create("x", "", "long-enough-password", EnumSet.noneOf(Role.class), null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .contains("Display name is required.", "Choose at least one role.")
                        .anyMatch(p -> p.startsWith("Username must be")));
        assertThatThrownBy(() -> accounts.create(
                        DemoUsers.ENGINEER, "Dup", "long-enough-password", EnumSet.of(Role.ENGINEER), null))
                .hasMessageContaining("already exists");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theLastActiveAdminCannotBeDisabled() {
        var admin = accounts.findByUsername(DemoUsers.ADMIN).orElseThrow();
        if (accounts.countEnabledAdmins() == 1) {
            assertThatThrownBy(() -> accounts.update(
                            admin.id(), admin.version(), admin.displayName(), EnumSet.of(Role.ENGINEER), true))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("last active admin");
        }
        assertThat(accounts.findByUsername(DemoUsers.ADMIN).orElseThrow().roles())
                .contains(Role.ADMIN);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void storedPasswordsUseAModernAdaptiveHash() {
        var hash = accounts.encode("some long password");
        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(encoder.matches("some long password", hash)).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aTooShortPasswordInTheAccountFormChangesNeitherRolesNorAnythingElse() {
        var name = "roles-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var account = accounts.create(name, "Role Keeper", "long-enough-password", EnumSet.of(Role.ENGINEER), null);

        assertThatThrownBy(() -> accounts.update(
                        account.id(), account.version(), "Role Keeper", EnumSet.of(Role.ADMIN), true, "short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 12 characters");

        var after = accounts.findByUsername(name).orElseThrow();
        assertThat(after.roles()).containsExactly(Role.ENGINEER);
        assertThat(after.version()).isEqualTo(account.version());

        var saved = accounts.update(
                account.id(), account.version(), "Role Keeper", EnumSet.of(Role.MANAGER), true, "a-new-long-password");
        assertThat(saved.roles()).containsExactly(Role.MANAGER);
        assertThat(encoder.matches(
                        "a-new-long-password", users.loadUserByUsername(name).getPassword()))
                .isTrue();
    }
}
