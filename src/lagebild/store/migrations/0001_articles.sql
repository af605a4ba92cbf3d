-- Per-article tables: one row set per document, exactly the columns of store/rows.py
-- TABLE_COLUMNS (a test checks that they agree). Plain SQL that DuckDB and PostgreSQL share.
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT,
    date TEXT,
    source TEXT,
    url TEXT,
    dateline TEXT,
    language TEXT,
    n_chars INTEGER,
    analysed BOOLEAN,
    warnings TEXT,
    text TEXT NOT NULL,
    article_json TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents (content_hash);
CREATE INDEX documents_date ON documents (date);

CREATE TABLE entities (
    doc_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT,
    type TEXT,
    n_mentions INTEGER,
    PRIMARY KEY (doc_id, entity_id)
);

CREATE TABLE mentions (
    doc_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    mention_idx INTEGER NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    form TEXT,
    PRIMARY KEY (doc_id, entity_id, mention_idx)
);

CREATE TABLE roles (
    doc_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    role_idx INTEGER NOT NULL,
    role TEXT,
    role_of TEXT,
    PRIMARY KEY (doc_id, entity_id, role_idx)
);

CREATE TABLE quotes (
    doc_id TEXT NOT NULL,
    quote_id TEXT NOT NULL,
    type TEXT,
    speaker_entity TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    cue_text TEXT,
    addressee_start INTEGER,
    addressee_end INTEGER,
    addressee_text TEXT,
    start_char INTEGER,
    end_char INTEGER,
    content TEXT,
    PRIMARY KEY (doc_id, quote_id)
);

CREATE TABLE quote_parts (
    doc_id TEXT NOT NULL,
    quote_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    part_idx INTEGER NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    PRIMARY KEY (doc_id, quote_id, kind, part_idx)
);

CREATE TABLE events (
    doc_id TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    event_id TEXT,
    type TEXT,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    data TEXT,
    PRIMARY KEY (doc_id, event_idx)
);

CREATE TABLE times (
    doc_id TEXT NOT NULL,
    time_idx INTEGER NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    value TEXT,
    data TEXT,
    PRIMARY KEY (doc_id, time_idx)
);

CREATE TABLE amounts (
    doc_id TEXT NOT NULL,
    amount_idx INTEGER NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    value DOUBLE PRECISION,
    unit TEXT,
    data TEXT,
    PRIMARY KEY (doc_id, amount_idx)
);
