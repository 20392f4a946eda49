-- Tamper-evident audit log and GDPR erasure (docs/decisions/0009-audit-hash-chain.md).
--
-- Every audit event is SHA-256 hash-chained to the event committed before it. The chain hashes a separate
-- personal_data_hash of the personal-data columns (actor, summary, before/after state) instead of the columns
-- themselves, so erasing a person can pseudonymize those columns (marking the row redacted) and the chain stays valid.

alter table audit_event
    add column chain_seq          bigint,
    add column prev_hash          char(64),
    add column personal_data_hash char(64),
    add column row_hash           char(64),
    add column redacted           boolean not null default false,
    -- The PERSON_ERASED event that redacted this row; every redaction is itself audited.
    add column redaction_event_id bigint;

-- The canonical serialization: each field as '-' when null, else <UTF-8 byte length>:<value>, concatenated.
create function audit_canonical(parts text[]) returns text language sql immutable as $$
    select string_agg(case when p is null then '-' else octet_length(p)::text || ':' || p end, '' order by i)
    from unnest(parts) with ordinality as t(p, i)
$$;

create function audit_sha256(parts text[]) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(audit_canonical(parts), 'UTF8')), 'hex')
$$;

create function audit_personal_data_hash(actor text, summary text, before_state jsonb, after_state jsonb)
    returns char(64) language sql immutable as $$
    select audit_sha256(array['rungs-audit-personal-v1', actor, summary, before_state::text, after_state::text])
$$;

create function audit_row_hash(chain_seq bigint, prev_hash text, id bigint, occurred_at timestamptz, action text,
                               object_type text, object_id text, personal_data_hash text)
    returns char(64) language sql immutable as $$
    select audit_sha256(array['rungs-audit-v1', chain_seq::text, prev_hash, id::text,
                              to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                              action, object_type, object_id, personal_data_hash])
$$;

-- The end of the chain. Its row lock, taken by every insert and held until commit, makes chain order commit order.
create table audit_chain_head (
    id        int      primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);

-- Chain the events already recorded, oldest first.
alter table audit_event disable trigger audit_event_no_change;
do $$
declare
    r    record;
    prev char(64) := repeat('0', 64);
    n    bigint := 0;
    pd   char(64);
begin
    for r in select * from audit_event order by occurred_at, id loop
        n := n + 1;
        pd := audit_personal_data_hash(r.actor, r.summary, r.before_state, r.after_state);
        update audit_event
           set chain_seq = n,
               prev_hash = prev,
               personal_data_hash = pd,
               row_hash = audit_row_hash(n, prev, r.id, r.occurred_at, r.action, r.object_type, r.object_id, pd)
         where id = r.id
        returning row_hash into prev;
    end loop;
    insert into audit_chain_head (id, last_seq, last_hash) values (1, n, prev);
end;
$$;
alter table audit_event enable trigger audit_event_no_change;

alter table audit_event
    alter column chain_seq set not null,
    alter column prev_hash set not null,
    alter column personal_data_hash set not null,
    alter column row_hash set not null;
create unique index audit_event_chain_uk on audit_event (chain_seq);

-- Every insert is chained in its own transaction, whatever it says about its hashes.
create function audit_event_chain() returns trigger language plpgsql as $$
declare
    head audit_chain_head%rowtype;
begin
    select * into strict head from audit_chain_head where id = 1 for update;
    new.chain_seq := head.last_seq + 1;
    new.prev_hash := head.last_hash;
    new.redacted := false;
    new.redaction_event_id := null;
    new.personal_data_hash := audit_personal_data_hash(new.actor, new.summary, new.before_state, new.after_state);
    new.row_hash := audit_row_hash(new.chain_seq, new.prev_hash, new.id, new.occurred_at, new.action,
                                   new.object_type, new.object_id, new.personal_data_hash);
    update audit_chain_head set last_seq = new.chain_seq, last_hash = new.row_hash where id = 1;
    return new;
end;
$$;
create trigger audit_event_chain before insert on audit_event
    for each row execute function audit_event_chain();

-- Still append-only, except for exactly one update: an erasure pseudonymizing the personal-data columns of a row,
-- which marks it redacted by an existing PERSON_ERASED event and leaves every chained column as it was. A redacted
-- row may be redacted again by a later erasure (an event naming two people who both left); it never becomes
-- unredacted, because its personal data no longer matches personal_data_hash.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_event is append-only (% refused)', tg_op;
    end if;
    if new.redacted
       and new.redaction_event_id is not null
       and new.id = old.id
       and new.occurred_at = old.occurred_at
       and new.action = old.action
       and new.object_type is not distinct from old.object_type
       and new.object_id is not distinct from old.object_id
       and new.chain_seq = old.chain_seq
       and new.prev_hash = old.prev_hash
       and new.personal_data_hash = old.personal_data_hash
       and new.row_hash = old.row_hash
       and exists (select 1 from audit_event e
                    where e.id = new.redaction_event_id and e.action = 'PERSON_ERASED' and e.id <> new.id) then
        return new;
    end if;
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;

create function audit_chain_head_guard() returns trigger language plpgsql as $$
begin
    raise exception 'audit_chain_head only moves forward with an audit event (% refused)', tg_op;
end;
$$;
create trigger audit_chain_head_no_delete before delete on audit_chain_head
    for each row execute function audit_chain_head_guard();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_chain_head_guard();

-- Results of chain verifications (scheduled, at start-up, on demand). The head of an intact check is an anchor:
-- later verifications compare the chain against it, so a recomputed (rewritten) chain is caught too.
create sequence audit_chain_check_seq start with 1 increment by 50;
create table audit_chain_check (
    id              bigint        primary key,
    checked_at      timestamptz   not null,
    trigger_kind    varchar(20)   not null check (trigger_kind in ('MANUAL', 'SCHEDULED', 'STARTUP')),
    checked_by      varchar(254)  not null,
    intact          boolean       not null,
    events          bigint        not null,
    redacted_events bigint        not null,
    head_seq        bigint,
    head_hash       char(64),
    broken_event_id bigint,
    broken_seq      bigint,
    problem         varchar(30),
    detail          varchar(1000),
    duration_ms     bigint        not null
);
create index audit_chain_check_time_idx on audit_chain_check (checked_at desc, id desc);

-- People whose personal data was erased keep a pseudonymous row (level history, aggregates).
alter table person add column erased_at timestamptz;
