package app.rungs.support;

/** Compares the reporting-line closure table with the tree it is derived from. */
public final class ClosureCheck {

    /** Rows of the closure that the tree does not have, plus rows of the tree the closure lacks: 0 when they agree. */
    public static final String DIFFERENCE = """
            with recursive up(person_id, ancestor_id, depth) as (
                select id, manager_id, 1 from person where manager_id is not null
                union all
                select u.person_id, p.manager_id, u.depth + 1 from up u join person p on p.id = u.ancestor_id
                where p.manager_id is not null and u.depth < 64
            ), tree as (select ancestor_id, person_id, min(depth) as depth from up group by ancestor_id, person_id)
            select (select count(*) from (select ancestor_id, person_id, depth from reporting_line
                                          except select ancestor_id, person_id, depth from tree) a)
                 + (select count(*) from (select ancestor_id, person_id, depth from tree
                                          except select ancestor_id, person_id, depth from reporting_line) b)
            """;

    private ClosureCheck() {}
}
