package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationCsv;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/**
 * The board's toolbar: who is viewing, the session's status steps the user may take (each confirmed by a question
 * saying what will happen), comparison and the CSV export.
 */
class SessionToolbar extends Div {

    private final CalibrationBoard boards;
    private final Runnable reload;

    SessionToolbar(
            SessionDetails s,
            SessionLifecycle lifecycle,
            CalibrationBoard boards,
            Component presence,
            Component compare,
            Runnable reload) {
        this.boards = boards;
        this.reload = reload;
        var bar = this;
        bar.addClassName("board-toolbar");
        var spacer = new Span();
        spacer.addClassName("spacer");
        bar.add(presence, spacer);
        if (s.may(SessionAction.START)) {
            bar.add(action(
                    "Start session",
                    VaadinIcon.PLAY,
                    "start-session",
                    true,
                    "Start " + s.name() + "?",
                    "Proposed ratings become the starting final ratings, submitted promotion cases move into"
                            + " calibration and the board goes live for every participant. A started session cannot"
                            + " go back to preparation.",
                    () -> {
                        lifecycle.start(s.id(), s.version());
                        Toasts.success("The session has started. Proposals are now the starting final ratings.");
                    }));
        }
        if (s.may(SessionAction.LOCK)) {
            bar.add(action(
                    "Lock ratings",
                    VaadinIcon.LOCK,
                    "lock-session",
                    true,
                    "Lock the ratings of " + s.name() + "?",
                    "Nobody can change a rating or a decision until a facilitator reopens the session.",
                    () -> {
                        lifecycle.lock(s.id(), s.version());
                        Toasts.success("Ratings are locked.");
                    }));
        }
        if (s.may(SessionAction.REOPEN)) {
            bar.add(action("Reopen", VaadinIcon.UNLOCK, "reopen-session", false, null, null, () -> {
                lifecycle.reopen(s.id(), s.version());
                Toasts.success("The session is open for changes again.");
            }));
        }
        if (s.may(SessionAction.PUBLISH)) {
            var publish = new Button("Publish results", VaadinIcon.MEGAPHONE.create());
            publish.setId("publish-session");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            publish.addClickListener(e -> new PublishDialog(lifecycle, s, reload).open());
            bar.add(publish);
        }
        bar.add(compare, exportLink(s));
    }

    /** A toolbar action; with a question, it runs only after a confirmation saying what will happen. */
    private Button action(
            String text,
            VaadinIcon icon,
            String id,
            boolean primary,
            String question,
            String consequence,
            Runnable work) {
        var button = new Button(text, icon.create());
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        Runnable run = () -> {
            try {
                work.run();
                reload.run();
            } catch (ValidationException | ConcurrentEditException problem) {
                Toasts.error(Toasts.message(problem));
                reload.run();
            }
        };
        button.addClickListener(e -> {
            if (question == null) {
                run.run();
                return;
            }
            Confirm.ask(question, consequence, text, run);
        });
        return button;
    }

    private Component exportLink(SessionDetails s) {
        var id = s.id();
        var fileName = CalibrationCsv.fileName(s);
        var anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = boards.exportCsv(id);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8", bytes.length);
                }),
                "");
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("download", fileName);
        anchor.setId("export-csv");
        var button = new Button("Export CSV", VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }
}
