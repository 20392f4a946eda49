package app.rungs.attack;

import static app.rungs.support.ApiHttp.contentType;
import static app.rungs.support.ApiHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.ApiTokenService;
import app.rungs.security.service.CreatedApiToken;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.ApiHttp;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacks on API tokens: tokens in URLs, tokens that outlive their owner's account or role, tokens used against the
 * web UI, guessed tokens, and revoking someone else's token.
 */
@IntegrationTest
class ApiTokenAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    ApiHttp api;

    @BeforeEach
    void client() {
        api = new ApiHttp(port);
    }

    private CreatedApiToken tokenOf(String username) {
        return runAs.as(
                username,
                () -> tokens.create(
                        "attack " + System.nanoTime(), LocalDate.now().plusDays(7), ZoneOffset.UTC));
    }

    @Test
    void aValidTokenInTheQueryStringIsRefusedAndAudited() {
        var token = tokenOf(DemoUsers.ENGINEER).secret();
        long before = refusedInQuery();

        var response = api.get("/api/v1/people?access_token=" + token, null);
        var other = api.get("/api/v1/people?token=" + token, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asString()).contains("only in the Authorization header");
        assertThat(response.body()).doesNotContain("items");
        assertThat(refusedInQuery()).isEqualTo(before + 2);
    }

    @Test
    void aTokenOfADisabledAccountIsRefused() {
        var username = AttackFixtures.newAccount(accounts, Set.of(Role.ENGINEER));
        var token = tokenOf(username).secret();
        assertThat(api.get("/api/v1/ladders", token).statusCode()).isEqualTo(200);

        runAs.run(DemoUsers.ADMIN, () -> {
            var account = accounts.findByUsername(username).orElseThrow();
            accounts.update(account.id(), account.version(), account.displayName(), account.roles(), false);
        });

        var response = api.get("/api/v1/ladders", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("detail").asString())
                .isEqualTo("The account this API token belongs to is disabled.");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REFUSED' and actor = ?")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTokenLosesTheRoleItsOwnerLost() {
        var username = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ADMIN, Role.ENGINEER));
        var token = tokenOf(username).secret();
        var asAdmin = json(api.get("/api/v1/people", token));
        assertThat(asAdmin.get("totalItems").asLong()).isGreaterThan(1);
        var someone = asAdmin.get("items").get(0).get("id").asLong();
        assertThat(api.get("/api/v1/people/" + someone, token).statusCode()).isEqualTo(200);

        runAs.run(DemoUsers.ADMIN, () -> {
            var account = accounts.findByUsername(username).orElseThrow();
            accounts.update(account.id(), account.version(), account.displayName(), Set.of(Role.ENGINEER), true);
        });

        assertThat(json(api.get("/api/v1/people", token)).get("totalItems").asLong())
                .isZero();
        assertThat(api.get("/api/v1/people/" + someone, token).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenOpensNeitherTheWebUiNorScim() {
        var token = tokenOf(DemoUsers.ADMIN).secret();
        for (var path : new String[] {"/people", "/admin/audit", "/admin/api-tokens", "/scim/v2/Users"}) {
            var response = api.send(HttpRequest.newBuilder(api.uri(path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("Resources").doesNotContain("Audit log");
        }
    }

    @Test
    void aGuessedTokenOneCharacterOffIsRefusedAndOnlyTheHashIsStored() throws Exception {
        var created = tokenOf(DemoUsers.ENGINEER);
        var secret = created.secret();
        var last = secret.charAt(secret.length() - 1);
        var guess = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

        var response = api.get("/api/v1/people", guess);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("detail").asString()).isEqualTo("The API token is not valid.");

        var stored = jdbc.sql("select token_hash from api_token where id = ?")
                .param(created.token().id())
                .query(byte[].class)
                .single();
        assertThat(stored)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        var rowText = jdbc.sql("select t::text from api_token t where id = ?")
                .param(created.token().id())
                .query(String.class)
                .single();
        assertThat(rowText).doesNotContain(secret.substring(10));
    }

    @Test
    void anotherUsersTokenCannotBeRevokedByANonAdmin() {
        var victim = tokenOf(DemoUsers.ENGINEER);

        assertThatThrownBy(() -> runAs.run(
                        DemoUsers.OTHER_ENGINEER,
                        () -> tokens.revoke(victim.token().id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runAs.run(
                        DemoUsers.MANAGER, () -> tokens.revoke(victim.token().id())))
                .isInstanceOf(NotFoundException.class);

        assertThat(api.get("/api/v1/ladders", victim.secret()).statusCode()).isEqualTo(200);
        assertThat(runAs.as(DemoUsers.OTHER_ENGINEER, tokens::mine))
                .noneMatch(t -> t.id().equals(victim.token().id()));
    }

    @Test
    void aSchemeOtherThanBearerIsRefused() {
        var response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/people"))
                .header("Authorization", "Basic bGVuYTpydW5ncy1kZW1vLTIwMjY=")
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private long refusedInQuery() {
        return jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REFUSED' and summary like"
                        + " 'API token sent in the query string%'")
                .query(Long.class)
                .single();
    }
}
