package app.rungs.ladder.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.Resolved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in template asks each path what it should: the seed's specializations, electives and two top tracks. */
class TemplatePathsTest {

    private final LadderContent template = Documents.content(Documents.template(), 1, VersionStatus.PUBLISHED);

    private static final PersonPath DATA = new PersonPath(null, SpecializationTrack.DATA_INFRASTRUCTURE);
    private static final PersonPath RESEARCHER = new PersonPath("RS", SpecializationTrack.RESEARCH_PROTOCOL_DESIGN);
    private static final PersonPath DISTINGUISHED = new PersonPath("DE", SpecializationTrack.RESEARCH_PROTOCOL_DESIGN);

    @Test
    void aDataInfrastructureSpecialistIsNotAskedBlockchainGossipPeerToPeerOrFederation() {
        var asked = keys(template.requirementsOf("DSE-3", DATA));
        assertThat(asked)
                .doesNotContain(
                        "blockchain-as-distributed-system",
                        "gossip-protocols",
                        "peer-to-peer-systems",
                        "authentication-federation")
                .contains(
                        "fault-tolerance-resilience",
                        "incident-response-postmortems",
                        "architecture-tradeoff-analysis",
                        "replication-strategies",
                        "systems-programming-language");
        assertThat(asked.size()).isLessThan(template.requirementsOf("DSE-3").size());
        System.out.printf(
                "DSE-3 asks a data-infrastructure specialist %d of %d expectations%n",
                asked.size(), template.requirementsOf("DSE-3").size());
    }

    @Test
    void principalOffersThreeElectivesAndAsksForOne() {
        var spe2 = template.level("SPE-2").orElseThrow();
        assertThat(spe2.electivesRequired()).isEqualTo(1);
        var electives = template.requirementsOf("SPE-2", DATA).stream()
                .filter(r -> r.competency().applicability() == Applicability.ELECTIVE)
                .map(r -> r.competency().key())
                .toList();
        assertThat(electives)
                .containsExactlyInAnyOrder(
                        "publications-research", "open-source-standards", "internal-platform-adoption");
    }

    @Test
    void theTopSplitsIntoDistinguishedEngineerAndResearchScientistAfterPrincipal() {
        assertThat(template.nextOptions("SPE-2")).extracting(LevelView::key).containsExactly("DE-1", "RS-1");
        assertThat(template.next("SPE-2", "DE").orElseThrow().key()).isEqualTo("DE-1");
        assertThat(template.next("SPE-2", "RS").orElseThrow().key()).isEqualTo("RS-1");
        assertThat(template.path("RS"))
                .extracting(LevelView::key)
                .containsExactly("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "RS-1");
    }

    @Test
    void theResearchScientistIsNotAskedOnCallOperationsButTheDistinguishedEngineerIs() {
        var researcher = keys(template.requirementsOf("RS-1", RESEARCHER));
        var distinguished = keys(template.requirementsOf("DE-1", DISTINGUISHED));
        assertThat(researcher)
                .doesNotContain("incident-response-postmortems")
                .contains("research-methodology", "benchmarking", "publications-research");
        assertThat(distinguished).contains("incident-response-postmortems").doesNotContain("research-methodology");
        var benchmarking = template.resolve("benchmarking", "RS-1");
        assertThat(benchmarking.definedAt().key()).isEqualTo("RS-1");
    }

    @Test
    void comparingPrincipalWithEachBranchShowsWhatThatBranchDrops() {
        var toResearch = LevelComparison.of(template, "SPE-2", "RS-1");
        var toDistinguished = LevelComparison.of(template, "SPE-2", "DE-1");
        assertThat(change(toResearch, "incident-response-postmortems")).isEqualTo(LevelComparison.Change.NO_LONGER);
        assertThat(change(toDistinguished, "incident-response-postmortems"))
                .isEqualTo(LevelComparison.Change.UNCHANGED);
        assertThat(change(toResearch, "research-methodology")).isEqualTo(LevelComparison.Change.NEW);
        assertThat(change(toResearch, "benchmarking")).isEqualTo(LevelComparison.Change.RAISED);
    }

    private static LevelComparison.Change change(LevelComparison comparison, String competencyKey) {
        return comparison.rows().stream()
                .filter(r -> r.higher().competency().key().equals(competencyKey))
                .findFirst()
                .orElseThrow()
                .change();
    }

    @Test
    void tracksElectivesApplicabilityWeightsAndTheRuleSurviveYaml() {
        var yaml = new LadderYaml();
        var doc = Documents.template();
        var text = yaml.write(doc);
        assertThat(text)
                .contains("readinessRule:", "forksFrom: SPE-2", "track: RS", "electivesRequired: 1")
                .contains("applicability: ELECTIVE", "applicability: TRACK", "weight: 3");
        var back = yaml.readValidated(text.getBytes(UTF_8));
        assertThat(back.tracks()).isEqualTo(doc.tracks());
        assertThat(back.readinessRule()).isEqualTo(doc.readinessRule());
        var content = Documents.content(back, 2, VersionStatus.DRAFT);
        assertThat(content.tracks()).hasSize(2);
        assertThat(content.rule()).isEqualTo(new ReadinessRule(true, 60, false));
        assertThat(content.competency("architecture-tradeoff-analysis")
                        .orElseThrow()
                        .weight())
                .isEqualTo(3);
    }

    private static List<String> keys(List<Resolved> requirements) {
        return requirements.stream().map(r -> r.competency().key()).toList();
    }
}
