"""The one writer of the store: every insert, replacement and identity update goes through here.

A batch of articles is written in one transaction together with the identity links it creates,
so an interrupted ingest loses at most the batch in flight and the next run redoes it. A
document is keyed by `doc_id` and the sha256 of its text (`content_hash`):

- same id, same text   -> unchanged, skipped (before analysis, so re-runs are cheap);
- same id, new text    -> replaced (all its rows and identity links are rewritten);
- new id, known text   -> duplicate of the stored document, skipped;
- otherwise            -> new.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.store import search
from lagebild.store.db import Database
from lagebild.store.identities import IdentityIndex, entities_of
from lagebild.store.rows import TABLE_COLUMNS, article_to_rows, content_hash

IDENTITY_COLUMNS = [("identity_id", "TEXT"), ("type", "TEXT"), ("name", "TEXT")]
MEMBER_COLUMNS = [("doc_id", "TEXT"), ("entity_id", "TEXT"), ("identity_id", "TEXT"), ("evidence", "TEXT")]
STATUSES = ("new", "changed", "unchanged", "duplicate")
DELTA_COLUMNS = [("identity_id", "TEXT"), ("n_docs", "INTEGER"), ("n_mentions", "INTEGER"), ("n_quotes", "INTEGER"),
                 ("first_date", "TEXT"), ("last_date", "TEXT"), ("name", "TEXT")]


def identity_deltas(batch: list[dict[str, list[dict]]], members: list[dict]) -> list[dict]:
    """Per identity: documents, mentions, quotes and first/last date that `members` (links of the
    new documents of `batch`) add to it."""
    dates, mentions, quotes = {}, {}, {}
    for rows in batch:
        doc = rows["documents"][0]
        dates[doc["doc_id"]] = doc.get("date")
        for ent in rows.get("entities", []):
            mentions[doc["doc_id"], ent["entity_id"]] = ent.get("n_mentions") or 0
        for q in rows.get("quotes", []):
            key = (doc["doc_id"], q.get("speaker_entity"))
            quotes[key] = quotes.get(key, 0) + 1
    out: dict[str, dict] = {}
    for m in members:
        key = (m["doc_id"], m["entity_id"])
        d = out.setdefault(m["identity_id"], {"identity_id": m["identity_id"], "docs": set(), "n_mentions": 0,
                                              "n_quotes": 0, "first_date": None, "last_date": None})
        d["docs"].add(m["doc_id"])
        d["n_mentions"] += mentions.get(key, 0)
        d["n_quotes"] += quotes.get(key, 0)
        day = dates.get(m["doc_id"])
        if day:
            d["first_date"] = min(d["first_date"] or day, day)
            d["last_date"] = max(d["last_date"] or day, day)
    for d in out.values():
        d["n_docs"] = len(d.pop("docs"))
    return sorted(out.values(), key=lambda d: d["identity_id"])


@dataclass
class WriteResult:
    """Counts of one or more written batches, for the summary line."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicate: int = 0
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, other: "WriteResult") -> None:
        self.new += other.new
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.duplicate += other.duplicate
        for k, v in other.rows.items():
            self.rows[k] = self.rows.get(k, 0) + v


class StoreWriter:
    """Writes analysed articles (or their rows) into a migrated store."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._hash_of: dict[str, str] | None = None
        self._id_of_hash: dict[str, str] | None = None
        self._index: IdentityIndex | None = None
        self._names: dict[str, str] | None = None   # identity id -> name as stored

    # -- what is already there -----------------------------------------------------------------
    def _load_known(self) -> None:
        rows = self.db.query("SELECT doc_id, content_hash FROM documents")
        self._hash_of = {r["doc_id"]: r["content_hash"] for r in rows}
        self._id_of_hash = {r["content_hash"]: r["doc_id"] for r in rows}

    def status(self, doc_id: str, text_or_hash: str, *, is_hash: bool = False) -> str:
        """`new`, `changed`, `unchanged` or `duplicate` for a document before writing it."""
        if self._hash_of is None:
            self._load_known()
        h = text_or_hash if is_hash else content_hash(text_or_hash)
        old = self._hash_of.get(doc_id)
        if old == h:
            return "unchanged"
        if old is not None:
            return "changed"
        if h in self._id_of_hash:
            return "duplicate"
        return "new"

    def duplicate_of(self, text: str) -> str | None:
        if self._id_of_hash is None:
            self._load_known()
        return self._id_of_hash.get(content_hash(text))

    @property
    def index(self) -> IdentityIndex:
        if self._index is None:
            self._index = IdentityIndex.load(self.db)
        return self._index

    # -- writing -------------------------------------------------------------------------------
    def write_articles(self, articles: list[dict]) -> WriteResult:
        """Store `lagebild/1` dicts in one transaction (see module docstring for the key)."""
        return self.write_rows([article_to_rows(a) for a in articles])

    def write_rows(self, batch: list[dict[str, list[dict]]]) -> WriteResult:
        """Store per-article row sets (from `article_to_rows` or a Parquet folder) atomically."""
        result = WriteResult()
        keep: list[dict[str, list[dict]]] = []
        replaced: list[str] = []
        batch_ids: set[str] = set()
        batch_hashes: set[str] = set()
        for rows in batch:
            doc = rows["documents"][0]
            state = self.status(doc["doc_id"], doc["content_hash"], is_hash=True)
            if doc["doc_id"] in batch_ids or (state != "unchanged" and doc["content_hash"] in batch_hashes):
                state = "duplicate"  # twice in one batch: the first one is stored
            if state in ("unchanged", "duplicate"):
                setattr(result, state, getattr(result, state) + 1)
                continue
            if state == "changed":
                replaced.append(doc["doc_id"])
            batch_ids.add(doc["doc_id"])
            batch_hashes.add(doc["content_hash"])
            keep.append(rows)
        if not keep:
            return result
        try:
            with self.db.transaction():
                orphaned: set[str] = set()
                if replaced:
                    orphaned = self._delete_documents(replaced)
                    self._index = IdentityIndex.load(self.db)
                    self._names = None
                for table, columns in TABLE_COLUMNS.items():
                    rows = [row for r in keep for row in r.get(table, [])]
                    self.db.insert_rows(table, columns, rows)
                    result.rows[table] = len(rows)
                search.index_documents(self.db, [r["documents"][0]["doc_id"] for r in keep])
                members = self._link_identities(keep)
                self._add_member_stats(keep, members)
                self.refresh_identity_stats(orphaned)
        except BaseException:
            self._hash_of = self._id_of_hash = None  # memory may be ahead of the rolled-back store
            self._index = None
            self._names = None
            raise
        for rows in keep:
            doc = rows["documents"][0]
            old = self._hash_of.get(doc["doc_id"])
            if old:
                self._id_of_hash.pop(old, None)
            self._hash_of[doc["doc_id"]] = doc["content_hash"]
            self._id_of_hash[doc["content_hash"]] = doc["doc_id"]
        result.replaced = len(replaced)
        result.new = len(keep) - len(replaced)
        return result

    def _delete_documents(self, doc_ids: list[str]) -> set[str]:
        """Remove documents with all their rows; returns the identities that lost members."""
        marks = self.db.in_list(doc_ids)
        touched = {r["identity_id"] for r in self.db.query(
            f"SELECT DISTINCT identity_id FROM identity_members WHERE doc_id IN {marks}", doc_ids)}
        self.db.execute(f"DELETE FROM identity_members WHERE doc_id IN {marks}", doc_ids)
        search.forget_documents(self.db, doc_ids)
        for table in reversed(TABLE_COLUMNS):
            self.db.execute(f"DELETE FROM {table} WHERE doc_id IN {marks}", doc_ids)
        self.db.execute("DELETE FROM identities WHERE identity_id NOT IN (SELECT identity_id FROM identity_members)")
        return touched

    def _link_identities(self, batch: list[dict[str, list[dict]]]) -> list[dict]:
        index = self.index
        before = set(index.identities)
        members = []
        for rows in batch:
            for entity_id, (identity_id, evidence) in index.assign(entities_of(rows)).items():
                members.append({"doc_id": rows["documents"][0]["doc_id"], "entity_id": entity_id,
                                "identity_id": identity_id, "evidence": evidence})
        new = [{"identity_id": i, "type": index.identities[i].type, "name": index.identities[i].display_name()}
               for i in index.identities if i not in before]
        self.db.insert_rows("identities", IDENTITY_COLUMNS, new)
        self.db.insert_rows("identity_members", MEMBER_COLUMNS, members)
        if self._names is not None:
            self._names.update({row["identity_id"]: row["name"] for row in new})
        return members

    def _add_member_stats(self, batch: list[dict[str, list[dict]]], members: list[dict]) -> None:
        """Add the counts and dates of this batch's new members to their identities, and store a
        display name that changed: work in proportion to the batch, not to the identities' size."""
        if self._names is None:
            self._names = {r["identity_id"]: r["name"] for r in self.db.query("SELECT identity_id, name FROM identities")}
        rows = identity_deltas(batch, members)
        for row in rows:
            ident = self.index.identities.get(row["identity_id"])
            name = ident.display_name() if ident is not None else None
            row["name"] = name if name and name != self._names.get(row["identity_id"]) else None
            if row["name"]:
                self._names[row["identity_id"]] = name
        if not rows:
            return
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS identity_delta (identity_id TEXT, n_docs INTEGER, "
                        "n_mentions INTEGER, n_quotes INTEGER, first_date TEXT, last_date TEXT, name TEXT)")
        self.db.execute("DELETE FROM identity_delta")
        self.db.insert_rows("identity_delta", DELTA_COLUMNS, rows)
        self.db.execute(
            "UPDATE identities SET n_docs = identities.n_docs + d.n_docs, "
            "n_mentions = identities.n_mentions + d.n_mentions, n_quotes = identities.n_quotes + d.n_quotes, "
            "first_date = CASE WHEN identities.first_date IS NULL OR d.first_date < identities.first_date "
            "  THEN coalesce(d.first_date, identities.first_date) ELSE identities.first_date END, "
            "last_date = CASE WHEN identities.last_date IS NULL OR d.last_date > identities.last_date "
            "  THEN coalesce(d.last_date, identities.last_date) ELSE identities.last_date END, "
            "name = coalesce(d.name, identities.name) "
            "FROM identity_delta d WHERE identities.identity_id = d.identity_id")

    def refresh_identity_stats(self, identity_ids: set[str] | None = None) -> None:
        """Recount n_docs/n_mentions/n_quotes/dates and the display name of these identities
        (all when None): derived numbers, kept in the table so listing by count stays cheap."""
        where, params = "", []
        if identity_ids is not None:
            if not identity_ids:
                return
            params = sorted(identity_ids)
            where = f" WHERE identity_id IN {self.db.in_list(params)}"
        self.db.execute(
            "UPDATE identities SET "
            "n_docs = (SELECT count(DISTINCT m.doc_id) FROM identity_members m WHERE m.identity_id = identities.identity_id), "
            "n_mentions = (SELECT coalesce(sum(e.n_mentions), 0) FROM identity_members m JOIN entities e "
            "  ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id WHERE m.identity_id = identities.identity_id), "
            "n_quotes = (SELECT count(*) FROM quotes q JOIN identity_members m "
            "  ON m.doc_id = q.doc_id AND m.entity_id = q.speaker_entity WHERE m.identity_id = identities.identity_id), "
            "first_date = (SELECT min(d.date) FROM identity_members m JOIN documents d ON d.doc_id = m.doc_id "
            "  WHERE m.identity_id = identities.identity_id), "
            "last_date = (SELECT max(d.date) FROM identity_members m JOIN documents d ON d.doc_id = m.doc_id "
            "  WHERE m.identity_id = identities.identity_id)" + where, params)
        index = self.index
        for ident_id in params or list(index.identities):
            ident = index.identities.get(ident_id)
            if ident is not None:
                self.db.execute("UPDATE identities SET name = ? WHERE identity_id = ? AND name <> ?",
                                [ident.display_name(), ident_id, ident.display_name()])

    def rebuild_identities(self) -> int:
        """Forget all identity links and place every entity again, documents in date order:
        the same corpus then always gives the same identities, whatever order it came in."""
        with self.db.transaction():
            self.db.execute("DELETE FROM identity_members")
            self.db.execute("DELETE FROM identities")
            self._index = IdentityIndex()
            docs = [r["doc_id"] for r in self.db.query(
                "SELECT doc_id FROM documents ORDER BY date NULLS FIRST, doc_id")]
            ents = self.db.query("SELECT * FROM entities ORDER BY doc_id, entity_id")
            roles = self.db.query("SELECT * FROM roles ORDER BY doc_id, entity_id, role_idx")
            by_doc: dict[str, dict[str, list[dict]]] = {d: {"documents": [{"doc_id": d}], "entities": [], "roles": []} for d in docs}
            for e in ents:
                by_doc[e["doc_id"]]["entities"].append(e)
            for r in roles:
                by_doc[r["doc_id"]]["roles"].append(r)
            self._link_identities([by_doc[d] for d in docs])
            self.refresh_identity_stats(None)
        return len(self.index.identities)
