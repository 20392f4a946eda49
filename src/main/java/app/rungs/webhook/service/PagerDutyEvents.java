package app.rungs.webhook.service;

import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceFields;
import app.rungs.evidence.service.ExternalDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a PagerDuty V3 webhook ({"event": {id, event_type, occurred_at, agent, data}}). {@code incident.resolved}
 * becomes an incident postmortem draft for each responder: the incident's assignees, its acknowledgers where the
 * payload lists them, and the user who resolved it (the event's agent). Other event types are ignored.
 */
final class PagerDutyEvents {

    static final String RESOLVED = "incident.resolved";
    private static final Pattern PRIORITY = Pattern.compile("^P([1-4])$", Pattern.CASE_INSENSITIVE);

    private PagerDutyEvents() {}

    static DeliveryPlan plan(JsonNode root) {
        var event = Json.at(root, "event");
        if (!event.isObject()) {
            throw new MalformedDelivery("A PagerDuty V3 webhook has an \"event\" object; this body has none.");
        }
        var type = Json.text(event, "event_type");
        var id = Json.text(event, "id");
        if (type == null || id == null) {
            throw new MalformedDelivery("The event has no event_type or id.");
        }
        var occurredAt = Json.instant(event, "occurred_at");
        if (occurredAt == null) {
            throw new MalformedDelivery("The event has no occurred_at.");
        }
        if (!RESOLVED.equals(type)) {
            return DeliveryPlan.ignore(type, id, occurredAt, "only incident.resolved makes drafts");
        }
        var data = Json.at(event, "data");
        var incidentId = Json.text(data, "id");
        var title = Json.text(data, "title");
        if (!data.isObject() || incidentId == null || title == null) {
            throw new MalformedDelivery("An incident.resolved event carries the incident (id and title) in data.");
        }
        var created = Json.instant(data, "created_at");
        var incidentDate = Json.date(created == null ? occurredAt : created);
        var url = Json.text(data, "html_url");
        var service = Json.text(data, "service", "summary");
        var number = Json.at(data, "number");
        var incidentLabel = number.isNumber() ? "#" + number.asLong() + " (" + incidentId + ")" : incidentId;
        var details = new LinkedHashMap<String, String>();
        details.put("incidentId", incidentLabel);
        details.put("incidentDate", EvidenceFields.storedDate(incidentDate));
        details.put("role", "RESPONDER");
        if (service != null) {
            details.put("systemsAffected", service);
        }
        var priority = Json.text(data, "priority", "summary");
        if (priority != null) {
            var m = PRIORITY.matcher(priority);
            if (m.matches()) {
                details.put("severity", "SEV" + m.group(1));
            }
        }
        var description = "PagerDuty incident " + incidentLabel + (service == null ? "" : " on " + service)
                + (priority == null ? "" : ", priority " + priority) + ", resolved "
                + Json.date(occurredAt) + ". Drafted from PagerDuty: describe your part in the response and the"
                + " postmortem, the failure mode and the impact, then submit it.";
        var draft = new ExternalDraft(
                null,
                EvidenceSource.PAGERDUTY,
                "incident/" + incidentId,
                EvidenceType.INCIDENT_POSTMORTEM,
                "Incident " + incidentLabel + ": " + title,
                incidentDate,
                description,
                url == null ? List.of() : List.of(url),
                details);
        var candidates = new ArrayList<DeliveryPlan.Candidate>();
        var seen = new LinkedHashSet<String>();
        for (var assignee : Json.at(data, "assignees").values()) {
            add(assignee, draft, seen, candidates);
        }
        for (var ack : Json.at(data, "acknowledgers").values()) {
            add(ack.has("acknowledger") ? ack.path("acknowledger") : ack, draft, seen, candidates);
        }
        add(Json.at(event, "agent"), draft, seen, candidates);
        if (candidates.isEmpty()) {
            return DeliveryPlan.ignore(type, id, occurredAt, "the incident names no responding user");
        }
        return new DeliveryPlan(type, id, occurredAt, null, candidates);
    }

    /** A user reference ({id, summary, type: user_reference}, sometimes with an email). */
    private static void add(
            JsonNode user, ExternalDraft draft, LinkedHashSet<String> seen, List<DeliveryPlan.Candidate> out) {
        if (!user.isObject()) {
            return;
        }
        var kind = Json.text(user, "type");
        var id = Json.text(user, "id");
        if (id == null || kind != null && !kind.toLowerCase(Locale.ROOT).startsWith("user")) {
            return; // a service or integration resolved it, not a person
        }
        if (seen.add(id.toLowerCase(Locale.ROOT))) {
            var name = Json.text(user, "summary");
            out.add(new DeliveryPlan.Candidate(
                    id, name == null ? id : name + " (" + id + ")", Json.text(user, "email"), draft));
        }
    }
}
