-- The insights coverage heatmap (docs/decisions/0030) aggregates a scope's acknowledged evidence per person and
-- competency in one pass: a partial index holding only acknowledged items, covering every column that pass reads,
-- lets PostgreSQL answer it from the index (an index-only scan once the visibility map is set by (auto)vacuum).
create index evidence_item_acknowledged_idx on evidence_item (owner_id)
    include (occurred_on, ladder_id, level_key, competency_keys) where status = 'ACKNOWLEDGED';
