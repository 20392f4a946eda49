package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceItemRepository.CoverageFact;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.shared.service.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batched coverage numbers for many people at once, for screens that compare engineers (the calibration board,
 * promotion lists): one statement for the people, one published-ladder load per distinct ladder, one statement for
 * the evidence, whatever the number of people.
 */
@Service
public class CoverageQueries {

    private final EvidenceItemRepository items;
    private final PersonDirectory directory;
    private final LadderService ladders;

    CoverageQueries(EvidenceItemRepository items, PersonDirectory directory, LadderService ladders) {
        this.items = items;
        this.directory = directory;
        this.ladders = ladders;
    }

    /**
     * Readiness numbers per person: for each person id, the coverage of the given level key of their ladder, or, for
     * a null level key, of the level above theirs (their own at the top of the ladder), exactly as
     * {@link EvidenceService#coverage} counts it. People without a published ladder, unknown people and level keys
     * that are not part of the person's ladder are left out of the answer (where the per-person coverage refuses).
     *
     * <p>Who may ask: admins and managers, for anyone. These are numbers only (a level key, a percentage and two
     * counts) and never the evidence itself (titles, text, attachments stay behind {@link EvidenceService}'s
     * reporting-line checks). Managers take part in calibration sessions and promotion committees that compare
     * engineers across teams, where these numbers are shown for every engineer discussed; engineers have no such
     * screen and read their own coverage through {@link EvidenceService#coverage}.
     *
     * @param targetLevelKeys person id to the level key to measure against; a null value means the next level
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    public Map<Long, CoverageSummary> readiness(Map<Long, String> targetLevelKeys) {
        var result = new LinkedHashMap<Long, CoverageSummary>();
        if (targetLevelKeys == null || targetLevelKeys.isEmpty()) {
            return result;
        }
        var cards = directory.cards(targetLevelKeys.keySet());
        var contents = new HashMap<Long, Optional<LadderContent>>();
        var targets = new LinkedHashMap<Long, LadderContent.LevelView>();
        for (var card : cards.values()) {
            if (card.ladderId() == null) {
                continue;
            }
            var ladder = contents.computeIfAbsent(card.ladderId(), ladders::published);
            ladder.flatMap(l -> target(l, card, targetLevelKeys.get(card.id())))
                    .ifPresent(level -> targets.put(card.id(), level));
        }
        if (targets.isEmpty()) {
            return result;
        }
        var facts = new HashMap<Long, List<CoverageFact>>();
        for (var fact : items.findCoverageFacts(targets.keySet())) {
            facts.computeIfAbsent(fact.getOwnerId(), k -> new ArrayList<>()).add(fact);
        }
        for (var entry : targets.entrySet()) {
            var card = cards.get(entry.getKey());
            var ladder = contents.get(card.ladderId()).orElseThrow();
            result.put(
                    card.id(), summary(card.id(), ladder, entry.getValue(), facts.getOrDefault(card.id(), List.of())));
        }
        return result;
    }

    private static Optional<LadderContent.LevelView> target(LadderContent ladder, PersonCard card, String levelKey) {
        try {
            return Optional.of(CoverageRules.target(ladder, card.levelKey(), levelKey));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static CoverageSummary summary(
            Long personId, LadderContent ladder, LadderContent.LevelView target, List<CoverageFact> evidence) {
        var positions = CoverageRules.positions(ladder);
        var requirements = ladder.requirementsOf(target.key());
        int acknowledged = 0;
        for (var r : requirements) {
            var statuses = new ArrayList<EvidenceStatus>();
            for (var e : evidence) {
                if (CoverageRules.counts(r, Arrays.asList(e.getCompetencyKeys()), e.getLevelKey(), positions)) {
                    statuses.add(e.getStatus());
                }
            }
            if (CoverageRules.state(statuses) == Coverage.State.ACKNOWLEDGED) {
                acknowledged++;
            }
        }
        return new CoverageSummary(
                personId,
                target.key(),
                CoverageRules.percent(acknowledged, requirements.size()),
                acknowledged,
                requirements.size());
    }
}
