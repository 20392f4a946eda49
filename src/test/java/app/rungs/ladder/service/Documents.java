package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.ExpectationView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TierView;
import app.rungs.ladder.service.LadderContent.TrackView;
import app.rungs.ladder.service.LadderContent.VersionInfo;
import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Ladder documents and contents built in memory, for the plain tests of readers, writers and the diff. */
final class Documents {

    private Documents() {}

    /** The built-in template, read from the classpath like the app does. */
    static LadderDocument template() {
        return new LadderTemplates().load(LadderTemplates.DISTRIBUTED_SYSTEMS);
    }

    /** A two-level ladder with one area and one competency whose statement is {@code statement} at L1. */
    static LadderDocument small(String statement) {
        return new LadderDocument(
                LadderDocument.SCHEMA,
                "Small ladder",
                "For tests",
                List.of(new TierDoc(
                        "IC",
                        "Individual contributor",
                        null,
                        List.of(
                                new LevelDoc("L1", "Engineer", "Own tasks", null, "0-2 years"),
                                new LevelDoc("L2", "Senior engineer", "Own projects", "Team", null)))),
                List.of(new AreaDoc(
                        "craft",
                        "Craft",
                        null,
                        List.of(new CompetencyDoc(
                                "testing",
                                "Testing",
                                "Writes tests",
                                List.of("CLOUD_INFRASTRUCTURE"),
                                List.of(
                                        new ExpectationDoc("L1", statement, "A regression test", null),
                                        new ExpectationDoc("L2", null, null, true)))))));
    }

    /** The document as the loaded content of a version with this number, ids made up and stable. */
    static LadderContent content(LadderDocument doc, int number, VersionStatus status) {
        long id = number * 1000L;
        var tiers = new ArrayList<TierView>();
        var levels = new ArrayList<LevelView>();
        var areas = new ArrayList<AreaView>();
        var competencies = new ArrayList<CompetencyView>();
        var expectations = new ArrayList<ExpectationView>();
        var tracks = new ArrayList<TrackView>();
        if (doc.tracks() != null) {
            for (int t = 0; t < doc.tracks().size(); t++) {
                var track = doc.tracks().get(t);
                tracks.add(new TrackView(++id, track.key(), track.name(), track.description(), track.forksFrom(), t));
            }
        }
        int levelPosition = 0;
        for (int t = 0; t < doc.tiers().size(); t++) {
            var tier = doc.tiers().get(t);
            tiers.add(new TierView(++id, tier.key(), tier.name(), tier.description(), t));
            for (var level : tier.levels()) {
                levels.add(new LevelView(
                        ++id,
                        level.key(),
                        level.title(),
                        tier.key(),
                        levelPosition++,
                        level.scope(),
                        level.impact(),
                        level.typicalExperience(),
                        level.track(),
                        level.electivesRequired() == null ? 0 : level.electivesRequired()));
            }
        }
        for (int a = 0; a < doc.areas().size(); a++) {
            var area = doc.areas().get(a);
            areas.add(new AreaView(++id, area.key(), area.name(), area.description(), a));
            for (int c = 0; c < area.competencies().size(); c++) {
                var competency = area.competencies().get(c);
                competencies.add(new CompetencyView(
                        ++id,
                        competency.key(),
                        competency.name(),
                        competency.description(),
                        area.key(),
                        competency.specializations() == null
                                ? List.of()
                                : competency.specializations().stream()
                                        .map(SpecializationTrack::valueOf)
                                        .toList(),
                        c,
                        competency.applicability() == null
                                ? Applicability.CORE
                                : Applicability.valueOf(competency.applicability()),
                        competency.weight() == null ? 1 : competency.weight()));
                for (var e :
                        competency.expectations() == null ? List.<ExpectationDoc>of() : competency.expectations()) {
                    boolean notExpected = Boolean.TRUE.equals(e.notExpected());
                    expectations.add(new ExpectationView(
                            ++id,
                            competency.key(),
                            e.level(),
                            notExpected ? ExpectationKind.NOT_EXPECTED : ExpectationKind.EXPECTED,
                            notExpected ? null : e.statement(),
                            notExpected ? null : e.examples(),
                            0));
                }
            }
        }
        var published = status == VersionStatus.DRAFT ? null : Instant.parse("2026-11-01T09:00:00Z");
        return new LadderContent(
                new VersionInfo(
                        number * 1000L,
                        1L,
                        doc.name(),
                        doc.description(),
                        number,
                        status,
                        "Version " + number,
                        Instant.parse("2026-10-01T09:00:00Z"),
                        "admin",
                        published,
                        published == null ? null : "admin",
                        0,
                        doc.readinessRule() == null
                                ? ReadinessRule.DEFAULT
                                : doc.readinessRule().toRule()),
                tiers,
                levels,
                tracks,
                areas,
                competencies,
                expectations);
    }
}
