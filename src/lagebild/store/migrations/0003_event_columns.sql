-- The events table as flat event data (store/event_rows.py EVENT_COLUMNS): the fields an
-- event-data user filters on, next to the whole event in `data`. Rows stored before this
-- migration keep NULLs here until their article is ingested again.
ALTER TABLE events ADD COLUMN negated BOOLEAN;
ALTER TABLE events ADD COLUMN modality TEXT;
ALTER TABLE events ADD COLUMN actor_entity TEXT;
ALTER TABLE events ADD COLUMN actor_text TEXT;
ALTER TABLE events ADD COLUMN target_entity TEXT;
ALTER TABLE events ADD COLUMN target_text TEXT;
ALTER TABLE events ADD COLUMN time_value TEXT;
ALTER TABLE events ADD COLUMN place_text TEXT;
ALTER TABLE events ADD COLUMN source_quote TEXT;
ALTER TABLE events ADD COLUMN source_speaker TEXT;
ALTER TABLE events ADD COLUMN score DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN sentence TEXT;
CREATE INDEX events_type ON events (type);
CREATE INDEX events_actor ON events (doc_id, actor_entity);
