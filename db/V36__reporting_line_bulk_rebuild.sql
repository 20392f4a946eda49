-- Bulk writers (the HRIS import, docs/decisions/0029-hris-import-at-scale.md) move or add tens of thousands of
-- people in one transaction. The row trigger of V34 then rebuilds a subtree per row: the same closure rows rewritten
-- again and again. Such a writer sets rungs.reporting_line_deferred to 'on' for its transaction (set_config(…, true)),
-- which makes the row trigger skip, and rebuilds the closure of everything it touched once, set-based, with
-- reporting_line_rebuild_many before it commits. Every other writer is unaffected: the setting is unset for them.
create or replace function reporting_line_on_person() returns trigger language plpgsql as $$
begin
    if current_setting('rungs.reporting_line_deferred', true) = 'on' then
        return null;
    end if;
    perform reporting_line_rebuild(new.id);
    return null;
end;
$$;

-- Rewrites the rows of the given people and of everyone below them, from person.manager_id (the source of truth),
-- in two statements whatever the number of roots. "union" (not "union all") visits each person once however many
-- roots are above them, and ends at a cycle; the depth bound of V34 applies to the walk up.
create function reporting_line_rebuild_many(roots bigint[]) returns void language sql as $$
    delete from reporting_line r
    using (with recursive sub(id) as (
               select unnest(roots)
               union
               select p.id from person p join sub s on p.manager_id = s.id
           ) select id from sub) s
    where r.person_id = s.id;
    insert into reporting_line (ancestor_id, person_id, depth)
    with recursive sub(id) as (
        select unnest(roots)
        union
        select p.id from person p join sub s on p.manager_id = s.id
    ),
    up(person_id, ancestor_id, depth) as (
        select p.id, p.manager_id, 1 from person p where p.id in (select id from sub) and p.manager_id is not null
        union all
        select u.person_id, p.manager_id, u.depth + 1
        from up u join person p on p.id = u.ancestor_id
        where p.manager_id is not null and u.depth < 64
    )
    select ancestor_id, person_id, min(depth) from up where ancestor_id <> person_id group by ancestor_id, person_id;
$$;
