-- Insights (issue 16): indexes for the dashboard's aggregate queries (docs/benchmarks/insights.md shows the plans).

-- Promotion velocity joins each person in scope to their live promotions only.
create index level_assignment_promotion_idx on level_assignment (person_id, effective_date)
    include (ladder_id, level_key) where reason = 'PROMOTION' and cancelled_at is null;

-- Coverage reads the competencies a level expects; the unique (competency_id, level_id) index leads with the competency.
create index expectation_level_idx on expectation (level_id) include (competency_id) where kind = 'EXPECTED';

-- Evidence activity reads each person's non-draft items of a date window, with their status, without the heap row.
create index evidence_item_owner_activity_idx on evidence_item (owner_id, occurred_on)
    include (status) where status <> 'DRAFT';
