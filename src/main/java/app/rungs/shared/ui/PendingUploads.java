package app.rungs.shared.ui;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The uploads of one HTTP session that are not saved yet, and the bytes they hold (including uploads still arriving).
 * Kept in the HTTP session, so the servlet container tells it when the session ends (sign-out, timeout) and it then
 * deletes what is left.
 */
public final class PendingUploads implements HttpSessionBindingListener, Serializable {

    private static final String ATTRIBUTE = PendingUploads.class.getName();

    private transient long reserved;
    /** Files live on this server's disk only; a session restored elsewhere starts without them. */
    private transient Set<UploadedFile> files = new LinkedHashSet<>();

    PendingUploads() {}

    /** The session's uploads, created on first use. */
    public static PendingUploads of(VaadinSession session) {
        session.lock();
        try {
            var http = session.getSession();
            var pending = (PendingUploads) http.getAttribute(ATTRIBUTE);
            if (pending == null) {
                pending = new PendingUploads();
                http.setAttribute(ATTRIBUTE, pending);
            }
            return pending;
        } finally {
            session.unlock();
        }
    }

    /** The bytes held now: waiting files and uploads still arriving. */
    public synchronized long bytes() {
        return reserved;
    }

    /** How many files wait to be saved. */
    public synchronized int count() {
        return files().size();
    }

    /**
     * Takes bytes from the session's and the server's allowance.
     *
     * @return null when taken, else why not (nothing is taken then)
     */
    synchronized String reserve(long bytes, String fileName) {
        if (bytes <= 0) {
            return null;
        }
        if (reserved + bytes > UploadLimit.SESSION_PENDING_MAX_BYTES) {
            return fileName + " does not fit: your unsaved uploads may hold at most "
                    + UploadLimit.size(UploadLimit.SESSION_PENDING_MAX_BYTES) + " together and already hold "
                    + UploadLimit.size(reserved) + ". Save or remove some first.";
        }
        if (!UploadStorage.reserve(bytes)) {
            return "The server holds too many unsaved uploads right now; upload " + fileName
                    + " again in a few minutes.";
        }
        reserved += bytes;
        return null;
    }

    synchronized void release(long bytes) {
        if (bytes <= 0) {
            return;
        }
        long released = Math.min(bytes, reserved);
        reserved -= released;
        UploadStorage.release(released);
    }

    synchronized void add(UploadedFile file) {
        files().add(file);
    }

    synchronized void forget(UploadedFile file) {
        files().remove(file);
    }

    private Set<UploadedFile> files() {
        if (files == null) {
            files = new LinkedHashSet<>();
        }
        return files;
    }

    /** Deletes every waiting file of the session. */
    public void discardAll() {
        ArrayList<UploadedFile> left;
        synchronized (this) {
            left = new ArrayList<>(files());
        }
        left.forEach(UploadedFile::discard);
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        discardAll();
    }
}
