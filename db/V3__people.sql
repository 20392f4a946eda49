-- People, teams, reporting lines and level history.
create sequence people_seq start with 1 increment by 50;

create table team (
    id             bigint       primary key,
    name           varchar(200) not null,
    parent_id      bigint       references team (id),
    lead_person_id bigint,
    version        bigint       not null default 0
);
create unique index team_name_uk on team (lower(name));

create table person (
    id                 bigint       primary key,
    full_name          varchar(200) not null,
    email              varchar(254) not null,
    job_title          varchar(200),
    team_id            bigint       references team (id),
    manager_id         bigint       references person (id),
    ladder_id          bigint       references ladder (id),
    level_key          varchar(40),
    level_since        date,
    specialization     varchar(40),
    scope_axis         varchar(20),
    focus_axis         varchar(20),
    community_axis     varchar(30),
    start_date         date,
    active             boolean      not null default true,
    left_date          date,
    version            bigint       not null default 0,
    check (manager_id is null or manager_id <> id),
    check ((ladder_id is null) = (level_key is null))
);
create unique index person_email_uk on person (lower(email));
create index person_manager_idx on person (manager_id);
create index person_team_idx on person (team_id);
create index person_level_idx on person (ladder_id, level_key);
create index person_name_idx on person (lower(full_name));

alter table team add constraint team_lead_fk foreign key (lead_person_id) references person (id);
alter table app_user add constraint app_user_person_fk foreign key (person_id) references person (id);
create unique index app_user_person_uk on app_user (person_id) where person_id is not null;

create table level_assignment (
    id                bigint       primary key,
    person_id         bigint       not null references person (id),
    ladder_id         bigint       not null references ladder (id),
    level_key         varchar(40)  not null,
    effective_date    date         not null,
    reason            varchar(20)  not null check (reason in ('HIRE', 'PROMOTION', 'CORRECTION', 'LADDER_MIGRATION')),
    decided_by        varchar(254) not null,
    promotion_case_id bigint,
    note              varchar(1000),
    recorded_at       timestamptz  not null default now()
);
create index level_assignment_person_idx on level_assignment (person_id, effective_date desc, id desc);
