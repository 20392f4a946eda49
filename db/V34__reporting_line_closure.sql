-- Reporting lines as a closure table (docs/decisions/0024-reporting-line-scoping.md): one row per (manager above,
-- person below) pair at any depth, kept by a trigger on person. Queries scope to "the line of manager M" with an
-- index probe instead of walking the tree, and never carry the line's ids from Java.
create table reporting_line (
    ancestor_id bigint not null references person (id) on delete cascade,
    person_id   bigint not null references person (id) on delete cascade,
    depth       int    not null check (depth > 0),
    primary key (ancestor_id, person_id)
);
create index reporting_line_person_idx on reporting_line (person_id, ancestor_id);

-- Rewrites the rows of a person and of everyone below them from person.manager_id: the source of truth, so the
-- result depends only on the current tree (also when an import passes through an intermediate state). A move of a
-- whole subtree rewrites the subtree's rows; the depth bound keeps a transient cycle from running away.
create function reporting_line_rebuild(root bigint) returns void language sql as $$
    delete from reporting_line r
    using (with recursive sub(id, hops) as (
               select root, 0
               union all
               select p.id, s.hops + 1 from person p join sub s on p.manager_id = s.id where s.hops < 64
           ) select distinct id from sub) s
    where r.person_id = s.id;
    insert into reporting_line (ancestor_id, person_id, depth)
    with recursive sub(id, hops) as (
        select root, 0
        union all
        select p.id, s.hops + 1 from person p join sub s on p.manager_id = s.id where s.hops < 64
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

create function reporting_line_on_person() returns trigger language plpgsql as $$
begin
    perform reporting_line_rebuild(new.id);
    return null;
end;
$$;

create trigger person_reporting_line_insert after insert on person
    for each row when (new.manager_id is not null) execute function reporting_line_on_person();
create trigger person_reporting_line_move after update of manager_id on person
    for each row when (old.manager_id is distinct from new.manager_id) execute function reporting_line_on_person();
-- Deleting a person deletes their rows through the foreign keys (on delete cascade).

-- Everyone below a manager, direct and indirect. Inlined by the planner where used in FROM, so
-- "x in (select person_id from reporting_line_members(:m))" is an index range scan on the primary key.
create function reporting_line_members(manager bigint) returns table (person_id bigint)
    language sql stable as $$
    select r.person_id from reporting_line r where r.ancestor_id = manager
$$;

-- Whether a person is somewhere below a manager: one primary-key probe.
create function in_reporting_line(manager bigint, person bigint) returns boolean language sql stable as $$
    select exists (select 1 from reporting_line r where r.ancestor_id = manager and r.person_id = person)
$$;

-- Today's organization.
insert into reporting_line (ancestor_id, person_id, depth)
with recursive up(person_id, ancestor_id, depth) as (
    select id, manager_id, 1 from person where manager_id is not null
    union all
    select u.person_id, p.manager_id, u.depth + 1
    from up u join person p on p.id = u.ancestor_id
    where p.manager_id is not null and u.depth < 64
)
select ancestor_id, person_id, min(depth) from up where ancestor_id <> person_id group by ancestor_id, person_id;

-- The review inbox pages a line's submitted items, newest or oldest first.
create index evidence_item_owner_submitted_idx on evidence_item (owner_id, submitted_at) where status = 'SUBMITTED';
