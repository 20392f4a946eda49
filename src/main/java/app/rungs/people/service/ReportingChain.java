package app.rungs.people.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Which managers in a reporting chain the viewer may open, worked out from the chain itself instead of one
 * visibility query per manager: a manager sees themselves and everyone below them, so in a chain read from the
 * person upward they see the entries up to their own; someone outside the chain (the person themselves) sees none of
 * it; admins see all.
 */
public final class ReportingChain {

    private ReportingChain() {}

    /**
     * One flag per chain entry, in the chain's order (direct manager first).
     *
     * @param chainIds the managers above a person, direct manager first
     * @param viewerId the signed-in user's person id (may be null)
     * @param admin whether the viewer sees everyone
     * @param manager whether the viewer sees their reporting line
     */
    public static List<Boolean> openable(List<Long> chainIds, Long viewerId, boolean admin, boolean manager) {
        int own = viewerId == null ? -1 : chainIds.indexOf(viewerId);
        var flags = new ArrayList<Boolean>(chainIds.size());
        for (int i = 0; i < chainIds.size(); i++) {
            flags.add(admin || i == own || (manager && own >= 0 && i < own));
        }
        return flags;
    }
}
