package app.rungs.attack;

import static app.rungs.webhook.WebhookTestClient.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.ExternalDraft;
import app.rungs.evidence.service.ExternalEvidenceDrafts;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.webhook.WebhookTestClient;
import app.rungs.webhook.domain.WebhookSource;
import app.rungs.webhook.service.WebhookSettingsService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Attacks on the evidence webhooks: forged, unsigned, replayed, stale, malformed and oversized deliveries each
 * answer clearly and change nothing but the deliveries log; nobody but a verified delivery can make external drafts.
 */
@IntegrationTest
class EvidenceWebhookAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    WebhookSettingsService settings;

    @Autowired
    ExternalEvidenceDrafts drafts;

    @Autowired
    JdbcTemplate jdbc;

    WebhookTestClient client;

    @BeforeEach
    void configure() {
        WebhookTestClient.configure(runAs, settings, GRACE);
        client = new WebhookTestClient(port);
    }

    static String incidentId() {
        return "PA"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                        .toUpperCase();
    }

    long evidenceItems() {
        return jdbc.queryForObject("select count(*) from evidence_item", Long.class);
    }

    String loggedOutcome(String deliveryId) {
        return jdbc.queryForObject(
                "select outcome || ' ' || http_status from webhook_delivery where delivery_id = ? order by id desc"
                        + " limit 1",
                String.class,
                deliveryId);
    }

    @Test
    void aDeliverySignedWithTheWrongSecretIsRefusedWith401AndChangesNothing() {
        var body = WebhookTestClient.resolvedIncident(incidentId());
        var id = UUID.randomUUID().toString();
        long before = evidenceItems();

        var response = client.pagerDuty(body, id, "v1=" + WebhookTestClient.sign("not-the-secret-at-all", body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("The signature in X-PagerDuty-Signature does not match the body.");
        assertThat(evidenceItems()).isEqualTo(before);
        assertThat(loggedOutcome(id)).isEqualTo("REFUSED 401");
    }

    @Test
    void aBodyAlteredAfterSigningIsRefused() {
        var body = WebhookTestClient.resolvedIncident(incidentId());
        var signature = "v1=" + WebhookTestClient.sign(WebhookTestClient.PAGERDUTY_SECRET, body);
        long before = evidenceItems();

        var response = client.pagerDuty(
                body.replace("User 123", "Mallory"), UUID.randomUUID().toString(), signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void anUnsignedDeliveryIsRefusedWith401() {
        long before = evidenceItems();

        var pd = client.pagerDuty(
                WebhookTestClient.resolvedIncident(incidentId()),
                UUID.randomUUID().toString(),
                null);
        var gh = client.gitHub(
                "pull_request",
                WebhookTestClient.mergedPullRequest(77),
                UUID.randomUUID().toString(),
                null);

        assertThat(pd.statusCode()).isEqualTo(401);
        assertThat(pd.body()).contains("X-PagerDuty-Signature is missing");
        assertThat(gh.statusCode()).isEqualTo(401);
        assertThat(gh.body()).contains("X-Hub-Signature-256 is missing");
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void aGitHubDeliverySignedWithThePagerDutySecretIsRefused() {
        var body =
                WebhookTestClient.mergedPullRequest(ThreadLocalRandom.current().nextInt(1000, 1_000_000));
        long before = evidenceItems();

        var response = client.gitHub(
                "pull_request",
                body,
                UUID.randomUUID().toString(),
                "sha256=" + WebhookTestClient.sign(WebhookTestClient.PAGERDUTY_SECRET, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void oneMatchingSignatureAmongSeveralDuringARotationIsAccepted() {
        var body = WebhookTestClient.resolvedIncident(incidentId());
        var signatures = "v1=" + WebhookTestClient.sign("an-old-secret-from-before", body) + ",v1="
                + WebhookTestClient.sign(WebhookTestClient.PAGERDUTY_SECRET, body);

        var response = client.pagerDuty(body, UUID.randomUUID().toString(), signatures);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"draftsCreated\":2");
    }

    @Test
    void aReplayedDeliveryIdAnswersAlreadyProcessedAndCreatesNothing() {
        var id = UUID.randomUUID().toString();
        var first = client.pagerDuty(WebhookTestClient.resolvedIncident(incidentId()), id);
        assertThat(first.body()).contains("\"draftsCreated\":2");
        long before = evidenceItems();

        // The same delivery id with another (validly signed) incident: a replay, not a new event.
        var replay = client.pagerDuty(WebhookTestClient.resolvedIncident(incidentId()), id);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body())
                .contains("\"outcome\":\"DUPLICATE\"")
                .contains("Already processed: delivery " + id + " was handled before; nothing new was created.");
        assertThat(evidenceItems()).isEqualTo(before);
        assertThat(loggedOutcome(id)).isEqualTo("DUPLICATE 200");
    }

    @Test
    void aReplayedGitHubDeliveryCreatesNothing() {
        var id = UUID.randomUUID().toString();
        int number = ThreadLocalRandom.current().nextInt(1000, 1_000_000);
        client.gitHub("pull_request", WebhookTestClient.mergedPullRequest(number), id);
        long before = evidenceItems();

        var replay = client.gitHub("pull_request", WebhookTestClient.mergedPullRequest(number + 1), id);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("Already processed");
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void aStaleDeliveryIsRefusedAsAPossibleReplayAndChangesNothing() {
        var staleAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        var body = WebhookTestClient.resolvedIncident(incidentId(), staleAt);
        var id = UUID.randomUUID().toString();
        long before = evidenceItems();

        var response = client.pagerDuty(body, id);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Stale delivery: the event occurred at " + staleAt)
                .contains("more than 1 hour ago");
        assertThat(evidenceItems()).isEqualTo(before);
        assertThat(loggedOutcome(id)).isEqualTo("REFUSED 400");
    }

    @Test
    void aMalformedBodyIsRefusedWith400AndAClearMessage() {
        long before = evidenceItems();
        var notJson = "{\"event\": {\"id\": \"x\", \"event_type\": \"incident.resolved\"";
        var noEvent = "{\"messages\": []}";

        var broken = client.pagerDuty(notJson, UUID.randomUUID().toString());
        var wrongShape = client.pagerDuty(noEvent, UUID.randomUUID().toString());
        var noIncident = client.pagerDuty(
                "{\"event\":{\"id\":\"e1\",\"event_type\":\"incident.resolved\",\"occurred_at\":\"" + Instant.now()
                        + "\",\"data\":{}}}",
                UUID.randomUUID().toString());

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("Malformed PagerDuty delivery: The body is not valid JSON.");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(wrongShape.body()).contains("has an \\\"event\\\" object; this body has none");
        assertThat(noIncident.statusCode()).isEqualTo(400);
        assertThat(noIncident.body()).contains("carries the incident (id and title) in data");
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        var huge = "{\"pad\":\"" + "x".repeat(600 * 1024) + "\"}";
        long before = evidenceItems();

        var response = client.pagerDuty(huge, UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("it was not read");
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void aRetiredSecretNoLongerSignsDeliveries() {
        runAs.run(DemoUsers.ADMIN, () -> {
            settings.generateSecret(WebhookSource.PAGERDUTY);
            settings.retirePreviousSecret(WebhookSource.PAGERDUTY);
        });
        long before = evidenceItems();

        var response = client.pagerDuty(
                WebhookTestClient.resolvedIncident(incidentId()),
                UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(evidenceItems()).isEqualTo(before);
    }

    @Test
    void aSignedInUserCannotForgeAnExternalDraftThroughTheService() {
        var forged = new ExternalDraft(
                1L,
                EvidenceSource.GITHUB,
                "https://github.com/x/y/pull/1",
                EvidenceType.OPEN_SOURCE,
                "Forged",
                LocalDate.now(),
                null,
                List.of(),
                Map.of());
        for (var user : List.of(DemoUsers.ENGINEER, DemoUsers.MANAGER, DemoUsers.ADMIN)) {
            assertThatThrownBy(() -> runAs.as(user, () -> drafts.create(forged)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theWebhookEndpointsNeitherOpenASessionNorAskForACsrfToken() {
        var response = client.gitHub(
                "ping",
                "{\"zen\":\"Keep it logically awesome.\"}",
                UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }
}
