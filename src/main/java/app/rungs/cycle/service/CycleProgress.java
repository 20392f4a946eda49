package app.rungs.cycle.service;

import app.rungs.cycle.domain.ReviewCycleRepository;
import app.rungs.people.service.LineMember;
import app.rungs.people.service.ReportingLines;
import app.rungs.shared.service.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far a cycle has come, per manager and step ("Daniel Okafor: 6 of 9 self-assessments in"). Admins see the whole
 * organization, managers their reporting line. The cost does not grow with the organization: one statement for the
 * cycle, one for the line (walked in SQL), one per step source with all ids bound as a single array.
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

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public ProgressReport progress(Long cycleId) {
        var cycle = cycles.findById(cycleId)
                .map(ReviewCycles::view)
                .orElseThrow(() -> new NotFoundException("Cycle not found"));
        var members = lines.visibleMembers();
        var ids = members.stream().map(LineMember::id).toList();
        var done = new EnumMap<CycleStep, Set<Long>>(CycleStep.class);
        for (var source : sources) {
            done.put(source.step(), ids.isEmpty() ? Set.of() : Set.copyOf(source.completed(cycle.ref(), ids)));
        }
        var groups = new LinkedHashMap<Long, List<LineMember>>();
        for (var m : members) {
            groups.computeIfAbsent(m.managerId(), k -> new ArrayList<>()).add(m);
        }
        var managers = new ArrayList<ManagerProgress>();
        for (var group : groups.values()) {
            var first = group.getFirst();
            managers.add(new ManagerProgress(
                    first.managerId(),
                    first.managerName(),
                    first.managerTeamName() != null ? first.managerTeamName() : first.teamName(),
                    group.size(),
                    count(group, done)));
        }
        managers.sort(Comparator.comparing(ManagerProgress::managerName).thenComparing(ManagerProgress::managerId));
        return new ProgressReport(cycle, steps(), count(members, done), List.copyOf(managers));
    }

    private static List<StepProgress> count(List<LineMember> people, Map<CycleStep, Set<Long>> done) {
        var out = new ArrayList<StepProgress>();
        for (var entry : done.entrySet()) {
            var missing = people.stream()
                    .filter(p -> !entry.getValue().contains(p.id()))
                    .toList();
            out.add(new StepProgress(entry.getKey(), people.size() - missing.size(), people.size(), missing));
        }
        return List.copyOf(out);
    }
}
