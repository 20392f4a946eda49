package app.rungs.checkin.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInSideRepository extends JpaRepository<CheckInSide, Long> {

    @Query("select s from CheckInSide s where s.checkInId = ?1")
    List<CheckInSide> findByCheckIn(Long checkInId);
}
