package app.rungs.webhook;

import app.rungs.support.DemoUsers;
import app.rungs.support.RunAs;
import app.rungs.webhook.domain.WebhookSource;
import app.rungs.webhook.service.WebhookSettingsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.io.ClassPathResource;

/**
 * Sends signed deliveries to the running server, built from the providers' published example payloads:
 *
 * <ul>
 *   <li>PagerDuty: the V3 "incident.priority_updated" example webhook payload of PagerDuty's developer documentation,
 *       https://github.com/PagerDuty/developer-docs/blob/main/docs/webhooks/01-Overview.md (section "Webhook
 *       Payload", commit a09bcfbb260aa2e8d83cdce7cf581914ed8b68d2), saved unchanged as
 *       webhooks/pagerduty-incident-priority-updated.json; tests turn it into incident.resolved, date it now and give
 *       the incident a fresh id. Its responders are the assignee PTUXL6G ("User 123") and the agent PLH1HKV ("Tenex
 *       Engineer"), mapped on the settings to two demo people.
 *   <li>GitHub: the "pull_request" "closed" example payload of GitHub's webhook documentation as published in
 *       octokit/webhooks, https://github.com/octokit/webhooks/blob/main/payload-examples/api.github.com/pull_request/closed.payload.json
 *       (commit bc5f6fd16b0df0e3058512e7d44dcba9ba3e0bb0), saved unchanged as webhooks/github-pull-request-closed.json
 *       (closed without merging); tests mark it merged where they need to.
 * </ul>
 */
public final class WebhookTestClient {

    public static final String PAGERDUTY_SECRET = "pd-test-secret-0123456789abcdef";
    public static final String GITHUB_SECRET = "gh-test-secret-0123456789abcdef";
    public static final String GRACE = "grace.kim@rungs.demo";
    public static final String GRACE_MANAGER = "marcus.johnson@rungs.demo";
    public static final String OMAR = "omar.haddad@rungs.demo";
    public static final String REPOSITORY = "Codertocat/Hello-World";

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public WebhookTestClient(int port) {
        this.port = port;
    }

    /**
     * Sets both secrets and maps the example payloads' users to demo people: PagerDuty's PTUXL6G and PLH1HKV to Grace
     * and Omar, GitHub's Codertocat to {@code gitHubAuthor}.
     */
    public static void configure(RunAs runAs, WebhookSettingsService settings, String gitHubAuthor) {
        runAs.run(DemoUsers.ADMIN, () -> {
            settings.setSecret(WebhookSource.PAGERDUTY, PAGERDUTY_SECRET);
            settings.setSecret(WebhookSource.GITHUB, GITHUB_SECRET);
            settings.all().stream()
                    .filter(s -> s.hasPreviousSecret())
                    .forEach(s -> settings.retirePreviousSecret(s.source()));
            var all = settings.all();
            var pd = all.stream()
                    .filter(s -> s.source() == WebhookSource.PAGERDUTY)
                    .findFirst()
                    .orElseThrow();
            settings.saveMappings(
                    WebhookSource.PAGERDUTY, pd.version(), "", "PTUXL6G = " + GRACE + "\nPLH1HKV = " + OMAR);
            var gh = all.stream()
                    .filter(s -> s.source() == WebhookSource.GITHUB)
                    .findFirst()
                    .orElseThrow();
            settings.saveMappings(WebhookSource.GITHUB, gh.version(), REPOSITORY, "Codertocat = " + gitHubAuthor);
        });
    }

    public static String resource(String name) {
        try (var in = new ClassPathResource("webhooks/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PagerDuty's published example as an incident.resolved event of a fresh incident, occurred now. */
    public static String resolvedIncident(String incidentId) {
        return resolvedIncident(incidentId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static String resolvedIncident(String incidentId, Instant occurredAt) {
        return resource("pagerduty-incident-priority-updated.json")
                .replace("\"incident.priority_updated\"", "\"incident.resolved\"")
                .replace("\"status\": \"triggered\"", "\"status\": \"resolved\"")
                .replace("2020-10-02T18:45:22.169Z", occurredAt.toString())
                .replace("PGR0VU2", incidentId)
                .replace(
                        "5ac64822-4adc-4fda-ade0-410becf0de4f",
                        UUID.randomUUID().toString());
    }

    /** GitHub's published closed pull request, merged, with its own PR number (so its own URL). */
    public static String mergedPullRequest(int number) {
        return closedPullRequest(number)
                .replace("\"merged\": false", "\"merged\": true")
                .replace("\"merged_at\": null", "\"merged_at\": \"2019-05-15T15:21:18Z\"");
    }

    public static String closedPullRequest(int number) {
        return resource("github-pull-request-closed.json")
                .replace("Hello-World/pull/2", "Hello-World/pull/" + number)
                .replace("\"number\": 2,", "\"number\": " + number + ",");
    }

    public static String sign(String secret, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> pagerDuty(String body, String webhookId) {
        return pagerDuty(body, webhookId, "v1=" + sign(PAGERDUTY_SECRET, body));
    }

    public HttpResponse<String> pagerDuty(String body, String webhookId, String signature) {
        var headers = new ArrayList<String>(List.of("X-Webhook-Id", webhookId));
        if (signature != null) {
            headers.addAll(List.of("X-PagerDuty-Signature", signature));
        }
        return post("/api/webhooks/pagerduty", body, headers);
    }

    public HttpResponse<String> gitHub(String event, String body, String deliveryId) {
        return gitHub(event, body, deliveryId, "sha256=" + sign(GITHUB_SECRET, body));
    }

    public HttpResponse<String> gitHub(String event, String body, String deliveryId, String signature) {
        var headers = new ArrayList<String>(List.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId));
        if (signature != null) {
            headers.addAll(List.of("X-Hub-Signature-256", signature));
        }
        return post("/api/webhooks/github", body, headers);
    }

    public HttpResponse<String> post(String path, String body, List<String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
