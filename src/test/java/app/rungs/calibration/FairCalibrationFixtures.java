package app.rungs.calibration;

import app.rungs.calibration.domain.Potential;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.PotentialRatings;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.fairness.service.OutcomeAuditSettingsService;
import app.rungs.support.DemoUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A session of two of {@link CalibrationFixtures}' teams (ten engineers), run by the demo admin: each engineer is
 * proposed (and so rated) by first name, potential rated, and the session locked. By first name, in both teams:
 * Ada DSE-3 Exceeds High, Ben DSE-2 Meets Medium, Cy DSE-2 Meets Medium, Dev DSE-2 Below Low, Eve DSE-3 Greatly
 * exceeds High. So by team 5 and 5; by level DSE-3 4 and DSE-2 6; by manager 3, 2, 3, 2.
 */
public class FairCalibrationFixtures {

    public static final Map<String, String> RATINGS =
            Map.of("Ada", "Exceeds", "Ben", "Meets", "Cy", "Meets", "Dev", "Below", "Eve", "Greatly exceeds");
    public static final Map<String, Potential> POTENTIALS = Map.of(
            "Ada", Potential.HIGH,
            "Ben", Potential.MEDIUM,
            "Cy", Potential.MEDIUM,
            "Dev", Potential.LOW,
            "Eve", Potential.HIGH);

    public record Audited(CalibrationFixtures.Org one, CalibrationFixtures.Org two, Long sessionId) {}

    private final CalibrationFixtures fx;
    private final CalibrationSessions sessions;
    private final CalibrationBoard boards;
    private final BoardEntries entries;
    private final SessionLifecycle lifecycle;
    private final PotentialRatings potentials;
    private final OutcomeAuditSettingsService settings;

    public FairCalibrationFixtures(
            CalibrationFixtures fx,
            CalibrationSessions sessions,
            CalibrationBoard boards,
            BoardEntries entries,
            SessionLifecycle lifecycle,
            PotentialRatings potentials,
            OutcomeAuditSettingsService settings) {
        this.fx = fx;
        this.sessions = sessions;
        this.boards = boards;
        this.entries = entries;
        this.lifecycle = lifecycle;
        this.potentials = potentials;
        this.settings = settings;
    }

    public CalibrationFixtures fx() {
        return fx;
    }

    /** Two teams' session with potential rated, in session (not locked yet). */
    public Audited inSession() {
        var one = fx.org();
        var two = fx.org();
        var id = fx.as(
                DemoUsers.ADMIN,
                () -> sessions.create(new NewSession(
                        "Fair " + UUID.randomUUID().toString().substring(0, 6),
                        "2026-H2",
                        Set.of(one.teamId(), two.teamId()),
                        Set.of(),
                        Set.of(),
                        null)));
        fx.run(DemoUsers.ADMIN, () -> {
            potentials.ratePotentialIn(id, true, version(id));
            for (var e : boards.board(id).entries()) {
                entries.propose(e.id(), e.version(), RATINGS.get(firstName(e)), "As discussed.");
            }
            lifecycle.start(id, version(id));
            for (var e : boards.board(id).entries()) {
                potentials.ratePotential(e.id(), e.version(), POTENTIALS.get(firstName(e)));
            }
        });
        return new Audited(one, two, id);
    }

    /** The same, locked: ready for the outcome audit. */
    public Audited locked() {
        var audited = inSession();
        fx.run(DemoUsers.ADMIN, () -> lifecycle.lock(audited.sessionId(), version(audited.sessionId())));
        return audited;
    }

    public void publish(Long id) {
        fx.run(
                DemoUsers.ADMIN,
                () -> lifecycle.publish(id, version(id), LocalDate.now().plusDays(1)));
    }

    public long version(Long id) {
        return fx.as(DemoUsers.ADMIN, () -> sessions.session(id).version());
    }

    /** "Ada" of "Test Ada 1a2b3c4d". */
    public static String firstName(BoardEntry e) {
        return e.personName().split(" ")[1];
    }

    /** Sets the organization's minimum group size (tests restore 5 afterwards). */
    public void minimum(int size) {
        fx.run(
                DemoUsers.ADMIN,
                () -> settings.changeMinimumGroupSize(size, settings.settings().version()));
    }

    public void recordDemographics(boolean on) {
        fx.run(
                DemoUsers.ADMIN,
                () -> settings.recordDemographics(on, settings.settings().version()));
    }

    public List<BoardEntry> board(Long id) {
        return fx.as(DemoUsers.ADMIN, () -> boards.board(id).entries());
    }
}
