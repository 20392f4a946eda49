package app.rungs.webhook.service;

import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.ExternalDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a GitHub webhook: a {@code pull_request} event with action {@code closed} and {@code merged: true} in one of
 * the configured repositories becomes an open-source contribution draft for the pull request's author. {@code ping}
 * (sent when the webhook is created) and everything else is acknowledged and ignored.
 */
final class GitHubEvents {

    static final int MAX_DESCRIPTION = 4000;

    private GitHubEvents() {}

    static DeliveryPlan plan(String event, JsonNode root, Set<String> repositories) {
        if (event == null || event.isBlank()) {
            throw new MalformedDelivery("The X-GitHub-Event header is missing.");
        }
        if ("ping".equals(event)) {
            return DeliveryPlan.ignore(event, null, null, "ping: GitHub checks that the endpoint answers");
        }
        if (!"pull_request".equals(event)) {
            return DeliveryPlan.ignore(event, null, null, "only merged pull requests make drafts");
        }
        var action = Json.text(root, "action");
        var pr = Json.at(root, "pull_request");
        var repository = Json.text(root, "repository", "full_name");
        if (action == null || !pr.isObject() || repository == null) {
            throw new MalformedDelivery("A pull_request event has an action, a pull_request and a repository.");
        }
        var name = event + "." + action;
        if (!"closed".equals(action)) {
            return DeliveryPlan.ignore(name, null, null, "only closed pull requests make drafts");
        }
        if (!pr.path("merged").asBoolean(false)) {
            return DeliveryPlan.ignore(name, null, null, "the pull request was closed without being merged");
        }
        if (!repositories.contains(repository.toLowerCase(Locale.ROOT))) {
            return DeliveryPlan.ignore(name, null, null, repository + " is not one of the configured repositories");
        }
        var url = Json.text(pr, "html_url");
        var title = Json.text(pr, "title");
        var login = Json.text(pr, "user", "login");
        var mergedAt = Json.instant(pr, "merged_at");
        if (url == null || title == null || login == null) {
            throw new MalformedDelivery("The pull request has no html_url, title or user.login.");
        }
        var when = mergedAt != null ? mergedAt : Json.instant(pr, "closed_at");
        if (when == null) {
            throw new MalformedDelivery("A merged pull request has merged_at.");
        }
        var body = Json.text(pr, "body");
        var number = pr.path("number");
        var label = repository + (number.isNumber() ? "#" + number.asLong() : "");
        var details = new LinkedHashMap<String, String>();
        details.put("project", repository);
        details.put("contributionLink", url);
        details.put("merged", "true");
        var description = "Pull request " + label + ", merged " + Json.date(when) + ". Drafted from GitHub: say what"
                + " the change does and why it matters, then submit it."
                + (body == null ? "" : "\n\n" + shorten(body));
        var draft = new ExternalDraft(
                null,
                EvidenceSource.GITHUB,
                url,
                EvidenceType.OPEN_SOURCE,
                title,
                Json.date(when),
                description,
                List.of(url),
                details);
        return new DeliveryPlan(
                name,
                null,
                null,
                null,
                List.of(new DeliveryPlan.Candidate(login, login, Json.text(pr, "user", "email"), draft)));
    }

    private static String shorten(String body) {
        return body.length() <= MAX_DESCRIPTION ? body : body.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
