-- What the organization lets the engineer of a promotion case read of it. One row; admins change it.
create table promotion_settings (
    id                         bigint        primary key check (id = 1),
    -- Reviewers' verdicts ("Approves", "Has concerns") are for the committee unless the organization shares them.
    verdicts_shown_to_engineer boolean       not null default false,
    updated_at                 timestamptz,
    updated_by                 varchar(254),
    version                    bigint        not null default 0
);

insert into promotion_settings (id) values (1);
