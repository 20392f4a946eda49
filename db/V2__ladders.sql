-- Ladders with immutable published versions. Levels and competencies carry stable keys across versions.
create sequence ladder_seq start with 1 increment by 50;
create sequence ladder_item_seq start with 1 increment by 50;

create table ladder (
    id          bigint       primary key,
    name        varchar(200) not null,
    description text,
    retired     boolean      not null default false,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
create unique index ladder_name_uk on ladder (lower(name));

create table ladder_version (
    id           bigint      primary key,
    ladder_id    bigint      not null references ladder (id) on delete cascade,
    number       int         not null,
    status       varchar(12) not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    change_note  varchar(1000),
    created_at   timestamptz not null default now(),
    created_by   varchar(254),
    published_at timestamptz,
    published_by varchar(254),
    version      bigint      not null default 0,
    unique (ladder_id, number)
);
-- At most one draft and one current (published) version per ladder.
create unique index ladder_version_one_draft on ladder_version (ladder_id) where status = 'DRAFT';
create unique index ladder_version_one_published on ladder_version (ladder_id) where status = 'PUBLISHED';

create table ladder_tier (
    id                 bigint       primary key,
    ladder_version_id  bigint       not null references ladder_version (id) on delete cascade,
    tier_key           varchar(40)  not null,
    name               varchar(200) not null,
    description        text,
    position           int          not null,
    unique (ladder_version_id, tier_key)
);

create table ladder_level (
    id                 bigint       primary key,
    ladder_version_id  bigint       not null references ladder_version (id) on delete cascade,
    tier_id            bigint       not null references ladder_tier (id) on delete cascade,
    level_key          varchar(40)  not null,
    title              varchar(200) not null,
    position           int          not null,
    scope              text,
    impact             text,
    typical_experience varchar(100),
    unique (ladder_version_id, level_key)
);

create table competency_area (
    id                 bigint       primary key,
    ladder_version_id  bigint       not null references ladder_version (id) on delete cascade,
    area_key           varchar(60)  not null,
    name               varchar(200) not null,
    description        text,
    position           int          not null,
    unique (ladder_version_id, area_key)
);

create table competency (
    id                 bigint       primary key,
    ladder_version_id  bigint       not null references ladder_version (id) on delete cascade,
    area_id            bigint       not null references competency_area (id) on delete cascade,
    competency_key     varchar(80)  not null,
    name               varchar(200) not null,
    description        text,
    specializations    varchar(40)[] not null default '{}',
    position           int          not null,
    unique (ladder_version_id, competency_key)
);

create table expectation (
    id                 bigint      primary key,
    ladder_version_id  bigint      not null references ladder_version (id) on delete cascade,
    competency_id      bigint      not null references competency (id) on delete cascade,
    level_id           bigint      not null references ladder_level (id) on delete cascade,
    kind               varchar(16) not null check (kind in ('EXPECTED', 'NOT_EXPECTED')),
    statement          text,
    examples           text,
    version            bigint      not null default 0,
    unique (competency_id, level_id),
    check (kind = 'NOT_EXPECTED' or statement is not null)
);
create index expectation_version_idx on expectation (ladder_version_id);
create index ladder_level_version_idx on ladder_level (ladder_version_id, position);
create index competency_version_idx on competency (ladder_version_id, area_id, position);
