package app.rungs.security;

import static app.rungs.support.SsoFixtures.identity;
import static app.rungs.support.SsoFixtures.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.service.SsoIdentity;
import app.rungs.security.service.SsoRefusal;
import app.rungs.security.service.SsoSettingsService;
import app.rungs.security.service.SsoSignIn;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.SsoFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Linking provider identities to accounts, and roles re-derived from the role claim at every sign-in. */
@IntegrationTest
class SsoSignInTest {

    @Autowired
    SsoSignIn signIn;

    @Autowired
    SsoSettingsService settings;

    @Autowired
    SsoFixtures fixtures;

    @Autowired
    RunAs runAs;

    @AfterEach
    void clearMappings() {
        fixtures.clearMappings();
    }

    @Test
    void theAccountNamedByTheVerifiedEmailSignsInAndStaysLinkedWhenTheEmailChanges() {
        var email = newEmail("link");
        var account = fixtures.account(email, Role.ENGINEER);

        var user = signIn.signIn(identity("sub-" + email, email, true, null));
        assertThat(user.accountId()).isEqualTo(account.id());
        assertThat(user.roles()).containsExactly(Role.ENGINEER);
        assertThat(fixtures.linked(email)).isTrue();
        assertThat(fixtures.auditCount("SSO_LINKED", email)).isEqualTo(1);

        // The provider's subject is the link now: a renamed address still reaches the same account.
        var again = signIn.signIn(identity("sub-" + email, "renamed." + email, true, null));
        assertThat(again.accountId()).isEqualTo(account.id());
    }

    @Test
    void withoutMappingsTheAccountKeepsTheRolesAnAdminGaveIt() {
        var email = newEmail("keep");
        fixtures.account(email, Role.MANAGER, Role.ENGINEER);

        var user = signIn.signIn(identity("sub-" + email, email, true, List.of("anything")));

        assertThat(user.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.ENGINEER);
        assertThat(fixtures.rolesOf(email)).containsExactlyInAnyOrder(Role.MANAGER, Role.ENGINEER);
    }

    @Test
    void withMappingsEachSignInRederivesTheRolesFromTheClaimAndAuditsAChange() {
        var email = newEmail("roles");
        fixtures.account(email, Role.ENGINEER);
        fixtures.map("rungs-engineers", Role.ENGINEER);
        fixtures.map("rungs-managers", Role.MANAGER);

        var first = signIn.signIn(identity("sub-" + email, email, true, List.of("rungs-engineers", "other")));
        assertThat(first.roles()).containsExactly(Role.ENGINEER);
        assertThat(fixtures.auditCount("SSO_ROLES_CHANGED", email)).isZero();

        var promoted = signIn.signIn(identity("sub-" + email, email, true, List.of("rungs-managers")));
        assertThat(promoted.roles()).containsExactly(Role.MANAGER);
        assertThat(fixtures.rolesOf(email)).containsExactly(Role.MANAGER);
        assertThat(fixtures.auditCount("SSO_ROLES_CHANGED", email)).isEqualTo(1);
    }

    @Test
    void theRoleClaimsNameIsTheAdminsChoice() {
        var email = newEmail("claim");
        fixtures.account(email, Role.ENGINEER);
        fixtures.map("lead", Role.MANAGER);
        runAs.run(
                DemoUsers.ADMIN,
                () -> settings.changeRoleClaim("roles", settings.settings().version()));

        var identity = new SsoIdentity(
                "https://idp.sso.rungs.test",
                "sub-" + email,
                email,
                true,
                Map.of("roles", List.of("lead"), "groups", List.of("nothing-mapped")));
        assertThat(signIn.signIn(identity).roles()).containsExactly(Role.MANAGER);
    }

    @Test
    void anEmailWithNoAccountIsRefusedWithTheEmailAndWhatToDo() {
        var email = newEmail("nobody");
        assertThatThrownBy(() -> signIn.signIn(identity("sub-" + email, email, true, null)))
                .isInstanceOfSatisfying(
                        SsoRefusal.class, r -> assertThat(r.reason()).isEqualTo(SsoRefusal.Reason.NO_ACCOUNT))
                .hasMessage("There is no Rungs account for " + email + ". Ask your Rungs admin to add you.");
        assertThat(fixtures.auditCount("SSO_REFUSED", email)).isEqualTo(1);
    }

    @Test
    void settingsRefuseBadInputAndAreForAdminsOnly() {
        runAs.run(DemoUsers.ADMIN, () -> {
            assertThatThrownBy(() ->
                            settings.changeRoleClaim("  ", settings.settings().version()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> settings.changeRoleClaim(
                            "groups; drop", settings.settings().version()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> settings.addMapping(" ", Role.ADMIN)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> settings.addMapping("ops", null)).isInstanceOf(ValidationException.class);
            settings.addMapping("ops", Role.MANAGER);
            assertThatThrownBy(() -> settings.addMapping(" ops ", Role.MANAGER))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("already grants");
            assertThat(settings.settings().mappings()).hasSize(1);
        });
        assertThat(fixtures.auditCount("SSO_ROLE_MAPPING_ADDED", "\"ops\"")).isPositive();
        assertThatThrownBy(() -> runAs.run(DemoUsers.MANAGER, () -> settings.addMapping("x", Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.run(DemoUsers.ENGINEER, settings::settings))
                .isInstanceOf(AccessDeniedException.class);
    }
}
