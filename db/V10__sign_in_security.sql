-- Failed sign-in counters, shared by every instance through the database (not JVM memory): per account, per source
-- address, and per address+account pair (the pair only aggregates audit events). Rows are forgotten once their
-- window has passed without failures.
create table login_throttle (
    kind            varchar(10)  not null check (kind in ('ACCOUNT', 'ADDRESS', 'PAIR')),
    subject         varchar(320) not null,
    failures        integer      not null,
    window_start    timestamptz  not null,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz,
    primary key (kind, subject)
);
create index login_throttle_last_failure_idx on login_throttle (last_failure_at);

-- Optional TOTP second factor (RFC 6238): the base32 secret once confirmed, and the last time step used, so a code
-- cannot be replayed.
alter table app_user add column totp_secret varchar(64);
alter table app_user add column totp_last_step bigint;
