package app.rungs.attack;

import static app.rungs.support.ScimHttp.json;
import static app.rungs.support.ScimHttp.patch;
import static app.rungs.support.ScimHttp.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.ProvisionedUser;
import app.rungs.people.service.Provisioning;
import app.rungs.scim.ScimFixtures;
import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.scim.service.ScimTokens;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.ScimHttp;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a SCIM token may not do, and who may not use the SCIM endpoint. */
@IntegrationTest
class ScimAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    ScimTokens tokens;

    @Autowired
    ScimSafetyValve valve;

    @Autowired
    AccountService accounts;

    @Autowired
    Provisioning provisioning;

    @Autowired
    JdbcTemplate jdbc;

    ScimFixtures.Token token;
    ScimHttp scim;

    @BeforeEach
    void setUp() {
        token = new ScimFixtures(runAs, tokens, valve).newToken("Attack");
        scim = new ScimHttp(port, token.secret());
    }

    private long people() {
        return jdbc.queryForObject("select count(*) from person", Long.class);
    }

    @Test
    void aScimTokenDoesNotOpenTheUserInterfaceOrOtherEndpoints() {
        for (var path : List.of("/", "/people", "/admin/scim", "/api/people")) {
            var response = scim.get(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("lena.fischer@rungs.demo");
        }
    }

    @Test
    void aSignedInAdminsSessionCannotCallScim() {
        var client = new SignInClient(port, null);
        assertThat(SignInClient.signedIn(client.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD)))
                .isTrue();
        long before = people();

        var list = client.get("/scim/v2/Users");
        var create = client.post(
                "/scim/v2/Users",
                user("session-" + UUID.randomUUID() + "@example.com", "Sess", "Ion", "T", null, null));

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(create.statusCode()).isEqualTo(401);
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void aPatchCannotGiveARoleThroughAGroupOrAttributeRungsDoesNotHave() {
        var email = "roles-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = scim.post("/scim/v2/Users", user(email, "Ro", "Les", "T", null, null));
        var id = json(created).get("id").asString();
        var member = "[{\"value\": \"" + id + "\"}]";

        var unknownGroup = scim.patch(
                "/scim/v2/Groups/superadmins",
                patch("{\"op\": \"add\", \"path\": \"members\", \"value\": " + member + "}"));
        var newGroup = scim.post(
                "/scim/v2/Groups",
                "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"Owners\","
                        + " \"members\": " + member + "}");
        var groupsAttribute = scim.patch(
                "/scim/v2/Users/" + id,
                patch("{\"op\": \"add\", \"path\": \"groups\", \"value\": [{\"value\": \"admin\"}]}"));
        var rolesAttribute = scim.patch(
                "/scim/v2/Users/" + id,
                patch("{\"op\": \"add\", \"path\": \"roles\", \"value\": [{\"value\": \"ADMIN\"}]}"));
        var putEchoingGroups = scim.put(
                "/scim/v2/Users/" + id,
                user(email, "Ro", "Les", "T", null, null)
                        .replace("\"active\": true", "\"active\": true, \"groups\": [{\"value\": \"admin\"}]"));
        var renameToAdmin = scim.patch(
                "/scim/v2/Groups/engineer",
                patch("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Admin\"}"));

        assertThat(unknownGroup.statusCode()).isEqualTo(404);
        assertThat(newGroup.statusCode()).isEqualTo(400);
        assertThat(groupsAttribute.statusCode()).isEqualTo(400);
        assertThat(json(groupsAttribute).get("scimType").asString()).isEqualTo("mutability");
        assertThat(renameToAdmin.statusCode()).isEqualTo(400);
        // A PUT may echo the read-only groups back: ignored, as RFC 7644 asks, never a role.
        assertThat(putEchoingGroups.statusCode()).as(putEchoingGroups.body()).isEqualTo(200);
        // "roles" is a core attribute Rungs does not keep: accepted and ignored, never a role.
        assertThat(rolesAttribute.statusCode()).isEqualTo(200);
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(email).orElseThrow().roles())
                        .isEqualTo(Set.of(Role.ENGINEER)));
    }

    @Test
    void aMemberListWithOneUnknownIdChangesNoOnesRole() {
        var email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var id = json(scim.post("/scim/v2/Users", user(email, "Mem", "Ber", "T", null, null)))
                .get("id")
                .asString();

        var response = scim.patch(
                "/scim/v2/Groups/admin",
                patch("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + id
                        + "\"}, {\"value\": \"987654321\"}]}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).contains("987654321");
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(email).orElseThrow().roles())
                        .isEqualTo(Set.of(Role.ENGINEER)));
    }

    @Test
    void theScimAuthorityReachesNoAdminServiceAndUsersCannotProvision() {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "SCIM (forged)", null, List.of(new SimpleGrantedAuthority("SCIM_PROVISIONER"))));
        SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(
                            () -> accounts.create("x@example.com", "X", "a-long-password-1", Set.of(Role.ADMIN), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tokens.create("minted by a token")).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        var user = new ProvisionedUser("eng@example.com", "Eng", null, null, null, null, null, true);
        assertThatThrownBy(() -> runAs.as(DemoUsers.ENGINEER, () -> provisioning.create(user)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(DemoUsers.ADMIN, () -> provisioning.create(user)))
                .as("admins add people on the people screen; provisioning is the identity provider's")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theTokenIsKeptOnlyAsAHash() {
        var stored = jdbc.queryForObject("select token_hash from scim_token where id = ?", String.class, token.id());
        assertThat(stored)
                .hasSize(64)
                .isNotEqualTo(token.secret())
                .doesNotContain(token.secret().substring(11));
        assertThat(jdbc.queryForObject(
                        "select count(*) from scim_token where token_hash like ? or name like ?",
                        Long.class,
                        "%" + token.secret() + "%",
                        "%" + token.secret() + "%"))
                .isZero();
    }
}
