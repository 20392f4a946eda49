package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.EntryChange;
import app.rungs.calibration.domain.EntryField;
import app.rungs.security.service.RungsUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Collects the changed fields of one edit of an entry and turns them into history rows. */
final class ChangeRecorder {

    record Change(EntryField field, String from, String to) {}

    private final CalibrationEntry entry;
    private final RungsUser actor;
    private final List<Change> list = new ArrayList<>();
    private final long version;
    private String reason;

    ChangeRecorder(CalibrationEntry entry, RungsUser actor) {
        this.entry = entry;
        this.actor = actor;
        // The flush that saves the change increments the version by one.
        this.version = entry.getVersion() + 1;
    }

    void field(EntryField field, String from, String to) {
        if (!Objects.equals(from, to)) {
            list.add(new Change(field, from, to));
        }
    }

    /** The reason written for this edit, kept with every change it makes. */
    void because(String reason) {
        this.reason = reason;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    boolean has(EntryField field) {
        return list.stream().anyMatch(c -> c.field() == field);
    }

    List<Change> fields() {
        return list;
    }

    List<EntryChange> changes(Long sessionId, Instant at) {
        return list.stream()
                .map(c -> new EntryChange(
                                entry.getId(),
                                sessionId,
                                version,
                                c.field(),
                                c.from(),
                                c.to(),
                                actor.username(),
                                actor.displayName(),
                                at)
                        .because(reason))
                .toList();
    }

    String summary(String personName) {
        return list.stream()
                        .map(c -> c.field() == EntryField.NOTES || c.field() == EntryField.FEEDBACK
                                ? c.field().label() + " changed"
                                : c.field().label() + ": " + (c.from() == null ? "—" : c.from()) + " → "
                                        + (c.to() == null ? "—" : c.to()))
                        .collect(Collectors.joining("; "))
                + " (" + personName + ")";
    }
}
