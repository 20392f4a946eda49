-- Review cycles: the windows and deadlines of one round of self-assessment, peer feedback, manager assessment,
-- promotion nominations and calibration. Other tables keep referring to a cycle by its label (promotion_case.cycle,
-- calibration_session.cycle), without a foreign key: older data and imports use labels no cycle was opened for.
create sequence review_cycle_seq start with 1 increment by 50;

create table review_cycle (
    id                       bigint       primary key,
    label                    varchar(20)  not null,
    status                   varchar(10)  not null check (status in ('OPEN', 'CLOSED')),
    self_assessment_opens    date         not null,
    self_assessment_due      date         not null,
    peer_feedback_opens      date         not null,
    peer_feedback_due        date         not null,
    manager_assessment_opens date         not null,
    manager_assessment_due   date         not null,
    nomination_opens         date         not null,
    nomination_due           date         not null,
    calibration_opens        date         not null,
    calibration_due          date         not null,
    created_at               timestamptz  not null,
    created_by               varchar(254) not null,
    closed_at                timestamptz,
    closed_by                varchar(254),
    version                  bigint       not null default 0,
    check (self_assessment_opens <= self_assessment_due and peer_feedback_opens <= peer_feedback_due
        and manager_assessment_opens <= manager_assessment_due and nomination_opens <= nomination_due
        and calibration_opens <= calibration_due),
    check (status <> 'CLOSED' or closed_at is not null)
);
create unique index review_cycle_label_uk on review_cycle (lower(label));
create index review_cycle_status_idx on review_cycle (status, self_assessment_opens desc);

-- Growth plans: an engineer's goals towards their next level, each tied to one competency of that level.
create sequence growth_seq start with 1 increment by 50;

create table growth_goal (
    id              bigint       primary key,
    person_id       bigint       not null references person (id),
    ladder_id       bigint       not null references ladder (id),
    level_key       varchar(40)  not null,
    competency_key  varchar(80)  not null,
    competency_name varchar(200) not null,
    title           varchar(200) not null,
    target_date     date         not null,
    status          varchar(10)  not null check (status in ('OPEN', 'DONE', 'DROPPED')),
    created_at      timestamptz  not null,
    created_by      varchar(254) not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index growth_goal_person_idx on growth_goal (person_id, status, target_date);

-- Progress notes (the engineer's or a manager's) and manager comments, oldest first.
create table growth_note (
    id               bigint       primary key,
    goal_id          bigint       not null references growth_goal (id) on delete cascade,
    kind             varchar(10)  not null check (kind in ('PROGRESS', 'COMMENT')),
    body             text         not null check (length(body) between 1 and 4000),
    author_person_id bigint       references person (id),
    author_name      varchar(200) not null,
    created_at       timestamptz  not null
);
create index growth_note_goal_idx on growth_note (goal_id, created_at);

-- The person's own evidence items a goal points to.
create table growth_goal_evidence (
    goal_id     bigint not null references growth_goal (id) on delete cascade,
    evidence_id bigint not null references evidence_item (id) on delete cascade,
    primary key (goal_id, evidence_id)
);
create index growth_goal_evidence_item_idx on growth_goal_evidence (evidence_id);
