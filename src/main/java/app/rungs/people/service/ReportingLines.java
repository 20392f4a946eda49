package app.rungs.people.service;

import app.rungs.people.domain.ReportingLineRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole reporting lines in one statement each, for features that report per manager (review-cycle progress). The
 * line is read from the closure table {@code reporting_line} in SQL, never assembled in Java from one query per level.
 */
@Service
public class ReportingLines {

    private final ReportingLineRepository lines;

    ReportingLines(ReportingLineRepository lines) {
        this.lines = lines;
    }

    /**
     * The active managed people the signed-in user may see, with their direct manager: everyone for an admin, the
     * reporting line (direct and indirect) for a manager, nobody for anyone else. Sorted by manager, then name.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LineMember> visibleMembers() {
        var me = CurrentUser.require();
        List<Object[]> rows;
        if (me.has(Role.ADMIN)) {
            rows = lines.findAllManaged();
        } else if (me.has(Role.MANAGER) && me.personId() != null) {
            rows = lines.findLineMembers(me.personId());
        } else {
            return List.of();
        }
        return rows.stream()
                .map(r -> new LineMember(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5]))
                .toList();
    }

    /** Ids of the active people with at least one active direct report (whom manager reminders go to). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Long> activeManagerIds() {
        return lines.findActiveManagerIds().stream()
                .map(n -> ((Number) n).longValue())
                .toList();
    }
}
