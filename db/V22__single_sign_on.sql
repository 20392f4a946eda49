-- Single sign-on (OIDC): which claim carries the user's groups, how claim values map to Rungs roles, and which
-- provider identity (issuer + subject) each account signed in with, so a later change of email at the provider
-- still reaches the same account and one account cannot be taken over by a second identity with the same email.
create table sso_settings (
    id          bigint       primary key check (id = 1),
    role_claim  varchar(100) not null default 'groups',
    updated_at  timestamptz,
    updated_by  varchar(254),
    version     bigint       not null default 0
);
insert into sso_settings (id) values (1);

create sequence sso_role_mapping_seq start with 1 increment by 50;
create table sso_role_mapping (
    id          bigint       primary key,
    claim_value varchar(200) not null,
    role        varchar(20)  not null check (role in ('ADMIN', 'MANAGER', 'ENGINEER')),
    created_at  timestamptz  not null,
    created_by  varchar(254) not null,
    version     bigint       not null default 0,
    unique (claim_value, role)
);

create table sso_link (
    account_id        bigint        primary key references app_user (id) on delete cascade,
    issuer            varchar(500)  not null,
    subject           varchar(255)  not null,
    linked_at         timestamptz   not null,
    last_sign_in_at   timestamptz   not null,
    version           bigint        not null default 0,
    unique (issuer, subject)
);
