package app.rungs.growth.service;

import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonOption;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a growth plan, by the usual reporting-line rules: the person and every manager above them read
 * and edit it, admins read it, and for anyone else the person does not exist. Only the managers comment.
 */
@Component
class GrowthAccess {

    private final PeopleService people;

    GrowthAccess(PeopleService people) {
        this.people = people;
    }

    /** The person may be read; otherwise the same answer as for a missing person. */
    void requireRead(Long personId) {
        if (personId == null || !people.canSee(personId)) {
            throw new NotFoundException("Person not found");
        }
    }

    /** What the signed-in user may do with a readable person's plan. */
    Rights rights(Long personId) {
        requireRead(personId);
        var me = CurrentUser.require().personId();
        if (me == null) {
            return new Rights(false, false);
        }
        if (me.equals(personId)) {
            return new Rights(true, false);
        }
        boolean manager =
                people.managerChain(personId).stream().map(PersonOption::id).anyMatch(me::equals);
        return new Rights(manager, manager);
    }

    record Rights(boolean edit, boolean comment) {}
}
