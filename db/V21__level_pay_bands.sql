-- Optional pay bands per level of a ladder version (copied into new drafts with the rest of the version), and per
-- ladder whether engineers may see the bands of their own and next level, plus a cited market reference note.
create table level_pay_band (
    id                bigint      primary key,
    ladder_version_id bigint      not null references ladder_version (id) on delete cascade,
    level_id          bigint      not null references ladder_level (id) on delete cascade,
    currency          varchar(3)  not null check (currency ~ '^[A-Z]{3}$'),
    min_amount        bigint      not null,
    mid_amount        bigint      not null,
    max_amount        bigint      not null,
    effective_on      date        not null,
    version           bigint      not null default 0,
    -- The service says which of these is wrong; the check keeps any other writer honest.
    check (min_amount >= 0 and min_amount <= mid_amount and mid_amount <= max_amount),
    unique (level_id, currency)
);
create index level_pay_band_version_idx on level_pay_band (ladder_version_id);

create table ladder_pay_settings (
    ladder_id                  bigint       primary key references ladder (id) on delete cascade,
    bands_shown_to_engineers   boolean      not null default false,
    market_reference           text,
    updated_at                 timestamptz,
    updated_by                 varchar(254),
    version                    bigint       not null default 0
);

-- Ladders adopted from the built-in template before this migration get the template's market reference.
insert into ladder_pay_settings (ladder_id, market_reference)
select distinct v.ladder_id,
       'US market reference, not a company band: the Bureau of Labor Statistics classifies most distributed '
           || 'systems roles under SOC 15-1252 (Software Developers and Software Quality Assurance Analysts and '
           || 'Testers), median annual wage $124,200, and SOC 15-1299 (Computer Occupations, All Other), median '
           || '$97,430 (BLS Occupational Outlook Handbook, 2023 edition).'
from ladder_version v
where v.number = 1 and v.change_note = 'Adopted from the built-in template "Distributed Systems Engineering"';
