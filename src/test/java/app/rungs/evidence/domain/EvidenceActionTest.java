package app.rungs.evidence.domain;

import static app.rungs.evidence.domain.EvidenceRole.OWNER;
import static app.rungs.evidence.domain.EvidenceRole.REVIEWER;
import static app.rungs.evidence.domain.EvidenceRole.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evidence workflow table and the entity that enforces it, without Spring. */
class EvidenceActionTest {

    private static final Set<EvidenceRole> OWNER_ROLES = EnumSet.of(OWNER, VIEWER);
    private static final Set<EvidenceRole> REVIEWER_ROLES = EnumSet.of(REVIEWER, VIEWER);
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static EvidenceItem draft() {
        var item = new EvidenceItem(1L, 2L, NOW);
        item.setContent(
                OWNER_ROLES,
                EvidenceType.OTHER,
                "Title",
                LocalDate.of(2026, 4, 1),
                null,
                "Impact",
                "DSE-2",
                new String[] {"observability"},
                new String[0],
                "{}",
                NOW);
        return item;
    }

    @Test
    void theOwnerSubmitsDraftsAndReturnedItemsOnly() {
        assertThat(EvidenceAction.SUBMIT.from())
                .containsExactlyInAnyOrder(EvidenceStatus.DRAFT, EvidenceStatus.RETURNED);
        assertThat(EvidenceAction.SUBMIT.allows(EvidenceStatus.DRAFT, OWNER_ROLES))
                .isTrue();
        assertThat(EvidenceAction.SUBMIT.allows(EvidenceStatus.DRAFT, REVIEWER_ROLES))
                .isFalse();
        assertThat(EvidenceAction.SUBMIT.allows(EvidenceStatus.SUBMITTED, OWNER_ROLES))
                .isFalse();
        assertThat(EvidenceAction.SUBMIT.allows(EvidenceStatus.ACKNOWLEDGED, OWNER_ROLES))
                .isFalse();
    }

    @Test
    void onlyAReviewerDecidesAndOnlyOnSubmittedItems() {
        for (var action : EnumSet.of(EvidenceAction.ACKNOWLEDGE, EvidenceAction.RETURN)) {
            assertThat(action.allows(EvidenceStatus.SUBMITTED, REVIEWER_ROLES)).isTrue();
            assertThat(action.allows(EvidenceStatus.SUBMITTED, OWNER_ROLES)).isFalse();
            assertThat(action.allows(EvidenceStatus.SUBMITTED, EnumSet.of(VIEWER)))
                    .isFalse();
            assertThat(action.allows(EvidenceStatus.DRAFT, REVIEWER_ROLES)).isFalse();
            assertThat(action.allows(EvidenceStatus.ACKNOWLEDGED, REVIEWER_ROLES))
                    .isFalse();
        }
        assertThat(EvidenceAction.RETURN.check(EvidenceStatus.SUBMITTED, REVIEWER_ROLES, "  "))
                .isEqualTo(EvidenceAction.Refusal.MISSING_NOTE);
        assertThat(EvidenceAction.ACKNOWLEDGE.check(EvidenceStatus.SUBMITTED, REVIEWER_ROLES, null))
                .isEqualTo(EvidenceAction.Refusal.NONE);
    }

    @Test
    void whatEachRoleMayDoInEachStatus() {
        assertThat(EvidenceAction.allowed(EvidenceStatus.DRAFT, OWNER_ROLES))
                .containsExactlyInAnyOrder(
                        EvidenceAction.SUBMIT,
                        EvidenceAction.EDIT,
                        EvidenceAction.CHANGE_ATTACHMENTS,
                        EvidenceAction.DELETE,
                        EvidenceAction.COMMENT);
        assertThat(EvidenceAction.allowed(EvidenceStatus.ACKNOWLEDGED, OWNER_ROLES))
                .containsExactlyInAnyOrder(EvidenceAction.EDIT, EvidenceAction.COMMENT);
        assertThat(EvidenceAction.allowed(EvidenceStatus.SUBMITTED, REVIEWER_ROLES))
                .containsExactlyInAnyOrder(EvidenceAction.ACKNOWLEDGE, EvidenceAction.RETURN, EvidenceAction.COMMENT);
        assertThat(EvidenceAction.allowed(EvidenceStatus.SUBMITTED, EnumSet.of(VIEWER)))
                .containsExactly(EvidenceAction.COMMENT);
    }

    @Test
    void theEntityRefusesWhatTheTableDoesNotAllow() {
        var item = draft();
        assertThatThrownBy(() -> item.acknowledge(REVIEWER_ROLES, "Daniel", NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> item.submit(REVIEWER_ROLES, NOW)).isInstanceOf(IllegalStateException.class);

        item.submit(OWNER_ROLES, NOW);
        assertThat(item.getStatus()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThatThrownBy(() -> item.submit(OWNER_ROLES, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> item.returnForChanges(REVIEWER_ROLES, "Daniel", "", NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> item.acknowledge(OWNER_ROLES, "Me", NOW)).isInstanceOf(IllegalStateException.class);

        item.returnForChanges(REVIEWER_ROLES, "Daniel", "Add the numbers.", NOW);
        assertThat(item.getStatus()).isEqualTo(EvidenceStatus.RETURNED);
        assertThat(item.getReviewComment()).isEqualTo("Add the numbers.");
        item.submit(OWNER_ROLES, NOW);
        assertThat(item.getReviewComment()).isNull();
        item.acknowledge(REVIEWER_ROLES, "Daniel", NOW);
        assertThat(item.getStatus()).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThatThrownBy(() -> item.require(EvidenceAction.CHANGE_ATTACHMENTS, OWNER_ROLES, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void editingAcknowledgedContentStartsTheNextRevisionAsADraftThatCanNoLongerBeDeleted() {
        var item = draft();
        item.require(EvidenceAction.DELETE, OWNER_ROLES, null);
        assertThatThrownBy(() -> item.startRevision(OWNER_ROLES)).isInstanceOf(IllegalStateException.class);
        item.submit(OWNER_ROLES, NOW);
        item.acknowledge(REVIEWER_ROLES, "Daniel", NOW);
        assertThatThrownBy(() -> item.startRevision(REVIEWER_ROLES)).isInstanceOf(IllegalStateException.class);

        item.startRevision(OWNER_ROLES);
        assertThat(item.getRevision()).isEqualTo(2);
        assertThat(item.getStatus()).isEqualTo(EvidenceStatus.DRAFT);
        assertThat(item.getReviewedBy()).isNull();
        assertThatThrownBy(() -> item.require(EvidenceAction.DELETE, OWNER_ROLES, null))
                .isInstanceOf(IllegalStateException.class);
    }
}
