package app.rungs.calibration.service;

import java.util.List;
import java.util.Set;

/**
 * What a new session is made of. The engineers are pulled in from the scope: active people with a manager in any of
 * the teams and at any of the levels (an empty set does not filter; at least one of the two is needed).
 *
 * @param extraParticipantIds managers taking part besides the managers of the engineers in scope
 * @param ratingScale the ratings from lowest to highest; null or empty for {@link RatingScale#DEFAULT}
 */
public record NewSession(
        String name,
        String cycle,
        Set<Long> teamIds,
        Set<String> levelKeys,
        Set<Long> extraParticipantIds,
        List<String> ratingScale) {}
