package app.rungs.promotion.service;

import java.util.Collection;

/**
 * Lets another feature vouch that the signed-in user may read the promotion cases of some engineers in a cycle, when
 * that user is neither their manager nor a reviewer: a calibration committee reads the cases of the engineers it
 * calibrates. Implemented by the feature that knows (calibration), read by {@link CommitteeCases}.
 */
public interface CaseReadGrant {

    /** True when the signed-in user may read the cases of every one of these engineers in this cycle. */
    boolean grants(String cycle, Collection<Long> engineerIds);

    /**
     * True when the signed-in user facilitates a calibration session of this cycle that calibrates the engineer:
     * starting it moves the engineer's submitted case into calibration.
     */
    boolean facilitates(String cycle, Long engineerId);
}
