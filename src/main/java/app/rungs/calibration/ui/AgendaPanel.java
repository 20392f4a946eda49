package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Agenda;
import app.rungs.calibration.service.AgendaOrder;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.calibration.service.Spread;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * The protocol on the board: before the start, a note that pre-ratings are blind; from the start, every engineer in
 * the agenda's order (outliers first) with the revealed pre-ratings, their spread and why they are where they are;
 * who is discussed now with a timer every participant sees; the facilitator's previous / next; the session report.
 * Agenda moves arrive live from any instance.
 */
class AgendaPanel extends Div {

    final Grid<AgendaOrder.Item> grid = new Grid<>();
    final Span now = new Span();
    final Span timer = new Span();
    private final ProtocolServices protocol;
    Agenda agenda;
    private Long sessionId;
    private Runnable stopWatching;

    AgendaPanel(ProtocolServices protocol) {
        this.protocol = protocol;
        setId("agenda");
        addClassNames("rungs-card", "agenda-card");
        now.setId("agenda-now");
        timer.setId("agenda-timer");
        timer.addClassName("agenda-timer");
        grid.setId("agenda-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(item -> agenda.items().indexOf(item) + 1)
                .setHeader("#")
                .setWidth("3.5em")
                .setFlexGrow(0);
        grid.addColumn(AgendaOrder.Item::personName).setHeader("Engineer").setAutoWidth(true);
        grid.addColumn(item -> votes(item.spread())).setHeader("Pre-ratings").setFlexGrow(2);
        grid.addColumn(item -> item.spread().label()).setHeader("Spread").setAutoWidth(true);
        grid.addColumn(AgendaOrder.Item::reason).setHeader("Why here").setFlexGrow(3);
        grid.addColumn(item -> duration(agenda.secondsSpent().getOrDefault(item.entryId(), 0L)))
                .setHeader("Time")
                .setWidth("5.5em")
                .setFlexGrow(0);
        grid.setPartNameGenerator(item -> item.entryId().equals(agenda.currentEntryId()) ? "agenda-current" : null);
        grid.addItemDoubleClickListener(e -> {
            if (agenda.mayLead()) {
                move(e.getItem().entryId());
            }
        });
    }

    /** Shows the protocol for the session as it is now. */
    void show(SessionDetails s) {
        sessionId = s.id();
        agenda = protocol.agenda().agenda(s.id());
        render();
    }

    private void render() {
        removeAll();
        var s = agenda.session();
        var title = new H2(agenda.revealed() ? "Agenda · outliers first" : "Blind pre-ratings");
        title.addClassName("rungs-card-title");
        add(title);
        if (!agenda.revealed()) {
            var text = s.status() == SessionStatus.PREPARING
                    ? "Participants rate the engineers before the session without seeing each other's ratings."
                            + " Starting the session reveals them all at once, with the spread per engineer."
                    : "Nobody pre-rated the engineers of this session.";
            var p = new Paragraph(text);
            p.setId("agenda-blind");
            var link = new RouterLink(
                    "Open the pre-ratings", PreRatingView.class, new RouteParameters("id", String.valueOf(s.id())));
            link.setId("open-pre-ratings");
            add(p, link);
            return;
        }
        var bar = new Div();
        bar.addClassName("agenda-bar");
        int index = agenda.currentIndex();
        if (index < 0) {
            now.setText(
                    s.status() == SessionStatus.IN_SESSION
                            ? "Not started: the facilitator opens the first engineer."
                            : "The discussion has ended.");
            timer.setText("");
            timer.getElement().executeJs("clearInterval(this._agendaTimer)");
        } else {
            now.setText("Now discussing " + (index + 1) + " of "
                    + agenda.items().size() + ": " + agenda.items().get(index).personName());
            tick(agenda.secondsSpent().getOrDefault(agenda.currentEntryId(), 0L), agenda.since());
        }
        bar.add(VaadinIcon.TIMER.create(), now, timer);
        var spacer = new Span();
        spacer.addClassName("spacer");
        bar.add(spacer);
        if (agenda.mayLead()) {
            var previous = new Button("Previous", VaadinIcon.ARROW_LEFT.create(), e -> step(-1));
            previous.setId("agenda-previous");
            previous.setEnabled(index > 0);
            var next = new Button(
                    index < 0 ? "Start with the first" : "Next", VaadinIcon.ARROW_RIGHT.create(), e -> step(1));
            next.setId("agenda-next");
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            next.setEnabled(index < agenda.items().size() - 1);
            var pause = new Button("Pause", VaadinIcon.PAUSE.create(), e -> move(null));
            pause.setId("agenda-pause");
            pause.setEnabled(index >= 0);
            bar.add(previous, next, pause);
        }
        var report = new Button("Session report", VaadinIcon.CHART.create(), e -> openReport());
        report.setId("open-session-report");
        report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bar.add(report);
        add(bar, grid);
        grid.setItems(agenda.items());
        grid.setAllRowsVisible(agenda.items().size() <= 12);
        if (agenda.items().size() > 12) {
            grid.setHeight("28rem");
        }
    }

    private void step(int direction) {
        int index = agenda.currentIndex();
        int target = index < 0 ? 0 : index + direction;
        if (target >= 0 && target < agenda.items().size()) {
            move(agenda.items().get(target).entryId());
        }
    }

    private void move(Long entryId) {
        try {
            protocol.agenda().moveTo(sessionId, entryId);
            refresh();
        } catch (ValidationException | AccessDeniedException | NotFoundException problem) {
            Toasts.error(problem.getMessage());
            refresh();
        }
    }

    void refresh() {
        if (sessionId != null) {
            agenda = protocol.agenda().agenda(sessionId);
            render();
        }
    }

    private void openReport() {
        new SessionReportDialog(protocol.record(), agenda.session()).open();
    }

    /** Runs the timer in the browser from the server's start time, corrected for the browser's clock. */
    private void tick(long base, Instant since) {
        timer.setText(duration(base));
        timer.getElement()
                .executeJs(
                        """
                        const el = this; clearInterval(el._agendaTimer);
                        const offset = $1 - Date.now();
                        const show = () => {
                          const s = $2 + Math.max(0, Math.floor((Date.now() + offset - $0) / 1000));
                          el.textContent = String(Math.floor(s / 60)).padStart(2, '0') + ':'
                              + String(s % 60).padStart(2, '0');
                        };
                        show(); el._agendaTimer = setInterval(show, 1000);""",
                        (double) since.toEpochMilli(), (double) Instant.now().toEpochMilli(), (double) base);
    }

    static String votes(Spread spread) {
        if (spread.votes().isEmpty()) {
            return "—";
        }
        return spread.votes().stream()
                .map(v -> v.rating() + " (" + v.raterName() + (v.manager() ? ", manager" : "") + ")")
                .collect(Collectors.joining(" · "));
    }

    static String duration(long seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        watch(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching();
        super.onDetach(detachEvent);
    }

    private void watch(UI ui) {
        stopWatching();
        if (sessionId == null) {
            return;
        }
        stopWatching = protocol.agenda().watch(sessionId, () -> {
            try {
                ui.access(this::refresh);
            } catch (UIDetachedException closed) {
                // The browser went away; onDetach stops watching.
            }
        });
    }

    private void stopWatching() {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
    }
}
