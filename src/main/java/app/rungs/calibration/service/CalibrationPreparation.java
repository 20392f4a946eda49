package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Preparing a session: how far each manager's proposals are, and the entries the user may propose for. */
@Service
public class CalibrationPreparation {

    private final CalibrationEntryRepository entries;
    private final SessionAccess access;

    CalibrationPreparation(CalibrationEntryRepository entries, SessionAccess access) {
        this.entries = entries;
        this.access = access;
    }

    /** The preparation page: progress per manager, and the entries the user may propose for. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Preparation preparation(Long sessionId) {
        var a = access.of(sessionId);
        var all = entries.findBySession(sessionId);
        var progress = new LinkedHashMap<Long, Preparation.ManagerProgress>();
        for (var e : all) {
            var key = e.getManagerId() == null ? -1L : e.getManagerId();
            var current = progress.getOrDefault(
                    key,
                    new Preparation.ManagerProgress(
                            e.getManagerId(), e.getManagerName() == null ? "No manager" : e.getManagerName(), 0, 0));
            progress.put(
                    key,
                    new Preparation.ManagerProgress(
                            current.managerId(),
                            current.managerName(),
                            current.proposed() + (e.getProposedRating() == null ? 0 : 1),
                            current.total() + 1));
        }
        var mine = access.mayProposeFor(a, all).stream().map(BoardEntry::of).toList();
        return new Preparation(
                SessionAccess.details(a),
                progress.values().stream()
                        .sorted(Comparator.comparing(Preparation.ManagerProgress::managerName))
                        .toList(),
                mine);
    }
}
