package app.rungs.promotion.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a promotion case stands. A self-nomination starts as PROPOSED until the manager accepts (DRAFT) or declines
 * it; a manager's nomination starts as DRAFT. DRAFT → SUBMITTED → IN_CALIBRATION → APPROVED or NOT_YET; an open case
 * can be WITHDRAWN. The allowed moves and who may make them are defined in {@link CaseAction}.
 */
public enum CaseStatus {
    PROPOSED("Awaiting manager", "warning"),
    DRAFT("Draft", ""),
    SUBMITTED("Submitted", "primary"),
    IN_CALIBRATION("In calibration", "warning"),
    APPROVED("Approved", "success"),
    NOT_YET("Not yet", "error"),
    WITHDRAWN("Withdrawn", ""),
    DECLINED("Declined", "error");

    /** Statuses of an open case; an engineer has at most one open case. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(PROPOSED, DRAFT, SUBMITTED, IN_CALIBRATION);

    private final String label;
    private final String badge;

    CaseStatus(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** The badge variant that shows this status ("success", "error", ...). */
    public String badge() {
        return badge;
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    /** True once the committee decided the case (approved or "not yet"): exports then show the decision. */
    public boolean decided() {
        return this == APPROVED || this == NOT_YET;
    }
}
