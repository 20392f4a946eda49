package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** An open session must not keep rights or credentials that were taken away. */
@IntegrationTest
class SessionRevocationAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    final List<String> used = new ArrayList<>();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
        AttackFixtures.forgetThrottle(jdbc, used.toArray(String[]::new));
    }

    private SignInClient signedInClient(String username, String password) {
        var address = AttackFixtures.newAddress();
        used.add(address);
        used.add(username);
        var client = new SignInClient(port, address);
        assertThat(SignInClient.signedIn(client.signIn(username, password))).isTrue();
        assertThat(client.get("/").statusCode()).as("signed in").isEqualTo(200);
        return client;
    }

    private static void assertEnded(SignInClient client) {
        var page = client.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void aRemovedRoleEndsTheOpenSessionSoItsNextRequestGoesToTheSignInPage() {
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.MANAGER, Role.ENGINEER));
        var client = signedInClient(name, AttackFixtures.PASSWORD);

        SystemAuthentication.run(() -> {
            var account = accounts.findByUsername(name).orElseThrow();
            accounts.update(account.id(), account.version(), account.displayName(), EnumSet.of(Role.ENGINEER), true);
        });

        assertEnded(client);
    }

    @Test
    void aRoleRemovedInBulkAlsoEndsTheOpenSession() {
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.MANAGER, Role.ENGINEER));
        var client = signedInClient(name, AttackFixtures.PASSWORD);
        SystemAuthentication.run(() -> accounts.setRoles(
                java.util.Map.of(accounts.findByUsername(name).orElseThrow().id(), EnumSet.of(Role.ENGINEER))));
        assertEnded(client);
    }

    @Test
    void anOpenVaadinTabOfAnEndedSessionIsSentToTheSignInPageOnItsNextBackgroundRequest() {
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.MANAGER, Role.ENGINEER));
        var client = signedInClient(name, AttackFixtures.PASSWORD);
        SystemAuthentication.run(() -> accounts.endSessions(name));

        HttpResponse<String> uidl = client.post("/?v-r=uidl&v-uiId=0", "{}");
        assertThat(uidl.body()).contains("appError").contains("/login?expired");
        assertThat(client.get("/").statusCode()).as("and the session is gone").isEqualTo(302);
    }

    @Test
    void anAdminPasswordResetEndsTheUsersSessions() {
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        var one = signedInClient(name, AttackFixtures.PASSWORD);
        var two = signedInClient(name, AttackFixtures.PASSWORD);

        SystemAuthentication.run(() -> accounts.resetPassword(
                accounts.findByUsername(name).orElseThrow().id(), "reset by the admin 2026"));

        assertEnded(one);
        assertEnded(two);
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsButKeepsThisOne() {
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        var mine = signedInClient(name, AttackFixtures.PASSWORD);
        var stolen = signedInClient(name, AttackFixtures.PASSWORD);
        var summary =
                SystemAuthentication.call(() -> accounts.findByUsername(name).orElseThrow());
        var me = new RungsUser(summary.id(), name, "Attack Target", "", true, summary.roles(), null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));

        int ended = accounts.changeMyPassword(AttackFixtures.PASSWORD, "my own new passphrase", mine.sessionId());

        assertThat(ended).isEqualTo(1);
        assertThat(mine.get("/").statusCode()).isEqualTo(200);
        assertEnded(stolen);
    }
}
