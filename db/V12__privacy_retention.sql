-- Privacy: how long each kind of personal data is kept, and what the retention job did.
create sequence retention_seq start with 1 increment by 50;

-- One row per kind of data; keep_for null means "keep forever". The unit (days or months) belongs to the kind.
create table retention_policy (
    kind        varchar(40)  primary key,
    keep_for    int          check (keep_for is null or keep_for >= 1),
    updated_at  timestamptz,
    updated_by  varchar(254),
    version     bigint       not null default 0
);

insert into retention_policy (kind, keep_for) values
    ('READ_NOTIFICATIONS', 180),
    ('CALIBRATION_PRESENCE', 1),
    ('ATTACHMENTS_OF_LEFT_PEOPLE', 12),
    ('LEFT_PEOPLE', 24);

-- Each run of the retention job (scheduled or "Run now") with the result per kind.
create table retention_run (
    id            bigint       primary key,
    started_at    timestamptz  not null,
    finished_at   timestamptz  not null,
    triggered_by  varchar(254) not null
);
create index retention_run_started_idx on retention_run (started_at desc, id desc);

create table retention_run_result (
    run_id    bigint       not null references retention_run (id) on delete cascade,
    position  int          not null,
    kind      varchar(40)  not null,
    affected  int          not null,
    note      varchar(1000) not null,
    flagged   boolean      not null,
    primary key (run_id, position)
);
