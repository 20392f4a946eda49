package app.rungs.evidence;

import static app.rungs.evidence.EvidenceFixtures.postmortem;
import static app.rungs.evidence.EvidenceFixtures.publication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every status transition of an evidence item, by the roles allowed to make it, with its audit trail. */
@IntegrationTest
class EvidenceReviewFlowTest {

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditService audit;

    EvidenceFixtures fx;
    String engineer;

    @BeforeEach
    void freshEngineer() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        engineer = fx.newEngineer("Rhea Flow", "DSE-1");
    }

    private Long create(EvidenceInput input, boolean submit) {
        return fx.as(engineer, () -> evidenceAuthoring.create(input, submit));
    }

    private long version(String user, Long id) {
        return fx.as(user, () -> evidence.details(id).version());
    }

    private EvidenceStatus status(Long id) {
        return fx.as(engineer, () -> evidence.details(id).status());
    }

    @Test
    void anEngineerLogsADraftAndSubmitsItLater() {
        var id = create(postmortem("Metadata quorum split during rack partition"), false);
        assertThat(status(id)).isEqualTo(EvidenceStatus.DRAFT);
        var details = fx.as(engineer, () -> evidence.details(id));
        assertThat(details.may().edit()).isTrue();
        assertThat(details.may().submit()).isTrue();
        assertThat(details.may().review()).isFalse();
        assertThat(details.details()).containsEntry("failureMode", "NETWORK_PARTITION");

        fx.run(engineer, () -> evidenceAuthoring.submit(id, details.version()));
        var submitted = fx.as(engineer, () -> evidence.details(id));
        assertThat(submitted.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(submitted.submittedAt()).isNotNull();
        assertThat(submitted.comments()).extracting(c -> c.kind()).containsExactly(CommentKind.SUBMITTED);
        assertThat(actions(id)).contains("EVIDENCE_CREATED", "EVIDENCE_SUBMITTED");
    }

    @Test
    void submittingWithoutAnImpactStatementIsRefusedAndChangesNothing() {
        var input = postmortem("Postmortem without impact");
        var noImpact = new EvidenceInput(
                input.type(),
                input.title(),
                input.occurredOn(),
                input.description(),
                " ",
                input.levelKey(),
                input.competencyKeys(),
                input.links(),
                input.details());
        assertThatThrownBy(() -> create(noImpact, true))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Describe the impact");
        var id = create(noImpact, false);
        assertThatThrownBy(() -> fx.run(engineer, () -> evidenceAuthoring.submit(id, version(engineer, id))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("impact");
        assertThat(status(id)).isEqualTo(EvidenceStatus.DRAFT);
    }

    @Test
    void aManagerAcknowledgesSubmittedEvidenceWithANote() {
        var id = create(postmortem("Partition postmortem to acknowledge"), true);
        var inQueue = fx.as(
                DemoUsers.MANAGER, () -> evidenceReview.reviewQueue(EvidenceFilter.none(), PageRequest.of(0, 500)));
        assertThat(inQueue).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.ownerName()).isEqualTo("Rhea Flow");
            assertThat(r.teamName()).isEqualTo("Storage Platform");
        });
        var seen = fx.as(DemoUsers.MANAGER, () -> evidence.details(id));
        assertThat(seen.may().review()).isTrue();
        assertThat(seen.may().edit()).isFalse();

        fx.run(DemoUsers.MANAGER, () -> evidenceReview.acknowledge(id, seen.version(), "Clear fencing analysis."));

        var done = fx.as(engineer, () -> evidence.details(id));
        assertThat(done.status()).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThat(done.reviewedBy()).isEqualTo("Daniel Okafor");
        assertThat(done.comments())
                .extracting(c -> c.kind() + ":" + c.body())
                .containsExactly("SUBMITTED:null", "ACKNOWLEDGED:Clear fencing analysis.");
        assertThat(fx.as(
                        DemoUsers.MANAGER,
                        () -> evidenceReview.reviewQueue(EvidenceFilter.none(), PageRequest.of(0, 500))))
                .noneMatch(r -> r.id().equals(id));
        assertThat(actions(id)).contains("EVIDENCE_ACKNOWLEDGED");
    }

    @Test
    void aManagerReturnsEvidenceWithAComment() {
        var id = create(publication("Lease-based fencing at scale"), true);
        var v = version(DemoUsers.MANAGER, id);
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> evidenceReview.returnForChanges(id, v, "   ")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Say what is missing");
        assertThat(status(id)).isEqualTo(EvidenceStatus.SUBMITTED);

        fx.run(
                DemoUsers.MANAGER,
                () -> evidenceReview.returnForChanges(
                        id, v, "Link the camera-ready version and your own contribution."));
        var returned = fx.as(engineer, () -> evidence.details(id));
        assertThat(returned.status()).isEqualTo(EvidenceStatus.RETURNED);
        assertThat(returned.reviewComment()).startsWith("Link the camera-ready");
        assertThat(returned.may().submit()).isTrue();
        assertThat(actions(id)).contains("EVIDENCE_RETURNED");
    }

    @Test
    void aReturnedItemIsEditedAndSubmittedAgain() {
        var id = create(publication("Paper to rework"), true);
        fx.run(
                DemoUsers.MANAGER,
                () -> evidenceReview.returnForChanges(id, version(DemoUsers.MANAGER, id), "Add the DOI."));
        var returned = fx.as(engineer, () -> evidence.details(id));
        var changed = new EvidenceInput(
                returned.type(),
                "Paper to rework (camera-ready)",
                returned.occurredOn(),
                returned.description(),
                returned.impact(),
                returned.levelKey(),
                returned.competencyKeys(),
                returned.links(),
                returned.details());
        fx.run(engineer, () -> evidenceAuthoring.update(id, returned.version(), changed, true));
        var again = fx.as(engineer, () -> evidence.details(id));
        assertThat(again.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(again.title()).isEqualTo("Paper to rework (camera-ready)");
        assertThat(again.reviewComment()).isNull();
        assertThat(again.comments())
                .extracting(c -> c.kind())
                .containsExactly(CommentKind.SUBMITTED, CommentKind.RETURNED, CommentKind.SUBMITTED);
    }

    @Test
    void editingASubmittedItemKeepsItSubmitted() {
        var id = create(postmortem("Submitted postmortem, typo fixed"), true);
        var d = fx.as(engineer, () -> evidence.details(id));
        fx.run(engineer, () -> evidenceAuthoring.update(id, d.version(), d.toInput(), false));
        assertThat(status(id)).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(actions(id)).contains("EVIDENCE_EDITED");
    }

    @Test
    void editingAnAcknowledgedItemStartsANewRevisionAndKeepsTheAcknowledgedOne() {
        var id = create(postmortem("Acknowledged postmortem v1"), true);
        fx.run(DemoUsers.MANAGER, () -> evidenceReview.acknowledge(id, version(DemoUsers.MANAGER, id), null));
        var acknowledged = fx.as(engineer, () -> evidence.details(id));
        assertThat(acknowledged.may().attach()).isFalse();
        var edited = new EvidenceInput(
                acknowledged.type(),
                "Acknowledged postmortem v2",
                acknowledged.occurredOn(),
                acknowledged.description() + "\n\nFollow-up: fencing tokens rolled out fleet-wide.",
                acknowledged.impact(),
                acknowledged.levelKey(),
                acknowledged.competencyKeys(),
                acknowledged.links(),
                acknowledged.details());

        fx.run(engineer, () -> evidenceAuthoring.update(id, acknowledged.version(), edited, false));

        var next = fx.as(engineer, () -> evidence.details(id));
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.status()).isEqualTo(EvidenceStatus.DRAFT);
        assertThat(next.title()).isEqualTo("Acknowledged postmortem v2");
        assertThat(next.reviewedBy()).isNull();
        assertThat(next.may().delete()).isFalse();
        assertThat(next.revisions()).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
            assertThat(r.snapshot().title()).isEqualTo("Acknowledged postmortem v1");
            assertThat(r.snapshot().reviewedBy()).isEqualTo("Daniel Okafor");
            assertThat(r.snapshot().details()).containsEntry("incidentId", "INC-4412");
        });
        assertThatThrownBy(() -> fx.run(engineer, () -> evidenceAuthoring.deleteDraft(id, next.version())))
                .isInstanceOf(ValidationException.class);

        // Revision 2 submitted directly, then acknowledged again: revision 3 keeps both earlier ones.
        fx.run(engineer, () -> evidenceAuthoring.submit(id, next.version()));
        fx.run(DemoUsers.MANAGER, () -> evidenceReview.acknowledge(id, version(DemoUsers.MANAGER, id), null));
        var v2 = fx.as(engineer, () -> evidence.details(id));
        fx.run(engineer, () -> evidenceAuthoring.update(id, v2.version(), v2.toInput(), true));
        var third = fx.as(engineer, () -> evidence.details(id));
        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(third.revisions()).extracting(r -> r.revision()).containsExactly(2, 1);
    }

    @Test
    void aStaleEditAfterTheManagerAcknowledgedIsRefusedWithAClearMessage() {
        var id = create(postmortem("Raced postmortem"), true);
        var engineerLoaded = fx.as(engineer, () -> evidence.details(id));
        fx.run(DemoUsers.MANAGER, () -> evidenceReview.acknowledge(id, version(DemoUsers.MANAGER, id), null));

        var stale = new EvidenceInput(
                engineerLoaded.type(),
                "Raced postmortem — engineer's late edit",
                engineerLoaded.occurredOn(),
                engineerLoaded.description(),
                engineerLoaded.impact(),
                engineerLoaded.levelKey(),
                engineerLoaded.competencyKeys(),
                engineerLoaded.links(),
                engineerLoaded.details());
        assertThatThrownBy(() ->
                        fx.run(engineer, () -> evidenceAuthoring.update(id, engineerLoaded.version(), stale, false)))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("\"Raced postmortem\" (now acknowledged by Daniel Okafor)")
                .hasMessageContaining("changed by someone else");

        var after = fx.as(engineer, () -> evidence.details(id));
        assertThat(after.status()).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThat(after.title()).isEqualTo("Raced postmortem");
        assertThat(after.revision()).isEqualTo(1);
    }

    @Test
    void aManagerAcknowledgingAVersionTheEngineerChangedMeanwhileIsRefused() {
        var id = create(postmortem("Edited while in review"), true);
        var managerLoaded = version(DemoUsers.MANAGER, id);
        var d = fx.as(engineer, () -> evidence.details(id));
        fx.run(engineer, () -> evidenceAuthoring.update(id, d.version(), d.toInput(), false));

        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> evidenceReview.acknowledge(id, managerLoaded, null)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(status(id)).isEqualTo(EvidenceStatus.SUBMITTED);
    }

    @Test
    void bulkAcknowledgeAcknowledgesAllOrNothing() {
        var a = create(postmortem("Bulk A"), true);
        var b = create(publication("Bulk B"), true);
        var c = create(publication("Bulk C"), true);
        var staleC = version(DemoUsers.MANAGER, c);
        var dc = fx.as(engineer, () -> evidence.details(c));
        fx.run(engineer, () -> evidenceAuthoring.update(c, dc.version(), dc.toInput(), false));

        assertThatThrownBy(() -> fx.run(
                        DemoUsers.MANAGER,
                        () -> evidenceReview.acknowledgeAll(
                                Map.of(a, version(DemoUsers.MANAGER, a), b, version(DemoUsers.MANAGER, b), c, staleC))))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(status(a)).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(status(b)).isEqualTo(EvidenceStatus.SUBMITTED);

        int done = fx.as(
                DemoUsers.MANAGER,
                () -> evidenceReview.acknowledgeAll(
                        Map.of(a, version(DemoUsers.MANAGER, a), b, version(DemoUsers.MANAGER, b))));
        assertThat(done).isEqualTo(2);
        assertThat(status(a)).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThat(status(b)).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThat(status(c)).isEqualTo(EvidenceStatus.SUBMITTED);
    }

    @Test
    void onlyDraftsOrSubmittedItemsMoveAndOnlyManagersReview() {
        var draft = create(postmortem("Still a draft"), false);
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.MANAGER,
                        () -> evidenceReview.acknowledge(draft, version(DemoUsers.MANAGER, draft), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not waiting for review");
        var submitted = create(postmortem("Submitted twice?"), true);
        assertThatThrownBy(() ->
                        fx.run(engineer, () -> evidenceAuthoring.submit(submitted, version(engineer, submitted))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be submitted again");
        // An engineer cannot acknowledge, not even their own item.
        assertThatThrownBy(() -> fx.run(
                        engineer, () -> evidenceReview.acknowledge(submitted, version(engineer, submitted), null)))
                .isInstanceOf(AccessDeniedException.class);
        // A manager does not change an engineer's content; an admin neither.
        var d = fx.as(engineer, () -> evidence.details(submitted));
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.MANAGER, () -> evidenceAuthoring.update(submitted, d.version(), d.toInput(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.ADMIN, () -> evidenceAuthoring.update(submitted, d.version(), d.toInput(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> fx.run(DemoUsers.ADMIN, () -> evidenceReview.acknowledge(submitted, d.version(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(status(submitted)).isEqualTo(EvidenceStatus.SUBMITTED);
    }

    @Test
    void aManagerCannotAcknowledgeTheirOwnEvidence() {
        var own = fx.as(DemoUsers.MANAGER, () -> evidenceAuthoring.create(postmortem("Daniel's own postmortem"), true));
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.MANAGER,
                        () -> evidenceReview.acknowledge(own, version(DemoUsers.MANAGER, own), null)))
                .isInstanceOf(AccessDeniedException.class);
        // Daniel's director reviews it instead.
        fx.run(DemoUsers.DIRECTOR, () -> evidenceReview.acknowledge(own, version(DemoUsers.DIRECTOR, own), null));
        assertThat(fx.as(DemoUsers.MANAGER, () -> evidence.details(own).status()))
                .isEqualTo(EvidenceStatus.ACKNOWLEDGED);
    }

    @Test
    void commentsFormAThreadBetweenEngineerAndManager() {
        var id = create(postmortem("Discussed postmortem"), true);
        fx.run(DemoUsers.MANAGER, () -> evidenceReview.comment(id, "Which fencing token scheme did you pick?"));
        fx.run(engineer, () -> evidenceReview.comment(id, "Epoch numbers from the lease service."));
        assertThatThrownBy(() -> fx.run(engineer, () -> evidenceReview.comment(id, "  ")))
                .isInstanceOf(ValidationException.class);
        var thread = fx.as(engineer, () -> evidence.details(id)).comments();
        assertThat(thread)
                .extracting(c -> c.authorName() + ": " + c.body())
                .containsExactly(
                        "Rhea Flow: null",
                        "Daniel Okafor: Which fencing token scheme did you pick?",
                        "Rhea Flow: Epoch numbers from the lease service.");
        assertThat(actions(id)).filteredOn("EVIDENCE_COMMENTED"::equals).hasSize(2);
    }

    @Test
    void aNeverAcknowledgedDraftCanBeDeleted() {
        var id = create(postmortem("Draft to drop"), false);
        fx.run(engineer, () -> evidenceAuthoring.deleteDraft(id, version(engineer, id)));
        assertThat(fx.as(engineer, () -> evidence.count(null, new EvidenceFilter(null, null, null, "Draft to drop"))))
                .isZero();
        assertThat(actions(id)).contains("EVIDENCE_DELETED");
    }

    @Test
    void myEvidenceFiltersByTypeCompetencyAndStatus() {
        create(postmortem("Filter postmortem"), true);
        create(publication("Filter paper"), false);
        var mine = fx.as(
                engineer, () -> evidence.find(null, EvidenceFilter.none(), PageRequest.of(0, 50, Sort.by("title"))));
        assertThat(mine).extracting(r -> r.title()).containsExactly("Filter paper", "Filter postmortem");
        assertThat(fx.as(
                        engineer,
                        () -> evidence.find(
                                null,
                                new EvidenceFilter(null, "publications-research", null, null),
                                PageRequest.of(0, 50))))
                .extracting(r -> r.title())
                .containsExactly("Filter paper");
        assertThat(fx.as(
                        engineer,
                        () -> evidence.count(null, new EvidenceFilter(null, null, EvidenceStatus.SUBMITTED, null))))
                .isEqualTo(1);
        assertThat(fx.as(
                        engineer,
                        () -> evidence.count(
                                null,
                                new EvidenceFilter(
                                        app.rungs.evidence.domain.EvidenceType.PUBLICATION, null, null, "paper"))))
                .isEqualTo(1);
    }

    private java.util.List<String> actions(Long id) {
        return SystemAuthentication.call(() ->
                audit
                        .find(
                                new AuditFilter(null, null, "Evidence", String.valueOf(id), null, null),
                                PageRequest.of(0, 100))
                        .stream()
                        .filter(e -> String.valueOf(id).equals(e.objectId()))
                        .map(e -> e.action())
                        .toList());
    }
}
