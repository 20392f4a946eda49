package app.rungs.growth.service;

import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.growth.domain.GrowthGoal;
import app.rungs.growth.domain.GrowthGoalRepository;
import app.rungs.growth.domain.GrowthNote;
import app.rungs.growth.domain.GrowthNoteRepository;
import app.rungs.growth.service.GrowthPlan.CompetencyOption;
import app.rungs.growth.service.GrowthPlan.EvidenceChoice;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PersonPath;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading growth plans: a person's goals towards their next level with notes and linked evidence, plus what a goal
 * may be tied to. Visible to the person, their manager chain and admins (see {@link GrowthAccess}).
 */
@Service
public class GrowthPlans {

    /** How many of the person's newest evidence items a goal can choose from. */
    static final int EVIDENCE_CHOICES = 200;

    private final GrowthGoalRepository goals;
    private final GrowthNoteRepository notes;
    private final GrowthAccess access;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final EvidenceService evidence;

    GrowthPlans(
            GrowthGoalRepository goals,
            GrowthNoteRepository notes,
            GrowthAccess access,
            PersonDirectory directory,
            LadderService ladders,
            EvidenceService evidence) {
        this.goals = goals;
        this.notes = notes;
        this.access = access;
        this.directory = directory;
        this.ladders = ladders;
        this.evidence = evidence;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public GrowthPlan plan(Long personId) {
        var rights = access.rights(personId);
        var person = directory.require(personId);
        var targets = targets(person);
        var choices = evidenceChoices(personId);
        var byId = choices.stream().collect(Collectors.toMap(EvidenceChoice::id, c -> c));
        var list = goals.findByPerson(personId);
        var noteMap = list.isEmpty()
                ? Map.<Long, List<GrowthNote>>of()
                : notes.findByGoals(list.stream().map(GrowthGoal::getId).toList()).stream()
                        .collect(Collectors.groupingBy(GrowthNote::getGoalId));
        var views = list.stream()
                .map(g -> view(g, byId, noteMap.getOrDefault(g.getId(), List.of())))
                .toList();
        return new GrowthPlan(
                personId,
                person.fullName(),
                targets.stream().map(LadderContent.LevelView::key).toList(),
                views,
                competencies(person, targets),
                choices,
                rights.edit(),
                rights.comment());
    }

    /** The open goals of a person, for their promotion packet (the caller has checked who reads the packet). */
    List<GrowthPlan.Goal> goalsForPacket(Long personId) {
        var list = goals.findByPerson(personId);
        if (list.isEmpty()) {
            return List.of();
        }
        var noteMap = notes.findByGoals(list.stream().map(GrowthGoal::getId).toList()).stream()
                .collect(Collectors.groupingBy(GrowthNote::getGoalId));
        return list.stream()
                .map(g -> view(g, Map.of(), noteMap.getOrDefault(g.getId(), List.of())))
                .toList();
    }

    static GrowthPlan.Goal view(GrowthGoal g, Map<Long, EvidenceChoice> evidence, List<GrowthNote> notes) {
        return new GrowthPlan.Goal(
                g.getId(),
                g.getCompetencyKey(),
                g.getCompetencyName(),
                g.getLevelKey(),
                g.getTitle(),
                g.getTargetDate(),
                g.getStatus(),
                g.getEvidenceIds().stream()
                        .map(evidence::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                notes.stream()
                        .map(n -> new GrowthPlan.Note(
                                n.getId(), n.getKind(), n.getBody(), n.getAuthorName(), n.getCreatedAt()))
                        .toList(),
                g.getUpdatedAt(),
                g.getVersion());
    }

    /** The next level on the person's path; at a fork without a chosen track, one per branch; none at the top. */
    List<LadderContent.LevelView> targets(PersonCard person) {
        var ladder = ladder(person);
        if (ladder == null) {
            return List.of();
        }
        var next = ladder.next(person.levelKey(), person.trackKey());
        if (person.trackKey() == null) {
            var options = ladder.nextOptions(person.levelKey());
            if (options.size() > 1) {
                return options;
            }
        }
        return next.map(List::of).orElse(List.of());
    }

    List<CompetencyOption> competencies(PersonCard person, List<LadderContent.LevelView> targets) {
        var ladder = ladder(person);
        if (ladder == null) {
            return List.of();
        }
        var path = new PersonPath(person.trackKey(), person.specialization());
        var options = new LinkedHashMap<String, CompetencyOption>();
        for (var level : targets) {
            for (var r : ladder.requirementsOf(level.key(), path)) {
                if (r.expected()) {
                    options.putIfAbsent(
                            r.competency().key(),
                            new CompetencyOption(
                                    r.competency().key(), r.competency().name(), level.key()));
                }
            }
        }
        return new ArrayList<>(options.values());
    }

    private LadderContent ladder(PersonCard person) {
        return person.ladderId() == null
                ? null
                : ladders.published(person.ladderId()).orElse(null);
    }

    List<EvidenceChoice> evidenceChoices(Long personId) {
        return evidence
                .find(personId, new EvidenceFilter(null, null, null, null), PageRequest.of(0, EVIDENCE_CHOICES))
                .stream()
                .map(r -> new EvidenceChoice(r.id(), r.title(), r.occurredOn()))
                .toList();
    }
}
