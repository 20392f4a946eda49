package app.rungs.people.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Set-based reads of reporting lines for views that report per manager: scoped in SQL by the closure table (V34), paged
 * and counted there, so no read returns a whole line (decisions 0018 and 0030).
 */
public interface ReportingLineRepository extends Repository<Person, Long> {

    /** How many active people are below the manager, direct and indirect. */
    @Query(value = """
                    select count(*) from reporting_line_members(:managerId) m
                    join person p on p.id = m.person_id where p.active
                    """, nativeQuery = true)
    long countLine(Long managerId);

    /** How many active people have a manager. */
    @Query(value = "select count(*) from person p where p.active and p.manager_id is not null", nativeQuery = true)
    long countManaged();

    /**
     * A page of the managers inside a line (the manager included) who have active direct reports: id, full name,
     * team name (the manager's, else their reports' first), number of active direct reports. By name.
     */
    @Query(value = """
                    select m.id, m.full_name, coalesce(mt.name, min(t.name)), count(*)
                    from person p join person m on m.id = p.manager_id
                    left join team t on t.id = p.team_id
                    left join team mt on mt.id = m.team_id
                    where p.active and p.id in (select person_id from reporting_line_members(:managerId))
                    group by m.id, m.full_name, mt.name
                    order by m.full_name, m.id
                    offset :offset limit :limit
                    """, nativeQuery = true)
    List<Object[]> findTeamsInLine(Long managerId, long offset, int limit);

    /** How many rows {@link #findTeamsInLine} has in all. */
    @Query(value = """
                    select count(distinct p.manager_id) from person p
                    where p.active and p.id in (select person_id from reporting_line_members(:managerId))
                    """, nativeQuery = true)
    long countTeamsInLine(Long managerId);

    /** {@link #findTeamsInLine} over the whole organization. */
    @Query(value = """
                    select m.id, m.full_name, coalesce(mt.name, min(t.name)), count(*)
                    from person p join person m on m.id = p.manager_id
                    left join team t on t.id = p.team_id
                    left join team mt on mt.id = m.team_id
                    where p.active
                    group by m.id, m.full_name, mt.name
                    order by m.full_name, m.id
                    offset :offset limit :limit
                    """, nativeQuery = true)
    List<Object[]> findAllTeams(long offset, int limit);

    /** How many rows {@link #findAllTeams} has in all. */
    @Query(value = "select count(distinct p.manager_id) from person p where p.active", nativeQuery = true)
    long countAllTeams();

    /** A manager's active direct reports with their team: id, full name, manager id, manager name, team names. */
    @Query(value = """
                    select p.id, p.full_name, m.id, m.full_name, t.name, mt.name
                    from person p join person m on m.id = p.manager_id
                    left join team t on t.id = p.team_id
                    left join team mt on mt.id = m.team_id
                    where p.active and p.manager_id = :managerId
                    order by p.full_name, p.id
                    """, nativeQuery = true)
    List<Object[]> findDirectReports(Long managerId);

    /** Whether the person is below the manager: one primary-key probe of the closure. */
    @Query(value = "select in_reporting_line(:managerId, :personId)", nativeQuery = true)
    boolean inLine(Long managerId, Long personId);

    /** Active people with at least one active direct report. */
    @Query(value = """
                    select m.id from person m
                    where m.active and exists (select 1 from person p where p.manager_id = m.id and p.active)
                    order by m.id
                    """, nativeQuery = true)
    List<Long> findActiveManagerIds();
}
