-- Promotion cases (nomination → packet → calibration → decision) and in-app notifications.
create sequence promotion_seq start with 1 increment by 50;

create table promotion_case (
    id                     bigint        primary key,
    engineer_id            bigint        not null references person (id),
    engineer_name          varchar(200)  not null,
    ladder_id              bigint        not null references ladder (id),
    current_level_key      varchar(40)   not null,
    target_level_key       varchar(40)   not null,
    cycle                  varchar(20)   not null,
    status                 varchar(20)   not null check (status in ('PROPOSED', 'DRAFT', 'SUBMITTED', 'IN_CALIBRATION',
                                                                    'APPROVED', 'NOT_YET', 'WITHDRAWN', 'DECLINED')),
    self_nominated         boolean       not null,
    nominated_by_person_id bigint        references person (id),
    nominated_by_name      varchar(200)  not null,
    justification          text          not null,
    -- Why a self-nomination was declined, why a case was withdrawn, or the "not yet" feedback.
    closing_note           text,
    effective_date         date,
    decided_at             timestamptz,
    decided_by             varchar(254),
    -- The packet as it entered calibration (JSON); the committee decides on exactly this.
    frozen_packet          jsonb,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                bigint        not null default 0,
    check (target_level_key <> current_level_key),
    check (status <> 'NOT_YET' or closing_note is not null),
    check (status <> 'DECLINED' or closing_note is not null),
    check (status <> 'APPROVED' or effective_date is not null)
);
-- One open case per engineer.
create unique index promotion_case_open_uk on promotion_case (engineer_id)
    where status in ('PROPOSED', 'DRAFT', 'SUBMITTED', 'IN_CALIBRATION');
create index promotion_case_engineer_idx on promotion_case (engineer_id, created_at desc);
create index promotion_case_status_idx on promotion_case (status, updated_at desc);
create index promotion_case_cycle_idx on promotion_case (cycle);

-- The manager's narrative per competency area of the target level.
create table promotion_narrative (
    id          bigint       primary key,
    case_id     bigint       not null references promotion_case (id) on delete cascade,
    area_key    varchar(80)  not null,
    body        text         not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(254) not null,
    unique (case_id, area_key)
);

-- Competencies of the target level the manager marks as not (yet) met, with the explanation.
create table promotion_not_met (
    id              bigint       primary key,
    case_id         bigint       not null references promotion_case (id) on delete cascade,
    competency_key  varchar(80)  not null,
    explanation     text         not null,
    marked_at       timestamptz  not null,
    marked_by       varchar(254) not null,
    unique (case_id, competency_key)
);

-- Reviewers chosen by the manager or an admin, with their sign-off.
create table promotion_reviewer (
    id               bigint       primary key,
    case_id          bigint       not null references promotion_case (id) on delete cascade,
    person_id        bigint       not null references person (id),
    person_name      varchar(200) not null,
    added_at         timestamptz  not null,
    added_by         varchar(254) not null,
    sign_off         varchar(10)  check (sign_off in ('APPROVE', 'CONCERNS')),
    sign_off_comment text,
    signed_at        timestamptz,
    unique (case_id, person_id)
);
create index promotion_reviewer_person_idx on promotion_reviewer (person_id);

-- The timeline: every status change with who made it and why.
create table promotion_event (
    id           bigint       primary key,
    case_id      bigint       not null references promotion_case (id) on delete cascade,
    action       varchar(30)  not null,
    from_status  varchar(20),
    to_status    varchar(20)  not null,
    actor_name   varchar(254) not null,
    note         text,
    occurred_at  timestamptz  not null
);
create index promotion_event_case_idx on promotion_event (case_id, occurred_at, id);

-- Comments; COMMITTEE_NOTE entries are never shown to the engineer of the case.
create table promotion_comment (
    id               bigint       primary key,
    case_id          bigint       not null references promotion_case (id) on delete cascade,
    kind             varchar(20)  not null check (kind in ('COMMENT', 'COMMITTEE_NOTE')),
    author_person_id bigint       references person (id),
    author_name      varchar(200) not null,
    body             text         not null,
    created_at       timestamptz  not null
);
create index promotion_comment_case_idx on promotion_comment (case_id, created_at, id);

-- In-app notifications of a person.
create sequence notification_seq start with 1 increment by 50;

create table notification (
    id          bigint        primary key,
    person_id   bigint        not null references person (id),
    title       varchar(200)  not null,
    body        varchar(2000),
    link        varchar(500),
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index notification_person_idx on notification (person_id, created_at desc, id desc);
create index notification_unread_idx on notification (person_id) where read_at is null;
