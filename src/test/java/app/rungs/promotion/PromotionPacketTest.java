package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.SignOff;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.Packet;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The packet and its readiness, what each viewer sees of a case, and the rules of starting one. */
@IntegrationTest
class PromotionPacketTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionQueries queries;

    @Autowired
    app.rungs.promotion.service.PromotionContent content;

    @Autowired
    app.rungs.promotion.service.PromotionReviews reviews;

    @Autowired
    app.rungs.promotion.service.PromotionPackets packets;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    LadderService ladders;

    @Autowired
    EntityManagerFactory emf;

    PromotionFixtures fx;
    String manager;
    String engineer;

    @BeforeEach
    void organization() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Hedda Solberg");
        engineer = fx.newEngineer("Jonas Weber", "DSE-2", manager);
    }

    private Long nominate() {
        var id = fx.personOf(engineer);
        return fx.as(manager, () -> promotions.nominate(id, "DSE-3", "2026-H2", "Leads the storage design work."));
    }

    private int expectationsOfDse3() {
        return SystemAuthentication.call(() -> {
            var person = people.details(fx.personOf(engineer));
            // What DSE-3 asks of the engineer's path (their specialization and track), as the packet counts it.
            return ladders.published(person.ladderId())
                    .orElseThrow()
                    .requirementsOf(
                            "DSE-3",
                            new app.rungs.ladder.service.PersonPath(person.trackKey(), person.specialization()))
                    .size();
        });
    }

    private static Packet.Line line(Packet packet, String competencyKey) {
        return packet.areas().stream()
                .flatMap(a -> a.lines().stream())
                .filter(l -> l.competencyKey().equals(competencyKey))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readinessCountsOnlyAcknowledgedEvidenceUnderEveryExpectationOfTheTargetLevel() {
        var drill = fx.logEvidence(
                engineer,
                "Partition drill for the metadata quorum",
                "DSE-3",
                "failure-modes-network-partitions",
                "fault-tolerance-resilience");
        fx.logEvidence(engineer, "Observability reading group", "DSE-3", "observability");
        fx.acknowledge(manager, drill);
        var id = nominate();

        var packet = fx.as(manager, () -> promotions.details(id)).packet();
        int total = expectationsOfDse3();
        assertThat(packet.readiness().total()).isEqualTo(total);
        assertThat(packet.readiness().met()).isEqualTo(2);
        assertThat(packet.readiness().missing()).hasSize(total - 2);
        assertThat(packet.readiness().missing())
                .extracting(Packet.Missing::competencyKey)
                .contains("observability")
                .doesNotContain("failure-modes-network-partitions", "fault-tolerance-resilience");
        var partitions = line(packet, "failure-modes-network-partitions");
        assertThat(partitions.evidence()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Partition drill for the metadata quorum");
            assertThat(e.occurredOn()).isNotNull();
            assertThat(e.id()).isEqualTo(drill);
        });
        // Submitted but not acknowledged: not counted, but shown as pending.
        var consensus = line(packet, "observability");
        assertThat(consensus.evidence()).isEmpty();
        assertThat(consensus.pending()).isEqualTo(1);
        // Inherited expectations are part of the packet.
        assertThat(packet.areas().stream().flatMap(a -> a.lines().stream())).anyMatch(Packet.Line::inherited);
    }

    @Test
    void aCompetencyMarkedNotMetNeedsAnExplanationAndNoLongerCounts() {
        var drill = fx.logEvidence(engineer, "Partition drill", "DSE-3", "failure-modes-network-partitions");
        fx.acknowledge(manager, drill);
        var id = nominate();
        assertThatThrownBy(() -> fx.run(
                        manager, () -> content.markNotMet(id, fx.version(id), "failure-modes-network-partitions", " ")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Explain why");
        assertThatThrownBy(
                        () -> fx.run(manager, () -> content.markNotMet(id, fx.version(id), "no-such-competency", "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("DSE-3 has no expectation for no-such-competency.");

        fx.run(
                manager,
                () -> content.markNotMet(
                        id, fx.version(id), "failure-modes-network-partitions", "Only one drill so far."));
        var readiness = fx.as(engineer, () -> promotions.details(id)).packet().readiness();
        assertThat(readiness.met()).isZero();
        assertThat(readiness.notMet())
                .singleElement()
                .satisfies(m -> assertThat(m.note()).isEqualTo("Only one drill so far."));

        fx.run(manager, () -> content.clearNotMet(id, fx.version(id), "failure-modes-network-partitions"));
        assertThat(fx.as(manager, () -> promotions.details(id))
                        .packet()
                        .readiness()
                        .met())
                .isEqualTo(1);
    }

    @Test
    void theManagerWritesANarrativePerAreaOfTheTargetLevel() {
        var id = nominate();
        fx.run(manager, () -> content.setNarrative(id, fx.version(id), "consistency-replication", "Designed fencing."));
        var area = fx.as(engineer, () -> promotions.details(id)).packet().areas().stream()
                .filter(a -> a.key().equals("consistency-replication"))
                .findFirst()
                .orElseThrow();
        assertThat(area.narrative()).isEqualTo("Designed fencing.");
        assertThatThrownBy(() -> fx.run(manager, () -> content.setNarrative(id, fx.version(id), "nowhere", "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Area nowhere is not part of");
        fx.run(manager, () -> content.setNarrative(id, fx.version(id), "consistency-replication", ""));
        assertThat(fx.as(manager, () -> promotions.details(id)).packet().areas())
                .allMatch(a -> a.narrative() == null);
    }

    @Test
    void thePacketIsFrozenWhenTheCaseEntersCalibration() {
        var id = nominate();
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(id, fx.version(id), null));
        // Evidence acknowledged afterwards does not change what the committee decides on.
        var late = fx.logEvidence(engineer, "Late design doc", "DSE-3", "observability");
        fx.acknowledge(manager, late);
        var packet = fx.as(manager, () -> promotions.details(id)).packet();
        assertThat(packet.frozen()).isTrue();
        assertThat(packet.readiness().met()).isZero();
        assertThat(line(packet, "observability").evidence()).isEmpty();

        fx.run(
                manager,
                () -> promotions.returnForChanges(id, fx.version(id), CaseStatus.DRAFT, "Include the new design doc."));
        var live = fx.as(manager, () -> promotions.details(id)).packet();
        assertThat(live.frozen()).isFalse();
        assertThat(line(live, "observability").evidence()).hasSize(1);
    }

    @Test
    void aReviewerOutsideTheLineSeesThePacketAndOthersOutsideSeeNothing() {
        var drill = fx.logEvidence(engineer, "Partition drill", "DSE-3", "failure-modes-network-partitions");
        fx.acknowledge(manager, drill);
        var otherManager = fx.newManager("Ilse Brandt");
        var reviewer = fx.newEngineer("Kai Moreau", "SPE-1", otherManager);
        var id = nominate();
        fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(reviewer)));

        var seen = fx.as(reviewer, () -> promotions.details(id));
        assertThat(seen.packet().readiness().met()).isEqualTo(1);
        assertThat(fx.as(reviewer, () -> promotions.find(CaseFilter.none(), PageRequest.of(0, 50))))
                .extracting(CaseRow::id)
                .containsExactly(id);
        // The reviewer's own access to the engineer is unchanged: the promotion service reads for them.
        assertThatThrownBy(() -> fx.run(reviewer, () -> people.details(fx.personOf(engineer))))
                .isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> fx.run(otherManager, () -> promotions.details(id)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.as(otherManager, () -> promotions.find(CaseFilter.none(), PageRequest.of(0, 50))))
                .extracting(CaseRow::id)
                .doesNotContain(id);
    }

    @Test
    void theEngineerNeverSeesCommitteeNotesNorSignOffCommentsButSeesTheDecision() throws IOException {
        var otherManager = fx.newManager("Greta Lund");
        var reviewer = fx.newEngineer("Ada Okonjo", "SPE-1", otherManager);
        var id = nominate();
        fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(reviewer)));
        fx.run(manager, () -> reviews.comment(id, CommentKind.COMMENT, "Please add your design review."));
        fx.run(manager, () -> reviews.comment(id, CommentKind.COMMITTEE_NOTE, "Secret: compare with Mateo."));
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        fx.run(reviewer, () -> reviews.signOff(id, SignOff.CONCERNS, "Scope still team-local."));
        fx.run(reviewer, () -> reviews.comment(id, CommentKind.COMMITTEE_NOTE, "Reviewer-only remark."));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(id, fx.version(id), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.notYet(id, fx.version(id), "Lead a cross-team design next cycle."));

        var committee = fx.as(manager, () -> promotions.details(id));
        assertThat(committee.comments())
                .extracting(c -> c.kind())
                .containsExactly(CommentKind.COMMENT, CommentKind.COMMITTEE_NOTE, CommentKind.COMMITTEE_NOTE);
        assertThat(committee.reviewers().getFirst().comment()).isEqualTo("Scope still team-local.");

        var own = fx.as(engineer, () -> promotions.details(id));
        assertThat(own.comments())
                .singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("Please add your design review."));
        // Verdicts are for the committee unless the organization shares them (see VerdictVisibilityAttackTest).
        assertThat(own.reviewers().getFirst().signOff()).isNull();
        assertThat(own.reviewers().getFirst().verdictHidden()).isTrue();
        assertThat(committee.reviewers().getFirst().signOff()).isEqualTo(SignOff.CONCERNS);
        assertThat(own.reviewers().getFirst().comment()).isNull();
        assertThat(own.status()).isEqualTo(CaseStatus.NOT_YET);
        assertThat(own.closingNote()).isEqualTo("Lead a cross-team design next cycle.");

        // Exports carry the decision but never notes or comments, whoever exports.
        for (var who : new String[] {engineer, manager}) {
            var markdown = fx.as(who, () -> packets.exportMarkdown(id));
            var pdf = fx.as(who, () -> packets.exportPdf(id));
            String pdfText;
            try (var doc = Loader.loadPDF(pdf)) {
                pdfText = new PDFTextStripper().getText(doc);
            }
            for (var text : new String[] {markdown, pdfText}) {
                assertThat(text)
                        .contains("Lead a cross-team design next cycle.")
                        .doesNotContain("Secret", "Reviewer-only", "Scope still team-local", "Please add your");
            }
        }
    }

    @Test
    void anEngineerHasAtMostOneOpenCase() {
        var first = nominate();
        var engineerId = fx.personOf(engineer);
        assertThatThrownBy(() -> fx.as(manager, () -> promotions.nominate(engineerId, "SPE-1", "2026-H2", "Again")))
                .isInstanceOf(ValidationException.class)
                .hasMessageEndingWith("already has an open promotion case (#" + first
                        + ", draft, for DSE-3). Finish or withdraw it before starting another.");
        assertThatThrownBy(() -> fx.as(engineer, () -> promotions.nominateSelf("DSE-3", "2026-H2", "Me too")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already has an open promotion case");

        fx.run(manager, () -> promotions.withdraw(first, fx.version(first), "Timing"));
        var second = fx.as(engineer, () -> promotions.nominateSelf("DSE-3", "2026-H2", "Ready now."));
        assertThat(fx.as(engineer, () -> promotions.details(second)).status()).isEqualTo(CaseStatus.PROPOSED);
    }

    @Test
    void theTargetMustBeAHigherLevelOfTheEngineersLadder() {
        var engineerId = fx.personOf(engineer);
        assertThatThrownBy(() -> fx.as(manager, () -> promotions.nominate(engineerId, "DSE-2", "2026-H2", "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DSE-2 is not above")
                .hasMessageContaining("current level DSE-2");
        assertThatThrownBy(() -> fx.as(manager, () -> promotions.nominate(engineerId, "DSE-1", "2026-H2", "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DSE-1 is not above");
        assertThatThrownBy(() -> fx.as(manager, () -> promotions.nominate(engineerId, "XYZ-9", "2026-H2", "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Level XYZ-9 is not part of Distributed Systems Engineering");
        assertThatThrownBy(() -> fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "", " ")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(
                                "Give the promotion cycle, like 2026-H2.",
                                "Write the justification: why " + fx.nameOf(engineer) + " is ready for DSE-3."));
        assertThat(fx.as(manager, () -> queries.targetLevels(engineerId)))
                .extracting(l -> l.key())
                .containsExactly("DSE-3", "SPE-1", "SPE-2", "DE-1", "RS-1");
    }

    @Test
    void managersNominateOnlyInTheirLineAndEngineersOnlyThemselves() {
        var outsider = fx.newManager("Bo Lindqvist");
        var engineerId = fx.personOf(engineer);
        assertThatThrownBy(() -> fx.as(outsider, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "x")))
                .isInstanceOf(NotFoundException.class);
        var colleague = fx.newEngineer("Cleo Park", "DSE-2", manager);
        assertThatThrownBy(() -> fx.as(colleague, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "x")))
                .isInstanceOf(AccessDeniedException.class);
        // A self-nomination tells the manager.
        fx.as(engineer, () -> promotions.nominateSelf("DSE-3", "2026-H2", "I run the storage design reviews."));
        assertThat(fx.as(
                        manager,
                        () -> promotions.find(
                                new CaseFilter(CaseStatus.PROPOSED, null, null, null), PageRequest.of(0, 10))))
                .singleElement()
                .satisfies(r -> assertThat(r.selfNominated()).isTrue());
    }

    @Test
    void theListIsScopedAndFilteredAndItsStatementsAreBounded() {
        var id = nominate();
        var second = fx.newEngineer("Dara Fox", "DSE-1", manager);
        var secondId = fx.personOf(second);
        fx.as(manager, () -> promotions.nominate(secondId, "DSE-2", "2027-H1", "Owns the compaction jobs."));

        assertThat(fx.as(manager, () -> promotions.find(CaseFilter.none(), PageRequest.of(0, 50))))
                .hasSize(2);
        assertThat(fx.as(
                        manager,
                        () -> promotions.find(new CaseFilter(null, null, "2027-H1", null), PageRequest.of(0, 50))))
                .singleElement()
                .satisfies(r -> assertThat(r.targetLevelKey()).isEqualTo("DSE-2"));
        assertThat(fx.as(manager, () -> queries.count(new CaseFilter(null, "DSE-3", null, "jonas"))))
                .isEqualTo(1);
        assertThat(fx.as(engineer, () -> promotions.find(CaseFilter.none(), PageRequest.of(0, 50))))
                .extracting(CaseRow::id)
                .containsExactly(id);
        assertThat(fx.as(DemoUsers.ADMIN, () -> queries.count(CaseFilter.none())))
                .isGreaterThanOrEqualTo(2);

        var counter = new StatementCounter(emf);
        long grid = fx.as(
                manager,
                () -> counter.count(() -> {
                    promotions.find(CaseFilter.none(), PageRequest.of(0, 50));
                    queries.count(CaseFilter.none());
                }));
        // Per call: the manager's reporting line (ids, people, teams, managers) and the cases: a fixed number.
        assertThat(grid).isLessThanOrEqualTo(10);
        long page = fx.as(manager, () -> counter.count(() -> promotions.details(id)));
        assertThat(page).isLessThanOrEqualTo(40);
        System.out.printf("Statements: promotions grid page + count = %d, case details = %d%n", grid, page);
    }

    @Test
    void thePacketCarriesTheReadinessChecklistAndItsStatementsDoNotGrowWithEvidence() {
        var id = nominate();
        var counter = new StatementCounter(emf);
        long before = fx.as(manager, () -> counter.count(() -> promotions.details(id)));
        for (var competency : java.util.List.of(
                "observability", "load-balancing", "rpc-grpc", "replication-strategies", "distributed-caching")) {
            fx.acknowledge(manager, fx.logEvidence(engineer, "Backing " + competency, "DSE-3", competency));
        }
        long after = fx.as(manager, () -> counter.count(() -> promotions.details(id)));
        assertThat(after).isEqualTo(before);

        var readiness = fx.as(manager, () -> promotions.details(id)).packet().readiness();
        assertThat(readiness.path()).isNotBlank();
        assertThat(readiness.checklist())
                .extracting(Packet.Check::label)
                .anyMatch(label -> label.contains("of DSE-3's core and track expectations backed"));
        assertThat(fx.as(manager, () -> packets.exportMarkdown(id))).contains("### Readiness rule");
        System.out.printf("Statements: case details with few / 5 more acknowledged items = %d / %d%n", before, after);
    }
}
