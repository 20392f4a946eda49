package app.rungs.calibration.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Which engineers were calibrated in a cycle, for the review-cycle progress view. */
public interface CalibratedProgressRepository extends Repository<CalibrationSession, Long> {

    /** Of the people given (one array), those with an entry in a locked or published session of the cycle. */
    @Query(value = """
                    select distinct e.person_id from calibration_entry e
                    join calibration_session s on s.id = e.session_id
                    where lower(s.cycle) = lower(:cycle) and s.status in ('LOCKED', 'PUBLISHED')
                        and e.person_id = any(:ids)
                    """, nativeQuery = true)
    List<Long> calibratedAmong(String cycle, Long[] ids);
}
