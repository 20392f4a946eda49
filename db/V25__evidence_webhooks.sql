-- Evidence that arrives from PagerDuty and GitHub webhooks (docs/decisions/0017-evidence-webhooks.md).

-- Where a system-originated draft came from, and its reference there (incident id, pull request URL): one draft per
-- person and reference, so a redelivered or repeated event never creates a second one.
alter table evidence_item add column source varchar(20) check (source in ('PAGERDUTY', 'GITHUB'));
alter table evidence_item add column external_ref varchar(300);
alter table evidence_item add constraint evidence_item_external_ref_ck
    check ((source is null) = (external_ref is null));
create unique index evidence_item_external_ref_uk on evidence_item (owner_id, source, external_ref)
    where source is not null;
-- A draft that arrived from a webhook does not know which competencies it supports; the engineer chooses them
-- before submitting (the service refuses to submit or edit an item without competencies).
alter table evidence_item drop constraint evidence_item_competency_keys_check;
alter table evidence_item add constraint evidence_item_competency_keys_check
    check (cardinality(competency_keys) >= 1 or (source is not null and status = 'DRAFT'));

-- One row per provider: the signing secret (AES-GCM encrypted, see the decision record), the previous secret while a
-- rotation is under way, and the provider's mappings.
create table webhook_settings (
    source                varchar(20)  primary key check (source in ('PAGERDUTY', 'GITHUB')),
    secret_cipher         text,
    secret_created_at     timestamptz,
    previous_cipher       text,
    -- GitHub: the repositories (owner/name) whose merged pull requests become drafts, one a line.
    repositories          text         not null default '',
    -- Provider user (GitHub login, PagerDuty user id) to a person's email, "user = email" one a line.
    user_emails           text         not null default '',
    updated_at            timestamptz  not null,
    updated_by            varchar(254) not null,
    version               bigint       not null default 0
);
insert into webhook_settings (source, updated_at, updated_by) values
    ('PAGERDUTY', now(), 'system'), ('GITHUB', now(), 'system');

-- Every delivery, accepted or refused, for the admin's log. A delivery id counts as seen once a delivery with it was
-- processed or ignored; refused deliveries (bad signature, malformed) do not block the genuine one.
create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id              bigint        primary key,
    received_at     timestamptz   not null,
    source          varchar(20)   not null check (source in ('PAGERDUTY', 'GITHUB')),
    delivery_id     varchar(200),
    event           varchar(100),
    outcome         varchar(20)   not null check (outcome in ('PROCESSED', 'IGNORED', 'DUPLICATE', 'REFUSED')),
    http_status     int           not null,
    message         varchar(1000) not null,
    drafts_created  int           not null default 0
);
create unique index webhook_delivery_seen_uk on webhook_delivery (source, delivery_id)
    where outcome in ('PROCESSED', 'IGNORED');
create index webhook_delivery_received_idx on webhook_delivery (received_at desc, id desc);
