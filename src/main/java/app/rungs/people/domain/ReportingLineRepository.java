package app.rungs.people.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Set-based reads of whole reporting lines, each one statement however large the line (see decision 0018). */
public interface ReportingLineRepository extends Repository<Person, Long> {

    /**
     * Active people below the manager (direct and indirect) with their direct manager and team: id, full name,
     * manager id, manager name, team name, manager's team name.
     */
    @Query(value = """
                    select p.id, p.full_name, m.id, m.full_name, t.name, mt.name
                    from reporting_line l join person p on p.id = l.person_id and l.ancestor_id = :managerId
                    join person m on m.id = p.manager_id
                    left join team t on t.id = p.team_id
                    left join team mt on mt.id = m.team_id
                    where p.active
                    order by m.full_name, m.id, p.full_name, p.id
                    """, nativeQuery = true)
    List<Object[]> findLineMembers(Long managerId);

    /** Every active person who has a manager, in the same shape as {@link #findLineMembers}. */
    @Query(value = """
                    select p.id, p.full_name, m.id, m.full_name, t.name, mt.name
                    from person p join person m on m.id = p.manager_id
                    left join team t on t.id = p.team_id
                    left join team mt on mt.id = m.team_id
                    where p.active
                    order by m.full_name, m.id, p.full_name, p.id
                    """, nativeQuery = true)
    List<Object[]> findAllManaged();

    /** Active people with at least one active direct report. */
    @Query(value = """
                    select m.id from person m
                    where m.active and exists (select 1 from person p where p.manager_id = m.id and p.active)
                    order by m.id
                    """, nativeQuery = true)
    List<Long> findActiveManagerIds();
}
