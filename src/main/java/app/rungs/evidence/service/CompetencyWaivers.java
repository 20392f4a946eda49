package app.rungs.evidence.service;

import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.CompetencyWaiver;
import app.rungs.evidence.domain.CompetencyWaiverRepository;
import app.rungs.evidence.domain.WaiverStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Not applicable to this person": an engineer asks that a competency of their ladder not count for them, with a
 * justification; a manager of their reporting line (never the engineer) approves or declines, or marks it not
 * applicable directly. Approved waivers leave the person's readiness rule ({@link CoverageRules}). Every change is
 * audited and published as {@link WaiverChanged} for the notifications.
 */
@Service
public class CompetencyWaivers {

    static final int MAX_REASON = 2000;

    private final CompetencyWaiverRepository waivers;
    private final PersonDirectory directory;
    private final PeopleService people;
    private final LadderService ladders;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CompetencyWaivers(
            CompetencyWaiverRepository waivers,
            PersonDirectory directory,
            PeopleService people,
            LadderService ladders,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.waivers = waivers;
        this.directory = directory;
        this.people = people;
        this.ladders = ladders;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A person's waivers on their ladder by competency key (the newest one per competency), for those who see them. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<String, Waiver> of(Long personId) {
        var person = visible(personId);
        var result = new LinkedHashMap<String, Waiver>();
        if (person.ladderId() == null) {
            return result;
        }
        boolean mayDecide = mayDecide(person);
        for (var w : waivers.findByPerson(person.id(), person.ladderId())) {
            result.putIfAbsent(w.getCompetencyKey(), view(w, mayDecide));
        }
        return result;
    }

    /** The signed-in engineer asks that a competency of their ladder not apply to them. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long request(String competencyKey, String justification) {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            throw new NotFoundException("You have no person record, so nothing of a ladder applies to you.");
        }
        var person = directory.require(me.personId());
        var competency = competencyOf(person, competencyKey);
        var reason = reason(justification, "Say why " + competency.name() + " does not apply to you.");
        refuseOpen(person, competency);
        var w = waivers.save(new CompetencyWaiver(
                person.id(), person.ladderId(), competency.key(), reason, me.displayName(), now()));
        waivers.flush();
        audit.record(
                "WAIVER_REQUESTED",
                "CompetencyWaiver",
                w.getId(),
                person.fullName() + " asks that " + competency.name() + " not apply to them",
                null,
                snapshot(w));
        publish(w, person, competency, reason);
        return w.getId();
    }

    /** A manager of the person's line marks a competency not applicable to them, with the reason (approved at once). */
    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    public Long markNotApplicable(Long personId, String competencyKey, String why) {
        var person = visible(personId);
        requireDecider(person);
        var competency = competencyOf(person, competencyKey);
        var reason =
                reason(why, "Give the reason " + competency.name() + " does not apply to " + person.fullName() + ".");
        var me = CurrentUser.require();
        var open = waivers.findOpen(person.id(), person.ladderId(), competency.key());
        CompetencyWaiver w;
        if (!open.isEmpty() && open.getFirst().getStatus() == WaiverStatus.REQUESTED) {
            // The engineer already asked: marking it is approving their request with this reason.
            w = open.getFirst();
            w.decide(true, me.displayName(), now(), reason);
        } else {
            refuseOpen(person, competency);
            w = waivers.save(new CompetencyWaiver(
                    person.id(), person.ladderId(), competency.key(), reason, me.displayName(), now()));
            w.decide(true, me.displayName(), now(), reason);
        }
        waivers.flush();
        audit.record(
                "WAIVER_APPROVED",
                "CompetencyWaiver",
                w.getId(),
                me.displayName() + " marked " + competency.name() + " not applicable to " + person.fullName(),
                null,
                snapshot(w));
        publish(w, person, competency, reason);
        return w.getId();
    }

    /** A manager of the person's line approves or declines a requested waiver. */
    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    public void decide(Long waiverId, long expectedVersion, boolean approve, String comment) {
        var w = waivers.findById(waiverId).orElseThrow(() -> new NotFoundException("Waiver not found"));
        PersonCard person;
        try {
            person = visible(w.getPersonId());
        } catch (NotFoundException e) {
            throw new NotFoundException("Waiver not found");
        }
        requireDecider(person);
        if (w.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("This waiver");
        }
        if (w.getStatus() != WaiverStatus.REQUESTED) {
            throw new ValidationException(
                    "This waiver is already " + w.getStatus().label().toLowerCase() + ".");
        }
        var note = comment == null || comment.isBlank() ? null : comment.strip();
        if (!approve && note == null) {
            throw new ValidationException("Say why you decline, so " + person.fullName() + " knows what to do.");
        }
        if (note != null && note.length() > MAX_REASON) {
            throw new ValidationException("The comment is at most " + MAX_REASON + " characters long.");
        }
        var before = snapshot(w);
        w.decide(approve, CurrentUser.require().displayName(), now(), note);
        waivers.flush();
        var competencyName = ladders.published(w.getLadderId())
                .flatMap(l -> l.competency(w.getCompetencyKey()))
                .map(LadderContent.CompetencyView::name)
                .orElse(w.getCompetencyKey());
        audit.record(
                approve ? "WAIVER_APPROVED" : "WAIVER_DECLINED",
                "CompetencyWaiver",
                w.getId(),
                (approve ? "Approved" : "Declined") + " that " + competencyName + " not apply to " + person.fullName(),
                before,
                snapshot(w));
        events.publishEvent(new WaiverChanged(
                w.getId(),
                person.id(),
                person.fullName(),
                person.managerId(),
                competencyName,
                w.getStatus(),
                CurrentUser.require().personId(),
                CurrentUser.require().displayName(),
                note,
                link(person)));
    }

    // ---------------------------------------------------------------- rules

    private PersonCard visible(Long personId) {
        var me = CurrentUser.require();
        var id = personId == null ? me.personId() : personId;
        if (id == null || !people.canSee(id)) {
            throw new NotFoundException("Person not found");
        }
        return directory.card(id).orElseThrow(() -> new NotFoundException("Person not found"));
    }

    /** Managers decide for people of their reporting line, admins for anyone; nobody for themselves. */
    private static boolean mayDecide(PersonCard person) {
        var me = CurrentUser.require();
        return !person.id().equals(me.personId()) && (me.has(Role.MANAGER) || me.has(Role.ADMIN));
    }

    private static void requireDecider(PersonCard person) {
        if (!mayDecide(person)) {
            throw new AccessDeniedException("Only a manager of " + person.fullName()
                    + " decides what does not apply to them, never they themselves.");
        }
    }

    private LadderContent.CompetencyView competencyOf(PersonCard person, String competencyKey) {
        if (person.ladderId() == null) {
            throw new ValidationException(person.fullName() + " is not placed on a ladder yet.");
        }
        var ladder = ladders.published(person.ladderId())
                .orElseThrow(
                        () -> new ValidationException("The ladder of " + person.fullName() + " is not published."));
        return ladder.competency(competencyKey)
                .orElseThrow(() -> new ValidationException("\"" + competencyKey + "\" is not a competency of "
                        + ladder.version().ladderName() + "."));
    }

    private static String reason(String text, String missing) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(missing);
        }
        var s = text.strip();
        if (s.length() > MAX_REASON) {
            throw new ValidationException("The reason is at most " + MAX_REASON + " characters long.");
        }
        return s;
    }

    private void refuseOpen(PersonCard person, LadderContent.CompetencyView competency) {
        var open = waivers.findOpen(person.id(), person.ladderId(), competency.key());
        if (!open.isEmpty()) {
            throw new ValidationException(competency.name() + " is already "
                    + (open.getFirst().getStatus() == WaiverStatus.APPROVED
                            ? "marked not applicable to "
                            : "asked to be waived for ")
                    + person.fullName() + ".");
        }
    }

    private void publish(CompetencyWaiver w, PersonCard person, LadderContent.CompetencyView c, String note) {
        var me = CurrentUser.require();
        events.publishEvent(new WaiverChanged(
                w.getId(),
                person.id(),
                person.fullName(),
                person.managerId(),
                c.name(),
                w.getStatus(),
                me.personId(),
                me.displayName(),
                note,
                link(person)));
    }

    private static String link(PersonCard person) {
        return "coverage/" + person.id();
    }

    private Instant now() {
        return clock.instant();
    }

    static Waiver view(CompetencyWaiver w, boolean mayDecide) {
        return new Waiver(
                w.getId(),
                w.getPersonId(),
                w.getCompetencyKey(),
                w.getReason(),
                w.getStatus(),
                w.getRequestedBy(),
                w.getRequestedAt(),
                w.getDecidedBy(),
                w.getDecidedAt(),
                w.getDecisionComment(),
                w.getVersion(),
                mayDecide && w.getStatus() == WaiverStatus.REQUESTED);
    }

    private static Map<String, Object> snapshot(CompetencyWaiver w) {
        var map = new LinkedHashMap<String, Object>();
        map.put("person", w.getPersonId());
        map.put("ladder", w.getLadderId());
        map.put("competency", w.getCompetencyKey());
        map.put("status", w.getStatus().name());
        map.put("reason", w.getReason());
        if (w.getDecidedBy() != null) {
            map.put("decidedBy", w.getDecidedBy());
            map.put("comment", w.getDecisionComment());
        }
        return map;
    }
}
