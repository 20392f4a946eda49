package app.rungs.evidence.service;

import app.rungs.evidence.domain.WaiverStatus;

/**
 * A "not applicable" waiver was requested, approved or declined. Published inside the change's transaction (see
 * docs/decisions/0012), so notifications exist exactly when the change commits.
 *
 * @param managerId the person's manager, who decides requests (null when they have none)
 * @param actorId the person id of who acted, null for an account without a person
 * @param note the engineer's justification for a request, the manager's reason or comment for a decision
 */
public record WaiverChanged(
        Long waiverId,
        Long personId,
        String personName,
        Long managerId,
        String competencyName,
        WaiverStatus status,
        Long actorId,
        String actorName,
        String note,
        String link) {}
