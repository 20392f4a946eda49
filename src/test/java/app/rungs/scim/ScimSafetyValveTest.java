package app.rungs.scim;

import static app.rungs.support.ScimHttp.json;
import static app.rungs.support.ScimHttp.patch;
import static app.rungs.support.ScimHttp.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.scim.service.HeldDeactivation;
import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.scim.service.ScimTokens;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.ScimHttp;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A sync that would deactivate many people at once is held for an admin, who confirms or rejects each. */
@IntegrationTest
class ScimSafetyValveTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    ScimTokens tokens;

    @Autowired
    ScimSafetyValve valve;

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
        token = fixtures.newToken("Entra");
        scim = new ScimHttp(port, token.secret());
    }

    @AfterEach
    void restoreLimits() {
        fixtures.limits(10, 25);
    }

    private long appliedInTheLastHour() {
        return jdbc.queryForObject(
                "select count(*) from scim_deactivation where status = 'APPLIED'"
                        + " and requested_at >= now() - interval '1 hour'",
                Long.class);
    }

    private boolean active(Long id) {
        return jdbc.queryForObject("select active from person where id = ?", Boolean.class, id);
    }

    private Long create(String email) {
        var response = scim.post("/scim/v2/Users", user(email, "Val", "Ve", "Engineer", null, null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Long.valueOf(json(response).get("id").asString());
    }

    @Test
    void deactivationsBeyondTheHourlyLimitAreHeldUntilAnAdminConfirmsOrRejectsThem() {
        var ids = new ArrayList<Long>();
        var emails = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var email = "valve-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            emails.add(email);
            ids.add(create(email));
        }
        // Two more may go this hour, whatever other tests deactivated before.
        fixtures.limits(100, (int) appliedInTheLastHour() + 2);
        var off = patch("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}");

        assertThat(scim.patch("/scim/v2/Users/" + ids.get(0), off).statusCode()).isEqualTo(200);
        assertThat(scim.delete("/scim/v2/Users/" + ids.get(1)).statusCode()).isEqualTo(204);
        var held = scim.patch("/scim/v2/Users/" + ids.get(2), off);
        // A PUT that also changes the title: the title is saved, only the deactivation is held.
        var heldPut = scim.put(
                "/scim/v2/Users/" + ids.get(3),
                user(emails.get(3), "Val", "Ve", "Lead", null, null).replace("\"active\": true", "\"active\": false"));

        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(json(held).get("detail").asString())
                .contains("is held for an administrator to confirm")
                .contains("the limit is");
        assertThat(heldPut.statusCode()).as(heldPut.body()).isEqualTo(429);
        assertThat(active(ids.get(0))).isFalse();
        assertThat(active(ids.get(1))).isFalse();
        assertThat(active(ids.get(2))).isTrue();
        assertThat(active(ids.get(3))).isTrue();
        assertThat(json(scim.get("/scim/v2/Users/" + ids.get(3))).get("title").asString())
                .isEqualTo("Lead");
        // The provider retries: still held, and listed once.
        assertThat(scim.patch("/scim/v2/Users/" + ids.get(2), off).statusCode()).isEqualTo(429);

        var waiting = runAs.as(
                DemoUsers.ADMIN,
                () -> valve.held().stream()
                        .filter(h -> ids.contains(h.personId()))
                        .toList());
        assertThat(waiting).extracting(HeldDeactivation::personId).containsExactly(ids.get(2), ids.get(3));
        assertThat(waiting).allSatisfy(h -> assertThat(h.tokenName()).isEqualTo(token.name()));

        runAs.run(DemoUsers.ADMIN, () -> valve.confirm(waiting.get(0).id()));
        runAs.run(DemoUsers.ADMIN, () -> valve.reject(waiting.get(1).id()));

        assertThat(active(ids.get(2))).isFalse();
        assertThat(active(ids.get(3))).isTrue();
        runAs.run(DemoUsers.ADMIN, () -> {
            assertThat(accounts.findByUsername(emails.get(2)).orElseThrow().enabled())
                    .isFalse();
            assertThat(valve.held()).noneMatch(h -> ids.contains(h.personId()));
            var heldEvents = audit.find(
                    new AuditFilter("SCIM (" + token.name() + ")", "SCIM_DEACTIVATION_HELD", null, null, null, null),
                    PageRequest.of(0, 10));
            assertThat(heldEvents).hasSize(2);
            var confirmed = audit.find(
                    new AuditFilter(DemoUsers.ADMIN, "SCIM_DEACTIVATION_CONFIRMED", null, null, null, null),
                    PageRequest.of(0, 50));
            assertThat(confirmed)
                    .anySatisfy(
                            e -> assertThat(e.objectId()).isEqualTo(ids.get(2).toString()));
        });
    }

    @Test
    void aShareLimitHoldsEvenWhenTheHourlyCountWouldAllowMore() {
        var first = create("share-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        var second = create("share-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        // 1% of fewer than 200 active people is at most one a hour (the floor of the limit is one).
        fixtures.limits(100, 100_000);
        assertThat(scim.delete("/scim/v2/Users/" + first).statusCode()).isEqualTo(204);
        // Earlier tests add people, so apply as many more deactivations this hour as it takes for 1% of the active
        // people to be within what was already applied.
        for (int i = 0; i < 50; i++) {
            long active = jdbc.queryForObject("select count(*) from person where active", Long.class);
            long applied = appliedInTheLastHour();
            if ((active + applied) / 100 <= applied) {
                break;
            }
            var extra = create("share-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
            assertThat(scim.delete("/scim/v2/Users/" + extra).statusCode()).isEqualTo(204);
        }
        fixtures.limits(1, 100_000);
        long applied = appliedInTheLastHour();
        long active = jdbc.queryForObject("select count(*) from person where active", Long.class);
        assertThat((active + applied) / 100)
                .as("1% of the people active this hour is within what was already applied")
                .isLessThanOrEqualTo(applied);

        var held = scim.delete("/scim/v2/Users/" + second);

        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(json(held).get("detail").asString()).contains("at most 1% of");
        assertThat(active(second)).isTrue();
        runAs.run(
                DemoUsers.ADMIN,
                () -> valve.reject(valve.held().stream()
                        .filter(h -> h.personId().equals(second))
                        .findFirst()
                        .orElseThrow()
                        .id()));
    }
}
