package app.rungs.calibration.service;

import java.util.List;

/**
 * The preparation page: every manager's progress ("Daniel Okafor 6/9 proposed") and the entries the signed-in user
 * may propose for.
 */
public record Preparation(SessionDetails session, List<ManagerProgress> progress, List<BoardEntry> mine) {

    public record ManagerProgress(Long managerId, String managerName, int proposed, int total) {

        public boolean done() {
            return proposed == total;
        }
    }
}
