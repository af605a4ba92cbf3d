"""One small connection wrapper over DuckDB (embedded, the default) and PostgreSQL (psycopg 3).

Everything above this module writes one SQL dialect: `?` placeholders, types and functions that
both engines understand (TEXT, INTEGER, BIGINT, DOUBLE PRECISION, BOOLEAN, ILIKE, substr). The
wrapper only translates placeholders and chooses the fast bulk path of each engine (Arrow scan
for DuckDB, COPY for PostgreSQL). All values travel as parameters, never inside SQL text; the only
identifiers put into SQL are table and column names from our own fixed lists.
"""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

DEFAULT_DB = "lagebild.duckdb"
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)(?:\.(duckdb|postgres))?\.sql$")
OPTIONAL = "-- optional:"   # a statement after this line may fail (see `_run_optional`)


class StoreError(Exception):
    """A store that cannot be opened or used; the message says what to do."""


class StoreLockedError(StoreError):
    """Another process holds the DuckDB file's lock (a running `ingest`, or a `serve` copying it)."""


class StoreDamagedError(StoreError):
    """The DuckDB file is damaged or is no DuckDB file at all."""


_DAMAGED = ("not a valid duckdb database file", "corrupt database file", "checksum", "invalid block",
            "serialization error", "failed to read database header", "could not read enough bytes",
            "truncated")


def damaged_store_error(target: str, err: Exception, *, opened: str | None = None) -> StoreDamagedError | None:
    """A StoreError that says the DuckDB file `target` is damaged, when `err` shows it; else None.
    `opened`: the file actually read (a served copy of `target`), named as `target` in the message."""
    if not _says(err, _DAMAGED, target, opened):
        return None
    detail = str(err).strip()
    if opened and opened != target:
        for name in {str(Path(opened).resolve()), opened}:
            detail = detail.replace(name, target)
    return StoreDamagedError(f"the store file {target} is damaged or not a lagebild store ({detail[:200]}); "
                             f"move it aside and build it again with `lagebild ingest ... --db {target}`, "
                             "or restore a copy")


_LOCKED = ("could not set lock on file", "conflicting lock")


def _says(err: Exception, marks: tuple[str, ...], *paths: str | None) -> bool:
    """Whether DuckDB's message `err` has one of `marks`, the file names in it left out (a store
    at /srv/blocks/ is not damaged for its name)."""
    text = str(err)
    for path in sorted({q for p in paths if p for q in (p, str(Path(p).resolve()))}, key=len, reverse=True):
        text = text.replace(path, "")
    text = text.lower()
    return any(mark in text for mark in marks)


def parse_url(url: str | None) -> tuple[str, str]:
    """(`duckdb` | `postgres`, target) for a --db value: a path, duckdb:///path or postgresql://."""
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        return "postgres", url
    if url.startswith("duckdb://"):
        # SQLAlchemy's convention: duckdb:///rel.duckdb is relative, duckdb:////abs.duckdb absolute
        target = url[len("duckdb://"):]
        target = target[1:] if target.startswith("/") else target
        return "duckdb", target or ":memory:"
    if "://" in url:
        raise StoreError(f"unknown --db {url!r}: use a .duckdb path, duckdb:///path or postgresql://...")
    return "duckdb", url


class Database:
    """A connection plus the dialect it speaks. Use `open_database` to get one."""

    def __init__(self, kind: str, conn: Any, target: str, *, read_only: bool = False) -> None:
        self.kind = kind
        self.conn = conn
        self.target = target
        self.origin = target  # the file messages name: for a served copy, the store it was taken from
        self.read_only = read_only
        self._in_tx = False

    # -- plain SQL ---------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s") if self.kind == "postgres" else sql

    def _params(self, params: Sequence[Any]) -> list[Any]:
        if self.kind == "postgres":  # PostgreSQL refuses NUL in text; no stored value has one
            return [p.replace("\x00", "") if isinstance(p, str) else p for p in params]
        return list(params)

    @contextmanager
    def _damage_named(self) -> Iterator[None]:
        """Turn DuckDB's error for a damaged file into a StoreDamagedError that says what to do."""
        try:
            yield
        except StoreError:
            raise
        except Exception as err:
            damaged = damaged_store_error(self.origin, err, opened=self.target) if self.kind == "duckdb" else None
            if damaged is not None:
                raise damaged from err
            raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._damage_named():
            self._execute(sql, params)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if self.kind == "postgres":
            with self.conn.cursor() as cur:
                cur.execute(self._sql(sql), self._params(params))
        else:
            self.conn.execute(sql, self._params(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name; a damaged DuckDB file raises a StoreDamagedError."""
        with self._damage_named():
            return self._query(sql, params)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        if self.kind == "postgres":
            with self.conn.cursor() as cur:
                cur.execute(self._sql(sql), self._params(params))
                if cur.description is None:
                    return []
                names = [d.name for d in cur.description]
                return [dict(zip(names, row)) for row in cur.fetchall()]
        cur = self.conn.execute(sql, self._params(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.query(sql, params)
        return next(iter(rows[0].values())) if rows else None

    def iter_rows(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> Iterator[tuple[list[str], list[tuple]]]:
        """(column names, chunk of row tuples) without loading a whole table: for export."""
        if self.kind == "postgres":
            with self.conn.cursor() as cur:
                cur.execute(self._sql(sql), self._params(params))
                names = [d.name for d in cur.description]
                while chunk := cur.fetchmany(size):
                    yield names, chunk
            return
        cur = self.conn.cursor()
        try:
            with self._damage_named():
                cur.execute(sql, self._params(params))
                names = [d[0] for d in cur.description]
                while chunk := cur.fetchmany(size):
                    yield names, chunk
        finally:
            cur.close()

    # -- transactions and bulk writes ----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """All or nothing: a crash or Ctrl-C inside loses exactly this block."""
        if self._in_tx:
            yield self
            return
        self._in_tx = True
        try:
            if self.kind == "postgres":
                with self.conn.transaction():
                    yield self
            else:
                self.execute("BEGIN TRANSACTION")
                try:
                    yield self
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.execute("COMMIT")
        finally:
            self._in_tx = False

    def insert_rows(self, table: str, columns: list[tuple[str, str]], rows: list[dict]) -> None:
        """Insert many rows fast. `table`/`columns` come from our own lists, never from input."""
        if rows:
            with self._damage_named():
                self._insert_rows(table, columns, rows)

    def _insert_rows(self, table: str, columns: list[tuple[str, str]], rows: list[dict]) -> None:
        names = [c for c, _ in columns]
        col_sql = ", ".join(f'"{c}"' for c in names)
        if self.kind == "postgres":
            with self.conn.cursor() as cur:
                with cur.copy(f"COPY {table} ({col_sql}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([_pg_value(row.get(c)) for c in names])
            return
        import pyarrow as pa

        from lagebild.store.rows import _ARROW

        schema = pa.schema([(c, getattr(pa, _ARROW[t])()) for c, t in columns])
        tbl = pa.Table.from_pylist([{c: row.get(c) for c in names} for row in rows], schema=schema)
        view = f"_insert_{table}"
        self.conn.register(view, tbl)
        try:
            self.conn.execute(f"INSERT INTO {table} ({col_sql}) SELECT {col_sql} FROM {view}")
        finally:
            self.conn.unregister(view)

    def in_list(self, values: Sequence[Any]) -> str:
        """`(?, ?, ...)` for a parameterised IN clause."""
        return "(" + ", ".join("?" for _ in values) + ")"

    def cursor_handle(self) -> "Database":
        """A read-only Database over a new DuckDB cursor of this connection (one per thread)."""
        handle = Database("duckdb", self.conn.cursor(), self.target, read_only=True)
        handle.origin = self.origin
        return handle

    def close(self) -> None:
        self.conn.close()

    # -- migrations ----------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply the numbered SQL files under store/migrations not yet in `schema_migrations`."""
        self.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {r["version"] for r in self.query("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, sql in migrations(self.kind):
            if version in done:
                continue
            with self.transaction():
                for statement, optional in _statements(sql):
                    if optional:
                        self._run_optional(statement)
                    else:
                        self.execute(statement)
                self.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                             "VALUES (?, ?, CAST(CURRENT_TIMESTAMP AS TEXT))", [version, name])
            applied.append(version)
        return applied

    def _run_optional(self, statement: str) -> bool:
        """Run a statement that only makes the store faster (an extension, an index that needs
        it): when the server refuses it (no right to create the extension, none installed),
        the store works without it and a warning says so. PostgreSQL only (a savepoint)."""
        import warnings

        try:
            with self.conn.transaction():
                self._execute(statement)
            return True
        except Exception as err:  # noqa: BLE001 - any refusal leaves the plain (slower) queries
            warnings.warn(f"store: skipped `{statement.splitlines()[0][:80]}` ({str(err).strip()[:200]}); "
                          "text search works without it, only slower", RuntimeWarning, stacklevel=2)
            return False

    def schema_version(self) -> int:
        return int(self.scalar("SELECT max(version) FROM schema_migrations") or 0)

    def require_current(self) -> None:
        """Raise `StoreError` unless every migration is applied (read-only opens cannot migrate)."""
        latest = migrations(self.kind)[-1][0]
        try:
            version = self.schema_version()
        except StoreError:
            raise
        except Exception:  # noqa: BLE001 - no schema_migrations table: not a lagebild store
            version = 0
        if version < latest:
            raise StoreError(f"{self.origin if self.kind == 'duckdb' else 'the database'} has store schema "
                             f"version {version}, this lagebild needs {latest}: run `lagebild ingest` "
                             "on it once (it migrates), then try again")


def _pg_value(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) else value


def migrations(kind: str = "duckdb") -> list[tuple[int, str, str]]:
    """(version, name, SQL) of every migration for engine `kind`, in order. A version is one
    file `NNNN_name.sql` for both engines, or one per engine (`NNNN_name.duckdb.sql`,
    `NNNN_name.postgres.sql`) where they need different SQL; the store records the version."""
    out: dict[int, tuple[int, str, str]] = {}
    for entry in resources.files("lagebild.store").joinpath("migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m and m.group(3) in (None, kind):
            version = int(m.group(1))
            if version in out:
                raise StoreError(f"two migrations {version:04d} for {kind}: {out[version][1]} and {m.group(2)}")
            out[version] = (version, m.group(2), entry.read_text(encoding="utf-8"))
    return [out[v] for v in sorted(out)]


def _statements(sql: str) -> list[tuple[str, bool]]:
    """Split a migration on `;` at line ends (our files hold no procedural code): (statement,
    optional), optional when the line before it starts with OPTIONAL."""
    out, lines, optional = [], [], False
    for line in sql.splitlines():
        if line.strip().startswith(OPTIONAL) and not lines:
            optional = True
        if line.strip().startswith("--"):
            continue
        lines.append(line)
        if line.rstrip().endswith(";"):
            statement = "\n".join(lines).strip().rstrip(";").strip()
            if statement:
                out.append((statement, optional))
            lines, optional = [], False
    tail = "\n".join(lines).strip().rstrip(";").strip()
    if tail:
        out.append((tail, optional))
    return out


def _connect_duckdb(target: str, *, read_only: bool, lock_wait: float = 10.0):
    """A DuckDB connection; for a writer, a lock held by another process (a `serve` taking its
    copy) is retried for `lock_wait` seconds before the error goes up."""
    import duckdb

    deadline = time.monotonic() + (0.0 if read_only else lock_wait)
    while True:
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as err:
            if not _says(err, _LOCKED, target) or time.monotonic() >= deadline:
                raise
            time.sleep(0.5)


def open_database(url: str | None = None, *, read_only: bool = False, migrate: bool = True) -> Database:
    """Open (and by default create and migrate) the store at `url`."""
    kind, target = parse_url(url)
    if kind == "postgres":
        import psycopg

        try:
            conn = psycopg.connect(target, autocommit=True)
        except psycopg.OperationalError as err:
            raise StoreError(f"cannot connect to PostgreSQL: {str(err).strip()}") from err
        db = Database("postgres", conn, target, read_only=read_only)
    else:
        import duckdb

        if read_only and target != ":memory:" and not Path(target).exists():
            raise StoreError(f"no store at {target}: run `lagebild ingest ARTICLES --db {target}` first")
        try:
            conn = _connect_duckdb(target, read_only=read_only and target != ":memory:")
        except duckdb.Error as err:
            damaged = damaged_store_error(target, err)
            if damaged is not None:
                raise damaged from err
            if _says(err, _LOCKED, target):
                raise StoreLockedError(f"cannot open {target}: another process holds it ({str(err).strip()[:200]}); "
                                 "wait for it to finish, or use PostgreSQL for concurrent writers and readers") from err
            raise StoreError(f"cannot open {target}: {str(err).strip()}") from err
        if not read_only:
            # DuckDB stores long strings (article_json) ZSTD-compressed in blocks of thousands of
            # rows, so reading one article decompresses megabytes (9-15 ms); without ZSTD it is
            # read in under 1 ms, for about 4x the disk of that column (docs/store.md).
            conn.execute("SET disabled_compression_methods = 'zstd'")
        db = Database("duckdb", conn, target, read_only=read_only)
    if migrate and not read_only:
        db.migrate()
    return db
