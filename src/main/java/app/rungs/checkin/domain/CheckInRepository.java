package app.rungs.checkin.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    @Query("select count(c) > 0 from CheckIn c where c.engineerId = ?1 and c.agreedAt is null")
    boolean existsOpen(Long engineerId);
}
