package app.rungs.promotion.service;

import app.rungs.ladder.service.LadderService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionEvent;
import app.rungs.promotion.domain.PromotionEventRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.RungsUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a promotion case: nomination and every status change, from proposal to decision.
 *
 * <p>Who sees a case: the engineer it is about, managers with the engineer in their reporting line, its reviewers
 * and admins; anyone else gets {@link NotFoundException}. What each of them may do in which status is defined by
 * {@link CaseAction} (checked through {@link CaseAccess}); the engineer of a case only ever acts as the engineer.
 * The content of a case changes in {@link PromotionContent}, its reviewers and comments in {@link PromotionReviews},
 * lists are read through {@link PromotionQueries} and the case page through {@link PromotionPackets}.
 *
 * <p>Approval ({@link #approve}, {@link #applyCalibrationDecision}) records the new level through
 * {@link LevelChangeService#changeLevel} in the same transaction as the case's change and the {@link CaseMoved} event the
 * notifications are made from: if any part fails, nothing of the approval remains.
 */
@Service
public class PromotionService {

    private final PromotionCaseRepository cases;
    private final PromotionEventRepository events;
    private final CaseAccess access;
    private final CaseInputs inputs;
    private final PromotionPackets packets;
    private final PromotionQueries queries;
    private final PeopleService people;
    private final LevelChangeService levels;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PromotionService(
            PromotionCaseRepository cases,
            PromotionEventRepository events,
            CaseAccess access,
            CaseInputs inputs,
            PromotionPackets packets,
            PromotionQueries queries,
            PeopleService people,
            LevelChangeService levels,
            PersonDirectory directory,
            LadderService ladders,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.cases = cases;
        this.events = events;
        this.access = access;
        this.inputs = inputs;
        this.packets = packets;
        this.queries = queries;
        this.people = people;
        this.levels = levels;
        this.directory = directory;
        this.ladders = ladders;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The case page; kept here for the features that read cases alongside their status changes (calibration). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CaseDetails details(Long id) {
        return packets.details(id);
    }

    /** One page of the cases the signed-in user may see; see {@link PromotionQueries#find}. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CaseRow> find(CaseFilter filter, Pageable page) {
        return queries.find(filter, page);
    }

    // ---------------------------------------------------------------- nominating

    /** A manager (of the engineer's line) or an admin nominates an engineer; the case starts as a draft. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Long nominate(Long engineerId, String targetLevelKey, String cycle, String justification) {
        var me = CurrentUser.require();
        if (engineerId == null) {
            throw new ValidationException("Choose the engineer to nominate.");
        }
        if (engineerId.equals(me.personId())) {
            throw new ValidationException(
                    "You cannot nominate yourself as a manager; use \"Nominate myself\" so your manager decides.");
        }
        boolean lineManager = me.has(Role.MANAGER) && me.personId() != null && people.canSee(engineerId);
        if (!me.has(Role.ADMIN) && !lineManager) {
            throw new NotFoundException("Person not found");
        }
        var engineer = directory.card(engineerId).orElseThrow(() -> new NotFoundException("Person not found"));
        var created = create(engineer, targetLevelKey, cycle, justification, false, CaseStatus.DRAFT, me);
        return created.getId();
    }

    /** An engineer nominates themselves; their manager then accepts or declines. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long nominateSelf(String targetLevelKey, String cycle, String justification) {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            throw new ValidationException("Only people of the organization can nominate themselves.");
        }
        var engineer = directory.require(me.personId());
        return create(engineer, targetLevelKey, cycle, justification, true, CaseStatus.PROPOSED, me)
                .getId();
    }

    private PromotionCase create(
            PersonCard engineer,
            String targetLevelKey,
            String cycle,
            String justification,
            boolean self,
            CaseStatus status,
            RungsUser me) {
        var problems = new ArrayList<String>();
        if (!engineer.active()) {
            problems.add(engineer.fullName() + " has left the organization.");
        }
        var target = inputs.target(engineer, targetLevelKey, problems);
        var cycleLabel = CaseInputs.cycle(cycle, problems);
        var text = CaseInputs.text(
                justification,
                "Write the justification: why " + engineer.fullName() + " is ready for "
                        + (targetLevelKey == null ? "the level" : targetLevelKey) + ".",
                problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        cases.findOpenOf(engineer.id(), CaseStatus.OPEN).ifPresent(open -> {
            throw new ValidationException(CaseInputs.openCaseMessage(engineer.fullName(), open));
        });
        var now = Instant.now(clock);
        var c = new PromotionCase(
                engineer.id(),
                engineer.fullName(),
                engineer.ladderId(),
                engineer.levelKey(),
                target,
                cycleLabel,
                status,
                self,
                me.personId(),
                me.displayName(),
                text,
                now);
        try {
            cases.saveAndFlush(c);
        } catch (DataIntegrityViolationException e) {
            // Someone opened a case for the same engineer at the same moment: the partial unique index refused it.
            throw new ValidationException(engineer.fullName() + " already has an open promotion case.");
        }
        var action = self ? CaseAction.NOMINATE_SELF : CaseAction.NOMINATE;
        events.save(new PromotionEvent(c.getId(), action, null, status, me.displayName(), null, now));
        access.audit(
                self ? "PROMOTION_SELF_NOMINATED" : "PROMOTION_NOMINATED",
                c,
                (self ? engineer.fullName() + " nominated themselves" : "Nominated " + engineer.fullName()) + " for "
                        + target + " (" + cycleLabel + ")",
                null,
                CaseAccess.snapshot(c));
        publisher.publishEvent(new CaseNominated(
                c.getId(),
                self,
                engineer.id(),
                engineer.fullName(),
                engineer.managerId(),
                me.displayName(),
                target,
                cycleLabel));
        return c;
    }

    // ---------------------------------------------------------------- status changes

    /** The manager accepts a self-nomination; the case becomes a draft they work on. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void accept(Long id, long expectedVersion, String note) {
        transition(id, expectedVersion, CaseAction.ACCEPT, note, c -> {});
    }

    /** The manager declines a self-nomination, with a reason the engineer reads. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void decline(Long id, long expectedVersion, String reason) {
        transition(id, expectedVersion, CaseAction.DECLINE, reason, c -> c.close(reason.strip()));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void submit(Long id, long expectedVersion, String note) {
        transition(id, expectedVersion, CaseAction.SUBMIT, note, c -> {});
    }

    /** Moves a submitted case into calibration; its packet is frozen as it is now. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void startCalibration(Long id, long expectedVersion, String note) {
        transition(id, expectedVersion, CaseAction.START_CALIBRATION, note, packets::freeze);
    }

    /**
     * Moves a submitted case into calibration at its current version, for a calibration session's start: the
     * facilitator confirmed the session, which moves all its submitted cases at once. Admins and the session's
     * facilitator (vouched for through {@link CaseReadGrant#facilitates}) may.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void startCalibrationForSession(Long id, String note) {
        move(id, null, new Move(CaseAction.START_CALIBRATION, note, null, null), packets::freeze);
    }

    /** Returns a case for changes: from calibration to SUBMITTED or DRAFT, or from SUBMITTED to DRAFT. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void returnForChanges(Long id, long expectedVersion, CaseStatus to, String reason) {
        var action = CaseAction.returnTo(to)
                .orElseThrow(() -> new ValidationException("A case is returned to Submitted or to Draft."));
        transition(id, expectedVersion, action, reason, c -> c.freeze(null));
    }

    /**
     * Approves a case in calibration: records the new level (effective on the given date) linked to the case and
     * tells the engineer, all in this transaction.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void approve(Long id, long expectedVersion, LocalDate effectiveDate, String note) {
        decide(id, expectedVersion, true, note, effectiveDate);
    }

    /** Decides "not yet" on a case in calibration, with written feedback for the engineer (required). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void notYet(Long id, long expectedVersion, String feedback) {
        decide(id, expectedVersion, false, feedback, null);
    }

    /**
     * The entry point for the calibration feature: applies a committee's decision to a case in calibration, without
     * an expected version (the committee decides on the frozen packet). Approval needs the effective date; "not yet"
     * needs the feedback. Same transaction rules as {@link #approve}.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void applyCalibrationDecision(Long caseId, boolean approved, String feedback, LocalDate effectiveDate) {
        decide(caseId, null, approved, feedback, effectiveDate);
    }

    private void decide(Long id, Long expectedVersion, boolean approved, String note, LocalDate effectiveDate) {
        if (approved && effectiveDate == null) {
            throw new ValidationException("Give the date the promotion takes effect.");
        }
        var action = approved ? CaseAction.APPROVE : CaseAction.NOT_YET;
        var c = move(id, expectedVersion, new Move(action, note, effectiveDate, null), x -> {
            if (!approved) {
                x.close(note.strip());
            }
            x.decide(effectiveDate, CurrentUser.actorName(), Instant.now(clock));
        });
        if (approved) {
            recordLevel(c, effectiveDate, note);
        }
    }

    /** Records the new level. The case is already APPROVED in this transaction: a failure here undoes all. */
    private void recordLevel(PromotionCase c, LocalDate effectiveDate, String note) {
        // Admins only (checked by the callers): they see everyone, and changeLevel needs the person's version.
        var engineer = people.details(c.getEngineerId());
        if (!c.getLadderId().equals(engineer.ladderId())) {
            throw new ValidationException(engineer.fullName()
                    + " is on another ladder than this case; return the case and nominate them again.");
        }
        ladders.published(c.getLadderId()).ifPresent(ladder -> {
            var current = ladder.level(engineer.levelKey());
            var target = ladder.level(c.getTargetLevelKey());
            if (current.isPresent()
                    && target.isPresent()
                    && target.get().position() <= current.get().position()) {
                throw new ValidationException(engineer.fullName() + " is already at " + engineer.levelKey()
                        + ", not below " + c.getTargetLevelKey() + "; this case cannot be approved.");
            }
        });
        var levelNote = "Promotion case #" + c.getId() + " (" + c.getCycle() + ")"
                + (note == null || note.isBlank() ? "" : ": " + note.strip());
        levels.changeLevel(
                engineer.id(),
                engineer.version(),
                c.getLadderId(),
                c.getTargetLevelKey(),
                effectiveDate,
                AssignmentReason.PROMOTION,
                levelNote.length() > 1000 ? levelNote.substring(0, 999) + "…" : levelNote,
                c.getId());
    }

    /** Withdraws an open case: the engineer, the manager of the line or an admin. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void withdraw(Long id, long expectedVersion, String note) {
        var c = access.load(id);
        var me = CurrentUser.require();
        // The engineer's own withdrawal is announced to their manager (a directory fact, readable by them).
        Long manager = c.getEngineerId().equals(me.personId())
                ? directory.card(c.getEngineerId()).map(PersonCard::managerId).orElse(null)
                : null;
        move(
                id,
                expectedVersion,
                new Move(CaseAction.WITHDRAW, note, null, manager),
                x -> x.close(CaseAccess.stripped(note)));
    }

    // ---------------------------------------------------------------- internals

    /** A status change: the action, its note, and what the notifications need to know beyond the case. */
    private record Move(CaseAction action, String note, LocalDate effectiveDate, Long engineerManagerId) {}

    private void transition(
            Long id, long expectedVersion, CaseAction action, String note, Consumer<PromotionCase> apply) {
        move(id, expectedVersion, new Move(action, note, null, null), apply);
    }

    /**
     * Takes a status-changing action: checks who may take it from the case's status, the expected version and the
     * note, moves the case, lets {@code apply} set what the new status needs (the decision, the closing note, the
     * frozen packet, the new level), then records the timeline step and the audit event and publishes
     * {@link CaseMoved}.
     */
    private PromotionCase move(Long id, Long expectedVersion, Move move, Consumer<PromotionCase> apply) {
        var action = move.action();
        var visit = access.require(id, expectedVersion, action, move.note());
        CaseAccess.checkNoteLength(move.note(), "A note");
        var c = visit.c();
        var from = c.getStatus();
        var now = Instant.now(clock);
        var before = CaseAccess.snapshot(c);
        c.take(action, visit.roles(), now);
        apply.accept(c);
        var text = CaseAccess.stripped(move.note());
        var me = CurrentUser.require();
        events.save(new PromotionEvent(c.getId(), action, from, action.to(), me.displayName(), text, now));
        cases.flush();
        access.audit(
                "PROMOTION_" + action.name(),
                c,
                action.label() + ": case of " + c.getEngineerName() + " for " + c.getTargetLevelKey() + " ("
                        + from.label() + " → " + action.to().label() + ")",
                before,
                CaseAccess.snapshot(c));
        publisher.publishEvent(new CaseMoved(
                c.getId(),
                action,
                c.getStatus(),
                c.getEngineerId(),
                c.getEngineerName(),
                c.getNominatedByPersonId(),
                c.getTargetLevelKey(),
                c.getCycle(),
                me.personId(),
                me.displayName(),
                text,
                move.effectiveDate(),
                move.engineerManagerId()));
        return c;
    }
}
