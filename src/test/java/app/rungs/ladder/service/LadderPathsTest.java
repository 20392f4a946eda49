package app.rungs.ladder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Paths, branches, path-aware inheritance and applicability on a ladder with three tracks. */
class LadderPathsTest {

    /**
     * Shared L1 → L2 → L3; Distinguished (DE1, DE2) and Research (RS1) fork from L3, Manager (M1) from L2. RS1 sits
     * after DE2 in position order, so an inheritance walk that ignored tracks would pick DE levels up.
     */
    private static final LadderContent LADDER = ladder();

    private static final PersonPath DATA = new PersonPath(null, SpecializationTrack.DATA_INFRASTRUCTURE);
    private static final PersonPath RESEARCH = new PersonPath("RS", SpecializationTrack.RESEARCH_PROTOCOL_DESIGN);

    @Test
    void aTrackPathIsTheSharedLineUpToItsForkThenItsOwnLevels() {
        assertThat(keys(LADDER.path(null))).containsExactly("L1", "L2", "L3");
        assertThat(keys(LADDER.path("DE"))).containsExactly("L1", "L2", "L3", "DE1", "DE2");
        assertThat(keys(LADDER.path("RS"))).containsExactly("L1", "L2", "L3", "RS1");
        assertThat(keys(LADDER.path("MGR"))).containsExactly("L1", "L2", "M1");
        assertThat(keys(LADDER.path("unknown"))).containsExactly("L1", "L2", "L3");
    }

    @Test
    void nextFollowsThePersonsTrackAndATrackLevelClimbsItsOwnTrack() {
        assertThat(key(LADDER.next("L3", null))).isNull();
        assertThat(key(LADDER.next("L3"))).isNull();
        assertThat(key(LADDER.next("L3", "DE"))).isEqualTo("DE1");
        assertThat(key(LADDER.next("L3", "RS"))).isEqualTo("RS1");
        assertThat(key(LADDER.next("L2", "MGR"))).isEqualTo("M1");
        assertThat(key(LADDER.next("L2", "DE"))).isEqualTo("L3");
        assertThat(key(LADDER.next("DE1", "RS"))).as("own track wins").isEqualTo("DE2");
        assertThat(key(LADDER.next("DE2", "DE"))).isNull();
        assertThat(key(LADDER.next("RS1", null))).isNull();
    }

    @Test
    void nextOptionsListOneLevelPerBranch() {
        assertThat(keys(LADDER.nextOptions("L3"))).containsExactly("DE1", "RS1");
        assertThat(keys(LADDER.nextOptions("L2"))).containsExactly("L3", "M1");
        assertThat(keys(LADDER.nextOptions("DE1"))).containsExactly("DE2");
        assertThat(LADDER.nextOptions("DE2")).isEmpty();
        assertThat(LADDER.nextOptions("nope")).isEmpty();
    }

    @Test
    void aTrackLevelInheritsFromTheSharedLevelsBelowItsForkNeverFromAnotherTrack() {
        var rs = LADDER.resolve("design", "RS1");
        assertThat(rs.definedAt().key()).isEqualTo("L1");
        assertThat(rs.inherited()).isTrue();
        var de2 = LADDER.resolve("design", "DE2");
        assertThat(de2.definedAt().key()).isEqualTo("DE1");
        assertThat(LADDER.resolve("design", "M1").definedAt().key()).isEqualTo("L1");
        assertThat(LADDER.resolve("oss", "RS1").expectation()).isNull();
        assertThat(LADDER.resolve("oss", "DE2").definedAt().key()).isEqualTo("DE1");
    }

    @Test
    void notExpectedOnATrackDropsAnInheritedExpectationForThatTrackOnly() {
        assertThat(competencies(LADDER.requirementsOf("RS1"))).doesNotContain("oncall");
        assertThat(competencies(LADDER.requirementsOf("DE2"))).contains("oncall");
    }

    @Test
    void trackSpecificCompetenciesApplyOnlyToTheirSpecializations() {
        var gossip = LADDER.competency("gossip").orElseThrow();
        var oss = LADDER.competency("oss").orElseThrow();
        assertThat(LADDER.applies(gossip, RESEARCH)).isTrue();
        assertThat(LADDER.applies(gossip, DATA)).isFalse();
        assertThat(LADDER.applies(gossip, PersonPath.NONE)).isFalse();
        assertThat(LADDER.applies(gossip, null)).isFalse();
        assertThat(LADDER.applies(oss, DATA)).as("electives apply to everyone").isTrue();

        assertThat(competencies(LADDER.requirementsOf("L3", DATA))).containsExactly("design", "oncall");
        assertThat(competencies(LADDER.requirementsOf("L3", RESEARCH))).containsExactly("design", "oncall", "gossip");
        assertThat(competencies(LADDER.requirementsOf("L3"))).containsExactly("design", "oncall", "gossip");
        assertThat(competencies(LADDER.requirementsOf("DE1", DATA))).containsExactly("design", "oncall", "oss");
    }

    @Test
    void aRuleOutsideZeroToHundredPercentIsRefused() {
        assertThatThrownBy(() -> new ReadinessRule(true, 101, false))
                .hasMessageContaining("between 0 and 100 percent, not 101");
        assertThat(LADDER.rule()).isEqualTo(ReadinessRule.DEFAULT);
    }

    @Test
    void publishChecksNameBrokenTracksElectivesAndApplicability() {
        assertThat(PublishChecks.branches(LADDER)).isEmpty();
        var levels = LADDER.levels().stream()
                .map(l -> l.key().equals("DE1")
                        ? new LevelView(
                                l.id(), l.key(), l.title(), l.tierKey(), l.position(), null, null, null, "DE", 3)
                        : l)
                .toList();
        var tracks = List.of(
                new TrackView(1L, "DE", "Distinguished", null, "L9", 0),
                new TrackView(2L, "RS", "Research", null, "L3", 1),
                new TrackView(3L, "MGR", "Manager", null, "L2", 2),
                new TrackView(4L, "EMPTY", "Empty", null, "L1", 3));
        var competencies = LADDER.competencies().stream()
                .map(c -> c.key().equals("gossip")
                        ? new CompetencyView(c.id(), c.key(), "Gossip", null, "A", List.of(), 2, Applicability.TRACK, 1)
                        : c)
                .toList();
        var broken = new LadderContent(
                LADDER.version(), LADDER.tiers(), levels, tracks, LADDER.areas(), competencies, LADDER.expectations());
        assertThat(PublishChecks.branches(broken))
                .containsExactly(
                        "Track \"Distinguished\" forks from level L9, which this version does not have; choose another"
                                + " fork level.",
                        "Track \"Empty\" has no levels; put a level on it or remove it.",
                        "Level DE1 asks for at least 3 electives, but only 1 elective is expected there; lower the"
                                + " number or expect more electives at DE1.",
                        "Competency \"Gossip\" is track-specific but names no specialization, so it applies to nobody;"
                                + " add one or make it core.");
    }

    private static List<String> keys(List<LevelView> levels) {
        return levels.stream().map(LevelView::key).toList();
    }

    private static String key(Optional<LevelView> level) {
        return level.map(LevelView::key).orElse(null);
    }

    private static List<String> competencies(List<LadderContent.Resolved> requirements) {
        return requirements.stream().map(r -> r.competency().key()).toList();
    }

    private static LadderContent ladder() {
        var levels = new ArrayList<LevelView>();
        String[][] spec = {
            {"L1", null}, {"L2", null}, {"L3", null}, {"DE1", "DE"}, {"DE2", "DE"}, {"RS1", "RS"}, {"M1", "MGR"}
        };
        for (int i = 0; i < spec.length; i++) {
            levels.add(new LevelView(
                    10L + i,
                    spec[i][0],
                    spec[i][0],
                    "T",
                    i,
                    null,
                    null,
                    null,
                    spec[i][1],
                    spec[i][0].equals("DE1") ? 1 : 0));
        }
        var tracks = List.of(
                new TrackView(1L, "DE", "Distinguished", null, "L3", 0),
                new TrackView(2L, "RS", "Research", null, "L3", 1),
                new TrackView(3L, "MGR", "Manager", null, "L2", 2));
        var competencies = List.of(
                competency(30L, "design", Applicability.CORE, List.of()),
                competency(31L, "oncall", Applicability.CORE, List.of()),
                competency(32L, "gossip", Applicability.TRACK, List.of(SpecializationTrack.RESEARCH_PROTOCOL_DESIGN)),
                competency(33L, "oss", Applicability.ELECTIVE, List.of()));
        var expectations = List.of(
                expected(40L, "design", "L1"),
                expected(41L, "design", "DE1"),
                expected(43L, "oncall", "L2"),
                new ExpectationView(44L, "oncall", "RS1", ExpectationKind.NOT_EXPECTED, null, null, 0),
                expected(45L, "gossip", "L3"),
                expected(46L, "oss", "DE1"));
        return new LadderContent(
                new VersionInfo(
                        1L,
                        1L,
                        "Branches",
                        null,
                        1,
                        VersionStatus.PUBLISHED,
                        null,
                        Instant.EPOCH,
                        "admin",
                        Instant.EPOCH,
                        "admin",
                        0,
                        ReadinessRule.DEFAULT),
                List.of(new TierView(2L, "T", "Tier", null, 0)),
                levels,
                tracks,
                List.of(new AreaView(3L, "A", "Area", null, 0)),
                competencies,
                expectations);
    }

    private static CompetencyView competency(
            Long id, String key, Applicability applicability, List<SpecializationTrack> specializations) {
        return new CompetencyView(id, key, key, null, "A", specializations, id.intValue(), applicability, 1);
    }

    private static ExpectationView expected(Long id, String competency, String level) {
        return new ExpectationView(
                id, competency, level, ExpectationKind.EXPECTED, competency + " at " + level, null, 0);
    }
}
