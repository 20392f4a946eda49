package app.rungs.calibration.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AgendaStateRepository extends JpaRepository<AgendaState, Long> {

    /** The agenda of a session, locked, so two clicks of "Next" take turns and no second is counted twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AgendaState a where a.sessionId = ?1")
    Optional<AgendaState> findForUpdate(Long sessionId);

    /** Adds time spent on an engineer. */
    @Modifying
    @Query(value = """
            insert into calibration_time (entry_id, session_id, seconds) values (:entryId, :sessionId, :seconds)
            on conflict (entry_id) do update set seconds = calibration_time.seconds + excluded.seconds""", nativeQuery = true)
    void addTime(Long sessionId, Long entryId, long seconds);

    /** Entry id and seconds spent, for every engineer of a session discussed so far. */
    @Query(value = "select entry_id, seconds from calibration_time where session_id = :sessionId", nativeQuery = true)
    List<Object[]> times(Long sessionId);

    /**
     * Time per engineer and totals by team, level and manager, and overall, in one statement: grouping sets over the
     * session's entries (engineers not discussed count 0). Columns: grouping kind, team, level, manager, engineer,
     * engineers, seconds.
     */
    @Query(value = """
            select case when grouping(e.id) = 0 then 'PERSON'
                        when grouping(e.team_name) = 0 then 'TEAM'
                        when grouping(e.level_key) = 0 then 'LEVEL'
                        when grouping(e.manager_name) = 0 then 'MANAGER'
                        else 'TOTAL' end as kind,
                   case when grouping(e.id) = 0 then min(e.team_name) else e.team_name end,
                   case when grouping(e.id) = 0 then min(e.level_key) else e.level_key end,
                   case when grouping(e.id) = 0 then min(e.manager_name) else e.manager_name end,
                   min(e.person_name),
                   count(*),
                   coalesce(sum(t.seconds), 0)
            from calibration_entry e left join calibration_time t on t.entry_id = e.id
            where e.session_id = :sessionId
            group by grouping sets ((e.id), (e.team_name), (e.level_key), (e.manager_name), ())
            order by 1, 7 desc, 5, 2, 3, 4""", nativeQuery = true)
    List<Object[]> report(Long sessionId);
}
