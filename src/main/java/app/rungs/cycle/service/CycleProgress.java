package app.rungs.cycle.service;

import app.rungs.cycle.domain.ReviewCycleRepository;
import app.rungs.people.service.LineMember;
import app.rungs.people.service.ManagedTeam;
import app.rungs.people.service.ReportingLines;
import app.rungs.shared.service.NotFoundException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far a cycle has come, per manager and step ("Daniel Okafor: 6 of 9 self-assessments in"). Admins see the whole
 * organization, managers their reporting line. Nothing here grows with the organization: the totals are one count per
 * step over the line (scoped in SQL), the managers are paged, each page asks every step about its managers' direct
 * reports in one statement, and the drill-down reads one team.
 */
@Service
public class CycleProgress {

    private final ReviewCycleRepository cycles;
    private final ReportingLines lines;
    private final List<CycleProgressSource> sources;

    CycleProgress(ReviewCycleRepository cycles, ReportingLines lines, List<CycleProgressSource> sources) {
        this.cycles = cycles;
        this.lines = lines;
        var byStep = new EnumMap<CycleStep, CycleProgressSource>(CycleStep.class);
        for (var source : sources) {
            if (byStep.putIfAbsent(source.step(), source) != null) {
                throw new IllegalStateException("Two progress sources for step " + source.step());
            }
        }
        this.sources = List.copyOf(byStep.values());
    }

    /** The steps that have a source, in cycle order: the only ones the progress view shows. */
    @PreAuthorize("isAuthenticated()")
    public List<CycleStep> steps() {
        return sources.stream().map(CycleProgressSource::step).toList();
    }

    /** The cycle and, per step, how many of everyone the viewer may see completed it. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public ProgressReport progress(Long cycleId) {
        var cycle = cycle(cycleId);
        var scope = lines.visibleScope();
        int total = (int) lines.visibleCount();
        var totals = new ArrayList<StepProgress>();
        for (var source : sources) {
            long done = switch (scope.kind()) {
                case EVERYONE -> count(source, cycle, ProgressScope.organization(), ProgressScope.ALL);
                case LINE -> count(source, cycle, ProgressScope.lineOf(scope.managerId()), ProgressScope.ALL);
                case NOBODY -> 0;
            };
            totals.add(new StepProgress(source.step(), (int) done, total));
        }
        return new ProgressReport(cycle, steps(), List.copyOf(totals));
    }

    /** A page of the viewer's managers (by name), each with their direct reports' progress per step. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<ManagerProgress> managers(Long cycleId, long offset, int limit) {
        var cycle = cycle(cycleId);
        var teams = lines.visibleTeams(offset, limit);
        if (teams.isEmpty()) {
            return List.of();
        }
        var scope = ProgressScope.directReportsOf(
                teams.stream().map(ManagedTeam::managerId).toList());
        var done = new EnumMap<CycleStep, Map<Long, Long>>(CycleStep.class);
        for (var source : sources) {
            done.put(source.step(), source.completedCounts(cycle.ref(), scope));
        }
        var page = new ArrayList<ManagerProgress>(teams.size());
        for (var team : teams) {
            var steps = new ArrayList<StepProgress>();
            for (var entry : done.entrySet()) {
                int completed =
                        entry.getValue().getOrDefault(team.managerId(), 0L).intValue();
                steps.add(new StepProgress(entry.getKey(), completed, team.people()));
            }
            page.add(new ManagerProgress(
                    team.managerId(), team.managerName(), team.teamName(), team.people(), List.copyOf(steps)));
        }
        return List.copyOf(page);
    }

    /** How many managers {@link #managers} pages through. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public long managerCount() {
        return lines.visibleTeamCount();
    }

    /** Of one manager's direct reports, those who have not completed the step yet (one team, by name). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<LineMember> missing(Long cycleId, Long managerId, CycleStep step) {
        var cycle = cycle(cycleId);
        var source = sources.stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No progress for " + step.label()));
        var team = lines.directReports(managerId);
        var completed =
                source.completed(cycle.ref(), team.stream().map(LineMember::id).toList());
        return team.stream().filter(p -> !completed.contains(p.id())).toList();
    }

    private CycleView cycle(Long cycleId) {
        return cycles.findById(cycleId)
                .map(ReviewCycles::view)
                .orElseThrow(() -> new NotFoundException("Cycle not found"));
    }

    private static long count(CycleProgressSource source, CycleView cycle, ProgressScope scope, long group) {
        return source.completedCounts(cycle.ref(), scope).getOrDefault(group, 0L);
    }
}
