package app.rungs.cycle.service;

import app.rungs.cycle.domain.Window;
import app.rungs.shared.domain.DateTexts;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a cycle form: a well-formed label and five complete windows in step order. */
final class CycleRules {

    /** The same shape as promotion cycle labels (promotion.service.Cycles), so every existing label fits. */
    static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}$");

    private CycleRules() {}

    static String label(String raw) {
        var label = raw == null ? "" : raw.strip();
        if (label.isEmpty()) {
            throw new ValidationException("Give the cycle a label, for example 2026-H2.");
        }
        if (!LABEL.matcher(label).matches()) {
            throw new ValidationException("A cycle label is 2 to 20 letters, digits, spaces, dots, dashes or"
                    + " underscores and starts with a letter or digit, for example 2026-H2.");
        }
        return label;
    }

    /** The windows in step order, or every problem found with them. */
    static List<Window> windows(List<StepWindow> given) {
        var problems = new ArrayList<String>();
        var steps = CycleStep.values();
        var byStep = new StepWindow[steps.length];
        for (var w : given) {
            if (w != null && w.step() != null) {
                byStep[w.step().ordinal()] = w;
            }
        }
        for (var step : steps) {
            var w = byStep[step.ordinal()];
            if (w == null || w.opens() == null || w.due() == null) {
                problems.add("Set when the " + lower(step) + " window opens and its deadline.");
            } else if (w.opens().isAfter(w.due())) {
                problems.add("The " + lower(step) + " window opens (" + DateTexts.date(w.opens())
                        + ") after its deadline (" + DateTexts.date(w.due()) + ").");
            }
        }
        if (problems.isEmpty()) {
            for (int i = 1; i < steps.length; i++) {
                var before = byStep[i - 1];
                var after = byStep[i];
                if (after.opens().isBefore(before.opens())) {
                    problems.add(step(after) + " opens (" + DateTexts.date(after.opens()) + ") before "
                            + lower(before.step()) + " (" + DateTexts.date(before.opens())
                            + "); the steps go self-assessment, peer feedback, manager assessment, nominations,"
                            + " calibration.");
                }
                if (after.due().isBefore(before.due())) {
                    problems.add("The " + lower(after.step()) + " deadline (" + DateTexts.date(after.due())
                            + ") comes before the " + lower(before.step()) + " deadline ("
                            + DateTexts.date(before.due()) + "); each deadline is on or after the previous one.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var windows = new ArrayList<Window>();
        for (var w : byStep) {
            windows.add(new Window(w.opens(), w.due()));
        }
        return windows;
    }

    private static String step(StepWindow w) {
        return w.step().label();
    }

    private static String lower(CycleStep step) {
        return step.label().toLowerCase(java.util.Locale.ROOT);
    }

    private static String lower(StepWindow w) {
        return lower(w.step());
    }
}
