-- Promotion evidence: items engineers log against competencies, their review, revisions, comments and attachments.
create sequence evidence_seq start with 1 increment by 50;

create table evidence_item (
    id              bigint        primary key,
    owner_id        bigint        not null references person (id),
    ladder_id       bigint        not null references ladder (id),
    type            varchar(30)   not null check (type in ('INCIDENT_POSTMORTEM', 'PUBLICATION', 'DESIGN_DOCUMENT',
                                                          'OPEN_SOURCE', 'STANDARDS', 'TALK', 'MENTORING',
                                                          'CERTIFICATION', 'DEGREE', 'OTHER')),
    title           varchar(200)  not null,
    occurred_on     date          not null,
    description     text,
    impact          text,
    level_key       varchar(40)   not null,
    competency_keys varchar(80)[] not null check (cardinality(competency_keys) >= 1),
    links           text[]        not null default '{}',
    -- Type-specific fields (incident id, DOI, credential id, ...), validated by EvidenceFields in the service.
    details         jsonb         not null default '{}',
    status          varchar(16)   not null check (status in ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'RETURNED')),
    revision        int           not null default 1,
    submitted_at    timestamptz,
    reviewed_at     timestamptz,
    reviewed_by     varchar(200),
    review_comment  text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index evidence_item_owner_idx on evidence_item (owner_id, occurred_on desc, id desc);
create index evidence_item_submitted_idx on evidence_item (status, submitted_at) where status = 'SUBMITTED';
create index evidence_item_competencies_idx on evidence_item using gin (competency_keys);

-- Full snapshots of acknowledged content that was edited afterwards: the acknowledged revision stays readable.
create table evidence_revision (
    id           bigint       primary key,
    evidence_id  bigint       not null references evidence_item (id) on delete cascade,
    revision     int          not null,
    status       varchar(16)  not null,
    snapshot     jsonb        not null,
    recorded_at  timestamptz  not null,
    recorded_by  varchar(254) not null,
    unique (evidence_id, revision)
);

-- The conversation between engineer and manager, including return reasons.
create table evidence_comment (
    id               bigint       primary key,
    evidence_id      bigint       not null references evidence_item (id) on delete cascade,
    kind             varchar(16)  not null check (kind in ('COMMENT', 'SUBMITTED', 'ACKNOWLEDGED', 'RETURNED')),
    author_person_id bigint       references person (id),
    author_name      varchar(200) not null,
    body             text,
    created_at       timestamptz  not null
);
create index evidence_comment_item_idx on evidence_comment (evidence_id, created_at, id);

-- Attachment metadata; the bytes live in a separate table and are read only on download.
create table evidence_attachment (
    id           bigint       primary key,
    evidence_id  bigint       not null references evidence_item (id) on delete cascade,
    file_name    varchar(255) not null,
    media_type   varchar(100) not null,
    size_bytes   bigint       not null check (size_bytes > 0 and size_bytes <= 10485760),
    uploaded_at  timestamptz  not null,
    uploaded_by  varchar(254) not null
);
create index evidence_attachment_item_idx on evidence_attachment (evidence_id, id);

create table evidence_attachment_content (
    attachment_id bigint primary key references evidence_attachment (id) on delete cascade,
    content       bytea  not null
);
