package app.rungs.evidence.domain;

import static app.rungs.evidence.domain.EvidenceRole.OWNER;
import static app.rungs.evidence.domain.EvidenceRole.REVIEWER;
import static app.rungs.evidence.domain.EvidenceStatus.ACKNOWLEDGED;
import static app.rungs.evidence.domain.EvidenceStatus.DRAFT;
import static app.rungs.evidence.domain.EvidenceStatus.RETURNED;
import static app.rungs.evidence.domain.EvidenceStatus.SUBMITTED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The review workflow of an evidence item in one place (the pattern of promotion's {@code CaseAction}): every action
 * with the statuses it starts from, the status it leads to (null when the status stays), who may take it, and
 * whether it needs a written note.
 *
 * <p>Rules worth knowing: editing is always possible for the owner; editing an acknowledged item starts its next
 * revision as a draft (see {@link EvidenceItem#startRevision}). Attachments of acknowledged content are frozen until
 * it is edited. Only a draft that was never acknowledged (revision 1) can be deleted.
 */
public enum EvidenceAction {
    SUBMIT("Submit", EnumSet.of(DRAFT, RETURNED), SUBMITTED, EnumSet.of(OWNER), Note.NONE),
    EDIT("Edit", EnumSet.allOf(EvidenceStatus.class), null, EnumSet.of(OWNER), Note.NONE),
    CHANGE_ATTACHMENTS(
            "Change attachments", EnumSet.of(DRAFT, SUBMITTED, RETURNED), null, EnumSet.of(OWNER), Note.NONE),
    DELETE("Delete", EnumSet.of(DRAFT), null, EnumSet.of(OWNER), Note.NONE),
    ACKNOWLEDGE("Acknowledge", EnumSet.of(SUBMITTED), ACKNOWLEDGED, EnumSet.of(REVIEWER), Note.OPTIONAL),
    RETURN("Return for changes", EnumSet.of(SUBMITTED), RETURNED, EnumSet.of(REVIEWER), Note.REQUIRED),
    COMMENT("Comment", EnumSet.allOf(EvidenceStatus.class), null, EnumSet.allOf(EvidenceRole.class), Note.REQUIRED);

    /** Whether an action takes a written note: none, optional, or required. */
    public enum Note {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    /** Why an action is refused, in the order the checks run; {@link #NONE} when it may be taken. */
    public enum Refusal {
        NONE,
        NOT_PERMITTED,
        WRONG_STATUS,
        MISSING_NOTE
    }

    private final String label;
    private final Set<EvidenceStatus> from;
    private final EvidenceStatus to;
    private final Set<EvidenceRole> who;
    private final Note note;

    EvidenceAction(String label, Set<EvidenceStatus> from, EvidenceStatus to, Set<EvidenceRole> who, Note note) {
        this.label = label;
        this.from = Collections.unmodifiableSet(from);
        this.to = to;
        this.who = Collections.unmodifiableSet(who);
        this.note = note;
    }

    public String label() {
        return label;
    }

    public Set<EvidenceStatus> from() {
        return from;
    }

    /** The status the action leads to, or null when the status stays. */
    public EvidenceStatus to() {
        return to;
    }

    public Set<EvidenceRole> who() {
        return who;
    }

    public Note note() {
        return note;
    }

    /** Checks who, then from which status, then the note; see {@link Refusal}. */
    public Refusal check(EvidenceStatus status, Set<EvidenceRole> roles, String noteText) {
        if (roles.stream().noneMatch(who::contains)) {
            return Refusal.NOT_PERMITTED;
        }
        if (!from.contains(status)) {
            return Refusal.WRONG_STATUS;
        }
        if (note == Note.REQUIRED && (noteText == null || noteText.isBlank())) {
            return Refusal.MISSING_NOTE;
        }
        return Refusal.NONE;
    }

    /** True when someone with these roles may take this action on an item in this status (note aside). */
    public boolean allows(EvidenceStatus status, Set<EvidenceRole> roles) {
        return from.contains(status) && roles.stream().anyMatch(who::contains);
    }

    /** Every action these roles may take on an item in this status. */
    public static Set<EvidenceAction> allowed(EvidenceStatus status, Set<EvidenceRole> roles) {
        var result = EnumSet.noneOf(EvidenceAction.class);
        for (var action : values()) {
            if (action.allows(status, roles)) {
                result.add(action);
            }
        }
        return result;
    }
}
