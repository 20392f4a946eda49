package app.rungs.checkin.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInItemRepository extends JpaRepository<CheckInItem, Long> {

    @Query("select i from CheckInItem i where i.checkInId = ?1 order by i.position")
    List<CheckInItem> findByCheckIn(Long checkInId);
}
