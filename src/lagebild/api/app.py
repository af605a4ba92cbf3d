"""The REST API and the web pages of a store, in one FastAPI app (`create_app`).

Read-only by design: there are no write endpoints, so no login is needed and serving a corpus
cannot change it. The interactive docs (/docs, /redoc) are switched off because FastAPI loads
them from a CDN and lagebild must work offline; the contract is served at /openapi.json.
"""
from __future__ import annotations

import html
import threading
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated, AsyncIterator, Iterator, Optional

import anyio.to_thread

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse

from lagebild.api import models as M
from lagebild.api.cache import ResponseCache
from lagebild.dates import ISO_DAY_PATTERN, parse_day
from lagebild.store import events as store_events, queries
from lagebild.store.db import Database, StoreError, open_database, parse_url

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
INVALID = {422: {"model": M.Error, "description": "Invalid parameter; `detail` says which and why."}}
NOT_FOUND = {**INVALID, 404: {"model": M.Error, "description": "No such item."}}


class DatabaseProvider:
    """Hands each request its own handle: a DuckDB cursor (thread-safe view of one connection)
    or a fresh PostgreSQL connection; a handed-in PostgreSQL `Database` is shared under a lock."""

    def __init__(self, db: Database | str | None) -> None:
        self.url: str | None = None
        self._lock = threading.Lock()
        if isinstance(db, Database):
            self.root = db
        else:
            kind, _ = parse_url(db)
            self.root = open_database(db, read_only=True, migrate=False)
            self.url = db if kind == "postgres" else None

    @contextmanager
    def connect(self) -> Iterator[Database]:
        if self.root.kind == "duckdb":
            handle = self.root.cursor_handle()
            try:
                yield handle
            finally:
                handle.close()
        elif self.url:
            db = open_database(self.url, read_only=True, migrate=False)
            try:
                yield db
            finally:
                db.close()
        else:
            with self._lock:
                yield self.root


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Text = Annotated[Optional[str], Query(max_length=200)]
Day = Annotated[Optional[str], Query(pattern=ISO_DAY_PATTERN, json_schema_extra={"format": "date"},
                                     description="Article date YYYY-MM-DD, inclusive; date_from after "
                                                 "date_to is a 422.")]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """ASGI middleware: every answer gets SECURITY_HEADERS unless it set them itself (a plain
    ASGI wrapper rather than `@app.middleware`, which costs a task and a stream per request)."""

    _HEADERS = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self._HEADERS if k not in have]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def get_db(request: Request) -> Iterator[Database]:
    """FastAPI dependency: a database handle for this request from the app's provider."""
    with request.app.state.provider.connect() as handle:
        yield handle


DB = Annotated[Database, Depends(get_db)]


def _days(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Both dates checked as calendar dates and in order (422 otherwise), as ISO strings."""
    days = []
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        try:
            days.append(parse_day(value).isoformat() if value else None)
        except ValueError:
            raise HTTPException(422, f"{name}: {value!r} is not a calendar date (YYYY-MM-DD)") from None
    if days[0] and days[1] and days[0] > days[1]:
        raise HTTPException(422, f"date_from ({days[0]}) is after date_to ({days[1]}): swap them")
    return days[0], days[1]


def create_app(db: Database | str | None = None, *, with_web: bool = True,
               threads: int | None = None) -> FastAPI:
    """The app for the store at `db` (a Database, a --db URL, or the default DuckDB file).

    `threads`: how many requests run their queries at once (the worker threads of the
    endpoints; anyio's default of 40 when None). On a machine with few cores a few threads
    answer faster than many: they fight less over the cores and Python's GIL, and the answers
    ResponseCache replays never wait for a thread."""
    provider = DatabaseProvider(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if threads:
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(title="lagebild", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only API over a lagebild corpus store: documents in schema "
                              "lagebild/1, corpus identities (entities), quotes, events and statistics.")
    app.state.provider = provider

    app.add_middleware(SecurityHeaders)
    app.add_middleware(ResponseCache, root=lambda: provider.root)   # outermost: keeps whole answers

    @app.exception_handler(StoreError)
    async def _store_unusable(request, exc: StoreError):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": str(exc)}, status_code=503)
        return HTMLResponse(f"<!doctype html><title>lagebild</title><h1>Der Speicher ist nicht lesbar</h1>"
                            f"<p>{html.escape(str(exc))}</p>", status_code=503)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request, exc: RequestValidationError) -> JSONResponse:
        msgs = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in exc.errors()]
        return JSONResponse({"detail": "; ".join(msgs)}, status_code=422)

    @app.get("/api/documents", response_model=M.DocumentPage, responses=INVALID, tags=["documents"])
    def documents(db: DB, q: Text = None, date_from: Day = None, date_to: Day = None,
                  limit: Limit = 50, offset: Offset = 0):
        """Documents, newest first; `q` finds text in title or body (case-insensitive)."""
        date_from, date_to = _days(date_from, date_to)
        return queries.list_documents(db, q=q, date_from=date_from, date_to=date_to,
                                      limit=limit, offset=offset)

    @app.get("/api/documents/{doc_id:path}", response_model=M.Article, responses=NOT_FOUND, tags=["documents"])
    def document(doc_id: str, db: DB):
        """The full `lagebild/1` JSON of one document, with all its annotations."""
        article = queries.get_document(db, doc_id)
        if article is None:
            raise HTTPException(404, f"no document with id {doc_id!r}; list ids at /api/documents")
        return article

    @app.get("/api/entities", response_model=M.IdentityPage, responses=INVALID, tags=["entities"])
    def entities(db: DB, type: Optional[M.EntityType] = None, name: Text = None,
                 limit: Limit = 50, offset: Offset = 0):
        """Corpus identities with counts, most mentioned first; filter by type and name."""
        return queries.list_identities(db, type=type, name=name, limit=limit, offset=offset)

    @app.get("/api/entities/{identity_id}", response_model=M.IdentityDetail, responses=NOT_FOUND, tags=["entities"])
    def entity(identity_id: str, db: DB, limit: Limit = 50, offset: Offset = 0):
        """One identity: name variants, roles over time, why its members were merged, its
        mentions and quotes (both paginated by `limit`/`offset`) and a monthly timeline."""
        ident = queries.get_identity(db, identity_id, limit=limit, offset=offset)
        if ident is None:
            raise HTTPException(404, f"no entity with id {identity_id!r}; list ids at /api/entities")
        return ident

    @app.get("/api/quotes", response_model=M.QuotePage, responses=INVALID, tags=["quotes"])
    def quotes(db: DB, speaker: Text = None, entity: Text = None, q: Text = None,
               type: Optional[M.QuoteType] = None, date_from: Day = None,
               date_to: Day = None, limit: Limit = 50, offset: Offset = 0):
        """Quotes, newest first. `speaker`: text in the speaker's name; `entity`: speaker's
        identity id; `q`: text in the quote; `date_from`/`date_to`: article date, inclusive."""
        date_from, date_to = _days(date_from, date_to)
        return queries.search_quotes(db, speaker=speaker, entity=entity, q=q, type=type,
                                     date_from=date_from, date_to=date_to,
                                     limit=limit, offset=offset)

    @app.get("/api/events", response_model=M.EventPage, responses=INVALID, tags=["events"])
    def events(db: DB, actor: Text = None, target: Text = None, actor_name: Text = None,
               target_name: Text = None, type: Optional[M.EventType] = None, negated: Optional[bool] = None,
               date_from: Day = None, date_to: Day = None, limit: Limit = 50, offset: Offset = 0):
        """Events, newest first, one row each in the layout of `lagebild export events`.
        `actor`/`target`: identity ids; `actor_name`/`target_name`: text in the name; `type`:
        PLOVER type; `negated`: true or false; `date_from`/`date_to`: article date, inclusive."""
        date_from, date_to = _days(date_from, date_to)
        return store_events.search_events(db, actor=actor, target=target, actor_name=actor_name,
                                          target_name=target_name, type=type, negated=negated,
                                          date_from=date_from, date_to=date_to, limit=limit, offset=offset)

    @app.get("/api/events/pairs", response_model=list[M.EventPair], responses=INVALID, tags=["events"])
    def event_pairs(db: DB, type: Optional[M.EventType] = None, date_from: Day = None, date_to: Day = None,
                    limit: Limit = 50):
        """Who does what to whom: events per actor and target identity, split into cooperation
        and conflict (CAMEO quad classes of the PLOVER types), most events first."""
        date_from, date_to = _days(date_from, date_to)
        return store_events.event_pairs(db, type=type, date_from=date_from, date_to=date_to, limit=limit)

    @app.get("/api/stats/quotes-per-month", response_model=list[M.MonthCount], responses=NOT_FOUND, tags=["stats"])
    def quotes_per_month(db: DB, entity: Text = None):
        """Quotes per article month (YYYY-MM), optionally of one speaker identity (404 when no
        identity has that id)."""
        if entity and not queries.identity_exists(db, entity):
            raise HTTPException(404, f"no entity with id {entity!r}; list ids at /api/entities")
        return queries.quotes_per_month(db, entity=entity)

    @app.get("/api/stats/overview", response_model=M.Overview, tags=["stats"])
    def overview(db: DB):
        """Totals, top speakers, top entities and articles per day: the data of the start page."""
        return queries.overview(db)

    if with_web:
        from lagebild.web.pages import register_pages

        register_pages(app, get_db)
    return app

