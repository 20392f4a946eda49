-- Effective-dated level changes: the current level is read from the history as of today, in SQL, instead of being
-- copied onto the person when a change is recorded (a copy cannot follow a change that takes effect later).
-- A change dated in the future is scheduled; it can be cancelled until its date, and stays in the table as cancelled.
alter table level_assignment add column cancelled_at timestamptz;
alter table level_assignment add column cancelled_by varchar(254);
alter table level_assignment add column version bigint not null default 0;

-- The copies go; their indexes and the ladder/level check go with them.
alter table person drop column level_since;
alter table person drop column level_key;
alter table person drop column ladder_id;

-- Live history of a person, newest first: the current level is the first row with effective_date <= today.
drop index level_assignment_person_idx;
create index level_assignment_person_idx on level_assignment (person_id, effective_date desc, id desc)
    include (ladder_id, level_key) where cancelled_at is null;

-- A person's level on a day: the latest live change effective by then, and since when they have been at it without
-- a change to another level in between (a correction at the same level keeps the time in level). One row, or none
-- before the first change. A plain SQL function, so PostgreSQL inlines it into the queries that join it laterally.
create function person_level_on(p_person bigint, p_day date)
    returns table (ladder_id bigint, level_key varchar, level_since date)
    language sql stable
as $$
    select cur.ladder_id, cur.level_key,
           (select min(s.effective_date)
              from level_assignment s
             where s.person_id = p_person and s.cancelled_at is null and s.effective_date <= p_day
               and not exists (select 1
                                 from level_assignment d
                                where d.person_id = p_person and d.cancelled_at is null and d.effective_date <= p_day
                                  and (d.ladder_id <> s.ladder_id or d.level_key <> s.level_key)
                                  and (d.effective_date, d.id) > (s.effective_date, s.id)))
      from (select a.ladder_id, a.level_key
              from level_assignment a
             where a.person_id = p_person and a.cancelled_at is null and a.effective_date <= p_day
             order by a.effective_date desc, a.id desc
             limit 1) cur
$$;
