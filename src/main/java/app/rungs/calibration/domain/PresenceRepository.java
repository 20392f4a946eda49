package app.rungs.calibration.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Presence rows use the database clock, so instances with slightly different clocks agree on who is here. */
public interface PresenceRepository extends JpaRepository<ViewerPresence, String> {

    /** Inserts or refreshes a viewer; returns 1 when the viewer is new (xmax = 0 only for inserted rows). */
    @Query(value = """
            insert into calibration_presence (viewer_id, session_id, username, display_name, last_seen)
            values (:viewerId, :sessionId, :username, :displayName, now())
            on conflict (viewer_id) do update set last_seen = now()
            returning (xmax = 0)""", nativeQuery = true)
    boolean upsert(String viewerId, Long sessionId, String username, String displayName);

    @Modifying
    @Query(
            value = "delete from calibration_presence where viewer_id = :viewerId and username = :username",
            nativeQuery = true)
    int leave(String viewerId, String username);

    /** Everyone with a heartbeat within the last {@code seconds} seconds: username and display name, by name. */
    @Query(value = """
            select username, min(display_name) from calibration_presence
            where session_id = :sessionId and last_seen > now() - make_interval(secs => :seconds)
            group by username order by min(display_name)""", nativeQuery = true)
    List<Object[]> viewers(Long sessionId, int seconds);

    /** Forgets boards that stopped sending heartbeats long ago (closed browsers). */
    @Modifying
    @Query(value = "delete from calibration_presence where last_seen < now() - interval '1 hour'", nativeQuery = true)
    int forgetStale();
}
