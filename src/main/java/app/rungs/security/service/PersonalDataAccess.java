package app.rungs.security.service;

import app.rungs.security.domain.Role;
import app.rungs.shared.service.NotFoundException;

/**
 * Who may read a person's complete personal data (the GDPR export): the person themselves and admins. Managers see
 * their line in the app, but an export is the data subject's right, so it is not theirs to take.
 */
public final class PersonalDataAccess {

    private PersonalDataAccess() {}

    /** Refuses anyone but the person and admins, with the same answer as for an unknown id. */
    public static void requireSelfOrAdmin(Long personId) {
        var me = CurrentUser.require();
        if (personId == null || !(me.has(Role.ADMIN) || personId.equals(me.personId()))) {
            throw new NotFoundException("Person not found");
        }
    }

    /**
     * Refuses internal notes (committee notes, calibration notes, reviewers' comments) to anyone but admins, and to
     * an admin about themselves: nobody reads the committee's notes of their own case.
     */
    public static void requireInternalAccess(Long personId) {
        var me = CurrentUser.require();
        if (!me.has(Role.ADMIN) || personId == null) {
            throw new NotFoundException("Person not found");
        }
        if (personId.equals(me.personId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Internal notes about yourself are not available to you.");
        }
    }
}
