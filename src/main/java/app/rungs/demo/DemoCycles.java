package app.rungs.demo;

import app.rungs.cycle.service.CycleForm;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.cycle.service.StepWindow;
import app.rungs.growth.domain.GoalStatus;
import app.rungs.growth.domain.NoteKind;
import app.rungs.growth.service.GoalForm;
import app.rungs.growth.service.GrowthEditing;
import app.rungs.growth.service.GrowthPlans;
import app.rungs.people.service.PeopleService;
import app.rungs.promotion.service.Cycles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds demo/cycles.yaml through the secured services, signed in as the people concerned: this half-year's review
 * cycle in progress (some windows passed, some open, calibration ahead), last half-year's closed, and growth plans of
 * a few engineers with notes and a manager's comment. Runs after the other demo data, only while no cycle exists.
 */
@Component
@Order(40)
class DemoCycles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCycles.class);
    private static final String ADMIN = "admin@rungs.demo";

    record File(Windows current, Windows last, List<Goal> goals) {}

    record Windows(
            List<Integer> selfAssessment,
            List<Integer> peerFeedback,
            List<Integer> managerAssessment,
            List<Integer> nomination,
            List<Integer> calibration) {

        List<StepWindow> on(LocalDate today) {
            var days = List.of(selfAssessment, peerFeedback, managerAssessment, nomination, calibration);
            var windows = new ArrayList<StepWindow>();
            for (var step : CycleStep.values()) {
                var d = days.get(step.ordinal());
                windows.add(new StepWindow(step, today.plusDays(d.get(0)), today.plusDays(d.get(1))));
            }
            return windows;
        }
    }

    record Goal(
            String person,
            String competency,
            String title,
            int due,
            Integer evidence,
            GoalStatus status,
            List<Note> notes) {}

    record Note(String by, NoteKind kind, String text) {}

    private final DemoSignIn demo;
    private final PeopleService people;
    private final ReviewCycles cycles;
    private final GrowthPlans plans;
    private final GrowthEditing editing;

    DemoCycles(DemoSignIn demo, PeopleService people, ReviewCycles cycles, GrowthPlans plans, GrowthEditing editing) {
        this.demo = demo;
        this.people = people;
        this.cycles = cycles;
        this.plans = plans;
        this.editing = editing;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        boolean seed = demo.exists(ADMIN) && demo.as(ADMIN, () -> cycles.all().isEmpty());
        if (!seed) {
            return;
        }
        long started = System.nanoTime();
        try {
            seed(DemoData.cycles(), LocalDate.now());
        } catch (RuntimeException e) {
            // Demo data must never stop Rungs from starting; cycles and goals can be created by hand.
            log.warn("Could not seed the demo review cycles and growth plans", e);
            return;
        }
        log.info("Seeded the demo review cycles and growth plans in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void seed(File data, LocalDate today) {
        demo.run(ADMIN, () -> {
            var last = cycles.open(
                    new CycleForm(Cycles.previous(today), data.last().on(today)));
            cycles.close(last, cycles.get(last).version());
            cycles.open(new CycleForm(Cycles.of(today), data.current().on(today)));
        });
        for (var goal : data.goals()) {
            goal(goal, today);
        }
    }

    private void goal(Goal g, LocalDate today) {
        var user = DemoPromotions.user(g.person());
        demo.run(user, () -> {
            var personId = people.me().orElseThrow().id();
            var plan = plans.plan(personId);
            if (plan.competencies().isEmpty()) {
                return;
            }
            var fragment = g.competency() == null ? "" : g.competency().toLowerCase(Locale.ROOT);
            var competency = plan.competencies().stream()
                    .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(fragment))
                    .findFirst()
                    .orElse(plan.competencies().getFirst());
            var evidence = plan.evidence().stream()
                    .limit(g.evidence() == null ? 0 : g.evidence())
                    .map(e -> e.id())
                    .collect(java.util.stream.Collectors.toSet());
            var id = editing.addGoal(
                    personId, new GoalForm(competency.key(), g.title(), today.plusDays(g.due()), Set.copyOf(evidence)));
            for (var note : g.notes() == null ? List.<Note>of() : g.notes()) {
                demo.run(
                        DemoPromotions.user(note.by()),
                        () -> editing.addNote(id, note.kind() == null ? NoteKind.PROGRESS : note.kind(), note.text()));
            }
            if (g.status() != null && g.status() != GoalStatus.OPEN) {
                var version = plans.plan(personId).goals().stream()
                        .filter(x -> x.id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .version();
                editing.setStatus(id, version, g.status());
            }
        });
    }
}
