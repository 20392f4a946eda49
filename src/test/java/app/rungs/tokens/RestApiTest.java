package app.rungs.tokens;

import static app.rungs.support.ApiHttp.contentType;
import static app.rungs.support.ApiHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleSort;
import app.rungs.people.service.PersonListItem;
import app.rungs.security.service.ApiTokenService;
import app.rungs.security.service.RungsUser;
import app.rungs.support.ApiHttp;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over HTTP as a script uses it: a token sees exactly what its owner sees through the services, drafts
 * are logged as the owner, bad input changes nothing, and revoked or expired tokens are refused and audited.
 */
@IntegrationTest
class RestApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PeopleGridService grid;

    @Autowired
    EvidenceService evidence;

    @Autowired
    LadderService ladders;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    ApiHttp api;

    @BeforeEach
    void client() {
        api = new ApiHttp(port);
    }

    private String tokenOf(String username) {
        return runAs.as(
                username,
                () -> tokens.create("test " + System.nanoTime(), LocalDate.now().plusDays(30), ZoneOffset.UTC)
                        .secret());
    }

    private Long personOf(String username) {
        return ((RungsUser) users.loadUserByUsername(username)).personId();
    }

    /** Every person id of every page of /api/v1/people. */
    private List<Long> allPeople(String token) {
        var ids = new ArrayList<Long>();
        for (int page = 0; ; page++) {
            var body = json(api.get("/api/v1/people?size=100&page=" + page, token));
            body.get("items").forEach(p -> ids.add(p.get("id").asLong()));
            if (page + 1 >= body.get("totalPages").asLong()) {
                return ids;
            }
        }
    }

    @Test
    void anEngineersTokenSeesOnlyTheEngineer() {
        var token = tokenOf(DemoUsers.ENGINEER);
        var me = personOf(DemoUsers.ENGINEER);

        var list = api.get("/api/v1/people", token);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(allPeople(token)).containsExactly(me);
        assertThat(json(list).get("totalItems").asLong()).isEqualTo(1);

        var self = api.get("/api/v1/people/" + me, token);
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(json(self).get("person").get("id").asLong()).isEqualTo(me);
        assertThat(json(self).get("levelHistory").size()).isPositive();

        var colleague = api.get("/api/v1/people/" + personOf(DemoUsers.OTHER_ENGINEER), token);
        assertThat(colleague.statusCode()).isEqualTo(404);
        assertThat(contentType(colleague)).startsWith("application/problem+json");
        assertThat(json(colleague).get("detail").asString()).isEqualTo("Person not found");
        assertThat(api.get("/api/v1/people/" + personOf(DemoUsers.OTHER_ENGINEER) + "/evidence", token)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aManagersTokenSeesExactlyTheirLineAsTheGridShowsIt() {
        var token = tokenOf(DemoUsers.MANAGER);
        var expected =
                runAs.as(
                        DemoUsers.MANAGER,
                        () -> grid
                                .findPeople(
                                        PeopleFilter.active(), List.of(PeopleSort.asc(PeopleSort.Field.NAME)), 0, 500)
                                .stream()
                                .map(PersonListItem::id)
                                .toList());
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(allPeople(token)).containsExactlyElementsOf(expected);

        var outside = api.get("/api/v1/people/" + personOf(DemoUsers.OTHER_MANAGER), token);
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    @Test
    void evidenceListsMatchTheServiceForTheOwner() {
        var token = tokenOf(DemoUsers.ENGINEER);
        var expected = runAs.as(
                DemoUsers.ENGINEER,
                () -> evidence.find(null, EvidenceFilter.none(), PageRequest.of(0, 100)).stream()
                        .map(EvidenceRow::id)
                        .toList());
        var body = json(api.get("/api/v1/evidence?size=100", token));
        var ids = new ArrayList<Long>();
        body.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).isNotEmpty().containsExactlyElementsOf(expected);

        var item = api.get("/api/v1/evidence/" + ids.get(0), token);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(json(item).get("ownerId").asLong()).isEqualTo(personOf(DemoUsers.ENGINEER));

        var colleagues = runAs.as(
                DemoUsers.OTHER_ENGINEER, () -> evidence.find(null, EvidenceFilter.none(), PageRequest.of(0, 1)));
        assertThat(colleagues).isNotEmpty();
        assertThat(api.get("/api/v1/evidence/" + colleagues.get(0).id(), token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDraftIsLoggedAsTheTokensOwnerAndCountsForNothingYet() {
        var token = tokenOf(DemoUsers.ENGINEER);
        var me = personOf(DemoUsers.ENGINEER);
        var draft = validDraft("Postmortem of the ingest outage");

        var response = api.post("/api/v1/evidence", token, draft);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var created = json(response);
        assertThat(created.get("ownerId").asLong()).isEqualTo(me);
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/api/v1/evidence/" + created.get("id").asLong());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EVIDENCE_CREATED' and object_id = ?"
                                + " and actor = ?")
                        .params(String.valueOf(created.get("id").asLong()), DemoUsers.ENGINEER)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badDraftsAreRefusedWithSpecificProblemsAndChangeNothing() {
        var token = tokenOf(DemoUsers.ENGINEER);
        long before = evidenceCount();

        var noType = api.post("/api/v1/evidence", token, validDraft("A").replace("\"OTHER\"", "\"POEM\""));
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(contentType(noType)).startsWith("application/problem+json");
        assertThat(json(noType).get("errors").get(0).asString()).startsWith("type must be one of");

        var future = api.post(
                "/api/v1/evidence",
                token,
                validDraft("B").replace(LocalDate.now().minusDays(3).toString(), "2999-01-01"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("errors").toString()).contains("The date cannot be in the future.");

        var noTitle = api.post("/api/v1/evidence", token, validDraft(""));
        assertThat(json(noTitle).get("errors").toString()).contains("Give the evidence a title.");

        var notJson = api.post("/api/v1/evidence", token, "{\"type\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(contentType(notJson)).startsWith("application/problem+json");
        assertThat(json(notJson).get("detail").asString()).contains("JSON object");

        assertThat(evidenceCount()).isEqualTo(before);
    }

    @Test
    void laddersAndTheirVersionsAreServedInTheVersionedSchema() {
        var token = tokenOf(DemoUsers.ENGINEER);
        var expected = runAs.as(DemoUsers.ENGINEER, () -> ladders.list(0, 100));
        var list = json(api.get("/api/v1/ladders", token));
        assertThat(list.get("totalItems").asLong()).isEqualTo(expected.size());
        var ladderId = expected.stream()
                .filter(l -> l.publishedVersionId() != null)
                .findFirst()
                .orElseThrow()
                .id();

        JsonNode framework = json(api.get("/api/v1/ladders/" + ladderId, token));
        assertThat(framework.get("schema").asString()).isEqualTo("rungs.framework/v1");
        assertThat(framework.get("levels").size()).isPositive();
        assertThat(framework.get("competencies").size()).isPositive();
        assertThat(framework.get("expectations").size()).isPositive();
        assertThat(framework.get("readinessRule").has("targetPercent")).isTrue();
        int number = framework.get("version").get("number").asInt();

        var versions = json(api.get("/api/v1/ladders/" + ladderId + "/versions", token));
        assertThat(versions.get("items").toString()).contains("\"number\":" + number);
        assertThat(json(api.get("/api/v1/ladders/" + ladderId + "/versions/" + number, token))
                        .get("version")
                        .get("number")
                        .asInt())
                .isEqualTo(number);
        var badPage = api.get("/api/v1/ladders?size=1000", token);
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(json(badPage).get("detail").asString()).isEqualTo("size must be between 1 and 100, not 1000.");
    }

    @Test
    void revokedAndExpiredTokensAreRefusedAndAudited() {
        var created = runAs.as(
                DemoUsers.ENGINEER,
                () -> tokens.create("to revoke", LocalDate.now().plusDays(5), ZoneOffset.UTC));
        assertThat(api.get("/api/v1/people", created.secret()).statusCode()).isEqualTo(200);
        runAs.run(DemoUsers.ENGINEER, () -> tokens.revoke(created.token().id()));

        var revoked = api.get("/api/v1/people", created.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(contentType(revoked)).startsWith("application/problem+json");
        assertThat(json(revoked).get("detail").asString()).isEqualTo("The API token was revoked.");
        assertThat(refusals("Revoked API token \"to revoke\"%")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REVOKED' and object_id = ?")
                        .param(String.valueOf(created.token().id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var expiring = runAs.as(
                DemoUsers.ENGINEER,
                () -> tokens.create("to expire", LocalDate.now().plusDays(5), ZoneOffset.UTC));
        jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = ?")
                .param(expiring.token().id())
                .update();
        var expired = api.get("/api/v1/people", expiring.secret());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("detail").asString()).isEqualTo("The API token has expired.");
        assertThat(refusals("Expired API token \"to expire\"%")).isEqualTo(1);
    }

    @Test
    void requestsOverTheRateLimitGet429WithRetryAfter() {
        var token = tokenOf(DemoUsers.ENGINEER);
        int ok = 0;
        java.net.http.HttpResponse<String> last = null;
        for (int i = 0; i < 70; i++) {
            last = api.get("/api/v1/ladders?size=1", token);
            if (last.statusCode() == 429) {
                break;
            }
            ok++;
        }
        // 60 per minute; a minute boundary during the loop can allow up to one more window's worth.
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(ok).isBetween(1, 60);
        assertThat(contentType(last)).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 61L);
        assertThat(json(last).get("status").asInt()).isEqualTo(429);
    }

    @Test
    void aRequestWithoutATokenIsAskedForOne() {
        var response = api.get("/api/v1/people", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");
        assertThat(json(response).get("detail").asString()).contains("Authorization: Bearer");
    }

    @Test
    void anUnknownApiPathIsAJson404NotAVaadinPage() {
        var response = api.get("/api/v1/nothing-here", tokenOf(DemoUsers.ENGINEER));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    private long refusals(String summaryLike) {
        return jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REFUSED' and actor = ? and summary"
                        + " like ?")
                .params(DemoUsers.ENGINEER, summaryLike)
                .query(Long.class)
                .single();
    }

    private long evidenceCount() {
        return jdbc.sql("select count(*) from evidence_item").query(Long.class).single();
    }

    private String validDraft(String title) {
        return """
                {"type": "OTHER", "title": "%s", "occurredOn": "%s", "description": "What happened",
                 "levelKey": "%s", "competencyKeys": ["%s"]}""".formatted(title, LocalDate.now().minusDays(3), levelKey(), competencyKey());
    }

    private String levelKey() {
        return runAs.as(
                DemoUsers.ENGINEER, () -> evidence.context(null).orElseThrow().levelKey());
    }

    private String competencyKey() {
        return runAs.as(
                DemoUsers.ENGINEER,
                () -> evidence.context(null).orElseThrow().ladder().competencies().stream()
                        .filter(c -> c.applicability() == app.rungs.ladder.domain.Applicability.CORE)
                        .findFirst()
                        .orElseThrow()
                        .key());
    }
}
