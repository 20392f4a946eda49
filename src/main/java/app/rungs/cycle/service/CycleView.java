package app.rungs.cycle.service;

import app.rungs.cycle.domain.CycleStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A review cycle as screens show it. */
public record CycleView(
        Long id,
        String label,
        CycleStatus status,
        List<StepWindow> windows,
        Instant createdAt,
        String createdBy,
        Instant closedAt,
        String closedBy,
        long version) {

    public boolean isOpen() {
        return status == CycleStatus.OPEN;
    }

    public StepWindow window(CycleStep step) {
        return windows.get(step.ordinal());
    }

    /** The span from the first window's opening to the last deadline. */
    public CycleRef ref() {
        var first = windows.stream()
                .map(StepWindow::opens)
                .min(LocalDate::compareTo)
                .orElseThrow();
        var last =
                windows.stream().map(StepWindow::due).max(LocalDate::compareTo).orElseThrow();
        return new CycleRef(label, first, last);
    }

    /** The step whose window is open on the day, the latest if several overlap. */
    public Optional<StepWindow> current(LocalDate day) {
        return windows.reversed().stream().filter(w -> w.isOpenOn(day)).findFirst();
    }
}
