package app.rungs.calibration.service;

import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditNamer;
import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Names calibration sessions and their entries ("Calibration entry: Lena Fischer in H2 2026 Platform") in the audit
 * log, linking to the session's board.
 */
@Component
@PreAuthorize("hasRole('ADMIN')") // only the audit log asks, for admins
class CalibrationAuditNames implements AuditNamer {

    private final CalibrationSessionRepository sessions;
    private final CalibrationEntryRepository entries;

    CalibrationAuditNames(CalibrationSessionRepository sessions, CalibrationEntryRepository entries) {
        this.sessions = sessions;
        this.entries = entries;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("CalibrationSession", "CalibrationEntry");
    }

    @Override
    public Map<String, AuditName> names(String objectType, Collection<String> objectIds) {
        var names = new HashMap<String, AuditName>();
        var ids = AuditNamer.numericIds(objectIds);
        if (ids.isEmpty()) {
            return names;
        }
        if (objectType.equals("CalibrationEntry")) {
            for (var row : entries.findNames(ids)) {
                var sessionId = (Long) row[2];
                names.put(
                        String.valueOf(row[0]),
                        new AuditName(
                                "Calibration entry: " + row[1] + " in " + row[3], CalibrationRoutes.board(sessionId)));
            }
        } else {
            for (var row : sessions.findNames(ids)) {
                var id = (Long) row[0];
                names.put(String.valueOf(id), new AuditName((String) row[1], CalibrationRoutes.board(id)));
            }
        }
        return names;
    }
}
