package app.rungs.ladder.domain;

import static app.rungs.ladder.domain.VersionStatus.DRAFT;
import static app.rungs.ladder.domain.VersionStatus.PUBLISHED;
import static app.rungs.ladder.domain.VersionStatus.RETIRED;

import app.rungs.shared.security.AppRoles;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine of a ladder version, in one place: every action with the statuses it starts from, the status it
 * leads to (null when the status stays or the version is removed), who may take it, and whether it takes a note.
 *
 * <p>A draft is the only version that changes; publishing makes it current and supersedes the version that was
 * current, which stays readable as history (RETIRED, shown as "superseded"). Nothing leads back to DRAFT, which is
 * why the content of a published or retired version can be cached for good.
 */
public enum VersionAction {
    START_DRAFT("Start a draft", none(), DRAFT, Note.NONE),
    EDIT("Edit the draft", EnumSet.of(DRAFT), null, Note.NONE),
    DISCARD("Discard the draft", EnumSet.of(DRAFT), null, Note.NONE),
    PUBLISH("Publish", EnumSet.of(DRAFT), PUBLISHED, Note.OPTIONAL),
    SUPERSEDE("Supersede by a newer version", EnumSet.of(PUBLISHED), RETIRED, Note.NONE),
    RETIRE("Retire with its ladder", EnumSet.of(PUBLISHED), RETIRED, Note.NONE);

    /** Whether an action takes a written note: none, optional (the change note of a publication) or required. */
    public enum Note {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    private final String label;
    private final Set<VersionStatus> from;
    private final VersionStatus to;
    private final Note note;

    VersionAction(String label, Set<VersionStatus> from, VersionStatus to, Note note) {
        this.label = label;
        this.from = Collections.unmodifiableSet(from);
        this.to = to;
        this.note = note;
    }

    private static Set<VersionStatus> none() {
        return EnumSet.noneOf(VersionStatus.class);
    }

    public String label() {
        return label;
    }

    /** Statuses the action starts from; empty for the action that creates a version. */
    public Set<VersionStatus> from() {
        return from;
    }

    /** The status the action leads to, or null when the status stays (or the draft is deleted). */
    public VersionStatus to() {
        return to;
    }

    /** Ladders are the organization's shared vocabulary: only admins change them. */
    public Set<String> who() {
        return Set.of(AppRoles.ADMIN);
    }

    public Note note() {
        return note;
    }

    public boolean createsVersion() {
        return from.isEmpty();
    }

    public boolean changesStatus() {
        return to != null;
    }

    /** True when someone with these role names may take this action on a version in this status. */
    public boolean allows(VersionStatus status, Set<String> roles) {
        return from.contains(status) && roles.stream().anyMatch(who()::contains);
    }

    /** Every action these roles may take on a version in this status. */
    public static Set<VersionAction> allowed(VersionStatus status, Set<String> roles) {
        var result = EnumSet.noneOf(VersionAction.class);
        for (var action : values()) {
            if (action.allows(status, roles)) {
                result.add(action);
            }
        }
        return result;
    }
}
