package app.rungs.promotion.service;

import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.Colleague;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonRow;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionComment;
import app.rungs.promotion.domain.PromotionCommentRepository;
import app.rungs.promotion.domain.PromotionEvent;
import app.rungs.promotion.domain.PromotionEventRepository;
import app.rungs.promotion.domain.PromotionNarrative;
import app.rungs.promotion.domain.PromotionNarrativeRepository;
import app.rungs.promotion.domain.PromotionNotMet;
import app.rungs.promotion.domain.PromotionNotMetRepository;
import app.rungs.promotion.domain.PromotionReviewer;
import app.rungs.promotion.domain.PromotionReviewerRepository;
import app.rungs.promotion.domain.SignOff;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Promotion cases from nomination to decision, with the evidence packet they are decided on.
 *
 * <p>Who sees a case: the engineer it is about, managers with the engineer in their reporting line, its reviewers
 * and admins; anyone else gets {@link NotFoundException}. What each of them may do is defined by {@link CaseAction};
 * the engineer of a case only ever acts as the engineer. Committee notes, reviewers' sign-off comments and the
 * reasons for returning a case are never given to the engineer.
 *
 * <p>Reviewers are often outside the engineer's reporting line. Once this service has established that the signed-in
 * user reviews the case, it reads the engineer's profile and evidence coverage for them with the system identity, so
 * the reviewer sees the same packet as the manager (read only).
 *
 * <p>Approval ({@link #approve}, {@link #applyCalibrationDecision}) records the new level through
 * {@link PeopleService#changeLevel} and notifies the engineer in the same transaction: if any part fails, nothing of
 * the approval remains.
 */
@Service
public class PromotionService {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTE = 4_000;
    static final int MAX_REVIEWERS = 8;
    static final int MAX_EVIDENCE = 500;

    private static final Map<String, String> SORTABLE = Map.of(
            "engineerName", "engineerName",
            "status", "status",
            "cycle", "cycle",
            "targetLevelKey", "targetLevelKey",
            "updatedAt", "updatedAt");

    private final PromotionCaseRepository cases;
    private final PromotionNarrativeRepository narratives;
    private final PromotionNotMetRepository notMets;
    private final PromotionReviewerRepository reviewers;
    private final PromotionEventRepository events;
    private final PromotionCommentRepository comments;
    private final PeopleService people;
    private final LadderService ladders;
    private final EvidenceService evidence;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PromotionService(
            PromotionCaseRepository cases,
            PromotionNarrativeRepository narratives,
            PromotionNotMetRepository notMets,
            PromotionReviewerRepository reviewers,
            PromotionEventRepository events,
            PromotionCommentRepository comments,
            PeopleService people,
            LadderService ladders,
            EvidenceService evidence,
            NotificationService notifications,
            AuditService audit,
            Clock clock) {
        this.cases = cases;
        this.narratives = narratives;
        this.notMets = notMets;
        this.reviewers = reviewers;
        this.events = events;
        this.comments = comments;
        this.people = people;
        this.ladders = ladders;
        this.evidence = evidence;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists

    /**
     * One page of the cases the signed-in user may see: admins all, managers their reporting line's, everyone their
     * own and the ones they review.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CaseRow> find(CaseFilter filter, Pageable page) {
        var scope = Scope.of(CurrentUser.require(), this::lineIds);
        if (scope.isEmpty()) {
            return List.of();
        }
        var sort = sort(page.getSort());
        return cases
                .findBy(
                        visible(scope, filter),
                        q -> q.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), sort)))
                .stream()
                .map(PromotionService::row)
                .toList();
    }

    /** One engineer's cases the signed-in user may see, newest first (the person page's "Promotion cases" tab). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<CaseRow> casesOf(Long engineerId) {
        var scope = Scope.of(CurrentUser.require(), this::lineIds);
        if (scope.isEmpty() || engineerId == null) {
            return List.of();
        }
        Specification<PromotionCase> ofEngineer = (root, query, cb) -> cb.equal(root.get("engineerId"), engineerId);
        return find(ofEngineer.and(visible(scope, CaseFilter.none())), 100);
    }

    static CaseRow row(PromotionCase c) {
        return new CaseRow(
                c.getId(),
                c.getEngineerId(),
                c.getEngineerName(),
                c.getCurrentLevelKey(),
                c.getTargetLevelKey(),
                c.getCycle(),
                c.getStatus(),
                c.isSelfNominated(),
                c.getNominatedByName(),
                c.getUpdatedAt());
    }

    private List<CaseRow> find(Specification<PromotionCase> spec, int limit) {
        return cases
                .findBy(spec, q -> q.slice(PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "updatedAt", "id"))))
                .stream()
                .map(PromotionService::row)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long count(CaseFilter filter) {
        var scope = Scope.of(CurrentUser.require(), this::lineIds);
        return scope.isEmpty() ? 0 : cases.count(visible(scope, filter));
    }

    /** How many cases exist at all; the demo seeds its cases into an empty log only. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long countAll() {
        return cases.count();
    }

    /** Cycle labels in use, newest first, for the grid's filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> cycles() {
        var scope = Scope.of(CurrentUser.require(), this::lineIds);
        if (scope.all()) {
            return cases.cycles();
        }
        // Others learn only the cycles of cases they may see, not which cycles the organization ran.
        return visibleCases(scope).stream()
                .map(PromotionCase::getCycle)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** Target levels in use, for the grid's filter; non-admins only those of cases they may see. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> targetLevels() {
        var scope = Scope.of(CurrentUser.require(), this::lineIds);
        if (scope.all()) {
            return cases.targetLevels();
        }
        return visibleCases(scope).stream()
                .map(PromotionCase::getTargetLevelKey)
                .distinct()
                .sorted()
                .toList();
    }

    private List<PromotionCase> visibleCases(Scope scope) {
        return scope.isEmpty() ? List.of() : cases.findAll(visible(scope, null));
    }

    /** The signed-in engineer's open case, if any. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<CaseRow> myOpenCase() {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return Optional.empty();
        }
        return cases.findOpenOf(me, CaseStatus.OPEN)
                .map(c -> new CaseRow(
                        c.getId(),
                        c.getEngineerId(),
                        c.getEngineerName(),
                        c.getCurrentLevelKey(),
                        c.getTargetLevelKey(),
                        c.getCycle(),
                        c.getStatus(),
                        c.isSelfNominated(),
                        c.getNominatedByName(),
                        c.getUpdatedAt()));
    }

    /** People a manager may nominate: their reporting line, placed on a ladder. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public List<PersonRow> nominationCandidates() {
        return people.myReportingLine().stream()
                .filter(p -> p.active() && p.ladderId() != null)
                .toList();
    }

    /** The levels above a person's current one (null: the signed-in user), nearest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LadderContent.LevelView> targetLevels(Long personId) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            return List.of();
        }
        var person = people.details(id);
        if (person.ladderId() == null) {
            return List.of();
        }
        return ladders.published(person.ladderId())
                .map(ladder -> {
                    var current = ladder.level(person.levelKey());
                    return ladder.levels().stream()
                            .filter(l -> current.isEmpty()
                                    || l.position() > current.get().position())
                            .toList();
                })
                .orElse(List.of());
    }

    /** Colleagues who may be chosen as reviewers, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Colleague> reviewerCandidates(String text, int limit) {
        return people.colleagues(text, limit);
    }

    // ---------------------------------------------------------------- one case

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CaseDetails details(Long id) {
        var c = cases.findById(id).orElseThrow(PromotionService::caseNotFound);
        var reviewerRows = reviewers.findByCase(id);
        var roles = roles(c, reviewerRows);
        if (roles.isEmpty()) {
            throw caseNotFound();
        }
        return details(c, reviewerRows, roles);
    }

    /**
     * A case as someone in the given roles sees it, for a data export that decided itself who may read what (see
     * {@link PromotionPrivacyData}): the engineer's copy has no committee notes, the admin's has everything.
     */
    CaseDetails detailsAs(Long id, Set<CaseRole> roles) {
        var c = cases.findById(id).orElseThrow(PromotionService::caseNotFound);
        return details(c, reviewers.findByCase(id), roles);
    }

    private CaseDetails details(PromotionCase c, List<PromotionReviewer> reviewerRows, Set<CaseRole> roles) {
        boolean engineer = roles.contains(CaseRole.ENGINEER);
        boolean committee = roles.contains(CaseRole.ADMIN)
                || roles.contains(CaseRole.LINE_MANAGER)
                || roles.contains(CaseRole.REVIEWER);
        var packet = packet(c, roles);
        var reviewerViews = reviewerRows.stream()
                .map(r -> new CaseDetails.Reviewer(
                        r.getPersonId(),
                        r.getPersonName(),
                        r.getSignOff(),
                        engineer ? null : r.getSignOffComment(),
                        r.getSignedAt()))
                .toList();
        var timeline = events.findByCase(c.getId()).stream()
                .map(e -> new CaseDetails.Event(
                        e.getAction(),
                        e.getFromStatus(),
                        e.getToStatus(),
                        e.getActorName(),
                        engineer && !e.getAction().noteShownToEngineer() ? null : e.getNote(),
                        e.getOccurredAt()))
                .toList();
        var kinds = committee ? EnumSet.allOf(CommentKind.class) : EnumSet.of(CommentKind.COMMENT);
        var thread = comments.findByCase(c.getId(), kinds).stream()
                .map(x -> new CaseDetails.Comment(
                        x.getId(), x.getKind(), x.getAuthorName(), x.getBody(), x.getCreatedAt()))
                .toList();
        return new CaseDetails(
                c.getId(),
                c.getEngineerId(),
                c.getEngineerName(),
                c.getLadderId(),
                c.getCycle(),
                c.getStatus(),
                c.isSelfNominated(),
                c.getNominatedByName(),
                c.getJustification(),
                c.getClosingNote(),
                c.getEffectiveDate(),
                c.getDecidedAt(),
                c.getDecidedBy(),
                c.getCreatedAt(),
                c.getUpdatedAt(),
                c.getVersion(),
                packet,
                reviewerViews,
                timeline,
                thread,
                Set.copyOf(roles),
                CaseAction.allowed(c.getStatus(), roles));
    }

    /** The packet as a Markdown document for a committee (no comments, committee notes or sign-off comments). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public String exportMarkdown(Long id) {
        return PacketMarkdown.render(details(id), LocalDate.now(clock));
    }

    /** The packet as a PDF for a committee (no comments, committee notes or sign-off comments). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public byte[] exportPdf(Long id) {
        return PacketPdf.render(details(id), LocalDate.now(clock));
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
        var engineer = people.details(engineerId);
        var created = create(engineer, targetLevelKey, cycle, justification, false, CaseStatus.DRAFT, me);
        notifications.notify(
                engineer.id(),
                me.displayName() + " nominated you for " + targetLevelKey,
                "Your promotion case for the " + cycle + " cycle has been started. You can follow it in Promotions.",
                PromotionRoutes.promotionCase(created.getId()));
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
        var engineer = people.details(me.personId());
        var created = create(engineer, targetLevelKey, cycle, justification, true, CaseStatus.PROPOSED, me);
        if (engineer.managerId() != null) {
            notifications.notify(
                    engineer.managerId(),
                    engineer.fullName() + " nominated themselves for " + targetLevelKey,
                    "Accept the nomination to start the promotion packet, or decline it with a reason.",
                    PromotionRoutes.promotionCase(created.getId()));
        }
        return created.getId();
    }

    private PromotionCase create(
            PersonDetails engineer,
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
        var target = checkTarget(engineer, targetLevelKey, problems);
        var cycleLabel = checkCycle(cycle, problems);
        var text = checkText(
                justification,
                "Write the justification: why " + engineer.fullName() + " is ready for "
                        + (targetLevelKey == null ? "the level" : targetLevelKey) + ".",
                problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        cases.findOpenOf(engineer.id(), CaseStatus.OPEN).ifPresent(open -> {
            throw new ValidationException(openCaseMessage(engineer.fullName(), open));
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
        audit.record(
                self ? "PROMOTION_SELF_NOMINATED" : "PROMOTION_NOMINATED",
                "PromotionCase",
                c.getId(),
                (self ? engineer.fullName() + " nominated themselves" : "Nominated " + engineer.fullName()) + " for "
                        + target + " (" + cycleLabel + ")",
                null,
                snapshot(c));
        return c;
    }

    private static String openCaseMessage(String name, PromotionCase open) {
        return name + " already has an open promotion case (#" + open.getId() + ", "
                + open.getStatus().label().toLowerCase(Locale.ROOT) + ", for " + open.getTargetLevelKey()
                + "). Finish or withdraw it before starting another.";
    }

    private String checkTarget(PersonDetails engineer, String targetLevelKey, List<String> problems) {
        if (engineer.ladderId() == null) {
            problems.add(engineer.fullName() + " is not placed on a ladder yet.");
            return null;
        }
        if (targetLevelKey == null || targetLevelKey.isBlank()) {
            problems.add("Choose the target level.");
            return null;
        }
        var ladder = ladders.published(engineer.ladderId()).orElse(null);
        if (ladder == null) {
            problems.add("The ladder of " + engineer.fullName() + " has no published version.");
            return null;
        }
        var target = ladder.level(targetLevelKey.strip());
        if (target.isEmpty()) {
            problems.add("Level " + targetLevelKey.strip() + " is not part of "
                    + ladder.version().ladderName() + ", the ladder of " + engineer.fullName() + ".");
            return null;
        }
        var current = ladder.level(engineer.levelKey());
        if (current.isPresent() && target.get().position() <= current.get().position()) {
            problems.add(target.get().key() + " is not above " + engineer.fullName() + "'s current level "
                    + current.get().key() + "; a promotion case targets a higher level of the same ladder.");
            return null;
        }
        return target.get().key();
    }

    private static String checkCycle(String cycle, List<String> problems) {
        if (cycle == null || cycle.isBlank()) {
            problems.add("Give the promotion cycle, like 2026-H2.");
            return null;
        }
        var label = cycle.strip();
        if (!Cycles.LABEL.matcher(label).matches()) {
            problems.add("A cycle is 2 to 20 letters, digits, spaces, dots, dashes or underscores, like 2026-H2.");
            return null;
        }
        return label;
    }

    private static String checkText(String text, String missing, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(missing);
            return null;
        }
        if (text.length() > MAX_TEXT) {
            problems.add("Texts are at most " + MAX_TEXT + " characters long.");
            return null;
        }
        return text.strip();
    }

    // ---------------------------------------------------------------- editing the content

    /** Changes target level, cycle and justification (while DRAFT or SUBMITTED). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void update(Long id, long expectedVersion, String targetLevelKey, String cycle, String justification) {
        var c = editable(id, expectedVersion);
        var before = snapshot(c);
        // Editors are the manager of the line or an admin: both see the engineer.
        var engineer = people.details(c.getEngineerId());
        var problems = new ArrayList<String>();
        var target = checkTarget(engineer, targetLevelKey, problems);
        var cycleLabel = checkCycle(cycle, problems);
        var text = checkText(justification, "Write the justification.", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!engineer.ladderId().equals(c.getLadderId())) {
            throw new ValidationException(engineer.fullName()
                    + " moved to another ladder since the nomination; withdraw this case and start a new one.");
        }
        c.describe(engineer.levelKey(), target, cycleLabel, text, Instant.now(clock));
        cases.flush();
        audit.record(
                "PROMOTION_UPDATED",
                "PromotionCase",
                id,
                "Updated the case of " + c.getEngineerName() + " (" + target + ", " + cycleLabel + ")",
                before,
                snapshot(c));
    }

    /** Writes the narrative of a competency area (blank removes it), while DRAFT or SUBMITTED. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void setNarrative(Long id, long expectedVersion, String areaKey, String body) {
        var c = editable(id, expectedVersion);
        var area = requireArea(c, areaKey);
        if (body != null && body.length() > MAX_TEXT) {
            throw new ValidationException("A narrative is at most " + MAX_TEXT + " characters long.");
        }
        var existing = narratives.findByCaseAndArea(id, area.key());
        var before = existing.map(PromotionNarrative::getBody).orElse(null);
        var now = Instant.now(clock);
        if (body == null || body.isBlank()) {
            existing.ifPresent(narratives::delete);
        } else {
            var n = existing.orElseGet(() -> new PromotionNarrative(id, area.key()));
            n.write(body.strip(), CurrentUser.require().displayName(), now);
            narratives.save(n);
        }
        c.touch(now);
        cases.flush();
        audit.record(
                "PROMOTION_NARRATIVE_SET",
                "PromotionCase",
                id,
                "Narrative for " + area.name() + " in the case of " + c.getEngineerName(),
                before == null ? null : Map.of("narrative", before),
                body == null || body.isBlank() ? null : Map.of("narrative", body.strip()));
    }

    /** Marks a competency of the target level as not met, with the explanation (required). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void markNotMet(Long id, long expectedVersion, String competencyKey, String explanation) {
        var c = editable(id, expectedVersion);
        var competency = requireCompetency(c, competencyKey);
        if (explanation == null || explanation.isBlank()) {
            throw new ValidationException("Explain why " + competency.name() + " is not met yet.");
        }
        if (explanation.length() > MAX_NOTE) {
            throw new ValidationException("An explanation is at most " + MAX_NOTE + " characters long.");
        }
        var now = Instant.now(clock);
        var mark = notMets.findByCaseAndCompetency(id, competency.key())
                .orElseGet(() -> new PromotionNotMet(id, competency.key()));
        var before = mark.getExplanation();
        mark.explain(explanation.strip(), CurrentUser.require().displayName(), now);
        notMets.save(mark);
        c.touch(now);
        cases.flush();
        audit.record(
                "PROMOTION_NOT_MET_MARKED",
                "PromotionCase",
                id,
                competency.name() + " marked not met in the case of " + c.getEngineerName(),
                before == null ? null : Map.of("explanation", before),
                Map.of("competency", competency.key(), "explanation", explanation.strip()));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void clearNotMet(Long id, long expectedVersion, String competencyKey) {
        var c = editable(id, expectedVersion);
        var mark = notMets.findByCaseAndCompetency(id, competencyKey)
                .orElseThrow(() -> new ValidationException(competencyKey + " is not marked as not met."));
        notMets.delete(mark);
        c.touch(Instant.now(clock));
        cases.flush();
        audit.record(
                "PROMOTION_NOT_MET_CLEARED",
                "PromotionCase",
                id,
                "Cleared the \"not met\" mark of " + competencyKey + " in the case of " + c.getEngineerName(),
                Map.of("competency", competencyKey, "explanation", mark.getExplanation()),
                null);
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void addReviewer(Long id, long expectedVersion, Long personId) {
        var c = editable(id, expectedVersion);
        if (personId == null) {
            throw new ValidationException("Choose the reviewer.");
        }
        if (personId.equals(c.getEngineerId())) {
            throw new ValidationException(c.getEngineerName() + " cannot review their own case.");
        }
        var current = reviewers.findByCase(id);
        if (current.stream().anyMatch(r -> r.getPersonId().equals(personId))) {
            throw new ValidationException("That person already reviews this case.");
        }
        if (current.size() >= MAX_REVIEWERS) {
            throw new ValidationException("A case has at most " + MAX_REVIEWERS + " reviewers.");
        }
        // Reviewers are chosen across the organization (see reviewerCandidates), often outside the editor's line.
        var reviewer = SystemAuthentication.call(() -> people.details(personId));
        if (!reviewer.active()) {
            throw new ValidationException("Only active people of the organization can review a case.");
        }
        var now = Instant.now(clock);
        reviewers.save(new PromotionReviewer(id, personId, reviewer.fullName(), CurrentUser.actorName(), now));
        c.touch(now);
        cases.flush();
        audit.record(
                "PROMOTION_REVIEWER_ADDED",
                "PromotionCase",
                id,
                reviewer.fullName() + " reviews the case of " + c.getEngineerName(),
                null,
                Map.of("reviewer", personId));
        notifications.notify(
                personId,
                "Please review " + c.getEngineerName() + "'s promotion case",
                CurrentUser.require().displayName() + " asked you to review the case for " + c.getTargetLevelKey()
                        + " (" + c.getCycle() + ") and sign it off.",
                PromotionRoutes.promotionCase(id));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeReviewer(Long id, long expectedVersion, Long personId) {
        var c = editable(id, expectedVersion);
        var reviewer = reviewers
                .findByCaseAndPerson(id, personId)
                .orElseThrow(() -> new ValidationException("That person does not review this case."));
        reviewers.delete(reviewer);
        c.touch(Instant.now(clock));
        cases.flush();
        audit.record(
                "PROMOTION_REVIEWER_REMOVED",
                "PromotionCase",
                id,
                reviewer.getPersonName() + " no longer reviews the case of " + c.getEngineerName(),
                Map.of("reviewer", personId),
                null);
    }

    // ---------------------------------------------------------------- status changes

    /** The manager accepts a self-nomination; the case becomes a draft they work on. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void accept(Long id, long expectedVersion, String note) {
        var c = transition(id, expectedVersion, CaseAction.ACCEPT, note);
        notifications.notify(
                c.getEngineerId(),
                "Your self-nomination for " + c.getTargetLevelKey() + " was accepted",
                CurrentUser.require().displayName() + " accepted it and is preparing your promotion packet.",
                PromotionRoutes.promotionCase(id));
    }

    /** The manager declines a self-nomination, with a reason the engineer reads. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void decline(Long id, long expectedVersion, String reason) {
        var c = transition(id, expectedVersion, CaseAction.DECLINE, reason, x -> x.close(reason.strip()));
        notifications.notify(
                c.getEngineerId(),
                "Your self-nomination for " + c.getTargetLevelKey() + " was declined",
                reason.strip(),
                PromotionRoutes.promotionCase(id));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void submit(Long id, long expectedVersion, String note) {
        var c = transition(id, expectedVersion, CaseAction.SUBMIT, note);
        notifications.notify(
                c.getEngineerId(),
                "Your promotion case for " + c.getTargetLevelKey() + " was submitted",
                "It now waits for calibration in the " + c.getCycle() + " cycle.",
                PromotionRoutes.promotionCase(id));
    }

    /** Moves a submitted case into calibration; its packet is frozen as it is now. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void startCalibration(Long id, long expectedVersion, String note) {
        transition(id, expectedVersion, CaseAction.START_CALIBRATION, note, c -> {
            var packet = livePacket(c, EnumSet.of(CaseRole.ADMIN));
            c.freeze(json.writeValueAsString(new Packet(
                    packet.ladderName(),
                    packet.currentLevelKey(),
                    packet.currentLevelTitle(),
                    packet.targetLevelKey(),
                    packet.targetLevelTitle(),
                    packet.areas(),
                    packet.readiness(),
                    true,
                    Instant.now(clock))));
        });
    }

    /** Returns a case for changes: from calibration to SUBMITTED or DRAFT, or from SUBMITTED to DRAFT. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void returnForChanges(Long id, long expectedVersion, CaseStatus to, String reason) {
        var action = switch (to) {
            case SUBMITTED -> CaseAction.RETURN_TO_SUBMITTED;
            case DRAFT -> CaseAction.RETURN_TO_DRAFT;
            case null, default -> throw new ValidationException("A case is returned to Submitted or to Draft.");
        };
        transition(id, expectedVersion, action, reason, c -> c.freeze(null));
    }

    /**
     * Approves a case in calibration: records the new level (effective on the given date) linked to the case and
     * tells the engineer, all in this transaction.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void approve(Long id, long expectedVersion, LocalDate effectiveDate, String note) {
        if (effectiveDate == null) {
            throw new ValidationException("Give the date the promotion takes effect.");
        }
        var c = transition(id, expectedVersion, CaseAction.APPROVE, note, x -> decideApproved(x, effectiveDate));
        applyApproval(c, effectiveDate, note);
    }

    /** Decides "not yet" on a case in calibration, with written feedback for the engineer (required). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void notYet(Long id, long expectedVersion, String feedback) {
        var c = transition(id, expectedVersion, CaseAction.NOT_YET, feedback, x -> decideNotYet(x, feedback));
        notifyNotYet(c, feedback);
    }

    /**
     * The entry point for the calibration feature: applies a committee's decision to a case in calibration, without
     * an expected version (the committee decides on the frozen packet). Approval needs the effective date; "not yet"
     * needs the feedback. Same transaction rules as {@link #approve}.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void applyCalibrationDecision(Long caseId, boolean approved, String feedback, LocalDate effectiveDate) {
        var c = cases.findById(caseId).orElseThrow(PromotionService::caseNotFound);
        if (approved) {
            if (effectiveDate == null) {
                throw new ValidationException("Give the date the promotion takes effect.");
            }
            transition(caseId, c.getVersion(), CaseAction.APPROVE, feedback, x -> decideApproved(x, effectiveDate));
            applyApproval(c, effectiveDate, feedback);
        } else {
            transition(caseId, c.getVersion(), CaseAction.NOT_YET, feedback, x -> decideNotYet(x, feedback));
            notifyNotYet(c, feedback);
        }
    }

    private void decideApproved(PromotionCase c, LocalDate effectiveDate) {
        c.decide(effectiveDate, CurrentUser.actorName(), Instant.now(clock));
    }

    private void decideNotYet(PromotionCase c, String feedback) {
        c.close(feedback.strip());
        c.decide(null, CurrentUser.actorName(), Instant.now(clock));
    }

    /** Records the level and tells the engineer. The case is already APPROVED in the database: a failure undoes all. */
    private void applyApproval(PromotionCase c, LocalDate effectiveDate, String note) {
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
        people.changeLevel(
                engineer.id(),
                engineer.version(),
                c.getLadderId(),
                c.getTargetLevelKey(),
                effectiveDate,
                AssignmentReason.PROMOTION,
                levelNote.length() > 1000 ? levelNote.substring(0, 999) + "…" : levelNote,
                c.getId());
        notifications.notify(
                engineer.id(),
                "Congratulations — your promotion to " + c.getTargetLevelKey() + " was approved",
                "Effective " + PacketFacts.date(effectiveDate) + "."
                        + (note == null || note.isBlank() ? "" : " " + note.strip()),
                PromotionRoutes.promotionCase(c.getId()));
    }

    private void notifyNotYet(PromotionCase c, String feedback) {
        notifications.notify(
                c.getEngineerId(),
                "Promotion decision for " + c.getTargetLevelKey() + ": not yet",
                feedback.strip(),
                PromotionRoutes.promotionCase(c.getId()));
    }

    /** Withdraws an open case: the engineer, the manager of the line or an admin. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void withdraw(Long id, long expectedVersion, String note) {
        var c = transition(
                id,
                expectedVersion,
                CaseAction.WITHDRAW,
                note,
                x -> x.close(note == null || note.isBlank() ? null : note.strip()));
        var me = CurrentUser.require();
        if (c.getEngineerId().equals(me.personId())) {
            var engineer = people.details(c.getEngineerId());
            if (engineer.managerId() != null) {
                notifications.notify(
                        engineer.managerId(),
                        c.getEngineerName() + " withdrew their promotion case",
                        note,
                        PromotionRoutes.promotionCase(id));
            }
        } else {
            notifications.notify(
                    c.getEngineerId(),
                    "Your promotion case for " + c.getTargetLevelKey() + " was withdrawn",
                    note,
                    PromotionRoutes.promotionCase(id));
        }
    }

    // ---------------------------------------------------------------- reviewers and comments

    /** A reviewer of the case signs it off: approve, or concerns (with a comment). Can be changed until decided. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void signOff(Long id, SignOff verdict, String comment) {
        var c = cases.findById(id).orElseThrow(PromotionService::caseNotFound);
        var reviewerRows = reviewers.findByCase(id);
        require(CaseAction.SIGN_OFF, c, roles(c, reviewerRows));
        if (verdict == null) {
            throw new ValidationException("Choose whether you approve or have concerns.");
        }
        if (verdict == SignOff.CONCERNS && (comment == null || comment.isBlank())) {
            throw new ValidationException("Describe your concerns so the committee can weigh them.");
        }
        if (comment != null && comment.length() > MAX_NOTE) {
            throw new ValidationException("A sign-off comment is at most " + MAX_NOTE + " characters long.");
        }
        var me = CurrentUser.require().personId();
        var mine = reviewerRows.stream()
                .filter(r -> r.getPersonId().equals(me))
                .findFirst()
                .orElseThrow();
        var before = mine.getSignOff();
        mine.signOff(verdict, comment == null || comment.isBlank() ? null : comment.strip(), Instant.now(clock));
        reviewers.flush();
        audit.record(
                "PROMOTION_SIGNED_OFF",
                "PromotionCase",
                id,
                mine.getPersonName() + " " + verdict.label().toLowerCase(Locale.ROOT) + " on the case of "
                        + c.getEngineerName(),
                before == null ? null : Map.of("signOff", before.name()),
                Map.of("signOff", verdict.name()));
    }

    /** Adds a comment, or a committee note that the engineer never sees. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long comment(Long id, CommentKind kind, String body) {
        var c = cases.findById(id).orElseThrow(PromotionService::caseNotFound);
        var action = kind == CommentKind.COMMITTEE_NOTE ? CaseAction.COMMITTEE_NOTE : CaseAction.COMMENT;
        require(action, c, roles(c, reviewers.findByCase(id)));
        if (body == null || body.isBlank()) {
            throw new ValidationException("Write the comment first.");
        }
        if (body.length() > MAX_NOTE) {
            throw new ValidationException("A comment is at most " + MAX_NOTE + " characters long.");
        }
        var me = CurrentUser.require();
        var saved = comments.save(new PromotionComment(
                id,
                action == CaseAction.COMMITTEE_NOTE ? CommentKind.COMMITTEE_NOTE : CommentKind.COMMENT,
                me.personId(),
                me.displayName(),
                body.strip(),
                Instant.now(clock)));
        comments.flush();
        audit.record(
                action == CaseAction.COMMITTEE_NOTE ? "PROMOTION_COMMITTEE_NOTE" : "PROMOTION_COMMENTED",
                "PromotionCase",
                id,
                (action == CaseAction.COMMITTEE_NOTE ? "Committee note on" : "Comment on") + " the case of "
                        + c.getEngineerName(),
                null,
                null);
        return saved.getId();
    }

    // ---------------------------------------------------------------- internals

    private PromotionCase transition(Long id, long expectedVersion, CaseAction action, String note) {
        return transition(id, expectedVersion, action, note, c -> {});
    }

    /**
     * Takes a status-changing action: checks who may take it from the case's status, the expected version and the
     * note, moves the case, lets {@code apply} set what the new status needs (the decision, the closing note, the
     * frozen packet), then records the timeline step and the audit event.
     */
    private PromotionCase transition(
            Long id, long expectedVersion, CaseAction action, String note, Consumer<PromotionCase> apply) {
        var c = cases.findById(id).orElseThrow(PromotionService::caseNotFound);
        require(action, c, roles(c, reviewers.findByCase(id)));
        checkVersion(c, expectedVersion);
        if (action.note() == CaseAction.Note.REQUIRED && (note == null || note.isBlank())) {
            throw new ValidationException(
                    switch (action) {
                        case DECLINE -> "Give the reason for declining, so " + c.getEngineerName() + " knows why.";
                        case NOT_YET ->
                            "Write the feedback for " + c.getEngineerName() + ": what is still missing for "
                                    + c.getTargetLevelKey() + ".";
                        default -> "Say what needs to change before the case comes back.";
                    });
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new ValidationException("A note is at most " + MAX_NOTE + " characters long.");
        }
        var from = c.getStatus();
        var now = Instant.now(clock);
        var before = snapshot(c);
        c.moveTo(action.to(), now);
        apply.accept(c);
        var text = note == null || note.isBlank() ? null : note.strip();
        events.save(new PromotionEvent(
                c.getId(), action, from, action.to(), CurrentUser.require().displayName(), text, now));
        cases.flush();
        audit.record(
                "PROMOTION_" + action.name(),
                "PromotionCase",
                c.getId(),
                action.label() + ": case of " + c.getEngineerName() + " for " + c.getTargetLevelKey() + " ("
                        + from.label() + " → " + action.to().label() + ")",
                before,
                snapshot(c));
        tellWatchers(c, action, text);
        return c;
    }

    /**
     * Tells the engineer and the nominating manager that the case moved, except whoever moved it. Steps that send
     * the engineer a message of their own (accept, decline, submit, decisions, withdrawal) tell only the manager here.
     */
    private void tellWatchers(PromotionCase c, CaseAction action, String note) {
        var me = CurrentUser.require();
        var recipients = new LinkedHashSet<Long>();
        if (!OWN_ENGINEER_MESSAGE.contains(action)) {
            recipients.add(c.getEngineerId());
        }
        if (c.getNominatedByPersonId() != null && action != CaseAction.WITHDRAW) {
            recipients.add(c.getNominatedByPersonId());
        }
        recipients.remove(me.personId());
        var status = switch (action) {
            case RETURN_TO_DRAFT -> "returned to Draft";
            case RETURN_TO_SUBMITTED -> "returned to Submitted";
            default -> "now " + c.getStatus().label().toLowerCase(Locale.ROOT);
        };
        for (var personId : recipients) {
            boolean engineer = personId.equals(c.getEngineerId());
            // Notes on these steps are for the managers and the committee (a return's reason is not shown to the
            // engineer, see 0007), so the engineer hears only that the case moved.
            notifications.notify(
                    personId,
                    (engineer ? "Your promotion case" : c.getEngineerName() + "'s case") + " for "
                            + c.getTargetLevelKey() + " is " + status,
                    engineer || note == null ? me.displayName() + " moved it." : me.displayName() + ": " + note,
                    PromotionRoutes.promotionCase(c.getId()));
        }
    }

    private static final Set<CaseAction> OWN_ENGINEER_MESSAGE = EnumSet.of(
            CaseAction.ACCEPT,
            CaseAction.DECLINE,
            CaseAction.SUBMIT,
            CaseAction.APPROVE,
            CaseAction.NOT_YET,
            CaseAction.WITHDRAW);

    /** Loads a case for a content change: visible, editable by the user in its status, at the expected version. */
    private PromotionCase editable(Long id, long expectedVersion) {
        var c = cases.findById(id).orElseThrow(PromotionService::caseNotFound);
        require(CaseAction.EDIT, c, roles(c, reviewers.findByCase(id)));
        checkVersion(c, expectedVersion);
        return c;
    }

    /**
     * Checks that the user may take the action: not visible → not found; no permission → access denied; wrong
     * status → a validation message that says what to do.
     */
    private static void require(CaseAction action, PromotionCase c, Set<CaseRole> roles) {
        if (roles.isEmpty()) {
            throw caseNotFound();
        }
        if (roles.stream().noneMatch(action.who()::contains)) {
            throw new AccessDeniedException(
                    "You may not " + action.label().toLowerCase(Locale.ROOT) + " on this case.");
        }
        if (!action.from().contains(c.getStatus())) {
            var status = c.getStatus();
            if (action == CaseAction.EDIT && status == CaseStatus.IN_CALIBRATION) {
                throw new ValidationException(
                        "The case is in calibration, so its content is frozen. Return it for" + " changes first.");
            }
            throw new ValidationException("The case is " + status.label().toLowerCase(Locale.ROOT) + "; \""
                    + action.label() + "\" is possible only when it is "
                    + action.from().stream()
                            .map(s -> s.label().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(" or "))
                    + ".");
        }
    }

    private static void checkVersion(PromotionCase c, long expectedVersion) {
        if (c.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The promotion case of " + c.getEngineerName());
        }
    }

    private static NotFoundException caseNotFound() {
        return new NotFoundException("Promotion case not found");
    }

    /** How the signed-in user relates to the case; empty when they may not see it. */
    private Set<CaseRole> roles(PromotionCase c, List<PromotionReviewer> reviewerRows) {
        var me = CurrentUser.require();
        if (me.personId() != null && me.personId().equals(c.getEngineerId())) {
            return EnumSet.of(CaseRole.ENGINEER);
        }
        var roles = EnumSet.noneOf(CaseRole.class);
        if (me.has(Role.ADMIN)) {
            roles.add(CaseRole.ADMIN);
        }
        if (me.personId() != null) {
            if (me.has(Role.MANAGER) && people.canSee(c.getEngineerId())) {
                roles.add(CaseRole.LINE_MANAGER);
            }
            if (reviewerRows.stream().anyMatch(r -> r.getPersonId().equals(me.personId()))) {
                roles.add(CaseRole.REVIEWER);
            }
        }
        return roles;
    }

    /** Reads about the case's engineer: directly when the user sees them, as the system for a reviewer only. */
    private <T> T asCaseViewer(Set<CaseRole> roles, Supplier<T> read) {
        boolean seesEngineer = roles.contains(CaseRole.ADMIN)
                || roles.contains(CaseRole.LINE_MANAGER)
                || roles.contains(CaseRole.ENGINEER);
        return seesEngineer ? read.get() : SystemAuthentication.call(read);
    }

    private Packet packet(PromotionCase c, Set<CaseRole> roles) {
        if (c.getFrozenPacket() != null) {
            return json.readValue(c.getFrozenPacket(), Packet.class);
        }
        return livePacket(c, roles);
    }

    private Packet livePacket(PromotionCase c, Set<CaseRole> roles) {
        var now = Instant.now(clock);
        var ladder = ladders.published(c.getLadderId()).orElse(null);
        if (ladder == null) {
            return PacketBuilder.empty(c.getCurrentLevelKey(), c.getTargetLevelKey(), now);
        }
        var narrativeMap = narratives.findByCase(c.getId()).stream()
                .collect(Collectors.toMap(PromotionNarrative::getAreaKey, PromotionNarrative::getBody));
        var notMetMap = notMets.findByCase(c.getId()).stream()
                .collect(Collectors.toMap(PromotionNotMet::getCompetencyKey, PromotionNotMet::getExplanation));
        var evidenceReadable = ladder.level(c.getTargetLevelKey()).isPresent();
        var engineer = asCaseViewer(roles, () -> people.details(c.getEngineerId()));
        if (!evidenceReadable || !c.getLadderId().equals(engineer.ladderId())) {
            return PacketBuilder.build(
                    ladder,
                    c.getCurrentLevelKey(),
                    c.getTargetLevelKey(),
                    null,
                    List.of(),
                    narrativeMap,
                    notMetMap,
                    now);
        }
        var coverage = asCaseViewer(roles, () -> evidence.coverage(c.getEngineerId(), c.getTargetLevelKey()));
        List<EvidenceRow> acknowledged = asCaseViewer(
                roles,
                () -> evidence.find(
                        c.getEngineerId(),
                        new EvidenceFilter(null, null, EvidenceStatus.ACKNOWLEDGED, null),
                        PageRequest.of(0, MAX_EVIDENCE)));
        return PacketBuilder.build(
                ladder,
                c.getCurrentLevelKey(),
                c.getTargetLevelKey(),
                coverage,
                acknowledged,
                narrativeMap,
                notMetMap,
                now);
    }

    private LadderContent.AreaView requireArea(PromotionCase c, String areaKey) {
        var ladder = ladders.published(c.getLadderId())
                .orElseThrow(() -> new ValidationException("The ladder of this case is not published."));
        var area = ladder.area(areaKey == null ? "" : areaKey)
                .orElseThrow(() -> new ValidationException("Area " + areaKey + " is not part of "
                        + ladder.version().ladderName() + "."));
        boolean asked = ladder.requirementsOf(c.getTargetLevelKey()).stream()
                .anyMatch(r -> r.competency().areaKey().equals(area.key()));
        if (!asked) {
            throw new ValidationException(
                    c.getTargetLevelKey() + " asks nothing in " + area.name() + ", so it takes no narrative.");
        }
        return area;
    }

    private LadderContent.CompetencyView requireCompetency(PromotionCase c, String competencyKey) {
        var ladder = ladders.published(c.getLadderId())
                .orElseThrow(() -> new ValidationException("The ladder of this case is not published."));
        return ladder.requirementsOf(c.getTargetLevelKey()).stream()
                .map(LadderContent.Resolved::competency)
                .filter(x -> x.key().equals(competencyKey))
                .findFirst()
                .orElseThrow(() -> new ValidationException(
                        c.getTargetLevelKey() + " has no expectation for " + competencyKey + "."));
    }

    private Collection<Long> lineIds() {
        return people.myReportingLine().stream().map(PersonRow::id).toList();
    }

    /** Whose cases a user sees in lists; admins everyone's. */
    private record Scope(boolean all, Long personId, Collection<Long> line) {

        static Scope of(RungsUser me, Supplier<Collection<Long>> line) {
            if (me.has(Role.ADMIN)) {
                return new Scope(true, null, List.of());
            }
            return new Scope(
                    false, me.personId(), me.has(Role.MANAGER) && me.personId() != null ? line.get() : List.of());
        }

        boolean isEmpty() {
            return !all && personId == null;
        }
    }

    private static Specification<PromotionCase> visible(Scope scope, CaseFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (!scope.all()) {
                var who = new ArrayList<Predicate>();
                who.add(cb.equal(root.get("engineerId"), scope.personId()));
                if (!scope.line().isEmpty()) {
                    who.add(root.get("engineerId").in(scope.line()));
                }
                var reviewed = query.subquery(Long.class);
                var r = reviewed.from(PromotionReviewer.class);
                reviewed.select(r.get("caseId")).where(cb.equal(r.get("personId"), scope.personId()));
                who.add(root.get("id").in(reviewed));
                predicates.add(cb.or(who.toArray(Predicate[]::new)));
            }
            if (filter != null) {
                if (filter.status() != null) {
                    predicates.add(cb.equal(root.get("status"), filter.status()));
                }
                if (filter.targetLevelKey() != null && !filter.targetLevelKey().isBlank()) {
                    predicates.add(cb.equal(root.get("targetLevelKey"), filter.targetLevelKey()));
                }
                if (filter.cycle() != null && !filter.cycle().isBlank()) {
                    predicates.add(cb.equal(root.get("cycle"), filter.cycle()));
                }
                if (filter.engineerName() != null && !filter.engineerName().isBlank()) {
                    predicates.add(cb.like(
                            cb.lower(root.get("engineerName")),
                            "%" + filter.engineerName().strip().toLowerCase(Locale.ROOT) + "%"));
                }
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static Sort sort(Sort requested) {
        var orders = new ArrayList<Sort.Order>();
        for (var order : requested) {
            var property = SORTABLE.get(order.getProperty());
            if (property != null) {
                orders.add(new Sort.Order(order.getDirection(), property));
            }
        }
        if (orders.isEmpty()) {
            return Sort.by(Sort.Direction.DESC, "updatedAt", "id");
        }
        orders.add(Sort.Order.desc("id"));
        return Sort.by(orders);
    }

    private static Map<String, Object> snapshot(PromotionCase c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("engineerId", c.getEngineerId());
        map.put("engineer", c.getEngineerName());
        map.put("currentLevel", c.getCurrentLevelKey());
        map.put("targetLevel", c.getTargetLevelKey());
        map.put("cycle", c.getCycle());
        map.put("status", c.getStatus().name());
        map.put("selfNominated", c.isSelfNominated());
        map.put("justification", c.getJustification());
        map.put("closingNote", c.getClosingNote());
        map.put(
                "effectiveDate",
                c.getEffectiveDate() == null ? null : c.getEffectiveDate().toString());
        return map;
    }
}
