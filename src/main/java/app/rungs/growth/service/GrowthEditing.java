package app.rungs.growth.service;

import app.rungs.growth.domain.GoalStatus;
import app.rungs.growth.domain.GrowthGoal;
import app.rungs.growth.domain.GrowthGoalRepository;
import app.rungs.growth.domain.GrowthNote;
import app.rungs.growth.domain.GrowthNoteRepository;
import app.rungs.growth.domain.NoteKind;
import app.rungs.growth.service.GrowthPlan.CompetencyOption;
import app.rungs.growth.service.GrowthPlan.EvidenceChoice;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing growth plans: the person and their manager chain add and edit goals, mark them done or dropped and write
 * progress notes; only the managers comment. A goal is tied to a competency of the person's next level and links
 * only the person's own evidence. Refused input changes nothing.
 */
@Service
public class GrowthEditing {

    static final int MAX_TITLE = 200;
    static final int MAX_NOTE = 4000;

    private final GrowthGoalRepository goals;
    private final GrowthNoteRepository notes;
    private final GrowthAccess access;
    private final GrowthPlans plans;
    private final PersonDirectory directory;
    private final Clock clock;

    GrowthEditing(
            GrowthGoalRepository goals,
            GrowthNoteRepository notes,
            GrowthAccess access,
            GrowthPlans plans,
            PersonDirectory directory,
            Clock clock) {
        this.goals = goals;
        this.notes = notes;
        this.access = access;
        this.plans = plans;
        this.directory = directory;
        this.clock = clock;
    }

    /** Adds a goal to the person's plan. Returns its id. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long addGoal(Long personId, GoalForm form) {
        requireEdit(personId);
        var person = directory.require(personId);
        if (person.ladderId() == null) {
            throw new ValidationException(person.fullName() + " is not placed on a ladder yet, so there is no next"
                    + " level to grow towards.");
        }
        var goal = new GrowthGoal(personId, person.ladderId(), CurrentUser.actorName(), now());
        describe(goal, personId, form, person.fullName());
        return goals.saveAndFlush(goal).getId();
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void editGoal(Long goalId, long expectedVersion, GoalForm form) {
        var goal = editable(goalId, expectedVersion);
        describe(
                goal,
                goal.getPersonId(),
                form,
                directory.require(goal.getPersonId()).fullName());
        goals.flush();
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void setStatus(Long goalId, long expectedVersion, GoalStatus status) {
        if (status == null) {
            throw new ValidationException("Choose open, done or dropped.");
        }
        var goal = editable(goalId, expectedVersion);
        goal.setStatus(status, now());
        goals.flush();
    }

    /** A progress note (the person or a manager) or a manager's comment, kept in order and never edited. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void addNote(Long goalId, NoteKind kind, String body) {
        var goal = goals.findById(goalId).orElseThrow(() -> new NotFoundException("Goal not found"));
        var rights = rightsOn(goal);
        if (!rights.edit()) {
            throw new NotFoundException("Goal not found");
        }
        if (kind == NoteKind.COMMENT && !rights.comment()) {
            throw new ValidationException("Only the managers of "
                    + directory.require(goal.getPersonId()).fullName()
                    + " comment on their goals; add a progress note instead.");
        }
        var text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new ValidationException("Write a note of 1 to " + MAX_NOTE + " characters.");
        }
        var me = CurrentUser.require();
        var author = me.personId() == null
                ? me.displayName()
                : directory.card(me.personId()).map(c -> c.fullName()).orElse(me.displayName());
        notes.save(new GrowthNote(
                goal.getId(), kind == null ? NoteKind.PROGRESS : kind, text, me.personId(), author, now()));
        goal.touch(now());
        goals.flush();
    }

    private GrowthGoal editable(Long goalId, long expectedVersion) {
        var goal = goals.findById(goalId).orElseThrow(() -> new NotFoundException("Goal not found"));
        if (!rightsOn(goal).edit()) {
            throw new NotFoundException("Goal not found");
        }
        if (goal.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The goal \"" + goal.getTitle() + "\"");
        }
        return goal;
    }

    /** The viewer's rights on the goal's plan; a goal of someone they cannot see does not exist for them. */
    private GrowthAccess.Rights rightsOn(GrowthGoal goal) {
        try {
            return access.rights(goal.getPersonId());
        } catch (NotFoundException hidden) {
            throw new NotFoundException("Goal not found");
        }
    }

    private void requireEdit(Long personId) {
        if (!access.rights(personId).edit()) {
            throw new NotFoundException("Person not found");
        }
    }

    private void describe(GrowthGoal goal, Long personId, GoalForm form, String personName) {
        if (form == null) {
            throw new ValidationException("Describe the goal.");
        }
        var person = directory.require(personId);
        var targets = plans.targets(person);
        if (targets.isEmpty()) {
            throw new ValidationException(
                    personName + " is at the top of their path; there is no next level to" + " tie a goal to.");
        }
        var competency = plans.competencies(person, targets).stream()
                .filter(c -> c.key().equals(form.competencyKey()))
                .findFirst()
                .orElseThrow(() -> new ValidationException("Choose a competency of "
                        + String.join(" or ", targets.stream().map(t -> t.key()).toList()) + ", the level "
                        + personName + " is working towards."));
        var title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new ValidationException("Give the goal a title of 1 to " + MAX_TITLE + " characters.");
        }
        if (form.targetDate() == null) {
            throw new ValidationException("Set a target date for the goal.");
        }
        if (form.targetDate().isBefore(LocalDate.now(clock))
                && !form.targetDate().equals(goal.getTargetDate())) {
            throw new ValidationException("The target date " + app.rungs.shared.domain.DateTexts.date(form.targetDate())
                    + " is in the past; choose today or later.");
        }
        var own =
                plans.evidenceChoices(personId).stream().map(EvidenceChoice::id).collect(Collectors.toSet());
        var foreign = new HashSet<>(form.evidenceIds());
        foreign.removeAll(own);
        if (!foreign.isEmpty()) {
            throw new ValidationException("A goal links only " + personName + "'s own evidence.");
        }
        describeWith(goal, competency, title, form);
    }

    private void describeWith(GrowthGoal goal, CompetencyOption competency, String title, GoalForm form) {
        goal.describe(
                competency.levelKey(),
                competency.key(),
                competency.name(),
                title,
                form.targetDate(),
                form.evidenceIds(),
                now());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
