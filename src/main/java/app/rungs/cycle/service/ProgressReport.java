package app.rungs.cycle.service;

import java.util.List;

/** A cycle's progress as the viewer may see it: per step, totals over everyone visible (managers are paged apart). */
public record ProgressReport(CycleView cycle, List<CycleStep> steps, List<StepProgress> totals) {}
