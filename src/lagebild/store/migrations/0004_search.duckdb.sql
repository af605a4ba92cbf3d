-- A word index for substring search (DuckDB has no trigram index and no extension may be
-- downloaded): every document gets a number in `search_docs`, and `search_terms` maps each
-- lower-cased word of title and text to the numbers of the documents that have it, one row
-- per word and ingest batch (store/search.py). A search narrows the documents to those with
-- a word containing each word of the query, then checks the exact ILIKE on them.
CREATE SEQUENCE search_doc_no START 1;
CREATE TABLE search_docs (
    doc_no INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    date TEXT
);
CREATE TABLE search_terms (
    term TEXT NOT NULL,
    doc_nos INTEGER[] NOT NULL
);
INSERT INTO search_docs SELECT nextval('search_doc_no'), doc_id, date FROM documents ORDER BY doc_id;
INSERT INTO search_terms
SELECT term, list(doc_no ORDER BY doc_no) FROM (
    SELECT DISTINCT unnest(regexp_split_to_array(lower(coalesce(d.title, '') || ' ' || d.text), '[^\p{L}\p{N}]+')) AS term,
           s.doc_no
    FROM documents d JOIN search_docs s ON s.doc_id = d.doc_id
) WHERE term <> '' GROUP BY term;
