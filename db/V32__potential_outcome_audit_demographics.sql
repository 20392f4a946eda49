-- Fair calibration (issue 16): potential rated in a session, the outcome audit's small-group rule, and self-reported
-- demographics that the organization may choose to record.

-- The organization's outcome audit settings. One row; admins change it.
create table outcome_audit_settings (
    id                    bigint       primary key check (id = 1),
    -- Any group with fewer people than this is suppressed in every breakdown and export.
    minimum_group_size    integer      not null default 5 check (minimum_group_size between 2 and 100),
    -- Off by default: people cannot enter demographics, and no breakdown by them exists, until an admin switches on.
    demographics_recorded boolean      not null default false,
    updated_at            timestamptz,
    updated_by            varchar(254),
    version               bigint       not null default 0
);
insert into outcome_audit_settings (id) values (1);

-- Potential (Low, Medium, High) is rated only in sessions that choose to.
alter table calibration_session add column potential_rated boolean not null default false;
alter table calibration_entry add column potential varchar(10) check (potential in ('LOW', 'MEDIUM', 'HIGH'));

-- Self-reported, optional: only the person writes their row. A null attribute is "not answered"; PREFER_NOT_TO_SAY
-- is an answer.
create table person_demographics (
    person_id       bigint       primary key references person (id) on delete cascade,
    gender          varchar(20)  check (gender in ('WOMAN', 'MAN', 'NON_BINARY', 'PREFER_NOT_TO_SAY')),
    ethnic_minority varchar(20)  check (ethnic_minority in ('YES', 'NO', 'PREFER_NOT_TO_SAY')),
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

-- The explicit permission to see breakdowns by demographic attributes: granted to an admin account by another admin.
create table demographics_access (
    user_id    bigint       primary key references app_user (id) on delete cascade,
    granted_by varchar(254) not null,
    granted_at timestamptz  not null
);
