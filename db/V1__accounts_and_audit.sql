-- Accounts and the append-only audit log.
create sequence app_user_seq start with 1 increment by 50;

create table app_user (
    id            bigint       primary key,
    username      varchar(254) not null,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    color_scheme  varchar(10)  not null default 'LIGHT' check (color_scheme in ('LIGHT', 'DARK')),
    person_id     bigint,
    created_at    timestamptz  not null default now(),
    last_login_at timestamptz,
    version       bigint       not null default 0
);
create unique index app_user_username_uk on app_user (lower(username));

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(20) not null check (role in ('ADMIN', 'MANAGER', 'ENGINEER')),
    primary key (user_id, role)
);

create sequence audit_event_seq start with 1 increment by 50;

create table audit_event (
    id           bigint       primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(254) not null,
    action       varchar(60)  not null,
    object_type  varchar(60),
    object_id    varchar(100),
    summary      varchar(1000) not null,
    before_state jsonb,
    after_state  jsonb
);
create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc);
create index audit_event_actor_idx on audit_event (lower(actor));
create index audit_event_action_idx on audit_event (action);
create index audit_event_object_idx on audit_event (object_type, object_id);

-- The audit log is append-only: the database itself refuses updates and deletes.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
