package app.rungs.people.service;

import app.rungs.people.domain.ReportingLineRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting lines as views that report per manager need them (review-cycle progress): the part the signed-in user may
 * see (everyone for an admin, their line for a manager, nobody else), counted and paged in SQL from the closure table
 * {@code reporting_line}. No method returns a whole line.
 */
@Service
public class ReportingLines {

    private final ReportingLineRepository lines;

    ReportingLines(ReportingLineRepository lines) {
        this.lines = lines;
    }

    /**
     * Whose people the signed-in user may see: {@link LineScope#everyone()} for an admin, their own line for a manager
     * with a person record, else nobody.
     */
    @PreAuthorize("isAuthenticated()")
    public LineScope visibleScope() {
        var me = CurrentUser.require();
        if (me.has(Role.ADMIN)) {
            return LineScope.everyone();
        }
        if (me.has(Role.MANAGER) && me.personId() != null) {
            return LineScope.below(me.personId());
        }
        return LineScope.nobody();
    }

    /** How many active people with a manager the signed-in user may see. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long visibleCount() {
        var scope = visibleScope();
        return switch (scope.kind()) {
            case EVERYONE -> lines.countManaged();
            case LINE -> lines.countLine(scope.managerId());
            case NOBODY -> 0;
        };
    }

    /** A page of the teams (a manager and their active direct reports) the signed-in user may see, by manager name. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ManagedTeam> visibleTeams(long offset, int limit) {
        var scope = visibleScope();
        List<Object[]> rows = switch (scope.kind()) {
            case EVERYONE -> lines.findAllTeams(offset, limit);
            case LINE -> lines.findTeamsInLine(scope.managerId(), offset, limit);
            case NOBODY -> List.of();
        };
        return rows.stream()
                .map(r -> new ManagedTeam(
                        ((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
                .toList();
    }

    /** How many teams {@link #visibleTeams} pages through. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long visibleTeamCount() {
        var scope = visibleScope();
        return switch (scope.kind()) {
            case EVERYONE -> lines.countAllTeams();
            case LINE -> lines.countTeamsInLine(scope.managerId());
            case NOBODY -> 0;
        };
    }

    /**
     * One manager's active direct reports, when the signed-in user may see them: an admin, the manager themselves, or
     * someone the manager is below.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LineMember> directReports(Long managerId) {
        var scope = visibleScope();
        boolean visible = switch (scope.kind()) {
            case EVERYONE -> true;
            case LINE -> scope.managerId().equals(managerId) || lines.inLine(scope.managerId(), managerId);
            case NOBODY -> false;
        };
        if (!visible) {
            throw new AccessDeniedException("Not in your reporting line");
        }
        return lines.findDirectReports(managerId).stream()
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
