package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyArea;
import app.rungs.ladder.domain.CompetencyAreaRepository;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.Expectation;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.ExpectationRepository;
import app.rungs.ladder.domain.Ladder;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.Tier;
import app.rungs.ladder.domain.TierRepository;
import app.rungs.ladder.domain.Track;
import app.rungs.ladder.domain.TrackRepository;
import app.rungs.ladder.domain.VersionAction;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the services that change ladders share: finding a changeable draft, creating ladders, writing a document's parts. */
@Component
class LadderDrafts {

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;
    private final TierRepository tiers;
    private final LevelRepository levels;
    private final CompetencyAreaRepository areas;
    private final CompetencyRepository competencies;
    private final ExpectationRepository expectations;
    private final TrackRepository tracks;
    private final ObjectProvider<LevelOccupancy> occupancy;
    private final PayBandStore payBands;

    LadderDrafts(
            LadderRepository ladders,
            LadderVersionRepository versions,
            TierRepository tiers,
            LevelRepository levels,
            CompetencyAreaRepository areas,
            CompetencyRepository competencies,
            ExpectationRepository expectations,
            TrackRepository tracks,
            ObjectProvider<LevelOccupancy> occupancy,
            PayBandStore payBands) {
        this.payBands = payBands;
        this.ladders = ladders;
        this.versions = versions;
        this.tiers = tiers;
        this.levels = levels;
        this.areas = areas;
        this.competencies = competencies;
        this.expectations = expectations;
        this.tracks = tracks;
        this.occupancy = occupancy;
    }

    static void requireValid(LadderDocument doc) {
        var problems = LadderDocumentValidator.validate(doc, (pointer, field) -> "Field " + field);
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
    }

    Ladder newLadder(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("Give the ladder a name.");
        }
        if (name.strip().length() > 200) {
            throw new ValidationException("A ladder name is at most 200 characters long.");
        }
        if (ladders.findByName(name.strip()).isPresent()) {
            throw new ValidationException(
                    "A ladder named \"" + name.strip() + "\" already exists; choose another name.");
        }
        return ladders.save(
                new Ladder(name.strip(), description == null || description.isBlank() ? null : description.strip()));
    }

    /** Writes a validated document's parts, pay bands included, into a new version. */
    void persist(LadderVersion version, LadderDocument doc) {
        var rule = doc.readinessRule() == null
                ? ReadinessRule.DEFAULT
                : doc.readinessRule().toRule();
        version.setRule(rule.currentCore(), rule.targetPercent(), rule.weighted());
        if (doc.tracks() != null) {
            int trackPos = 0;
            for (var t : doc.tracks()) {
                var track = new Track(version, t.key(), t.name().strip(), blankToNull(t.forksFrom()), trackPos++);
                track.setDescription(blankToNull(t.description()));
                tracks.save(track);
            }
        }
        int tierPos = 0;
        int levelPos = 0;
        var levelByKey = new HashMap<String, Level>();
        for (var t : doc.tiers()) {
            var tier =
                    tiers.save(new Tier(version, t.key(), t.name().strip(), blankToNull(t.description()), tierPos++));
            for (var l : t.levels()) {
                var level = new Level(version, tier, l.key(), l.title().strip(), levelPos++);
                level.setScope(blankToNull(l.scope()));
                level.setImpact(blankToNull(l.impact()));
                level.setTypicalExperience(blankToNull(l.typicalExperience()));
                level.setTrackKey(blankToNull(l.track()));
                level.setElectivesRequired(l.electivesRequired() == null ? 0 : l.electivesRequired());
                levelByKey.put(l.key(), levels.save(level));
            }
        }
        payBands.persist(version, levelByKey, doc);
        if (doc.areas() == null) {
            return;
        }
        int areaPos = 0;
        var newExpectations = new ArrayList<Expectation>();
        for (var a : doc.areas()) {
            var area = areas.save(
                    new CompetencyArea(version, a.key(), a.name().strip(), blankToNull(a.description()), areaPos++));
            if (a.competencies() == null) {
                continue;
            }
            int compPos = 0;
            for (var c : a.competencies()) {
                var competency = new Competency(version, area, c.key(), c.name().strip(), compPos++);
                competency.setDescription(blankToNull(c.description()));
                competency.setSpecializations(
                        c.specializations() == null
                                ? List.of()
                                : c.specializations().stream()
                                        .map(SpecializationTrack::valueOf)
                                        .toList());
                competency.setApplicability(
                        c.applicability() == null ? Applicability.CORE : Applicability.valueOf(c.applicability()));
                competency.setWeight(c.weight() == null ? 1 : c.weight());
                competencies.save(competency);
                if (c.expectations() == null) {
                    continue;
                }
                for (var e : c.expectations()) {
                    boolean notExpected = Boolean.TRUE.equals(e.notExpected());
                    newExpectations.add(new Expectation(
                            version,
                            competency,
                            levelByKey.get(e.level()),
                            notExpected ? ExpectationKind.NOT_EXPECTED : ExpectationKind.EXPECTED,
                            notExpected ? null : e.statement().strip(),
                            notExpected ? null : blankToNull(e.examples())));
                }
            }
        }
        expectations.saveAll(newExpectations);
    }

    void deleteTracks(Long versionId) {
        tracks.deleteAllInBatch(tracks.findByVersion(versionId));
    }

    /** Pay bands travel with the version's other parts (new drafts, imports, exports, adopted templates). */
    PayBandStore payBands() {
        return payBands;
    }

    /** The document with the version's pay bands on its levels, so a new draft copies them. */
    LadderDocument withPayBands(LadderDocument doc, Long versionId) {
        return PayBandStore.withBands(doc, payBands.byLevel(versionId));
    }

    void checkRemovedLevelsUnheld(Long ladderId, List<String> keptLevelKeys) {
        var held = occupancy.stream()
                .flatMap(o -> o.holdersByLevel(ladderId).entrySet().stream())
                .filter(e -> e.getValue() > 0 && !keptLevelKeys.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " person)" : " people)"))
                .toList();
        if (!held.isEmpty()) {
            throw new ValidationException("These levels are removed but people still hold them: "
                    + String.join(", ", held) + ". Move those people to another level first.");
        }
    }

    /** A draft to change; any other version is refused with the status it has. */
    LadderVersion draft(Long versionId) {
        return require(versionId, VersionAction.EDIT);
    }

    /** The version, when its status allows the action; otherwise a refusal that names the version and its status. */
    LadderVersion require(Long versionId, VersionAction action) {
        var v = versions.findWithLadder(versionId).orElseThrow(() -> new NotFoundException("Ladder version not found"));
        if (!v.allows(action)) {
            throw new ValidationException("Version " + v.getNumber() + " of "
                    + v.getLadder().getName() + " is " + v.getStatus().name().toLowerCase()
                    + " and cannot be changed; start a new draft instead.");
        }
        return v;
    }

    /** How many people hold a level of the ladder (people are another feature, reached through LevelOccupancy). */
    long holders(Long ladderId) {
        return occupancy.stream()
                .mapToLong(o -> o.holdersByLevel(ladderId).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .sum();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
