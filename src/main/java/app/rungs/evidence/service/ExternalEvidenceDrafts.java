package app.rungs.evidence.service;

import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.shared.security.SystemAuthorities;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of evidence that other systems (PagerDuty, GitHub) create for a person: marked with their source, idempotent
 * on the external reference, and a draft only — it counts for nothing until its owner completes and submits it and a
 * manager acknowledges it, and nobody but the owner sees it before it is submitted (see {@link EvidenceAccess}).
 *
 * <p>Only a narrow system identity holding {@link SystemAuthorities#EXTERNAL_EVIDENCE} calls this (a webhook delivery
 * whose signature checked out); no user can.
 */
@Service
public class ExternalEvidenceDrafts {

    static final int MAX_TITLE = 200;

    private final EvidenceItemRepository items;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final AuditService audit;
    private final EvidenceSnapshots snapshots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExternalEvidenceDrafts(
            EvidenceItemRepository items,
            PersonDirectory directory,
            LadderService ladders,
            AuditService audit,
            EvidenceSnapshots snapshots,
            ApplicationEventPublisher events,
            Clock clock) {
        this.items = items;
        this.directory = directory;
        this.ladders = ladders;
        this.audit = audit;
        this.snapshots = snapshots;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the draft unless one exists for the same person, source and reference, and tells its owner. A person
     * who is not placed on a published ladder gets no draft (there is no level to file it under); the result says so.
     */
    @Transactional
    @PreAuthorize(SystemAuthorities.HAS_EXTERNAL_EVIDENCE)
    public ExternalDraftResult create(ExternalDraft draft) {
        requireComplete(draft);
        var existing = items.findExternal(draft.personId(), draft.source(), draft.externalRef());
        if (existing.isPresent()) {
            return new ExternalDraftResult(existing.get(), false, "already drafted");
        }
        var person = directory.require(draft.personId());
        if (!person.active()) {
            return new ExternalDraftResult(null, false, person.fullName() + " is no longer active");
        }
        var ladder = person.ladderId() == null
                ? null
                : ladders.published(person.ladderId()).orElse(null);
        if (ladder == null
                || person.levelKey() == null
                || ladder.level(person.levelKey()).isEmpty()) {
            return new ExternalDraftResult(
                    null, false, person.fullName() + " is not placed on a published ladder, so no draft was made");
        }
        var today = LocalDate.now(clock);
        var details = new LinkedHashMap<String, String>();
        var fields = EvidenceFields.of(draft.type());
        draft.details().forEach((key, value) -> {
            var field = fields.stream().filter(f -> f.key().equals(key)).findFirst();
            // What the other system sent but the type does not accept stays out; the engineer fills it in.
            if (value != null && !value.isBlank() && field.isPresent()) {
                var v = value.strip();
                if (EvidenceFields.problem(draft.type(), field.get(), v, today).isEmpty()) {
                    details.put(key, v);
                }
            }
        });
        var links = new ArrayList<String>();
        for (var link : draft.links()) {
            if (link != null && Links.problem(link).isEmpty() && links.size() < EvidenceAuthoring.MAX_LINKS) {
                links.add(link.strip());
            }
        }
        var now = Instant.now(clock);
        var item = EvidenceItem.externalDraft(
                person.id(),
                ladder.version().ladderId(),
                draft.source(),
                draft.externalRef(),
                draft.type(),
                shorten(draft.title().strip(), MAX_TITLE),
                draft.occurredOn().isAfter(today) ? today : draft.occurredOn(),
                draft.description() == null
                        ? null
                        : shorten(draft.description().strip(), EvidenceAuthoring.MAX_LONG_TEXT),
                person.levelKey(),
                links.stream().distinct().toArray(String[]::new),
                snapshots.json().writeValueAsString(details),
                now);
        items.saveAndFlush(item);
        audit.record(
                "EVIDENCE_DRAFTED_EXTERNALLY",
                "Evidence",
                item.getId(),
                "Drafted " + EvidenceSnapshots.describe(item) + " for " + person.fullName() + " "
                        + draft.source().label().toLowerCase(Locale.ROOT) + " (" + draft.externalRef() + ")",
                null,
                snapshots.snapshot(item));
        events.publishEvent(new ExternalDraftArrived(
                person.id(),
                item.getId(),
                draft.source().label().substring("From ".length()),
                draft.type().label(),
                item.getTitle()));
        return new ExternalDraftResult(item.getId(), true, "drafted for " + person.fullName());
    }

    private static void requireComplete(ExternalDraft d) {
        if (d.personId() == null
                || d.source() == null
                || d.type() == null
                || d.externalRef() == null
                || d.externalRef().isBlank()
                || d.externalRef().length() > 300
                || d.title() == null
                || d.title().isBlank()
                || d.occurredOn() == null
                || d.links() == null
                || d.details() == null) {
            throw new ValidationException("An external draft needs a person, source, reference, type, title and date.");
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
