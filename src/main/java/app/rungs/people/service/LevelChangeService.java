package app.rungs.people.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.domain.LevelAssignment;
import app.rungs.people.domain.LevelAssignmentRepository;
import app.rungs.people.domain.LevelChangeAction;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Level changes: one person or many at once, effective today, backdated or scheduled, and cancelling a scheduled
 * change. The history is the record; the current level and time in it are read from it as of today.
 */
@Service
public class LevelChangeService {

    private final PersonRepository people;
    private final LevelAssignmentRepository assignments;
    private final LadderService ladders;
    private final AuditService audit;
    private final Clock clock;

    LevelChangeService(
            PersonRepository people,
            LevelAssignmentRepository assignments,
            LadderService ladders,
            AuditService audit,
            Clock clock) {
        this.people = people;
        this.assignments = assignments;
        this.ladders = ladders;
        this.audit = audit;
        this.clock = clock;
    }

    @PersistenceContext
    private EntityManager em;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records a level change with its effective date and reason, keeping history. The current level and the time in
     * it are read from the history as of today (see {@code person_level_on}): a change dated after today is scheduled
     * and becomes current on its date. A change may not take effect before the person's start date or before their
     * previous change, so the history always reads in order.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void changeLevel(
            Long personId,
            long expectedVersion,
            Long ladderId,
            String levelKey,
            LocalDate effective,
            AssignmentReason reason,
            String note,
            Long promotionCaseId) {
        var p = PersonRules.load(people, personId, expectedVersion);
        var content = validateLevelChange(ladderId, levelKey, effective, reason, note);
        var history = assignments.findHistory(personId);
        datingProblem(p, history, effective).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        recordLevel(p, history, content, levelKey, effective, reason, note, promotionCaseId);
    }

    /** Cancels a change that has not taken effect yet; it stays in the table, marked, and the cancellation is audited. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void cancelScheduledLevelChange(Long personId, Long assignmentId) {
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        var a = assignments
                .findById(assignmentId)
                .filter(x -> x.getPersonId().equals(personId))
                .orElseThrow(() -> new NotFoundException("Level change not found"));
        var status = a.status(today());
        if (!LevelChangeAction.CANCEL.allowedFrom(status)) {
            throw new ValidationException(
                    switch (status) {
                        case CANCELLED ->
                            "The change to " + a.getLevelKey() + " from " + PersonRules.date(a.getEffectiveDate())
                                    + " was already cancelled.";
                        default ->
                            "The change to " + a.getLevelKey() + " is already in effect (since "
                                    + PersonRules.date(a.getEffectiveDate()) + "); record a correction instead.";
                    });
        }
        a.cancel(CurrentUser.actorName(), java.time.Instant.now(clock), today());
        em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        assignments.flush();
        audit.record(
                "LEVEL_CHANGE_CANCELLED",
                "Person",
                personId,
                "Cancelled the change of " + p.getFullName() + " to " + a.getLevelKey() + " scheduled for "
                        + a.getEffectiveDate(),
                Map.of(
                        "levelKey",
                        a.getLevelKey(),
                        "effective",
                        a.getEffectiveDate().toString()),
                null);
    }

    /** A change must not predate the person's start or their previous (live) change. */
    private static Optional<String> datingProblem(Person p, List<LevelAssignment> history, LocalDate effective) {
        if (p.getStartDate() != null && effective.isBefore(p.getStartDate())) {
            return Optional.of("A level change cannot take effect before " + p.getFullName() + "'s start date, "
                    + PersonRules.date(p.getStartDate()) + ".");
        }
        if (!history.isEmpty() && effective.isBefore(history.getFirst().getEffectiveDate())) {
            var previous = history.getFirst();
            return Optional.of("A level change cannot take effect before the previous level change ("
                    + previous.getLevelKey() + " from " + PersonRules.date(previous.getEffectiveDate()) + ") for "
                    + p.getFullName() + ".");
        }
        return Optional.empty();
    }

    /** Assigns one ladder level to several people at once, all or nothing; every change is audited. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int bulkChangeLevel(
            List<LevelSelection> selection,
            Long ladderId,
            String levelKey,
            LocalDate effective,
            AssignmentReason reason,
            String note) {
        if (selection == null || selection.isEmpty()) {
            throw new ValidationException("Select the people to assign the level to.");
        }
        var content = validateLevelChange(ladderId, levelKey, effective, reason, note);
        var byId = people
                .findAllById(selection.stream().map(LevelSelection::personId).toList())
                .stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        var problems = new ArrayList<String>();
        var histories = new HashMap<Long, List<LevelAssignment>>();
        for (var s : selection) {
            var p = byId.get(s.personId());
            if (p == null) {
                throw new NotFoundException("Person not found");
            }
            if (p.getVersion() != s.expectedVersion()) {
                throw new ConcurrentEditException(p.getFullName() + "'s record");
            }
            var history = assignments.findHistory(p.getId());
            histories.put(p.getId(), history);
            datingProblem(p, history, effective).ifPresent(problems::add);
            promotionProblem(p, history, content, levelKey, reason).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (var s : selection) {
            recordLevel(
                    byId.get(s.personId()),
                    histories.get(s.personId()),
                    content,
                    levelKey,
                    effective,
                    reason,
                    note,
                    null);
        }
        return selection.size();
    }

    private LadderContent validateLevelChange(
            Long ladderId, String levelKey, LocalDate effective, AssignmentReason reason, String note) {
        var problems = new ArrayList<String>();
        if (ladderId == null || levelKey == null || levelKey.isBlank()) {
            problems.add("Choose a ladder and a level.");
        }
        if (effective == null) {
            problems.add("Give the date the level change takes effect.");
        } else if (effective.isAfter(today().plusYears(1))) {
            problems.add("The effective date is more than a year away.");
        }
        if (reason == null) {
            problems.add("Give the reason for the level change.");
        }
        if (note != null && note.length() > 1000) {
            problems.add("The note is at most 1000 characters long.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var content = ladders.published(ladderId)
                .orElseThrow(() -> new ValidationException("The chosen ladder has no published version."));
        if (content.level(levelKey).isEmpty()) {
            throw new ValidationException("Level " + levelKey + " does not exist in "
                    + content.version().ladderName() + ".");
        }
        return content;
    }

    /** A promotion moves up from the latest level in the history, a scheduled one included. */
    private Optional<String> promotionProblem(
            Person p, List<LevelAssignment> history, LadderContent content, String levelKey, AssignmentReason reason) {
        if (reason != AssignmentReason.PROMOTION
                || history.isEmpty()
                || !history.getFirst().getLadderId().equals(content.version().ladderId())) {
            return Optional.empty();
        }
        var latest = history.getFirst();
        var levels = content.levels();
        int current = indexOf(levels, latest.getLevelKey());
        int next = indexOf(levels, levelKey);
        if (current >= 0 && next <= current) {
            return Optional.of("A promotion moves up: " + p.getFullName()
                    + (latest.getEffectiveDate().isAfter(today()) ? " is scheduled to be at " : " is already at ")
                    + latest.getLevelKey() + ". Use Correction to record a lower or equal level.");
        }
        return Optional.empty();
    }

    private static int indexOf(List<LadderContent.LevelView> levels, String key) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void recordLevel(
            Person p,
            List<LevelAssignment> history,
            LadderContent content,
            String levelKey,
            LocalDate effective,
            AssignmentReason reason,
            String note,
            Long promotionCaseId) {
        promotionProblem(p, history, content, levelKey, reason).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        var before = PersonRules.snapshot(p);
        var ladderId = content.version().ladderId();
        assignments.save(new LevelAssignment(
                p.getId(),
                ladderId,
                levelKey,
                effective,
                reason,
                CurrentUser.actorName(),
                promotionCaseId,
                PersonRules.blankToNull(note)));
        // The person row holds no level, but a level change is still an edit of the person for concurrent editors.
        em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        people.flush();
        em.refresh(p);
        boolean scheduled = effective.isAfter(today());
        audit.record(
                "LEVEL_CHANGED",
                "Person",
                p.getId(),
                p.getFullName() + " → " + levelKey + " (" + reason.label() + ", "
                        + (scheduled ? "scheduled for " : "effective ") + effective + ")",
                before,
                PersonRules.snapshot(p));
    }
}
