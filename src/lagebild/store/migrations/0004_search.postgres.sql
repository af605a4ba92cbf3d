-- Substring search (ILIKE '%…%') through pg_trgm GIN indexes on the searched texts and names,
-- and the date order of the lists as an index, so a page of a frequent match stops early.
-- Without the right to create pg_trgm the indexes are skipped (a warning says so): every
-- query gives the same answers, only by scanning.
-- optional: pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- optional: needs pg_trgm
CREATE INDEX documents_title_trgm ON documents USING gin (title gin_trgm_ops);
-- optional: needs pg_trgm
CREATE INDEX documents_text_trgm ON documents USING gin (text gin_trgm_ops);
-- optional: needs pg_trgm
CREATE INDEX quotes_content_trgm ON quotes USING gin (content gin_trgm_ops);
-- optional: needs pg_trgm
CREATE INDEX quotes_speaker_text_trgm ON quotes USING gin (speaker_text gin_trgm_ops);
-- optional: needs pg_trgm
CREATE INDEX identities_name_trgm ON identities USING gin (name gin_trgm_ops);
CREATE INDEX documents_newest ON documents (date DESC NULLS LAST, doc_id);
CREATE INDEX quotes_speaker ON quotes (doc_id, speaker_entity);
CREATE INDEX roles_entity ON roles (doc_id, entity_id);
