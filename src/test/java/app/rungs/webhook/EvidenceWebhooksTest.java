package app.rungs.webhook;

import static app.rungs.webhook.WebhookTestClient.GRACE;
import static app.rungs.webhook.WebhookTestClient.GRACE_MANAGER;
import static app.rungs.webhook.WebhookTestClient.OMAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.webhook.service.WebhookSettingsService;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evidence from PagerDuty and GitHub over HTTP, with the providers' published example payloads (see
 * {@link WebhookTestClient}): drafts for the people the event names, nothing for events that do not qualify, and a
 * draft that only its owner sees until they complete and submit it.
 */
@IntegrationTest
class EvidenceWebhooksTest {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    WebhookSettingsService settings;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring authoring;

    @Autowired
    NotificationService notifications;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    WebhookTestClient client;

    @BeforeEach
    void configure() {
        WebhookTestClient.configure(runAs, settings, GRACE);
        client = new WebhookTestClient(port);
    }

    static String incidentId() {
        return "PT"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                        .toUpperCase();
    }

    int draftsFor(String externalRef) {
        return jdbc.queryForObject(
                "select count(*) from evidence_item where external_ref = ?", Integer.class, externalRef);
    }

    List<EvidenceRow> mine(String user, EvidenceSource source) {
        return runAs.as(user, () -> evidence.find(null, EvidenceFilter.none(), PageRequest.of(0, 500))).stream()
                .filter(r -> r.source() == source)
                .toList();
    }

    EvidenceRow draftOf(String user, String incident) {
        return mine(user, EvidenceSource.PAGERDUTY).stream()
                .filter(r -> r.title().startsWith("Incident #2 (" + incident + ")"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSignedResolvedIncidentDraftsAPostmortemForEachOfItsTwoResponders() {
        var incident = incidentId();
        var response = client.pagerDuty(
                WebhookTestClient.resolvedIncident(incident), UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"PROCESSED\"").contains("\"draftsCreated\":2");
        assertThat(draftsFor("incident/" + incident)).isEqualTo(2);
        for (var user : List.of(GRACE, OMAR)) {
            var row = draftOf(user, incident);
            assertThat(row.type()).isEqualTo(EvidenceType.INCIDENT_POSTMORTEM);
            assertThat(row.status()).isEqualTo(EvidenceStatus.DRAFT);
            assertThat(row.competencyKeys()).isEmpty();
            assertThat(row.title()).isEqualTo("Incident #2 (" + incident + "): A little bump in the road");
            var details = runAs.as(user, () -> evidence.details(row.id()));
            assertThat(details.details())
                    .containsEntry("incidentId", "#2 (" + incident + ")")
                    .containsEntry("severity", "SEV1")
                    .containsEntry("role", "RESPONDER")
                    .containsEntry("systemsAffected", "API Service")
                    .containsEntry("incidentDate", "2020-04-09");
            assertThat(details.links()).containsExactly("https://acme.pagerduty.com/incidents/" + incident);
            assertThat(runAs.as(user, () -> notifications.mine(0, 20)))
                    .anySatisfy(
                            n -> assertThat(n.title()).isEqualTo("Incident postmortem draft arrived from PagerDuty"));
        }
        var events = runAs.as(
                DemoUsers.ADMIN,
                () -> audit.find(
                        new AuditFilter("webhook:pagerduty", "EVIDENCE_DRAFTED_EXTERNALLY", null, incident, null, null),
                        PageRequest.of(0, 50)));
        assertThat(events).anySatisfy(e -> assertThat(e.summary()).contains(incident));
    }

    @Test
    void aNewDeliveryOfTheSameIncidentDoesNotDraftItTwice() {
        var incident = incidentId();
        client.pagerDuty(
                WebhookTestClient.resolvedIncident(incident), UUID.randomUUID().toString());
        var again = client.pagerDuty(
                WebhookTestClient.resolvedIncident(incident), UUID.randomUUID().toString());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"draftsCreated\":0").contains("already drafted");
        assertThat(draftsFor("incident/" + incident)).isEqualTo(2);
    }

    @Test
    void anotherEventTypeIsAcknowledgedAndIgnoredWithItsReason() {
        var body = WebhookTestClient.resource("pagerduty-incident-priority-updated.json")
                .replace("2020-10-02T18:45:22.169Z", java.time.Instant.now().toString())
                .replace("PGR0VU2", "PIGNORED");
        var response = client.pagerDuty(body, UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"outcome\":\"IGNORED\"")
                .contains("Ignored incident.priority_updated: only incident.resolved makes drafts.");
        assertThat(draftsFor("incident/PIGNORED")).isZero();
    }

    @Test
    void theDraftIsVisibleOnlyToItsOwnerUntilTheyCompleteAndSubmitIt() {
        var incident = incidentId();
        client.pagerDuty(
                WebhookTestClient.resolvedIncident(incident), UUID.randomUUID().toString());
        var draft = draftOf(GRACE, incident);

        var managersList = runAs.as(
                GRACE_MANAGER, () -> evidence.find(draft.ownerId(), EvidenceFilter.none(), PageRequest.of(0, 500)));
        assertThat(managersList).noneMatch(r -> r.id().equals(draft.id()));
        assertThatThrownBy(() -> runAs.as(GRACE_MANAGER, () -> evidence.details(draft.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runAs.as(OMAR, () -> evidence.details(draft.id())))
                .isInstanceOf(NotFoundException.class);

        var details = runAs.as(GRACE, () -> evidence.details(draft.id()));
        var fields = new HashMap<>(details.details());
        fields.put("failureMode", "DEPENDENCY_FAILURE");
        runAs.run(
                GRACE,
                () -> authoring.update(
                        draft.id(),
                        details.version(),
                        new EvidenceInput(
                                details.type(),
                                details.title(),
                                details.occurredOn(),
                                details.description(),
                                "Restored the API within the hour and wrote the retry budget into the runbook.",
                                details.levelKey(),
                                List.of("failure-modes-network-partitions"),
                                details.links(),
                                fields),
                        true));

        var submitted = runAs.as(GRACE_MANAGER, () -> evidence.details(draft.id()));
        assertThat(submitted.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(submitted.source()).isEqualTo(EvidenceSource.PAGERDUTY);
    }

    @Test
    void aMergedPullRequestInAConfiguredRepositoryDraftsAnOpenSourceContributionForItsAuthor() {
        int number = ThreadLocalRandom.current().nextInt(1000, 1_000_000);
        var response = client.gitHub(
                "pull_request",
                WebhookTestClient.mergedPullRequest(number),
                UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"draftsCreated\":1");
        var url = "https://github.com/Codertocat/Hello-World/pull/" + number;
        var row = mine(GRACE, EvidenceSource.GITHUB).stream()
                .filter(r ->
                        runAs.as(GRACE, () -> evidence.details(r.id())).links().contains(url))
                .findFirst()
                .orElseThrow();
        assertThat(row.type()).isEqualTo(EvidenceType.OPEN_SOURCE);
        assertThat(row.title()).isEqualTo("Update the README with new information.");
        assertThat(runAs.as(GRACE, () -> evidence.details(row.id())).details())
                .containsEntry("project", "Codertocat/Hello-World")
                .containsEntry("contributionLink", url)
                .containsEntry("merged", "true");
    }

    @Test
    void anUnmergedPullRequestOrOneInAnUnconfiguredRepositoryDraftsNothing() {
        int number = ThreadLocalRandom.current().nextInt(1000, 1_000_000);
        var unmerged = client.gitHub(
                "pull_request",
                WebhookTestClient.closedPullRequest(number),
                UUID.randomUUID().toString());
        var elsewhere = client.gitHub(
                "pull_request",
                WebhookTestClient.mergedPullRequest(number)
                        .replace(
                                "\"full_name\": \"Codertocat/Hello-World\"", "\"full_name\": \"Codertocat/Elsewhere\""),
                UUID.randomUUID().toString());

        assertThat(unmerged.statusCode()).isEqualTo(200);
        assertThat(unmerged.body()).contains("\"outcome\":\"IGNORED\"").contains("closed without being merged");
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body())
                .contains("\"outcome\":\"IGNORED\"")
                .contains("Codertocat/Elsewhere is not one of the configured repositories");
        assertThat(draftsFor("https://github.com/Codertocat/Hello-World/pull/" + number))
                .isZero();
    }

    @Test
    void gitHubsPingIsAnswered() {
        var response = client.gitHub(
                "ping",
                "{\"zen\":\"Design for failure.\",\"hook_id\":1}",
                UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ping: GitHub checks that the endpoint answers");
    }
}
