package app.rungs.attack;

import static app.rungs.support.SsoFixtures.identity;
import static app.rungs.support.SsoFixtures.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.service.SsoProperties;
import app.rungs.security.service.SsoRefusal;
import app.rungs.security.service.SsoSignIn;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SsoFixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import testidp.TestOidcProvider;

/**
 * Single sign-on as an attacker would try it: an address the provider never verified, an address that only resembles
 * an account's, a second provider identity claiming a linked account's address, groups nobody mapped, a deactivated
 * account, a forged back-channel logout, and passwords when only SSO is allowed.
 */
@IntegrationTest
class SingleSignOnAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    SsoSignIn signIn;

    @Autowired
    SsoFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clearMappings() {
        fixtures.clearMappings();
    }

    @Test
    void anUnverifiedEmailIsRefusedAndLinksNothing() {
        var email = newEmail("unverified");
        fixtures.account(email, Role.ENGINEER);

        assertThatThrownBy(() -> signIn.signIn(identity("attacker-1", email, false, null)))
                .isInstanceOfSatisfying(
                        SsoRefusal.class, r -> assertThat(r.reason()).isEqualTo(SsoRefusal.Reason.EMAIL_UNVERIFIED))
                .hasMessageContaining("has not verified the email address " + email);
        assertThat(fixtures.linked(email)).isFalse();
    }

    @Test
    void anEmailThatOnlyResemblesAnAccountsFindsNoAccountButCaseDoesNotMatter() {
        var email = newEmail("lookalike");
        var account = fixtures.account(email, Role.ENGINEER);
        var local = email.substring(0, email.indexOf('@'));
        var lookalikes = List.of(
                " " + email,
                email + " ",
                "x" + email,
                email + ".evil.example",
                local + "+admin@sso.rungs.test",
                "lookalike.%@sso.rungs.test",
                local.replace('.', '_') + "@sso.rungs.test");
        for (var lookalike : lookalikes) {
            assertThatThrownBy(() -> signIn.signIn(identity("attacker-" + lookalike, lookalike, true, null)))
                    .as(lookalike)
                    .isInstanceOfSatisfying(
                            SsoRefusal.class, r -> assertThat(r.reason()).isEqualTo(SsoRefusal.Reason.NO_ACCOUNT));
        }
        assertThat(fixtures.linked(email)).isFalse();

        var upper = signIn.signIn(identity("owner-" + email, email.toUpperCase(Locale.ROOT), true, null));
        assertThat(upper.accountId()).isEqualTo(account.id());
    }

    @Test
    void aSecondProviderIdentityWithTheSameEmailCannotTakeOverALinkedAccount() {
        var email = newEmail("takeover");
        var account = fixtures.account(email, Role.ENGINEER);
        assertThat(signIn.signIn(identity("owner", email, true, null)).accountId())
                .isEqualTo(account.id());

        assertThatThrownBy(() -> signIn.signIn(identity("reassigned-address", email, true, null)))
                .isInstanceOfSatisfying(
                        SsoRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(SsoRefusal.Reason.LINKED_TO_OTHER_IDENTITY));
        assertThat(jdbc.queryForObject("select subject from sso_link where account_id = ?", String.class, account.id()))
                .isEqualTo("owner");
    }

    @Test
    void aGroupNobodyMappedGivesNoRoleAndTheSignInIsRefused() {
        var email = newEmail("unmapped");
        fixtures.account(email, Role.ENGINEER);
        fixtures.map("rungs-admins", Role.ADMIN);
        fixtures.map("rungs-engineers", Role.ENGINEER);

        assertThatThrownBy(() -> signIn.signIn(identity(
                        "sub-" + email,
                        email,
                        true,
                        List.of("RUNGS-ADMINS", "rungs-admins ", "rungs-admins-x", "admins", "ADMIN"))))
                .isInstanceOfSatisfying(
                        SsoRefusal.class, r -> assertThat(r.reason()).isEqualTo(SsoRefusal.Reason.NO_ROLE));
        assertThat(fixtures.rolesOf(email)).containsExactly(Role.ENGINEER);

        // A role claim that is one object instead of a list of names grants nothing either.
        assertThatThrownBy(() ->
                        signIn.signIn(identity("sub-" + email, email, true, java.util.Map.of("rungs-admins", true))))
                .isInstanceOf(SsoRefusal.class);
        assertThat(fixtures.rolesOf(email)).doesNotContain(Role.ADMIN);
    }

    @Test
    void aDeactivatedAccountCannotSignInThroughTheProvider() {
        var email = newEmail("deactivated");
        fixtures.account(email, Role.ENGINEER);
        jdbc.update("update app_user set enabled = false where lower(username) = lower(?)", email);

        assertThatThrownBy(() -> signIn.signIn(identity("sub-" + email, email, true, null)))
                .isInstanceOfSatisfying(
                        SsoRefusal.class, r -> assertThat(r.reason()).isEqualTo(SsoRefusal.Reason.ACCOUNT_DISABLED));
    }

    @Test
    void aForgedBackChannelLogoutTokenIsRefusedAndEndsNothing() throws Exception {
        var before = fixtures.auditCount("SSO_BACK_CHANNEL_LOGOUT", "");
        var forged = TestOidcProvider.get().forgedLogoutToken("anyone");

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout/connect/back-channel/"
                                        + TestOidcProvider.REGISTRATION_ID))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "logout_token=" + URLEncoder.encode(forged, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixtures.auditCount("SSO_BACK_CHANNEL_LOGOUT", "")).isEqualTo(before);
    }

    @Test
    void withPasswordsTurnedOffOnlyTheBreakGlassAccountMayUseOne() {
        var ssoOnly = new SsoProperties(false, List.of("admin"));
        assertThat(ssoOnly.passwordAllowedFor("admin")).isTrue();
        assertThat(ssoOnly.passwordAllowedFor("ADMIN")).isTrue();
        assertThat(ssoOnly.passwordAllowedFor("admin@rungs.demo")).isFalse();
        assertThat(ssoOnly.passwordAllowedFor("admin2")).isFalse();
        assertThat(ssoOnly.passwordAllowedFor(null)).isFalse();
        assertThat(new SsoProperties(null, null).passwordAllowedFor("anyone")).isTrue();
    }
}
