-- Calibration protocol: blind pre-ratings before the session, the facilitator's agenda with the time spent per
-- engineer, and the reason written for every final rating moved away from the proposal.

-- One participant's rating of one engineer before the session; nobody else reads it until the session starts.
-- The rater's name is read from calibration_participant, so erasing a person pseudonymizes it in one place.
create table calibration_pre_rating (
    id              bigint       primary key,
    session_id      bigint       not null references calibration_session (id) on delete cascade,
    entry_id        bigint       not null references calibration_entry (id) on delete cascade,
    rater_person_id bigint       not null references person (id),
    rating          varchar(40)  not null,
    rated_at        timestamptz  not null,
    version         bigint       not null default 0,
    unique (entry_id, rater_person_id)
);
create index calibration_pre_rating_session_idx on calibration_pre_rating (session_id, rater_person_id);

-- Which engineer the facilitator is discussing now, and since when (one row per session once the agenda moves).
create table calibration_agenda (
    session_id       bigint      primary key references calibration_session (id) on delete cascade,
    current_entry_id bigint      references calibration_entry (id) on delete set null,
    since            timestamptz,
    version          bigint      not null default 0,
    check ((current_entry_id is null) = (since is null))
);

-- Time the committee spent on each engineer, added to whenever the facilitator moves on.
create table calibration_time (
    entry_id   bigint primary key references calibration_entry (id) on delete cascade,
    session_id bigint not null references calibration_session (id) on delete cascade,
    seconds    bigint not null default 0 check (seconds >= 0)
);
create index calibration_time_session_idx on calibration_time (session_id);

-- Why a change was made: required when a final rating moves away from the proposal.
alter table calibration_change add column reason text;
