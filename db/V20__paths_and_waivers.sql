-- A person's path on their ladder, and "not applicable to this person" waivers of single competencies.

-- The track a person is on or, on a shared level before a fork, the branch they aim for; null = the shared line.
alter table person add column track_key varchar(40);

-- A competency that does not apply to one person, with the reason. Engineers request one and their manager decides;
-- a manager may also mark it directly (then it is approved at once). Approved waivers leave the readiness rule.
create table competency_waiver (
    id               bigint        primary key,
    person_id        bigint        not null references person (id),
    ladder_id        bigint        not null references ladder (id),
    competency_key   varchar(80)   not null,
    reason           varchar(2000) not null,
    status           varchar(16)   not null check (status in ('REQUESTED', 'APPROVED', 'DECLINED')),
    requested_by     varchar(254)  not null,
    requested_at     timestamptz   not null,
    decided_by       varchar(254),
    decided_at       timestamptz,
    decision_comment varchar(2000),
    version          bigint        not null default 0,
    check ((status = 'REQUESTED') = (decided_at is null))
);
-- At most one open or approved waiver per person and competency; declined ones stay as history.
create unique index competency_waiver_open_uk on competency_waiver (person_id, ladder_id, competency_key)
    where status in ('REQUESTED', 'APPROVED');
create index competency_waiver_person_idx on competency_waiver (person_id);
create index competency_waiver_requested_idx on competency_waiver (status) where status = 'REQUESTED';
