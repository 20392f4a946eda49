package app.rungs.cycle.ui;

import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ReviewCycles;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;

/**
 * The "Cycle" field of dialogs that create something belonging to a review cycle (nominations, calibration
 * sessions): offers the open cycles, preselects the one whose window for the step is open, and still takes any
 * label typed in, so it keeps working where no cycle was opened (the fallback label is then preselected).
 */
public final class CycleField {

    private CycleField() {}

    public static ComboBox<String> create(ReviewCycles cycles, CycleStep step, String fallback) {
        var field = new ComboBox<String>("Cycle");
        var labels = new ArrayList<>(cycles.openLabels());
        var chosen = cycles.defaultLabel(step, fallback);
        if (!labels.contains(chosen)) {
            labels.add(chosen);
        }
        field.setItems(labels);
        field.setAllowCustomValue(true);
        field.addCustomValueSetListener(e -> {
            var typed = e.getDetail() == null ? "" : e.getDetail().strip();
            if (!typed.isEmpty()) {
                if (!labels.contains(typed)) {
                    labels.add(typed);
                    field.setItems(labels);
                }
                field.setValue(typed);
            }
        });
        field.setValue(chosen);
        field.setHelperText(
                labels.size() > 1 || !cycles.openLabels().isEmpty()
                        ? "An open review cycle, or type another label such as 2026-H2"
                        : "For example 2026-H2");
        field.setRequiredIndicatorVisible(true);
        return field;
    }
}
