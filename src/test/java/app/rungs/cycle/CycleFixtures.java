package app.rungs.cycle;

import app.rungs.cycle.service.CycleForm;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.StepWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Cycle forms for tests: unique labels and windows laid out from a start day. */
public final class CycleFixtures {

    private CycleFixtures() {}

    /** A label no other test uses, e.g. "T-3f2a9c1b". */
    public static String label() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Five consecutive windows of {@code days} days each, starting on {@code start}. */
    public static List<StepWindow> windows(LocalDate start, int days) {
        var windows = new ArrayList<StepWindow>();
        for (var step : CycleStep.values()) {
            var opens = start.plusDays((long) days * step.ordinal());
            windows.add(new StepWindow(step, opens, opens.plusDays(days - 1)));
        }
        return windows;
    }

    /** A cycle far enough ahead that no reminder of it is due while tests run. */
    public static CycleForm future(String label) {
        return new CycleForm(label, windows(LocalDate.now().plusMonths(3), 14));
    }

    /** The windows with one step's window replaced. */
    public static List<StepWindow> with(List<StepWindow> windows, CycleStep step, LocalDate opens, LocalDate due) {
        var copy = new ArrayList<>(windows);
        copy.set(step.ordinal(), new StepWindow(step, opens, due));
        return copy;
    }
}
