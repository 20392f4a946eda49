package app.rungs.calibration.service;

import app.rungs.audit.service.AuditName;
import app.rungs.audit.service.AuditNamer;
import app.rungs.calibration.domain.CalibrationSessionRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Names calibration sessions in the audit log, linking to their board. */
@Component
@PreAuthorize("hasRole('ADMIN')") // only the audit log asks, for admins
class CalibrationAuditNames implements AuditNamer {

    private final CalibrationSessionRepository sessions;

    CalibrationAuditNames(CalibrationSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("CalibrationSession");
    }

    @Override
    public Map<String, AuditName> names(String objectType, Collection<String> objectIds) {
        var names = new HashMap<String, AuditName>();
        var ids = AuditNamer.numericIds(objectIds);
        if (!ids.isEmpty()) {
            for (var row : sessions.findNames(ids)) {
                var id = (Long) row[0];
                names.put(String.valueOf(id), new AuditName((String) row[1], CalibrationRoutes.board(id)));
            }
        }
        return names;
    }
}
