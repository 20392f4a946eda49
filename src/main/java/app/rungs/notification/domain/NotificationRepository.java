package app.rungs.notification.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query(value = """
                    select * from notification where person_id = ?1
                    order by created_at desc, id desc offset ?2 limit ?3
                    """, nativeQuery = true)
    List<Notification> findWindow(Long personId, int offset, int limit);

    @Query("select count(n) from Notification n where n.personId = ?1")
    long countByPerson(Long personId);

    @Query("select count(n) from Notification n where n.personId = ?1 and n.readAt is null")
    long countUnread(Long personId);

    @Modifying
    @Query("update Notification n set n.readAt = ?2 where n.personId = ?1 and n.readAt is null")
    int markAllRead(Long personId, Instant at);
}
