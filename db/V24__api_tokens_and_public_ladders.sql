-- Personal API tokens (REST API under /api/v1). Only the SHA-256 of the secret is kept: the secret is 256 random
-- bits, so a fast hash is as safe as a slow one (nothing to brute-force) and lets a request be checked in one lookup.
create sequence api_token_seq increment by 50;

create table api_token (
    id           bigint       primary key,
    owner_id     bigint       not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    -- The first characters of the secret (after its "rungs_" prefix), so a user can tell tokens apart; not secret.
    hint         varchar(16)  not null,
    token_hash   bytea        not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(254),
    version      bigint       not null default 0
);
create unique index api_token_hash_uk on api_token (token_hash);
create index api_token_owner_ix on api_token (owner_id);

-- A ladder published to anonymous visitors at /framework/<public_slug> (null: not public). The slug is set when the
-- ladder is first made public and kept, so the address stays the same if the ladder is renamed.
alter table ladder add column public_slug varchar(80);
alter table ladder add column public_since timestamptz;
create unique index ladder_public_slug_uk on ladder (public_slug);
