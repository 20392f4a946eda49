package app.rungs.promotion.service;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionNarrative;
import app.rungs.promotion.domain.PromotionNarrativeRepository;
import app.rungs.promotion.domain.PromotionNotMet;
import app.rungs.promotion.domain.PromotionNotMetRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content of a promotion case, written by the manager of the line or an admin while the case is DRAFT or
 * SUBMITTED ({@link app.rungs.promotion.domain.CaseAction#EDIT}): target level, cycle, justification, the narrative
 * of each competency area and the competencies marked "not met".
 */
@Service
public class PromotionContent {

    private final CaseAccess access;
    private final CaseInputs inputs;
    private final PromotionCaseRepository cases;
    private final PromotionNarrativeRepository narratives;
    private final PromotionNotMetRepository notMets;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final Clock clock;

    PromotionContent(
            CaseAccess access,
            CaseInputs inputs,
            PromotionCaseRepository cases,
            PromotionNarrativeRepository narratives,
            PromotionNotMetRepository notMets,
            PersonDirectory directory,
            LadderService ladders,
            Clock clock) {
        this.access = access;
        this.inputs = inputs;
        this.cases = cases;
        this.narratives = narratives;
        this.notMets = notMets;
        this.directory = directory;
        this.ladders = ladders;
        this.clock = clock;
    }

    /** Changes target level, cycle and justification (while DRAFT or SUBMITTED). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void update(Long id, long expectedVersion, String targetLevelKey, String cycle, String justification) {
        var c = access.editable(id, expectedVersion).c();
        var before = CaseAccess.snapshot(c);
        var engineer = directory.require(c.getEngineerId());
        var problems = new ArrayList<String>();
        var target = inputs.target(engineer, targetLevelKey, problems);
        var cycleLabel = CaseInputs.cycle(cycle, problems);
        var text = CaseInputs.text(justification, "Write the justification.", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!engineer.ladderId().equals(c.getLadderId())) {
            throw new ValidationException(engineer.fullName()
                    + " moved to another ladder since the nomination; withdraw this case and start a new one.");
        }
        c.describe(engineer.levelKey(), target, cycleLabel, text, Instant.now(clock));
        cases.flush();
        access.audit(
                "PROMOTION_UPDATED",
                c,
                "Updated the case of " + c.getEngineerName() + " (" + target + ", " + cycleLabel + ")",
                before,
                CaseAccess.snapshot(c));
    }

    /** Writes the narrative of a competency area (blank removes it), while DRAFT or SUBMITTED. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void setNarrative(Long id, long expectedVersion, String areaKey, String body) {
        var c = access.editable(id, expectedVersion).c();
        var area = requireArea(c, areaKey);
        if (body != null && body.length() > CaseInputs.MAX_TEXT) {
            throw new ValidationException("A narrative is at most " + CaseInputs.MAX_TEXT + " characters long.");
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
        access.audit(
                "PROMOTION_NARRATIVE_SET",
                c,
                "Narrative for " + area.name() + " in the case of " + c.getEngineerName(),
                before == null ? null : Map.of("narrative", before),
                body == null || body.isBlank() ? null : Map.of("narrative", body.strip()));
    }

    /** Marks a competency of the target level as not met, with the explanation (required). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void markNotMet(Long id, long expectedVersion, String competencyKey, String explanation) {
        var c = access.editable(id, expectedVersion).c();
        var competency = requireCompetency(c, competencyKey);
        if (explanation == null || explanation.isBlank()) {
            throw new ValidationException("Explain why " + competency.name() + " is not met yet.");
        }
        if (explanation.length() > CaseAccess.MAX_NOTE) {
            throw new ValidationException("An explanation is at most " + CaseAccess.MAX_NOTE + " characters long.");
        }
        var now = Instant.now(clock);
        var mark = notMets.findByCaseAndCompetency(id, competency.key())
                .orElseGet(() -> new PromotionNotMet(id, competency.key()));
        var before = mark.getExplanation();
        mark.explain(explanation.strip(), CurrentUser.require().displayName(), now);
        notMets.save(mark);
        c.touch(now);
        cases.flush();
        access.audit(
                "PROMOTION_NOT_MET_MARKED",
                c,
                competency.name() + " marked not met in the case of " + c.getEngineerName(),
                before == null ? null : Map.of("explanation", before),
                Map.of("competency", competency.key(), "explanation", explanation.strip()));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void clearNotMet(Long id, long expectedVersion, String competencyKey) {
        var c = access.editable(id, expectedVersion).c();
        var mark = notMets.findByCaseAndCompetency(id, competencyKey)
                .orElseThrow(() -> new ValidationException(competencyKey + " is not marked as not met."));
        notMets.delete(mark);
        c.touch(Instant.now(clock));
        cases.flush();
        access.audit(
                "PROMOTION_NOT_MET_CLEARED",
                c,
                "Cleared the \"not met\" mark of " + competencyKey + " in the case of " + c.getEngineerName(),
                Map.of("competency", competencyKey, "explanation", mark.getExplanation()),
                null);
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
}
