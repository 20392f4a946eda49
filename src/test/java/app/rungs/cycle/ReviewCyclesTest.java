package app.rungs.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.cycle.domain.CycleStatus;
import app.rungs.cycle.service.CycleForm;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.RunAs;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/** Opening, rescheduling and closing review cycles: validation, window order, conflicts, audit and who may. */
@app.rungs.support.IntegrationTest
class ReviewCyclesTest {

    @Autowired
    ReviewCycles cycles;

    @Autowired
    AuditService audit;

    @Autowired
    RunAs runAs;

    private <T> T admin(java.util.function.Supplier<T> work) {
        return runAs.as(DemoUsers.ADMIN, work);
    }

    @Test
    void anAdminOpensACycleThatIsOfferedToEveryoneAndAudited() {
        var label = CycleFixtures.label();
        var id = admin(() -> cycles.open(CycleFixtures.future(label)));

        var view = admin(() -> cycles.get(id));
        assertThat(view.label()).isEqualTo(label);
        assertThat(view.status()).isEqualTo(CycleStatus.OPEN);
        assertThat(view.window(CycleStep.NOMINATION).opens())
                .isEqualTo(LocalDate.now().plusMonths(3).plusDays(42));
        assertThat(runAs.as(DemoUsers.ENGINEER, () -> cycles.openLabels())).contains(label);
        var entries = admin(() -> audit.find(
                new AuditFilter(null, "REVIEW_CYCLE_OPENED", "ReviewCycle", null, null, null), PageRequest.of(0, 50)));
        assertThat(entries).anySatisfy(e -> assertThat(e.objectId()).isEqualTo(String.valueOf(id)));
    }

    @Test
    void aLabelMustBeWellFormedAndUniqueIgnoringCase() {
        var label = CycleFixtures.label();
        admin(() -> cycles.open(CycleFixtures.future(label)));
        var windows = CycleFixtures.future("x").windows();

        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm(label.toLowerCase(), windows))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("There already is a cycle " + label.toLowerCase() + "; choose another label.");
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm("  ", windows))))
                .hasMessage("Give the cycle a label, for example 2026-H2.");
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm("-2026/H2", windows))))
                .hasMessageStartingWith("A cycle label is 2 to 20 letters");
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm("x".repeat(21), windows))))
                .hasMessageStartingWith("A cycle label is 2 to 20 letters");
    }

    @Test
    void windowsMustBeCompleteEachOpeningBeforeItsDeadlineAndInStepOrder() {
        var start = LocalDate.of(2031, 1, 5);
        var good = CycleFixtures.windows(start, 10);

        var missing = CycleFixtures.with(good, CycleStep.PEER_FEEDBACK, null, start.plusDays(19));
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm(CycleFixtures.label(), missing))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Set when the peer feedback window opens and its deadline.");

        var inverted = CycleFixtures.with(good, CycleStep.CALIBRATION, start.plusDays(45), start.plusDays(44));
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm(CycleFixtures.label(), inverted))))
                .hasMessage("The calibration window opens (19 Feb 2031) after its deadline (18 Feb 2031).");

        // Nominations close before the manager assessment does: steps out of order.
        var early = CycleFixtures.with(good, CycleStep.NOMINATION, start.plusDays(15), start.plusDays(25));
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm(CycleFixtures.label(), early))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        v -> assertThat(v.problems())
                                .containsExactly(
                                        "Promotion nominations opens (20 Jan 2031) before manager assessment (25 Jan 2031);"
                                                + " the steps go self-assessment, peer feedback, manager assessment,"
                                                + " nominations, calibration.",
                                        "The promotion nominations deadline (30 Jan 2031) comes before the manager"
                                                + " assessment deadline (3 Feb 2031); each deadline is on or after the"
                                                + " previous one."));
        // Overlapping windows in order are fine.
        var overlapping = CycleFixtures.with(good, CycleStep.PEER_FEEDBACK, start, start.plusDays(12));
        assertThat(admin(() -> cycles.open(new CycleForm(CycleFixtures.label(), overlapping))))
                .isNotNull();
    }

    @Test
    void aRefusedFormChangesNothing() {
        var label = CycleFixtures.label();
        var bad = CycleFixtures.with(
                CycleFixtures.future(label).windows(), CycleStep.SELF_ASSESSMENT, LocalDate.now(), null);
        assertThatThrownBy(() -> admin(() -> cycles.open(new CycleForm(label, bad))))
                .isInstanceOf(ValidationException.class);
        assertThat(admin(() -> cycles.byLabel(label))).isEmpty();
    }

    @Test
    void rescheduleMovesTheWindowsAndAStaleVersionIsAConflictThatChangesNothing() {
        var label = CycleFixtures.label();
        var id = admin(() -> cycles.open(CycleFixtures.future(label)));
        var v0 = admin(() -> cycles.get(id));
        var later = CycleFixtures.windows(LocalDate.now().plusMonths(4), 14);

        admin(() -> {
            cycles.reschedule(id, later, v0.version());
            return null;
        });
        var v1 = admin(() -> cycles.get(id));
        assertThat(v1.windows()).isEqualTo(later);
        assertThat(v1.version()).isGreaterThan(v0.version());

        var other = CycleFixtures.windows(LocalDate.now().plusMonths(5), 14);
        assertThatThrownBy(() -> admin(() -> {
                    cycles.reschedule(id, other, v0.version());
                    return null;
                }))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageStartingWith("Cycle " + label + " was changed by someone else");
        assertThat(admin(() -> cycles.get(id)).windows()).isEqualTo(later);
    }

    @Test
    void aClosedCycleIsNoLongerOfferedAndKeepsItsDates() {
        var label = CycleFixtures.label();
        var id = admin(() -> cycles.open(CycleFixtures.future(label)));
        var v = admin(() -> cycles.get(id));
        admin(() -> {
            cycles.close(id, v.version());
            return null;
        });

        var closed = admin(() -> cycles.get(id));
        assertThat(closed.status()).isEqualTo(CycleStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(DemoUsers.ADMIN);
        assertThat(runAs.as(DemoUsers.MANAGER, () -> cycles.openLabels())).doesNotContain(label);
        assertThatThrownBy(() -> admin(() -> {
                    cycles.reschedule(id, CycleFixtures.windows(LocalDate.now(), 5), closed.version());
                    return null;
                }))
                .hasMessage("Cycle " + label + " is closed; its dates are history now.");
        assertThatThrownBy(() -> admin(() -> {
                    cycles.close(id, closed.version());
                    return null;
                }))
                .hasMessage("Cycle " + label + " is already closed.");
    }

    @Test
    void onlyAdminsOpenEditOrCloseCycles() {
        var id = admin(() -> cycles.open(CycleFixtures.future(CycleFixtures.label())));
        var version = admin(() -> cycles.get(id)).version();
        assertThatThrownBy(() ->
                        runAs.as(DemoUsers.MANAGER, () -> cycles.open(CycleFixtures.future(CycleFixtures.label()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.run(DemoUsers.MANAGER, () -> cycles.close(id, version)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(DemoUsers.ENGINEER, () -> cycles.all()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDefaultLabelIsTheCycleWhoseWindowIsOpenPreferringTheFallbacksCycle() {
        var label = CycleFixtures.label();
        // Nominations open today in this cycle (windows of 10 days, nominations the fourth: start 32 days ago).
        var id = admin(() -> cycles.open(
                new CycleForm(label, CycleFixtures.windows(LocalDate.now().minusDays(32), 10))));
        var chosen = runAs.as(DemoUsers.MANAGER, () -> cycles.defaultLabel(CycleStep.NOMINATION, "fallback"));
        assertThat(admin(() -> cycles.byLabel(chosen))
                        .orElseThrow()
                        .window(CycleStep.NOMINATION)
                        .isOpenOn(LocalDate.now()))
                .isTrue();
        // Named like the fallback and open now: preferred over other open cycles.
        assertThat(runAs.as(DemoUsers.MANAGER, () -> cycles.defaultLabel(CycleStep.NOMINATION, label)))
                .isEqualTo(label);
        admin(() -> {
            cycles.close(id, cycles.get(id).version());
            return null;
        });
        // No open cycle named like the fallback and none with the window open: not this closed one.
        assertThat(runAs.as(DemoUsers.MANAGER, () -> cycles.defaultLabel(CycleStep.SELF_ASSESSMENT, "2001-H1")))
                .isNotEqualTo(label);
    }
}
