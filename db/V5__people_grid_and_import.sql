-- People grid, org chart and HRIS import: indexes for the lazy, SQL-sorted and -filtered people grid.
-- The first page of active people sorted by name reads the index in order and stops after one page.
create index person_active_name_idx on person (lower(full_name), id) where active;
-- Sorting by time in level and filtering by specialization or status.
create index person_level_since_idx on person (level_since, id);
create index person_specialization_idx on person (specialization);
-- Direct reports of a manager in name order (org chart children, the reporting-line CTE).
create index person_manager_name_idx on person (manager_id, lower(full_name), id);
-- ...which makes the plain manager index redundant (it only slowed inserts down).
drop index person_manager_idx;
