package app.rungs.calibration.service;

import java.util.List;

/** Who a scope pulls in: how many engineers, and how many of them report to each manager. */
public record ScopePreview(int engineers, List<ManagerCount> managers) {

    public record ManagerCount(Long managerId, String managerName, int engineers) {}
}
