package app.rungs.cycle.service;

import app.rungs.audit.service.AuditService;
import app.rungs.cycle.domain.CycleStatus;
import app.rungs.cycle.domain.ReviewCycle;
import app.rungs.cycle.domain.ReviewCycleRepository;
import app.rungs.cycle.domain.Window;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review cycles: an admin opens one with a unique label and five windows in step order, moves the windows while it
 * runs and closes it. Every change is audited and re-arms the managers' nomination reminders. Promotion cases and
 * calibration sessions belong to a cycle through its label; everyone signed in may read which cycles are open (the
 * nomination and new-session dialogs offer them).
 */
@Service
public class ReviewCycles {

    private final ReviewCycleRepository cycles;
    private final CycleReminders reminders;
    private final AuditService audit;
    private final Clock clock;

    ReviewCycles(ReviewCycleRepository cycles, CycleReminders reminders, AuditService audit, Clock clock) {
        this.cycles = cycles;
        this.reminders = reminders;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every cycle, open ones first, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<CycleView> all() {
        return cycles.findAllNewestFirst().stream().map(ReviewCycles::view).toList();
    }

    /** Labels of the open cycles, newest first: what nominations and calibration sessions are offered. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> openLabels() {
        return cycles.findByStatus(CycleStatus.OPEN).stream()
                .map(ReviewCycle::getLabel)
                .toList();
    }

    /**
     * The label a new nomination or session should default to: an open cycle whose window for the step is open today
     * (the fallback's cycle if it is one of them), else the fallback's cycle if it is open, else the open cycle whose
     * window for the step is still ahead, else the fallback itself (no cycle opened yet). The fallback is the
     * half-year label the dialogs used before cycles existed, so a cycle named like it wins ties.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public String defaultLabel(CycleStep step, String fallback) {
        var today = LocalDate.now(clock);
        var open = cycles.findByStatus(CycleStatus.OPEN).stream()
                .map(ReviewCycles::view)
                .toList();
        var openNow = open.stream().filter(c -> c.window(step).isOpenOn(today)).toList();
        var preferred = openNow.stream()
                .filter(c -> c.label().equalsIgnoreCase(fallback))
                .findFirst()
                .or(() -> openNow.stream().findFirst())
                .or(() -> open.stream()
                        .filter(c -> c.label().equalsIgnoreCase(fallback))
                        .findFirst())
                .or(() -> open.stream()
                        .filter(c -> !c.window(step).isPastOn(today))
                        .min(java.util.Comparator.comparing(c -> c.window(step).opens())));
        return preferred.map(CycleView::label).orElse(fallback);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public CycleView get(Long id) {
        return cycles.findById(id).map(ReviewCycles::view).orElseThrow(() -> new NotFoundException("Cycle not found"));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Optional<CycleView> byLabel(String label) {
        return label == null
                ? Optional.empty()
                : cycles.findByLabel(label.strip()).map(ReviewCycles::view);
    }

    /** Opens a cycle. Returns its id. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long open(CycleForm form) {
        var label = CycleRules.label(form == null ? null : form.label());
        var windows = CycleRules.windows(form.windows());
        if (cycles.findByLabel(label).isPresent()) {
            throw new ValidationException("There already is a cycle " + label + "; choose another label.");
        }
        var cycle = cycles.saveAndFlush(new ReviewCycle(label, windows, CurrentUser.actorName(), Instant.now(clock)));
        audit.record(
                "REVIEW_CYCLE_OPENED",
                "ReviewCycle",
                cycle.getId(),
                "Opened review cycle " + label,
                null,
                describe(windows));
        reminders.schedule(view(cycle));
        return cycle.getId();
    }

    /** Moves the windows of an open cycle; the label stays (cases and sessions refer to it). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reschedule(Long id, List<StepWindow> windows, long expectedVersion) {
        var cycle = cycles.findById(id).orElseThrow(() -> new NotFoundException("Cycle not found"));
        if (cycle.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Cycle " + cycle.getLabel());
        }
        if (cycle.getStatus() != CycleStatus.OPEN) {
            throw new ValidationException("Cycle " + cycle.getLabel() + " is closed; its dates are history now.");
        }
        var checked = CycleRules.windows(windows);
        var before = describe(cycle.windows());
        if (checked.equals(cycle.windows())) {
            return;
        }
        cycle.reschedule(checked);
        cycles.flush();
        audit.record(
                "REVIEW_CYCLE_RESCHEDULED",
                "ReviewCycle",
                cycle.getId(),
                "Moved the windows of review cycle " + cycle.getLabel(),
                before,
                describe(checked));
        reminders.schedule(view(cycle));
    }

    /** Closes an open cycle: no more reminders, no longer offered for new cases and sessions. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void close(Long id, long expectedVersion) {
        var cycle = cycles.findById(id).orElseThrow(() -> new NotFoundException("Cycle not found"));
        if (cycle.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Cycle " + cycle.getLabel());
        }
        if (cycle.getStatus() != CycleStatus.OPEN) {
            throw new ValidationException("Cycle " + cycle.getLabel() + " is already closed.");
        }
        cycle.close(CurrentUser.actorName(), Instant.now(clock));
        cycles.flush();
        audit.record(
                "REVIEW_CYCLE_CLOSED",
                "ReviewCycle",
                cycle.getId(),
                "Closed review cycle " + cycle.getLabel(),
                Map.of("status", "OPEN"),
                Map.of("status", "CLOSED"));
        reminders.cancel(cycle.getId());
    }

    static CycleView view(ReviewCycle c) {
        var windows = new ArrayList<StepWindow>();
        var raw = c.windows();
        for (var step : CycleStep.values()) {
            var w = raw.get(step.ordinal());
            windows.add(new StepWindow(step, w.opens(), w.due()));
        }
        return new CycleView(
                c.getId(),
                c.getLabel(),
                c.getStatus(),
                List.copyOf(windows),
                c.getCreatedAt(),
                c.getCreatedBy(),
                c.getClosedAt(),
                c.getClosedBy(),
                c.getVersion());
    }

    private static Map<String, String> describe(List<Window> windows) {
        var out = new LinkedHashMap<String, String>();
        for (var step : CycleStep.values()) {
            var w = windows.get(step.ordinal());
            out.put(step.name(), w.opens() + ".." + w.due());
        }
        return out;
    }
}
