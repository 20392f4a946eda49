package app.rungs.cycle.service;

import java.util.List;

/** A manager's direct reports and how far they are in each step. */
public record ManagerProgress(
        Long managerId, String managerName, String teamName, int people, List<StepProgress> steps) {}
