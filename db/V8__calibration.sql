-- Calibration sessions: managers rate the engineers of a scope together, decide promotions, and publish the outcome.
create sequence calibration_seq start with 1 increment by 50;

create table calibration_session (
    id                    bigint        primary key,
    name                  varchar(200)  not null,
    cycle                 varchar(20)   not null,
    status                varchar(20)   not null check (status in ('PREPARING', 'IN_SESSION', 'LOCKED', 'PUBLISHED')),
    -- The rating scale, lowest first, e.g. {Below, Meets, Exceeds, Greatly exceeds}.
    rating_scale          varchar(40)[] not null check (cardinality(rating_scale) between 2 and 7),
    -- The scope the engineers were pulled in by (empty: not filtered by it).
    scope_team_ids        bigint[]      not null default '{}',
    scope_team_names      varchar(200)[] not null default '{}',
    scope_level_keys      varchar(40)[] not null default '{}',
    facilitator_username  varchar(254)  not null,
    facilitator_name      varchar(200)  not null,
    facilitator_person_id bigint        references person (id),
    created_at            timestamptz   not null,
    started_at            timestamptz,
    locked_at             timestamptz,
    published_at          timestamptz,
    published_by          varchar(254),
    effective_date        date,
    version               bigint        not null default 0,
    check (status <> 'PUBLISHED' or (published_at is not null and effective_date is not null))
);
create index calibration_session_created_idx on calibration_session (created_at desc, id desc);
create index calibration_session_facilitator_idx on calibration_session (lower(facilitator_username));

-- The managers taking part (the managers of the engineers in scope, plus the ones chosen).
create table calibration_participant (
    id          bigint       primary key,
    session_id  bigint       not null references calibration_session (id) on delete cascade,
    person_id   bigint       not null references person (id),
    person_name varchar(200) not null,
    unique (session_id, person_id)
);
create index calibration_participant_person_idx on calibration_participant (person_id);

-- One engineer of a session, with their level as it was when the session was created.
create table calibration_entry (
    id                 bigint       primary key,
    session_id         bigint       not null references calibration_session (id) on delete cascade,
    person_id          bigint       not null references person (id),
    person_name        varchar(200) not null,
    team_id            bigint,
    team_name          varchar(200),
    manager_id         bigint       references person (id),
    manager_name       varchar(200),
    ladder_id          bigint       not null references ladder (id),
    level_key          varchar(40)  not null,
    level_since        date,
    -- The engineer's promotion case of the session's cycle, if any.
    case_id            bigint       references promotion_case (id),
    case_target_level  varchar(40),
    proposed_rating    varchar(40),
    proposal_rationale text,
    proposed_by        varchar(200),
    proposed_at        timestamptz,
    final_rating       varchar(40),
    decision           varchar(10)  check (decision in ('PROMOTE', 'NOT_YET', 'NO_CASE')),
    -- Shown to the engineer with a "not yet" decision; notes are never shown to the engineer.
    feedback           text,
    notes              text,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    unique (session_id, person_id),
    check (proposed_rating is null or proposal_rationale is not null),
    check (decision <> 'NO_CASE' or case_id is null)
);
create index calibration_entry_person_idx on calibration_entry (person_id);

-- Every change of an entry: who, when, which field, from and to.
create table calibration_change (
    id             bigint       primary key,
    entry_id       bigint       not null references calibration_entry (id) on delete cascade,
    session_id     bigint       not null references calibration_session (id) on delete cascade,
    -- The entry version this change produced; a stale editor is told which changes it missed.
    entry_version  bigint       not null,
    field          varchar(20)  not null,
    from_value     text,
    to_value       text,
    actor_username varchar(254) not null,
    actor_name     varchar(200) not null,
    changed_at     timestamptz  not null
);
create index calibration_change_entry_idx on calibration_change (entry_id, entry_version desc, id desc);

-- Who has a session's board open: one row per open board, kept alive by a heartbeat. Shared by all instances.
create table calibration_presence (
    viewer_id    varchar(40)  primary key,
    session_id   bigint       not null references calibration_session (id) on delete cascade,
    username     varchar(254) not null,
    display_name varchar(200) not null,
    last_seen    timestamptz  not null
);
create index calibration_presence_session_idx on calibration_presence (session_id, last_seen);
