package app.rungs.cycle.service;

import java.util.List;

/** A cycle's progress as the viewer may see it: totals over everyone visible, then per manager. */
public record ProgressReport(
        CycleView cycle, List<CycleStep> steps, List<StepProgress> totals, List<ManagerProgress> managers) {}
