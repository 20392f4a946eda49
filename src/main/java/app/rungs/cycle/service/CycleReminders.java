package app.rungs.cycle.service;

import app.rungs.people.service.ReportingLines;
import app.rungs.reminder.service.ReminderRequest;
import app.rungs.reminder.service.ReminderScheduler;
import app.rungs.shared.domain.DateTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The reminders a cycle's deadlines drive. Every manager (anyone with an active direct report) must nominate before
 * the nominations window closes: they get a due-soon reminder a week before and an overdue one after it. Moving the
 * window re-arms them; closing the cycle cancels what was not sent. Called inside the admin's transaction.
 */
@Component
class CycleReminders {

    static final String NOMINATIONS = "CYCLE_NOMINATIONS";
    static final Duration LEAD = Duration.ofDays(7);

    private final ReminderScheduler scheduler;
    private final ReportingLines lines;
    private final Clock clock;

    CycleReminders(ReminderScheduler scheduler, ReportingLines lines, Clock clock) {
        this.scheduler = scheduler;
        this.lines = lines;
        this.clock = clock;
    }

    void schedule(CycleView cycle) {
        var window = cycle.window(CycleStep.NOMINATION);
        if (window.isPastOn(LocalDate.now(clock))) {
            // A window that closed before the cycle was opened (or moved into the past) has nobody left to remind.
            scheduler.complete(NOMINATIONS, cycle.id());
            return;
        }
        // The deadline is the end of the last day of the window.
        var dueAt = window.due().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        var title = "Promotion nominations for " + cycle.label() + " close on " + DateTexts.date(window.due());
        for (var managerId : lines.activeManagerIds()) {
            scheduler.schedule(
                    new ReminderRequest(NOMINATIONS, cycle.id(), managerId, title, "promotions", dueAt, LEAD));
        }
    }

    void cancel(Long cycleId) {
        scheduler.complete(NOMINATIONS, cycleId);
    }
}
