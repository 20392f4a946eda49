package app.rungs.calibration.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PreRatingRepository extends JpaRepository<PreRating, Long> {

    /** Every pre-rating of a session: only ever read once the session has started (see the service). */
    @Query("select p from PreRating p where p.sessionId = ?1 order by p.entryId, p.raterPersonId")
    List<PreRating> findBySession(Long sessionId);

    /** One rater's own pre-ratings of a session. */
    @Query("select p from PreRating p where p.sessionId = ?1 and p.raterPersonId = ?2")
    List<PreRating> findByRater(Long sessionId, Long raterPersonId);

    @Query("select p from PreRating p where p.entryId = ?1 and p.raterPersonId = ?2")
    Optional<PreRating> findOne(Long entryId, Long raterPersonId);

    /** How many engineers each participant has pre-rated: counts only, never the ratings. */
    @Query("select p.raterPersonId, count(p) from PreRating p where p.sessionId = ?1 group by p.raterPersonId")
    List<Object[]> countsByRater(Long sessionId);
}
