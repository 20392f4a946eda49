package app.rungs.shared.ui;

import app.rungs.shared.db.DatabaseStatus;
import app.rungs.shared.db.DatabaseUnavailable;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ConflictTranslation;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A session-wide error handler: users see a friendly message (with a reference id for unexpected errors that the
 * log carries too), never a stack trace. A lost race between two saves shows the conflict message, like the
 * services' own version checks.
 */
@Component
class ErrorHandlerInstaller implements VaadinServiceInitListener {

    static final String DATABASE_UNAVAILABLE = "The database is unavailable, retrying… Please try again in a moment.";
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlerInstaller.class);

    private final DatabaseStatus databaseStatus;

    ErrorHandlerInstaller(DatabaseStatus databaseStatus) {
        this.databaseStatus = databaseStatus;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        if (isClientGone(event.getThrowable())) {
            // The browser closed the connection while its answer was being written: nobody to tell, nothing broken.
            log.debug("Client went away during a response", event.getThrowable());
            return;
        }
        var translated = ConflictTranslation.translate(event.getThrowable());
        var cause = translated != null ? translated : rootCause(event.getThrowable());
        String message;
        if (DatabaseUnavailable.isCause(event.getThrowable())) {
            // An outage, not a bug: no reference id, and the layout's banner appears at once.
            log.warn("Database unavailable during a request: {}", cause.getMessage());
            databaseStatus.reportFailure();
            message = DATABASE_UNAVAILABLE;
        } else if (cause instanceof ValidationException v) {
            message = String.join("\n", v.problems());
        } else if (cause instanceof ConcurrentEditException || cause instanceof NotFoundException) {
            message = cause.getMessage();
        } else if (cause instanceof AccessDeniedException) {
            message = "You don't have permission to do that.";
        } else {
            var reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error [ref {}]", reference, event.getThrowable());
            message = "Something went wrong. If it happens again, contact your administrator with reference "
                    + reference + ".";
        }
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> {
                var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    private static boolean isClientGone(Throwable t) {
        for (var current = t; current != null; current = current.getCause()) {
            if ("org.apache.catalina.connector.ClientAbortException"
                    .equals(current.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        var current = t;
        while (current.getCause() != null
                && !(current instanceof ValidationException)
                && !(current instanceof ConcurrentEditException)
                && !(current instanceof NotFoundException)
                && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
