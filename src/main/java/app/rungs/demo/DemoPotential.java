package app.rungs.demo;

import app.rungs.calibration.domain.Potential;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.PotentialRatings;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Potential on the demo's last-cycle session (demo/potential.yaml): switched on and rated in session by the chair,
 * through the secured services, before {@link DemoCalibration} locks and publishes it.
 */
@Component
class DemoPotential {

    record PotentialFile(Potential defaultPotential, Map<String, Potential> potential) {}

    private final CalibrationSessions sessions;
    private final CalibrationBoard boards;
    private final PotentialRatings potentials;

    DemoPotential(CalibrationSessions sessions, CalibrationBoard boards, PotentialRatings potentials) {
        this.sessions = sessions;
        this.boards = boards;
        this.potentials = potentials;
    }

    /** Runs as the chair, while the session is in session. */
    void rate(Long sessionId) {
        var data = DemoData.read("potential.yaml", PotentialFile.class);
        potentials.ratePotentialIn(sessionId, true, sessions.session(sessionId).version());
        for (var e : boards.board(sessionId).entries()) {
            potentials.ratePotential(
                    e.id(), e.version(), data.potential().getOrDefault(e.personName(), data.defaultPotential()));
        }
    }
}
