package app.rungs.evidence.service;

import app.rungs.evidence.domain.CompetencyWaiver;
import app.rungs.evidence.domain.CompetencyWaiverRepository;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceItemRepository.CoverageFact;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PersonPath;
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
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batched coverage numbers for many people at once, for screens that compare engineers (the calibration board,
 * promotion lists): one statement for the people, one published-ladder load per distinct ladder, one statement for
 * the evidence and one for the approved waivers, whatever the number of people. Each person is measured on their path
 * (track and specialization) under their ladder version's readiness rule ({@link ReadinessRules}).
 */
@Service
public class CoverageQueries {

    private final EvidenceItemRepository items;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final CompetencyWaiverRepository waivers;

    CoverageQueries(
            EvidenceItemRepository items,
            PersonDirectory directory,
            LadderService ladders,
            CompetencyWaiverRepository waivers) {
        this.items = items;
        this.directory = directory;
        this.ladders = ladders;
        this.waivers = waivers;
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
        var waived = new HashMap<Long, List<CompetencyWaiver>>();
        for (var w : waivers.findApproved(targets.keySet())) {
            waived.computeIfAbsent(w.getPersonId(), k -> new ArrayList<>()).add(w);
        }
        for (var entry : targets.entrySet()) {
            var card = cards.get(entry.getKey());
            var ladder = contents.get(card.ladderId()).orElseThrow();
            var personWaivers = waived.getOrDefault(card.id(), List.of()).stream()
                    .filter(w -> w.getLadderId().equals(card.ladderId()))
                    .toList();
            result.put(
                    card.id(),
                    summary(
                            card,
                            ladder,
                            entry.getValue(),
                            targetLevelKeys.get(card.id()) == null,
                            CoverageRules.approvedKeys(personWaivers),
                            facts.getOrDefault(card.id(), List.of())));
        }
        return result;
    }

    private static Optional<LadderContent.LevelView> target(LadderContent ladder, PersonCard card, String levelKey) {
        try {
            return Optional.of(CoverageRules.target(ladder, card.levelKey(), card.trackKey(), levelKey));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static CoverageSummary summary(
            PersonCard card,
            LadderContent ladder,
            LadderContent.LevelView target,
            boolean defaultTarget,
            Set<String> waived,
            List<CoverageFact> evidence) {
        var positions = CoverageRules.positions(ladder);
        var path = new PersonPath(card.trackKey(), card.specialization());
        var requirements = ladder.requirementsOf(target.key(), path).stream()
                .filter(r -> !waived.contains(r.competency().key()))
                .toList();
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
        boolean atFork = defaultTarget && ReadinessRules.atForkWithoutTrack(ladder, card.levelKey(), card.trackKey());
        var readiness = atFork
                ? Readiness.none()
                : ReadinessRules.of(
                        ladder,
                        card.levelKey(),
                        target,
                        path,
                        waived,
                        evidence.stream()
                                .map(e -> new ReadinessRules.Backing(
                                        Arrays.asList(e.getCompetencyKeys()), e.getLevelKey(), e.getStatus()))
                                .toList());
        return new CoverageSummary(
                card.id(),
                target.key(),
                CoverageRules.percent(acknowledged, requirements.size()),
                acknowledged,
                requirements.size(),
                readiness);
    }
}
