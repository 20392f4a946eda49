package app.rungs.scim;

import static app.rungs.support.ScimHttp.json;
import static app.rungs.support.ScimHttp.patch;
import static app.rungs.support.ScimHttp.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleGridService;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** SCIM 2.0 against the running server, the way Okta and Microsoft Entra ID call it. */
@IntegrationTest
class ScimProvisioningTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    ScimTokens tokens;

    @Autowired
    ScimSafetyValve valve;

    @Autowired
    PeopleGridService grid;

    @Autowired
    AuditService audit;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    ScimFixtures fixtures;
    ScimFixtures.Token token;
    ScimHttp scim;

    @BeforeEach
    void setUp() {
        fixtures = new ScimFixtures(runAs, tokens, valve);
        token = fixtures.newToken("Okta");
        scim = new ScimHttp(port, token.secret());
        // Generous limits: the safety valve has its own test.
        fixtures.limits(100, 100_000);
    }

    @AfterEach
    void restoreLimits() {
        fixtures.limits(10, 25);
    }

    private static String email() {
        return "scim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private Long personIdOf(String username) {
        return runAs.as(
                DemoUsers.ADMIN,
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    private Long create(String email, String department, Long managerId) {
        var response = scim.post("/scim/v2/Users", user(email, "Ada", "Quint", "Engineer", department, managerId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Long.valueOf(json(response).get("id").asString());
    }

    private long people() {
        return jdbc.queryForObject("select count(*) from person", Long.class);
    }

    @Test
    void anAdminSeesAPersonProvisionedThroughScimInThePeopleGridAndTheAuditLog() {
        var email = email();
        var manager = personIdOf(DemoUsers.MANAGER);
        var response = scim.post(
                "/scim/v2/Users", user(email, "Ada", "Quint", "Storage Engineer", "Storage Platform", manager));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        var body = json(response);
        var id = body.get("id").asString();
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/scim/v2/Users/" + id));
        assertThat(body.get("userName").asString()).isEqualTo(email);
        assertThat(body.get("active").asBoolean()).isTrue();
        var enterprise = body.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.get("department").asString()).isEqualTo("Storage Platform");
        assertThat(enterprise.get("manager").get("value").asString()).isEqualTo(manager.toString());
        assertThat(enterprise.get("employeeNumber").asString()).isEqualTo("E-" + email.hashCode());
        assertThat(body.get("groups").get(0).get("value").asString()).isEqualTo("engineer");

        var fetched = json(scim.get("/scim/v2/Users/" + id));
        assertThat(fetched.get("displayName").asString()).isEqualTo("Ada Quint");
        assertThat(fetched.get("title").asString()).isEqualTo("Storage Engineer");

        runAs.run(DemoUsers.ADMIN, () -> {
            var rows = grid.findPeople(PeopleFilter.active().withName("Ada Quint"), List.of(), 0, 100).stream()
                    .filter(r -> r.email().equals(email))
                    .toList();
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst().teamName()).isEqualTo("Storage Platform");
            assertThat(rows.getFirst().managerName()).isEqualTo("Daniel Okafor");
            var events = audit.find(
                    new AuditFilter("SCIM (" + token.name() + ")", null, null, null, null, null),
                    PageRequest.of(0, 20));
            assertThat(events).extracting(e -> e.action()).contains("PERSON_CREATED", "ACCOUNT_CREATED");
            assertThat(events)
                    .filteredOn(e -> e.action().equals("PERSON_CREATED"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.objectId()).isEqualTo(id));
            assertThat(accounts.findByUsername(email).orElseThrow().roles()).containsExactly(Role.ENGINEER);
        });
    }

    @Test
    void filtersFindOnePersonTheWayIdentityProvidersAskAndPagingWalksEveryone() {
        var email = email();
        var id = create(email, null, null);

        for (var filter : List.of(
                "userName eq \"" + email.toUpperCase() + "\"",
                "externalId eq \"ext-" + email + "\"",
                "emails[type eq \"work\"].value eq \"" + email + "\"")) {
            var list = json(scim.get("/scim/v2/Users?filter=" + encode(filter)));
            assertThat(list.get("totalResults").asInt()).as(filter).isEqualTo(1);
            assertThat(list.get("Resources").get(0).get("id").asString()).isEqualTo(id.toString());
        }
        var none = json(scim.get("/scim/v2/Users?filter=" + encode("userName eq \"nobody@example.com\"")));
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.get("Resources")).isEmpty();

        var unsupported = scim.get("/scim/v2/Users?filter=" + encode("userName co \"scim\""));
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(json(unsupported).get("scimType").asString()).isEqualTo("invalidFilter");

        long total = people();
        var first = json(scim.get("/scim/v2/Users?startIndex=1&count=3"));
        var second = json(scim.get("/scim/v2/Users?startIndex=4&count=3"));
        assertThat(first.get("totalResults").asLong()).isEqualTo(total);
        assertThat(first.get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(second.get("startIndex").asInt()).isEqualTo(4);
        var firstIds = ids(first);
        var secondIds = ids(second);
        assertThat(firstIds).hasSize(3).doesNotContainAnyElementsOf(secondIds);
        assertThat(Long.valueOf(firstIds.getLast())).isLessThan(Long.valueOf(secondIds.getFirst()));
        var last = json(scim.get("/scim/v2/Users?startIndex=" + total + "&count=10"));
        assertThat(last.get("itemsPerPage").asInt()).isEqualTo(1);
    }

    @Test
    void aPutReplacesTheWholeUserAndClearsWhatItLeavesOut() {
        var id = create(email(), "Storage Platform", personIdOf(DemoUsers.MANAGER));
        var renamed = email();
        var response = scim.put("/scim/v2/Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "%s", "displayName": "Ada Quint-Lovelace", "active": true}
                """.formatted(renamed));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = json(response);
        assertThat(body.get("userName").asString()).isEqualTo(renamed);
        assertThat(body.get("displayName").asString()).isEqualTo("Ada Quint-Lovelace");
        assertThat(body.has("title")).isFalse();
        assertThat(body.has("externalId")).isFalse();
        var enterprise = body.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.has("department")).isFalse();
        assertThat(enterprise.has("manager")).isFalse();
        // The account follows the username, so the person signs in with the new address.
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(renamed)).isPresent());
    }

    @Test
    void entraStylePatchesChangeTitleManagerAndNameAndDeactivateWithAStringFalse() {
        var id = create(email(), null, null);
        var manager = personIdOf(DemoUsers.OTHER_MANAGER);
        var response = scim.patch("/scim/v2/Users/" + id, patch("""
                {"op": "Replace", "path": "title", "value": "Staff Engineer"},
                {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                 "value": "%s"},
                {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                 "value": "Service Mesh & Edge"},
                {"op": "Replace", "value": {"name.familyName": "Byron"}}
                """.formatted(manager)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = json(response);
        assertThat(body.get("title").asString()).isEqualTo("Staff Engineer");
        assertThat(body.get("displayName").asString()).isEqualTo("Ada Byron");
        var enterprise = body.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.get("manager").get("value").asString()).isEqualTo(manager.toString());
        assertThat(enterprise.get("department").asString()).isEqualTo("Service Mesh & Edge");

        var off = scim.patch(
                "/scim/v2/Users/" + id, patch("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}"));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(off).get("active").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select active from person where id = ?", Boolean.class, id))
                .isFalse();
    }

    @Test
    void oktaStylePatchesReplaceWithAPathlessValueMapAndComeBackActive() {
        var email = email();
        var id = create(email, null, null);
        var off = scim.patch(
                "/scim/v2/Users/" + id,
                patch("{\"op\": \"replace\", \"value\": {\"id\": \"" + id + "\", \"active\": false}}"));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(off).get("active").asBoolean()).isFalse();
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(email).orElseThrow().enabled())
                        .isFalse());

        var on = scim.patch(
                "/scim/v2/Users/" + id,
                patch("{\"op\": \"replace\", \"value\": {\"active\": true," + " \"title\": \"Returning Engineer\"}}"));
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(json(on).get("active").asBoolean()).isTrue();
        assertThat(json(on).get("title").asString()).isEqualTo("Returning Engineer");
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(email).orElseThrow().enabled())
                        .isTrue());
    }

    @Test
    void deleteDeactivatesAndKeepsThePersonAndTheirHistory() {
        var email = email();
        var id = create(email, null, null);
        var response = scim.delete("/scim/v2/Users/" + id);

        assertThat(response.statusCode()).isEqualTo(204);
        var after = scim.get("/scim/v2/Users/" + id);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).get("active").asBoolean()).isFalse();
        runAs.run(DemoUsers.ADMIN, () -> {
            var left = grid
                    .findPeople(
                            PeopleFilter.active()
                                    .withStatus(PeopleFilter.Status.LEFT)
                                    .withName("Ada Quint"),
                            List.of(),
                            0,
                            500)
                    .stream()
                    .filter(r -> r.email().equals(email))
                    .toList();
            assertThat(left).hasSize(1);
            var events = audit.find(
                    new AuditFilter("SCIM (" + token.name() + ")", "PERSON_DEACTIVATED", null, null, null, null),
                    PageRequest.of(0, 5));
            assertThat(events)
                    .singleElement()
                    .satisfies(e -> assertThat(e.objectId()).isEqualTo(id.toString()));
        });
    }

    @Test
    void groupMembershipIsTheRoleOnThePersonsAccount() {
        var email = email();
        var id = create(email, null, null);
        var add = scim.patch(
                "/scim/v2/Groups/manager",
                patch("{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"value\": \"" + id + "\"}]}"));
        assertThat(add.statusCode()).as(add.body()).isEqualTo(200);
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(email).orElseThrow().roles())
                        .isEqualTo(Set.of(Role.ENGINEER, Role.MANAGER)));
        var group = json(scim.get("/scim/v2/Groups/manager"));
        assertThat(group.get("displayName").asString()).isEqualTo("Manager");
        assertThat(group.get("members").valueStream().map(m -> m.get("value").asString()))
                .contains(id.toString());
        var userGroups = json(scim.get("/scim/v2/Users/" + id)).get("groups");
        assertThat(userGroups.valueStream().map(g -> g.get("value").asString()))
                .containsExactlyInAnyOrder("engineer", "manager");

        var remove = scim.patch(
                "/scim/v2/Groups/manager",
                patch("{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + id + "\\\"]\"}"));
        assertThat(remove.statusCode()).as(remove.body()).isEqualTo(200);
        runAs.run(
                DemoUsers.ADMIN,
                () -> assertThat(accounts.findByUsername(email).orElseThrow().roles())
                        .isEqualTo(Set.of(Role.ENGINEER)));

        var byName = json(scim.get(
                "/scim/v2/Groups?filter=" + encode("displayName eq \"Managers\"") + "&excludedAttributes=members"));
        assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
        assertThat(byName.get("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void badInputIsAScimErrorAndChangesNothing() {
        var email = email();
        create(email, null, null);
        long before = people();
        long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        var malformed = scim.post("/scim/v2/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("scimType").asString()).isEqualTo("invalidSyntax");
        assertThat(json(malformed).get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");

        var unknownSchema = scim.post(
                "/scim/v2/Users",
                user(email(), "A", "B", "T", null, null)
                        .replace(
                                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"]",
                                "urn:example:custom:1.0:User\"]"));
        assertThat(unknownSchema.statusCode()).isEqualTo(400);
        assertThat(json(unknownSchema).get("detail").asString()).contains("urn:example:custom:1.0:User");

        var duplicate = scim.post("/scim/v2/Users", user(email.toUpperCase(), "Other", "Person", "T", null, null));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(json(duplicate).get("status").asString()).isEqualTo("409");

        var badManager = scim.post("/scim/v2/Users", user(email(), "A", "B", "T", "Brand New Team", 999_999_999L));
        assertThat(badManager.statusCode()).isEqualTo(400);
        assertThat(json(badManager).get("detail").asString()).contains("manager 999999999 does not exist");

        var notAnEmail = scim.post("/scim/v2/Users", user("jdoe", "A", "B", "T", null, null));
        assertThat(notAnEmail.statusCode()).isEqualTo(400);
        assertThat(json(notAnEmail).get("detail").asString()).contains("userName must be the person's email");

        assertThat(people()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from team where name = 'Brand New Team'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
                .isEqualTo(events);
        assertThat(scim.get("/scim/v2/Users/123456789").statusCode()).isEqualTo(404);
    }

    @Test
    void missingWrongAndRevokedTokensAreRefusedAndChangeNothing() {
        long before = people();
        var body = user(email(), "Eve", "Intruder", "T", null, null);

        var missing = new ScimHttp(port, null).post("/scim/v2/Users", body);
        var wrong = new ScimHttp(port, "rungs_scim_" + "x".repeat(43)).post("/scim/v2/Users", body);
        fixtures.revoke(token);
        var revoked = scim.post("/scim/v2/Users", body);

        for (var response : List.of(missing, wrong, revoked)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            assertThat(json(response).get("status").asString()).isEqualTo("401");
        }
        assertThat(json(revoked).get("detail").asString()).contains("revoked");
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void theDiscoveryEndpointsDescribeWhatIsSupported() {
        var config = json(scim.get("/scim/v2/ServiceProviderConfig"));
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.get("authenticationSchemes").get(0).get("type").asString())
                .isEqualTo("oauthbearertoken");
        var types = json(scim.get("/scim/v2/ResourceTypes"));
        assertThat(types.get("Resources")
                        .valueStream()
                        .map(t -> t.get("endpoint").asString()))
                .containsExactly("/Users", "/Groups");
        var schemas = json(scim.get("/scim/v2/Schemas"));
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        var unknown = scim.get("/scim/v2/Bulk");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).contains("No SCIM endpoint");
    }

    private static List<String> ids(tools.jackson.databind.JsonNode list) {
        return list.get("Resources")
                .valueStream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
