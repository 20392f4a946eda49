-- Issue 12: tracks (branches of a ladder), applicability of competencies, electives per level and the
-- readiness rule of a ladder version. Existing ladders keep their meaning: no tracks (one shared line),
-- every competency core with weight 1, no electives, and the default rule.
create table ladder_track (
    id                   bigint       primary key,
    ladder_version_id    bigint       not null references ladder_version (id) on delete cascade,
    track_key            varchar(40)  not null,
    name                 varchar(200) not null,
    description          text,
    forks_from_level_key varchar(40),
    position             int          not null,
    unique (ladder_version_id, track_key)
);
create index ladder_track_version_idx on ladder_track (ladder_version_id, position);

-- null = a shared level every track passes through
alter table ladder_level add column track_key varchar(40);
alter table ladder_level add column electives_required int not null default 0 check (electives_required >= 0);

alter table competency add column applicability varchar(12) not null default 'CORE'
    check (applicability in ('CORE', 'TRACK', 'ELECTIVE'));
alter table competency add column weight int not null default 1 check (weight between 1 and 5);

alter table ladder_version add column rule_current_core boolean not null default true;
alter table ladder_version add column rule_target_percent int not null default 60
    check (rule_target_percent between 0 and 100);
alter table ladder_version add column rule_weighted boolean not null default false;
