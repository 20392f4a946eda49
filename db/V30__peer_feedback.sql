-- Peer feedback (issue 15): a request about one engineer (the subject) asks named peers for feedback on chosen
-- competencies, one evidence item or one promotion case, by a deadline. Each peer answers once (per topic, with
-- examples) or declines with a reason. Who reads the answers is decided in the feedback service; the engineer's own
-- view follows the organization's choice in feedback_settings.

create sequence feedback_seq start with 1 increment by 50;

create table feedback_request (
    id            bigint        primary key,
    subject_id    bigint        not null references person (id) on delete cascade,
    requester_id  bigint        not null references person (id) on delete cascade,
    -- COMPETENCIES: topics are competencies of the subject's path; EVIDENCE/CASE: one topic about the item or case.
    scope         varchar(15)   not null check (scope in ('COMPETENCIES', 'EVIDENCE', 'CASE')),
    evidence_id   bigint,
    case_id       bigint,
    -- The topics peers answer, in order: competency keys (or OVERALL) and the names shown with them.
    topic_keys    varchar(100)[] not null,
    topic_names   varchar(300)[] not null,
    cycle         varchar(20),
    deadline      timestamptz   not null,
    message       varchar(2000),
    created_at    timestamptz   not null,
    version       bigint        not null default 0,
    check ((scope = 'EVIDENCE') = (evidence_id is not null)),
    check ((scope = 'CASE') = (case_id is not null)),
    check (cardinality(topic_keys) between 1 and 30 and cardinality(topic_keys) = cardinality(topic_names))
);
create index feedback_request_subject_idx on feedback_request (subject_id, created_at desc);
create index feedback_request_requester_idx on feedback_request (requester_id, created_at desc);
create index feedback_request_cycle_idx on feedback_request (cycle, subject_id) where cycle is not null;

-- One peer asked in one request. Answers are final once submitted (see decision 0020).
create table feedback_ask (
    id              bigint        primary key,
    request_id      bigint        not null references feedback_request (id) on delete cascade,
    peer_id         bigint        not null references person (id) on delete cascade,
    status          varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'ANSWERED', 'DECLINED')),
    decline_reason  varchar(1000),
    responded_at    timestamptz,
    version         bigint        not null default 0,
    unique (request_id, peer_id),
    check ((status = 'PENDING') = (responded_at is null)),
    check ((status = 'DECLINED') = (decline_reason is not null))
);
create index feedback_ask_peer_idx on feedback_ask (peer_id, status);

-- A peer's answer on one topic: a rating (optional) and the examples behind it, with links they know.
create table feedback_answer (
    id             bigint        primary key,
    ask_id         bigint        not null references feedback_ask (id) on delete cascade,
    topic_key      varchar(100)  not null,
    rating         varchar(10)   check (rating in ('NOT_YET', 'GROWING', 'MEETS', 'EXCEEDS')),
    examples       varchar(4000) not null,
    links          varchar(500)[] not null default '{}',
    unique (ask_id, topic_key)
);

-- What the engineer reads of feedback about themselves: ATTRIBUTED, ANONYMIZED (only from 3 answers) or HIDDEN.
create table feedback_settings (
    id                  bigint       primary key check (id = 1),
    engineer_visibility varchar(12)  not null check (engineer_visibility in ('ATTRIBUTED', 'ANONYMIZED', 'HIDDEN')),
    updated_at          timestamptz,
    updated_by          varchar(200),
    version             bigint       not null default 0
);
insert into feedback_settings (id, engineer_visibility) values (1, 'ANONYMIZED');
