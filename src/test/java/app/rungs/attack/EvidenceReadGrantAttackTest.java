package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.Coverage;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.Packet;
import app.rungs.promotion.service.PromotionPackets;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A promotion case's reviewer, often outside the engineer's reporting line, reads the engineer's acknowledged evidence
 * and coverage because promotion's grant vouches for them (not through a system identity): only while they review an
 * open case of that engineer, and never the engineer's drafts or items still in review.
 */
@IntegrationTest
class EvidenceReadGrantAttackTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionReviews reviews;

    @Autowired
    PromotionPackets packets;

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

    PromotionFixtures fx;
    String manager;
    String engineer;
    String reviewer;
    Long engineerId;
    Long caseId;
    Long acknowledgedId;
    Long pendingId;
    Long draftId;

    @BeforeEach
    void aCaseWithAReviewerFromAnotherLine() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Grant Manager");
        engineer = fx.newEngineer("Grant Candidate", "DSE-2", manager);
        engineerId = fx.personOf(engineer);
        reviewer = fx.newEngineer("Grant Reviewer", "SPE-1", fx.newManager("Grant Other Manager"));
        acknowledgedId = fx.logEvidence(engineer, "Acknowledged partition drill", "DSE-3", "observability");
        fx.acknowledge(manager, acknowledgedId);
        pendingId = fx.logEvidence(engineer, "Pending quorum design", "DSE-3", "observability");
        draftId = fx.as(
                engineer,
                () -> evidenceAuthoring.create(
                        new EvidenceInput(
                                EvidenceType.OTHER,
                                "Secret draft notes",
                                LocalDate.now().minusDays(3),
                                "Half-finished.",
                                null,
                                "DSE-3",
                                List.of("observability"),
                                List.of(),
                                Map.of()),
                        false));
        caseId = fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Leads the quorum work."));
        fx.run(manager, () -> reviews.addReviewer(caseId, fx.version(caseId), fx.personOf(reviewer)));
    }

    private static List<Coverage.Ref> refs(Coverage coverage) {
        return coverage.lines().stream().flatMap(l -> l.evidence().stream()).toList();
    }

    @Test
    void aReviewerReadsTheCandidatesAcknowledgedEvidenceThroughTheCasePage() {
        var packet = fx.as(reviewer, () -> packets.details(caseId)).packet();
        var consensus = packet.areas().stream()
                .flatMap(a -> a.lines().stream())
                .filter(l -> l.competencyKey().equals("observability"))
                .findFirst()
                .orElseThrow();
        assertThat(consensus.evidence())
                .extracting(Packet.EvidenceRef::title)
                .containsExactly("Acknowledged partition drill");

        assertThat(fx.as(reviewer, () -> evidence.acknowledged(engineerId, 50)))
                .extracting(EvidenceRow::id)
                .containsExactly(acknowledgedId);
        var coverage = fx.as(reviewer, () -> evidence.coverage(engineerId, "DSE-3"));
        assertThat(refs(coverage))
                .filteredOn(r -> r.status() == EvidenceStatus.ACKNOWLEDGED)
                .extracting(Coverage.Ref::id)
                .contains(acknowledgedId);
    }

    @Test
    void aReviewerCannotReadTheCandidatesDraftsOrItemsStillInReview() {
        var coverage = fx.as(reviewer, () -> evidence.coverage(engineerId, "DSE-3"));
        // The items in progress still count (the packet shows them as pending) but say nothing about themselves.
        assertThat(refs(coverage))
                .filteredOn(r -> r.status() != EvidenceStatus.ACKNOWLEDGED)
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.id()).isNull();
                    assertThat(r.title()).isNull();
                    assertThat(r.type()).isNull();
                });
        assertThat(refs(coverage)).extracting(Coverage.Ref::id).doesNotContain(pendingId, draftId);
        assertThatThrownBy(() ->
                        fx.as(reviewer, () -> evidence.find(engineerId, EvidenceFilter.none(), PageRequest.of(0, 50))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(reviewer, () -> evidence.details(draftId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(reviewer, () -> evidence.details(pendingId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(reviewer, () -> evidence.statusCounts(engineerId)))
                .isInstanceOf(NotFoundException.class);
        // The candidate's own manager still sees everything in progress.
        assertThat(refs(fx.as(manager, () -> evidence.coverage(engineerId, "DSE-3"))))
                .extracting(Coverage.Ref::id)
                .contains(acknowledgedId, pendingId, draftId);
    }

    @Test
    void theSameUserWhoIsNotAReviewerIsRefused() {
        var stranger = fx.newEngineer("Grant Stranger", "SPE-1", fx.newManager("Grant Third Manager"));
        assertThatThrownBy(() -> fx.as(stranger, () -> evidence.acknowledged(engineerId, 50)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(stranger, () -> evidence.coverage(engineerId, "DSE-3")))
                .isInstanceOf(NotFoundException.class);
        // A case of another engineer does not open this engineer's evidence.
        var other = fx.newEngineer("Grant Other Candidate", "DSE-2", manager);
        var otherCase = fx.as(
                manager, () -> promotions.nominate(fx.personOf(other), "DSE-3", "2026-H2", "Owns the cache work."));
        fx.run(manager, () -> reviews.addReviewer(otherCase, fx.version(otherCase), fx.personOf(stranger)));
        assertThatThrownBy(() -> fx.as(stranger, () -> evidence.acknowledged(engineerId, 50)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReviewerIsRefusedOnceTheCaseIsDecided() {
        assertThat(fx.as(reviewer, () -> evidence.acknowledged(engineerId, 50))).hasSize(1);
        fx.run(manager, () -> promotions.submit(caseId, fx.version(caseId), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(caseId, fx.version(caseId), null));
        fx.run(
                DemoUsers.ADMIN,
                () -> promotions.approve(caseId, fx.version(caseId), LocalDate.now(), "Clear consensus."));

        assertThatThrownBy(() -> fx.as(reviewer, () -> evidence.acknowledged(engineerId, 50)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(reviewer, () -> evidence.coverage(engineerId, "DSE-3")))
                .isInstanceOf(NotFoundException.class);
        // The decided case still shows its packet, frozen when it entered calibration.
        assertThat(fx.as(reviewer, () -> packets.details(caseId)).packet().frozen())
                .isTrue();
    }
}
