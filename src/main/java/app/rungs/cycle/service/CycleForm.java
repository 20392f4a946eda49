package app.rungs.cycle.service;

import java.util.List;

/** What an admin enters to open a cycle or move its windows: the label and one window per step, in step order. */
public record CycleForm(String label, List<StepWindow> windows) {

    public CycleForm {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
