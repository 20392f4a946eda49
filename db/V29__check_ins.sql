-- Check-ins (issue 15): the engineer and their manager rate each competency of the engineer's next level blind,
-- compare, and agree an outcome per competency; the agreed check-in is frozen against the ladder version it used.

create sequence check_in_seq start with 1 increment by 50;

create table check_in (
    id                  bigint        primary key default nextval('check_in_seq'),
    engineer_id         bigint        not null references person (id) on delete cascade,
    manager_id          bigint        not null references person (id) on delete cascade,
    started_by          varchar(200)  not null,
    cycle               varchar(20),
    -- The ladder version the competencies were taken from; the items below are its snapshot.
    ladder_id           bigint        not null,
    ladder_name         varchar(200)  not null,
    ladder_version_id   bigint        not null,
    ladder_version      integer       not null,
    level_key           varchar(40)   not null,
    target_level_key    varchar(40)   not null,
    due_at              timestamptz,
    engineer_submitted_at timestamptz,
    manager_submitted_at  timestamptz,
    agreed_at           timestamptz,
    agreed_by           varchar(200),
    agreement_note      varchar(2000),
    acknowledged_at     timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0,
    check (engineer_id <> manager_id)
);
create index check_in_engineer_idx on check_in (engineer_id, created_at desc);
create index check_in_manager_idx on check_in (manager_id, created_at desc);

-- The competencies rated, as the ladder version stated them, and the outcome agreed for each.
create table check_in_item (
    id               bigint        primary key default nextval('check_in_seq'),
    check_in_id      bigint        not null references check_in (id) on delete cascade,
    position         integer       not null,
    competency_key   varchar(80)   not null,
    competency_name  varchar(200)  not null,
    area_name        varchar(200)  not null,
    statement        varchar(4000) not null,
    outcome          varchar(10)   check (outcome in ('NOT_YET', 'GROWING', 'MEETS', 'EXCEEDS')),
    outcome_note     varchar(2000),
    unique (check_in_id, competency_key)
);
create index check_in_item_competency_idx on check_in_item (competency_key);

-- One side's ratings (ENGINEER or MANAGER): a draft until the side is submitted (check_in.*_submitted_at). ratings is a JSON object keyed by
-- competency key: {"rating": "MEETS", "note": "...", "evidenceIds": [1, 2]}.
create table check_in_side (
    id            bigint        primary key default nextval('check_in_seq'),
    check_in_id   bigint        not null references check_in (id) on delete cascade,
    side          varchar(10)   not null check (side in ('ENGINEER', 'MANAGER')),
    ratings       jsonb         not null default '{}',
    updated_at    timestamptz   not null,
    version       bigint        not null default 0,
    unique (check_in_id, side)
);
