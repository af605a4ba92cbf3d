-- Corpus-level identities: which per-article entities are the same person/organisation/place.
-- Filled by store/identities.py; see docs/identities.md for the merge rule.
CREATE TABLE identities (
    identity_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    n_docs INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX identities_type ON identities (type);

CREATE TABLE identity_members (
    doc_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    identity_id TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX identity_members_identity ON identity_members (identity_id);
