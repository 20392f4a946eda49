package app.rungs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.demo.DemoData.Hire;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo YAML reads into the organization the rest of the suite expects, and its files agree with each other. */
class DemoDataTest {

    private static final DemoData.Organization ORG = DemoData.organization();

    private static Set<String> usernames() {
        var names = new HashSet<String>();
        Stream.concat(
                        Stream.of(ORG.director()),
                        ORG.teams().stream()
                                .flatMap(t -> Stream.concat(Stream.of(t.manager()), t.engineers().stream())))
                .map(Hire::name)
                .forEach(n -> names.add(DemoOrganization.email(n)));
        names.add(ORG.admin().username());
        return names;
    }

    @Test
    void theOrganizationHasADirectorFourManagersAndThirtySixEngineers() {
        assertThat(ORG.director().name()).isEqualTo("Priya Natarajan");
        assertThat(ORG.teams())
                .extracting(DemoData.Team::name)
                .containsExactly(
                        "Storage Platform",
                        "Service Mesh & Edge",
                        "Streaming & Events",
                        "Protocol Research & Security");
        assertThat(ORG.teams().stream().mapToInt(t -> t.engineers().size()).sum())
                .isEqualTo(36);
        assertThat(usernames()).hasSize(42).contains("lena.fischer@rungs.demo", "chloe.dubois@rungs.demo");
        // A hire on a branch (RS-1) climbs the shared levels and ends on their branch's level.
        ORG.teams()
                .forEach(t -> t.engineers()
                        .forEach(h -> assertThat(DemoOrganization.careerLevels(h, ORG.levels()))
                                .contains(h.level())));
    }

    @Test
    void everyEvidenceItemNamesDemoPeopleAndResolvableDatesAndExistingAttachments() {
        var items = DemoData.evidence();
        assertThat(items).hasSize(32);
        var users = usernames();
        var today = LocalDate.of(2026, 11, 30);
        for (var item : items) {
            assertThat(users).as(item.title()).contains(item.owner(), item.reviewer());
            item.comments().forEach(c -> assertThat(users).contains(c.by()));
            item.details()
                    .values()
                    .forEach(v -> assertThat(DemoDates.resolve(v, today)).doesNotStartWith("@"));
            item.attachments().forEach(a -> assertThat(DemoData.attachment(a)).isNotEmpty());
            assertThat(
                            item.outcome() == DemoData.Outcome.ACKNOWLEDGED
                                            || item.outcome() == DemoData.Outcome.RETURNED
                                    ? true
                                    : item.review() == null)
                    .as("only reviewed items carry a review: " + item.title())
                    .isTrue();
        }
        assertThat(items.getFirst().details()).containsEntry("incidentDate", "@date(-80)");
        assertThat(new String(DemoData.attachment("INC-2291-postmortem.pdf"), 0, 8))
                .isEqualTo("%PDF-1.4");
    }

    @Test
    void everyPromotionAndCalibrationNameIsADemoPerson() {
        var users = usernames();
        for (var c : DemoData.promotions()) {
            assertThat(users).contains(DemoPromotions.user(c.person()), DemoPromotions.user(c.by()));
            c.reviewers().forEach(r -> assertThat(users).contains(DemoPromotions.user(r)));
            c.steps().forEach(s -> assertThat(users).contains(DemoPromotions.user(s.as())));
        }
        assertThat(DemoData.promotions())
                .filteredOn(DemoData.Case::selfNomination)
                .hasSize(1);
        var calibration = DemoData.calibration();
        assertThat(users).contains(DemoPromotions.user(calibration.chair()));
        calibration.managers().forEach(m -> assertThat(users).contains(DemoPromotions.user(m)));
        calibration
                .last()
                .ratings()
                .values()
                .forEach(r -> assertThat(calibration.rationales()).containsKey(r));
        calibration
                .current()
                .ratings()
                .values()
                .forEach(r -> assertThat(calibration.rationales()).containsKey(r));
    }

    @Test
    void aTypoInAKeyIsRefusedWithTheFileAndKeyNamed() {
        assertThatThrownBy(() ->
                        DemoData.parse("calibration.yaml", "chair: Priya\nteamz: []\n", DemoData.Calibration.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo/calibration.yaml")
                .hasMessageContaining("teamz");
    }

    @Test
    void anUnknownPromotionStepIsRefused() {
        var yaml = """
                cases:
                  - {person: A B, by: C D, level: DSE-2, cycle: current, reason: r, steps: [{as: C D, do: promote}]}
                """;
        assertThatThrownBy(() -> DemoData.parse("promotions.yaml", yaml, DemoData.Promotions.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unknown promotion step 'promote'");
    }

    @Test
    void aCaseOutsideThisOrLastCycleIsRefused() {
        var yaml = "cases:\n  - {person: A B, by: C D, level: DSE-2, cycle: next, reason: r}\n";
        assertThatThrownBy(() -> DemoData.parse("promotions.yaml", yaml, DemoData.Promotions.class))
                .hasMessageContaining("cycle 'next'");
    }

    @Test
    void aSignOffWithoutADecisionIsRefused() {
        var yaml = "cases:\n  - {person: A B, by: C D, level: DSE-2, cycle: last, reason: r,"
                + " steps: [{as: C D, do: sign-off}]}\n";
        assertThatThrownBy(() -> DemoData.parse("promotions.yaml", yaml, DemoData.Promotions.class))
                .hasMessageContaining("needs a decision");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> DemoData.attachment("nope.pdf")).hasMessageContaining("demo/attachments/nope.pdf");
    }
}
