package app.rungs.people.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PersonRepository extends JpaRepository<Person, Long> {

    /**
     * Directory cards of many people in one statement (level from the effective-dated history); the ids are bound as
     * one array parameter, however many there are.
     */
    @Query(value = """
                    select p.id as id, p.full_name as fullName, p.job_title as jobTitle, p.team_id as teamId,
                        t.name as teamName, p.manager_id as managerId, m.full_name as managerName,
                        l.ladder_id as ladderId, l.level_key as levelKey, l.level_since as levelSince,
                        p.specialization as specialization, p.track_key as trackKey,
                        p.active as active
                    from person p
                    left join team t on t.id = p.team_id
                    left join person m on m.id = p.manager_id
                    left join lateral person_level_on(p.id, current_date) l on true
                    where p.id = any(:ids)
                    """, nativeQuery = true)
    List<PersonCardRow> findCards(@Param("ids") Long[] ids);

    /** Everyone with a track (active or not), for finding people a new ladder version left without theirs. */
    @Query("select p from Person p where p.trackKey is not null order by p.fullName, p.id")
    List<Person> findWithTrack();

    @Query("select p from Person p where lower(p.email) = lower(?1)")
    Optional<Person> findByEmail(String email);

    @Query("select p from Person p where p.managerId = ?1 order by p.fullName")
    List<Person> findDirectReports(Long managerId);

    @Query("select count(p) from Person p where p.active = true")
    long countActive();

    /** True when the person is somewhere below the manager: one probe of the reporting-line closure (V34). */
    @Query(value = "select in_reporting_line(:managerId, :personId)", nativeQuery = true)
    boolean isInReportingLine(@Param("personId") Long personId, @Param("managerId") Long managerId);

    /** Which of these people are somewhere below the manager; the ids are bound as one array parameter. */
    @Query(value = """
                    select r.person_id from reporting_line r
                    where r.ancestor_id = :managerId and r.person_id = any(:ids)
                    """, nativeQuery = true)
    List<Long> findInReportingLine(@Param("managerId") Long managerId, @Param("ids") Long[] ids);

    /**
     * One page of the ids below a manager, by name: optionally only names containing a text (a LIKE pattern, escaped
     * with a backslash) and only active people placed on a ladder.
     */
    @Query(value = """
                    select p.id from reporting_line r join person p on p.id = r.person_id
                    where r.ancestor_id = :managerId
                      and (cast(:pattern as varchar) is null or lower(p.full_name) like cast(:pattern as varchar) escape '\\')
                      and (not :placedOnly or (p.active
                           and (select c.ladder_id from person_level_on(p.id, current_date) c) is not null))
                    order by lower(p.full_name), p.id
                    offset :offset limit :limit
                    """, nativeQuery = true)
    List<Long> findReportingLinePage(
            @Param("managerId") Long managerId,
            @Param("pattern") String pattern,
            @Param("placedOnly") boolean placedOnly,
            @Param("offset") int offset,
            @Param("limit") int limit);

    /** How many people are below a manager, and how many of them report to them directly. */
    @Query(value = """
                    select count(*) as total, count(*) filter (where r.depth = 1) as direct
                    from reporting_line r where r.ancestor_id = :managerId
                    """, nativeQuery = true)
    LineSizeRow findReportingLineSize(@Param("managerId") Long managerId);

    /** The size of a reporting line. */
    interface LineSizeRow {
        long getTotal();

        long getDirect();
    }

    /** Active holders of each level of a ladder today. */
    @Query(value = """
                    select c.level_key, count(*) from person p cross join lateral person_level_on(p.id, current_date) c
                    where p.active and c.ladder_id = :ladderId
                    group by c.level_key
                    """, nativeQuery = true)
    List<Object[]> countByLevel(Long ladderId);

    @Query("select count(distinct p.managerId) from Person p where p.managerId is not null and p.active = true")
    long countManagers();

    @Query("select count(p) from Person p where p.active = true and p.levelKey is null")
    long countActiveWithoutLevel();

    @Query("select count(p) from Person p where p.managerId = ?1 and p.active = true")
    long countActiveDirectReports(Long managerId);

    /** Ids of the managers above a person, nearest first. */
    @Query(value = """
                    with recursive chain(id, manager_id, depth) as (
                        select id, manager_id, 0 from person where id = :personId
                        union all
                        select p.id, p.manager_id, c.depth + 1 from person p join chain c on p.id = c.manager_id
                        where c.depth < 100
                    )
                    select id from chain where depth > 0 order by depth
                    """, nativeQuery = true)
    List<Long> findManagerChainIds(Long personId);

    @Query("select p from Person p where p.active = true and lower(p.fullName) like lower(concat('%', ?1, '%'))"
            + " order by p.fullName, p.id")
    List<Person> findActiveByName(String text, org.springframework.data.domain.Pageable page);

    /**
     * Active people placed on a ladder and with a manager, in the given teams and at the given levels; a filter
     * flag of false means "any team" or "any level".
     */
    @Query("""
            select p from Person p
            where p.active = true and p.managerId is not null and p.levelKey is not null
              and (?1 = false or p.teamId in ?2)
              and (?3 = false or p.levelKey in ?4)
              and (?5 = false or function('in_reporting_line', ?6, p.id) = true)
            order by p.fullName, p.id""")
    List<Person> findActiveInScope(
            boolean byTeam,
            java.util.Collection<Long> teamIds,
            boolean byLevel,
            java.util.Collection<String> levelKeys,
            boolean byLine,
            long lineOf);
}
