package app.rungs.calibration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session's state machine, without Spring: who may take which step in which status. */
class SessionActionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Set<SessionRole> FACILITATOR = EnumSet.of(SessionRole.FACILITATOR);
    private static final Set<SessionRole> PARTICIPANT = EnumSet.of(SessionRole.PARTICIPANT);
    private static final Set<SessionRole> ADMIN = EnumSet.of(SessionRole.ADMIN);

    private static CalibrationSession session() {
        return new CalibrationSession(
                "2026-H2 Storage",
                "2026-H2",
                List.of("Low", "Solid", "Strong"),
                List.of(),
                List.of(),
                List.of("DSE-2"),
                "dana",
                "Dana Director",
                1L,
                NOW);
    }

    @Test
    void aPreparingSessionLetsTheCommitteeProposeAndOnlyItsLeadsStart() {
        assertThat(SessionAction.allowed(SessionStatus.PREPARING, PARTICIPANT))
                .containsExactlyInAnyOrder(SessionAction.PROPOSE, SessionAction.NOTE, SessionAction.EXPORT);
        assertThat(SessionAction.allowed(SessionStatus.PREPARING, FACILITATOR)).contains(SessionAction.START);
        assertThat(SessionAction.allowed(SessionStatus.PREPARING, FACILITATOR)).doesNotContain(SessionAction.RATE);
    }

    @Test
    void onlyAnAdminPublishesALockedSession() {
        assertThat(SessionAction.PUBLISH.allows(SessionStatus.LOCKED, ADMIN)).isTrue();
        assertThat(SessionAction.PUBLISH.allows(SessionStatus.LOCKED, FACILITATOR))
                .isFalse();
        assertThat(SessionAction.PUBLISH.allows(SessionStatus.IN_SESSION, ADMIN))
                .isFalse();
    }

    @Test
    void aPublishedSessionOnlyExports() {
        assertThat(SessionAction.allowed(SessionStatus.PUBLISHED, EnumSet.allOf(SessionRole.class)))
                .containsExactly(SessionAction.EXPORT);
    }

    @Test
    void theFacilitatorWalksASessionThroughItsStatuses() {
        var s = session();
        s.start(FACILITATOR, NOW);
        assertThat(s.getStatus()).isEqualTo(SessionStatus.IN_SESSION);
        assertThat(s.getStartedAt()).isEqualTo(NOW);
        s.lock(FACILITATOR, NOW);
        assertThat(s.getStatus()).isEqualTo(SessionStatus.LOCKED);
        s.reopen(FACILITATOR);
        assertThat(s.getStatus()).isEqualTo(SessionStatus.IN_SESSION);
        assertThat(s.getLockedAt()).isNull();
        s.lock(FACILITATOR, NOW);
        s.publish(ADMIN, NOW, "Ada Admin", LocalDate.of(2026, 7, 1));
        assertThat(s.getStatus()).isEqualTo(SessionStatus.PUBLISHED);
        assertThat(s.getEffectiveDate()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aParticipantWhoStartsASessionIsRefusedByRoleAndNothingChanges() {
        var s = session();
        assertThatThrownBy(() -> s.start(PARTICIPANT, NOW))
                .isInstanceOfSatisfying(
                        SessionActionRefused.class, r -> assertThat(r.byRole()).isTrue())
                .hasMessage("Only the facilitator (Dana Director) or an admin can start the session.");
        assertThat(s.getStatus()).isEqualTo(SessionStatus.PREPARING);
        assertThat(s.getStartedAt()).isNull();
    }

    @Test
    void lockingAPreparingSessionIsRefusedByStatus() {
        var s = session();
        assertThatThrownBy(() -> s.lock(FACILITATOR, NOW))
                .isInstanceOfSatisfying(
                        SessionActionRefused.class, r -> assertThat(r.byRole()).isFalse())
                .hasMessage("The session is preparing; you can lock it only when it is in session.");
        assertThat(s.getStatus()).isEqualTo(SessionStatus.PREPARING);
    }

    @Test
    void aFacilitatorCannotPublishEvenALockedSession() {
        var s = session();
        s.start(FACILITATOR, NOW);
        s.lock(FACILITATOR, NOW);
        assertThatThrownBy(() -> s.publish(FACILITATOR, NOW, "Dana", LocalDate.of(2026, 7, 1)))
                .isInstanceOf(SessionActionRefused.class)
                .hasMessage("Only an admin can publish the session.");
        assertThat(s.getStatus()).isEqualTo(SessionStatus.LOCKED);
    }
}
