-- Email as a second channel of notifications (issue 15): an outbox written in the transaction of the action it
-- announces and sent by a scheduled dispatcher, per-person email preferences, and deadline reminders.

create sequence email_outbox_seq start with 1 increment by 1;

create table email_outbox (
    id              bigint        primary key default nextval('email_outbox_seq'),
    person_id       bigint        not null references person (id) on delete cascade,
    category        varchar(30)   not null,
    subject         varchar(200)  not null,
    body            varchar(2000),
    link            varchar(500),
    due_at          timestamptz,
    created_at      timestamptz   not null,
    -- PENDING: waiting (or retrying); SENDING: claimed by one dispatcher; SENT; FAILED: gave up (admin may retry);
    -- SKIPPED: nothing to send to (no address any more, person deactivated or erased).
    status          varchar(10)   not null default 'PENDING'
                    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      varchar(1000),
    check ((status = 'SENDING') = (claimed_at is not null)),
    check ((status = 'SENT') = (sent_at is not null))
);
-- The dispatcher's claim reads this index in order and stops after one batch.
create index email_outbox_due_idx on email_outbox (next_attempt_at, id) where status = 'PENDING';
create index email_outbox_status_idx on email_outbox (status, id);
create index email_outbox_person_idx on email_outbox (person_id);

-- A person's choice per category; a missing row means the category's default.
create table email_preference (
    person_id  bigint      not null references person (id) on delete cascade,
    category   varchar(30) not null,
    enabled    boolean     not null,
    primary key (person_id, category)
);

-- How dates in a person's emails are written: the locale and time zone of the browser they last saved
-- their email preferences from.
create table email_recipient_format (
    person_id  bigint      primary key references person (id) on delete cascade,
    locale     varchar(35) not null,
    time_zone  varchar(60) not null
);

-- Deadline reminders: one row per subject, recipient and kind (DUE_SOON, OVERDUE), sent at most once each and
-- never once the subject is completed (cancelled_at).
create sequence reminder_seq start with 1 increment by 1;

create table reminder (
    id            bigint        primary key default nextval('reminder_seq'),
    subject_type  varchar(40)   not null,
    subject_id    bigint        not null,
    recipient_id  bigint        not null references person (id) on delete cascade,
    kind          varchar(10)   not null check (kind in ('DUE_SOON', 'OVERDUE')),
    title         varchar(200)  not null,
    link          varchar(500),
    due_at        timestamptz   not null,
    fire_at       timestamptz   not null,
    sent_at       timestamptz,
    cancelled_at  timestamptz,
    created_at    timestamptz   not null,
    unique (subject_type, subject_id, recipient_id, kind)
);
create index reminder_due_idx on reminder (fire_at, id) where sent_at is null and cancelled_at is null;
create index reminder_recipient_idx on reminder (recipient_id);
