-- SCIM 2.0 provisioning (issue 17): bearer tokens for identity providers, the safety valve for mass deactivations,
-- and the identity provider's own identifiers of the people it provisions.
create sequence scim_seq start with 1 increment by 50;

-- A token is shown once when created; only its SHA-256 is kept (it is a 256-bit random secret, so a slow hash adds
-- nothing). Revoked tokens stay for the record.
create table scim_token (
    id           bigint       primary key,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    created_at   timestamptz  not null,
    created_by   varchar(254) not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(254),
    version      bigint       not null default 0
);

create unique index scim_token_active_name on scim_token (lower(name)) where revoked_at is null;

-- How many deactivations a sync may apply before the rest are held for an admin. One row; admins change it.
create table scim_settings (
    id                bigint       primary key check (id = 1),
    max_share_percent integer      not null default 10 check (max_share_percent between 1 and 100),
    max_per_hour      integer      not null default 25 check (max_per_hour between 1 and 100000),
    updated_at        timestamptz,
    updated_by        varchar(254),
    version           bigint       not null default 0
);

insert into scim_settings (id) values (1);

-- Every deactivation asked for through SCIM: applied at once, or held until an admin confirms or rejects it.
create table scim_deactivation (
    id           bigint        primary key,
    person_id    bigint        not null references person (id),
    status       varchar(20)   not null check (status in ('APPLIED', 'HELD', 'CONFIRMED', 'REJECTED')),
    token_name   varchar(100)  not null,
    requested_at timestamptz   not null,
    decided_at   timestamptz,
    decided_by   varchar(254),
    version      bigint        not null default 0
);

create index scim_deactivation_recent on scim_deactivation (status, requested_at);
create unique index scim_deactivation_one_held on scim_deactivation (person_id) where status = 'HELD';

-- The identity provider's identifiers of a person (people feature): its externalId and the employee number.
create table provisioned_person (
    person_id       bigint       primary key references person (id),
    external_id     varchar(254),
    employee_number varchar(100),
    version         bigint       not null default 0
);

create unique index provisioned_person_external_id on provisioned_person (external_id) where external_id is not null;
