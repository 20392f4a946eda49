package app.rungs.ladder.domain;

import static app.rungs.ladder.domain.VersionStatus.DRAFT;
import static app.rungs.ladder.domain.VersionStatus.PUBLISHED;
import static app.rungs.ladder.domain.VersionStatus.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.shared.security.AppRoles;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state machine of a ladder version, without Spring: what each status allows and what the entity refuses. */
class VersionActionTest {

    private static final Set<String> ADMIN = Set.of(AppRoles.ADMIN);
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static LadderVersion draft() {
        return new LadderVersion(new Ladder("Ladder", null), 2, "admin");
    }

    @Test
    void onlyADraftCanBeEditedDiscardedOrPublished() {
        assertThat(VersionAction.allowed(DRAFT, ADMIN))
                .containsExactlyInAnyOrder(VersionAction.EDIT, VersionAction.DISCARD, VersionAction.PUBLISH);
        assertThat(VersionAction.allowed(PUBLISHED, ADMIN))
                .containsExactlyInAnyOrder(VersionAction.SUPERSEDE, VersionAction.RETIRE);
        assertThat(VersionAction.allowed(RETIRED, ADMIN))
                .as("a superseded version is history")
                .isEmpty();
    }

    @Test
    void nothingLeadsBackToADraftSoPublishedContentCanBeCachedForGood() {
        for (var action : VersionAction.values()) {
            if (!action.createsVersion()) {
                assertThat(action.to()).as(action.name()).isNotEqualTo(DRAFT);
            }
            if (action.to() == DRAFT) {
                assertThat(action.createsVersion()).as(action.name()).isTrue();
            }
        }
        // What changes content (EDIT) starts from DRAFT only.
        assertThat(VersionAction.EDIT.from()).isEqualTo(EnumSet.of(DRAFT));
    }

    @Test
    void onlyAdminsTakeAnyStep() {
        for (var status : VersionStatus.values()) {
            assertThat(VersionAction.allowed(status, Set.of(AppRoles.MANAGER, AppRoles.ENGINEER)))
                    .as(status.name())
                    .isEmpty();
        }
    }

    @Test
    void publishingRecordsWhoWhenAndTheChangeNote() {
        var version = draft();
        version.setChangeNote("imported");
        version.take(VersionAction.PUBLISH, "Ada", NOW, "  Raised the bar for L4  ");
        assertThat(version.getStatus()).isEqualTo(PUBLISHED);
        assertThat(version.getPublishedBy()).isEqualTo("Ada");
        assertThat(version.getPublishedAt()).isEqualTo(NOW);
        assertThat(version.getChangeNote()).isEqualTo("Raised the bar for L4");
    }

    @Test
    void aBlankNoteKeepsTheDraftsChangeNote() {
        var version = draft();
        version.setChangeNote("Imported from ladder.yaml");
        version.take(VersionAction.PUBLISH, "Ada", NOW, " ");
        assertThat(version.getChangeNote()).isEqualTo("Imported from ladder.yaml");
    }

    @Test
    void publishingAPublishedVersionAgainIsRefusedAndChangesNothing() {
        var version = draft();
        version.take(VersionAction.PUBLISH, "Ada", NOW, null);
        assertThatThrownBy(() -> version.take(VersionAction.PUBLISH, "Bob", NOW.plusSeconds(60), "again"))
                .isInstanceOf(VersionActionRefused.class)
                .hasMessageContaining("Version 2 is published");
        assertThat(version.getPublishedBy()).isEqualTo("Ada");
        assertThat(version.getPublishedAt()).isEqualTo(NOW);
    }

    @Test
    void aDraftCannotBeSupersededOrRetiredAndASupersededVersionCannotBeEdited() {
        var version = draft();
        assertThatThrownBy(() -> version.take(VersionAction.SUPERSEDE, "Ada", NOW, null))
                .isInstanceOf(VersionActionRefused.class);
        assertThatThrownBy(() -> version.take(VersionAction.RETIRE, "Ada", NOW, null))
                .isInstanceOf(VersionActionRefused.class);
        assertThat(version.getStatus()).isEqualTo(DRAFT);
        version.take(VersionAction.PUBLISH, "Ada", NOW, null);
        version.take(VersionAction.SUPERSEDE, "Ada", NOW, null);
        assertThat(version.getStatus()).isEqualTo(RETIRED);
        assertThat(version.allows(VersionAction.EDIT)).isFalse();
        assertThatThrownBy(() -> version.check(VersionAction.EDIT))
                .isInstanceOf(VersionActionRefused.class)
                .hasMessageContaining("retired");
    }

    @Test
    void actionsThatKeepTheStatusAreRefusedAsSteps() {
        var version = draft();
        assertThatThrownBy(() -> version.take(VersionAction.EDIT, "Ada", NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(version.getStatus()).isEqualTo(DRAFT);
    }
}
