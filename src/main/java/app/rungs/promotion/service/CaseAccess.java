package app.rungs.promotion.service;

import app.rungs.audit.service.AuditService;
import app.rungs.people.service.PeopleService;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionReviewer;
import app.rungs.promotion.domain.PromotionReviewerRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Loads a case for the signed-in user and turns {@link CaseAction}'s verdict into the exception the user sees: not
 * visible → not found (nobody learns a case exists), no permission → access denied, wrong status or missing note →
 * a validation message that says what to do. Used by the promotion services only, inside their secured methods.
 */
@Component
class CaseAccess {

    static final int MAX_NOTE = 4_000;

    private final PromotionCaseRepository cases;
    private final PromotionReviewerRepository reviewers;
    private final PeopleService people;
    private final AuditService audit;
    private final List<CaseReadGrant> grants;

    CaseAccess(
            PromotionCaseRepository cases,
            PromotionReviewerRepository reviewers,
            PeopleService people,
            AuditService audit,
            List<CaseReadGrant> grants) {
        this.cases = cases;
        this.reviewers = reviewers;
        this.people = people;
        this.audit = audit;
        this.grants = grants;
    }

    /** A case, its reviewers and how the signed-in user relates to it. */
    record Visit(PromotionCase c, List<PromotionReviewer> reviewers, Set<CaseRole> roles) {}

    /** The case as the signed-in user relates to it; not found when it does not exist or they may not see it. */
    Visit visit(Long id) {
        var c = cases.findById(id).orElseThrow(CaseAccess::notFound);
        var reviewerRows = reviewers.findByCase(id);
        var roles = roles(c, reviewerRows);
        if (roles.isEmpty()) {
            throw notFound();
        }
        return new Visit(c, reviewerRows, roles);
    }

    /** The case, for a user who may take the action on it now, with the note the action needs. */
    Visit require(Long id, CaseAction action, String note) {
        return require(id, null, action, note);
    }

    /**
     * The case, for a user who may take the action on it now, at the version they saw (null: any), with the note
     * the action needs. Checks in this order: visible, permitted, status, version, note.
     */
    Visit require(Long id, Long expectedVersion, CaseAction action, String note) {
        var c = cases.findById(id).orElseThrow(CaseAccess::notFound);
        var reviewerRows = reviewers.findByCase(id);
        var roles = roles(c, reviewerRows);
        if (action == CaseAction.START_CALIBRATION && !roles.contains(CaseRole.ADMIN) && facilitates(c)) {
            roles.add(CaseRole.FACILITATOR);
        }
        switch (action.check(c.getStatus(), roles)) {
            case NOT_VISIBLE -> throw notFound();
            case NOT_PERMITTED ->
                throw new AccessDeniedException(
                        "You may not " + action.label().toLowerCase(Locale.ROOT) + " on this case.");
            case WRONG_STATUS -> throw new ValidationException(action.wrongStatusMessage(c.getStatus()));
            case NONE -> {}
        }
        if (expectedVersion != null && c.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The promotion case of " + c.getEngineerName());
        }
        if (action.lacksNote(note)) {
            throw new ValidationException(action.missingNoteMessage(c.getEngineerName(), c.getTargetLevelKey()));
        }
        return new Visit(c, reviewerRows, roles);
    }

    /** A case for a content change: visible, editable by the user in its status, at the expected version. */
    Visit editable(Long id, long expectedVersion) {
        return require(id, expectedVersion, CaseAction.EDIT, null);
    }

    /** A case by id whatever the user's relation, for exports and decisions whose callers decided access. */
    PromotionCase load(Long id) {
        return cases.findById(id).orElseThrow(CaseAccess::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("Promotion case not found");
    }

    private boolean facilitates(PromotionCase c) {
        return grants.stream().anyMatch(g -> g.facilitates(c.getCycle(), c.getEngineerId()));
    }

    /** How the signed-in user relates to the case; empty when they may not see it. */
    Set<CaseRole> roles(PromotionCase c, List<PromotionReviewer> reviewerRows) {
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

    /** Records a change of the case in the audit trail, with the case's fields before and after. */
    void audit(String type, PromotionCase c, String summary, Map<String, Object> before, Map<String, Object> after) {
        audit.record(type, "PromotionCase", c.getId(), summary, before, after);
    }

    static void checkNoteLength(String note, String what) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new ValidationException(what + " is at most " + MAX_NOTE + " characters long.");
        }
    }

    static String stripped(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    static Map<String, Object> snapshot(PromotionCase c) {
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
