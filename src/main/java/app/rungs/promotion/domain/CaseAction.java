package app.rungs.promotion.domain;

import static app.rungs.promotion.domain.CaseRole.ADMIN;
import static app.rungs.promotion.domain.CaseRole.ENGINEER;
import static app.rungs.promotion.domain.CaseRole.FACILITATOR;
import static app.rungs.promotion.domain.CaseRole.LINE_MANAGER;
import static app.rungs.promotion.domain.CaseRole.REVIEWER;
import static app.rungs.promotion.domain.CaseStatus.APPROVED;
import static app.rungs.promotion.domain.CaseStatus.DECLINED;
import static app.rungs.promotion.domain.CaseStatus.DRAFT;
import static app.rungs.promotion.domain.CaseStatus.IN_CALIBRATION;
import static app.rungs.promotion.domain.CaseStatus.PROPOSED;
import static app.rungs.promotion.domain.CaseStatus.SUBMITTED;
import static app.rungs.promotion.domain.CaseStatus.WITHDRAWN;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state machine of a promotion case, in one place: every action with the statuses it starts from, the status it
 * leads to (null when the status stays), who may take it, and whether it needs a written note.
 *
 * <p>Rules worth knowing: approval needs the case IN_CALIBRATION (an admin moves a submitted case into calibration,
 * then approves or decides "not yet"); the content (justification, narratives, "not met" marks, reviewers) changes
 * only while DRAFT or SUBMITTED, so changing a case in calibration means returning it for changes first.
 */
public enum CaseAction {
    NOMINATE("Nominate", none(), DRAFT, EnumSet.of(LINE_MANAGER, ADMIN), Note.OPTIONAL, true),
    NOMINATE_SELF("Nominate myself", none(), PROPOSED, EnumSet.of(ENGINEER), Note.OPTIONAL, true),
    ACCEPT("Accept nomination", EnumSet.of(PROPOSED), DRAFT, EnumSet.of(LINE_MANAGER, ADMIN), Note.OPTIONAL, true),
    DECLINE("Decline nomination", EnumSet.of(PROPOSED), DECLINED, EnumSet.of(LINE_MANAGER, ADMIN), Note.REQUIRED, true),
    EDIT("Edit the packet", EnumSet.of(DRAFT, SUBMITTED), null, EnumSet.of(LINE_MANAGER, ADMIN), Note.NONE, false),
    SUBMIT("Submit", EnumSet.of(DRAFT), SUBMITTED, EnumSet.of(LINE_MANAGER, ADMIN), Note.OPTIONAL, true),
    START_CALIBRATION(
            "Move to calibration",
            EnumSet.of(SUBMITTED),
            IN_CALIBRATION,
            EnumSet.of(ADMIN, FACILITATOR),
            Note.OPTIONAL,
            true),
    RETURN_TO_SUBMITTED(
            "Return for changes",
            EnumSet.of(IN_CALIBRATION),
            SUBMITTED,
            EnumSet.of(LINE_MANAGER, ADMIN),
            Note.REQUIRED,
            false),
    RETURN_TO_DRAFT(
            "Return to draft",
            EnumSet.of(SUBMITTED, IN_CALIBRATION),
            DRAFT,
            EnumSet.of(LINE_MANAGER, ADMIN),
            Note.REQUIRED,
            false),
    APPROVE("Approve", EnumSet.of(IN_CALIBRATION), APPROVED, EnumSet.of(ADMIN), Note.OPTIONAL, true),
    NOT_YET("Not yet", EnumSet.of(IN_CALIBRATION), CaseStatus.NOT_YET, EnumSet.of(ADMIN), Note.REQUIRED, true),
    WITHDRAW("Withdraw", CaseStatus.OPEN, WITHDRAWN, EnumSet.of(ENGINEER, LINE_MANAGER, ADMIN), Note.OPTIONAL, true),
    SIGN_OFF("Sign off", EnumSet.of(SUBMITTED, IN_CALIBRATION), null, EnumSet.of(REVIEWER), Note.OPTIONAL, false),
    COMMENT("Comment", EnumSet.allOf(CaseStatus.class), null, EnumSet.allOf(CaseRole.class), Note.REQUIRED, false),
    COMMITTEE_NOTE(
            "Committee note",
            EnumSet.allOf(CaseStatus.class),
            null,
            EnumSet.of(LINE_MANAGER, ADMIN, REVIEWER),
            Note.REQUIRED,
            false);

    /** Whether an action takes a written note: none, optional, or required (a reason, feedback, ...). */
    public enum Note {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    private final String label;
    private final Set<CaseStatus> from;
    private final CaseStatus to;
    private final Set<CaseRole> who;
    private final Note note;
    private final boolean noteShownToEngineer;

    CaseAction(
            String label,
            Set<CaseStatus> from,
            CaseStatus to,
            Set<CaseRole> who,
            Note note,
            boolean noteShownToEngineer) {
        this.label = label;
        this.from = Collections.unmodifiableSet(from);
        this.to = to;
        this.who = Collections.unmodifiableSet(who);
        this.note = note;
        this.noteShownToEngineer = noteShownToEngineer;
    }

    private static Set<CaseStatus> none() {
        return EnumSet.noneOf(CaseStatus.class);
    }

    public String label() {
        return label;
    }

    /** Statuses the action starts from; empty for the actions that create a case. */
    public Set<CaseStatus> from() {
        return from;
    }

    /** The status the action leads to, or null when the status stays. */
    public CaseStatus to() {
        return to;
    }

    public Set<CaseRole> who() {
        return who;
    }

    public Note note() {
        return note;
    }

    /**
     * Whether the engineer sees the note of this step on the timeline. Reasons for returning a case are between the
     * manager and the committee; a decline reason, withdrawal note and the decision's feedback are for the engineer.
     */
    public boolean noteShownToEngineer() {
        return noteShownToEngineer;
    }

    public boolean createsCase() {
        return from.isEmpty();
    }

    public boolean changesStatus() {
        return to != null;
    }

    /** True when someone with these roles may take this action on a case in this status. */
    public boolean allows(CaseStatus status, Set<CaseRole> roles) {
        return from.contains(status) && roles.stream().anyMatch(who::contains);
    }

    /** Why an action is refused, in the order the checks run; {@link #NONE} when it may be taken. */
    public enum Refusal {
        NONE,
        /** The user has no relation to the case: they must not learn it exists. */
        NOT_VISIBLE,
        /** The user sees the case but their roles may not take this action. */
        NOT_PERMITTED,
        /** The action does not start from the case's status. */
        WRONG_STATUS
    }

    /** Checks who and from which status, in that order; see {@link Refusal}. */
    public Refusal check(CaseStatus status, Set<CaseRole> roles) {
        if (roles.isEmpty()) {
            return Refusal.NOT_VISIBLE;
        }
        if (roles.stream().noneMatch(who::contains)) {
            return Refusal.NOT_PERMITTED;
        }
        return from.contains(status) ? Refusal.NONE : Refusal.WRONG_STATUS;
    }

    /** What to tell someone who tries this action on a case in a status it does not start from. */
    public String wrongStatusMessage(CaseStatus status) {
        if (this == EDIT && status == IN_CALIBRATION) {
            return "The case is in calibration, so its content is frozen. Return it for changes first.";
        }
        return "The case is " + status.label().toLowerCase(Locale.ROOT) + "; \"" + label
                + "\" is possible only when it is "
                + from.stream().map(s -> s.label().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "))
                + ".";
    }

    /** True when the action needs a note and none was written. */
    public boolean lacksNote(String text) {
        return note == Note.REQUIRED && (text == null || text.isBlank());
    }

    /** What to ask for when a required note is missing, naming the engineer and the level where it helps. */
    public String missingNoteMessage(String engineerName, String targetLevelKey) {
        return switch (this) {
            case DECLINE -> "Give the reason for declining, so " + engineerName + " knows why.";
            case NOT_YET ->
                "Write the feedback for " + engineerName + ": what is still missing for " + targetLevelKey + ".";
            case COMMENT, COMMITTEE_NOTE -> "Write the comment first.";
            default -> "Say what needs to change before the case comes back.";
        };
    }

    /** The action that returns a case for changes to the given status, or empty for any other status. */
    public static Optional<CaseAction> returnTo(CaseStatus to) {
        return Optional.ofNullable(to == SUBMITTED ? RETURN_TO_SUBMITTED : to == DRAFT ? RETURN_TO_DRAFT : null);
    }

    /** Every action these roles may take on a case in this status. */
    public static Set<CaseAction> allowed(CaseStatus status, Set<CaseRole> roles) {
        var result = EnumSet.noneOf(CaseAction.class);
        for (var action : values()) {
            if (action.allows(status, roles)) {
                result.add(action);
            }
        }
        return result;
    }
}
