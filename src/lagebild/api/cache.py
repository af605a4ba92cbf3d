"""Answers of a store that cannot change, kept and replayed: the same bytes, without the work.

`lagebild serve` answers a DuckDB store from a read-only copy that is replaced, never changed
(store/snapshot.py), so a page or API answer for one URL stays right as long as that copy is
served. `ResponseCache` keeps the complete answers (status, headers, body) of successful GETs,
least recently used out first, and forgets them all when the provider switches to a new copy.
A store that can change under the server (PostgreSQL, or a writable DuckDB handed to
`create_app`) is never cached. Replayed answers are byte for byte the ones the app gave, and
they are sent from the event loop without waiting for a worker thread, which keeps the popular
pages fast while the threads work on the rest.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable

MAX_BODY = 1 << 20          # larger answers are sent, not kept
MAX_TOTAL = 64 << 20        # bytes of bodies kept in all
UNCACHED_PREFIXES = ("/static",)  # StaticFiles answers depend on request headers (ETag, Range)


def immutable(db: Any) -> bool:
    """True for a read-only DuckDB store file (a `serve` copy or a path opened read-only);
    `:memory:` is opened writable even when asked for read-only, so it never counts."""
    return (getattr(db, "kind", None) == "duckdb" and bool(getattr(db, "read_only", False))
            and getattr(db, "target", ":memory:") != ":memory:")


class ResponseCache:
    """ASGI middleware: replay kept answers for GET requests while `root()` is immutable."""

    def __init__(self, app: Callable, *, root: Callable[[], Any], max_total: int = MAX_TOTAL,
                 max_body: int = MAX_BODY) -> None:
        self.app = app
        self.root = root
        self.max_total = max_total
        self.max_body = max_body
        self._entries: OrderedDict[tuple[str, bytes], tuple[dict, bytes]] = OrderedDict()
        self._size = 0
        self._for: Any = None
        self.hits = self.misses = 0

    def clear(self) -> None:
        self._entries.clear()
        self._size = 0

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(UNCACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        root = self.root()
        if root is not self._for:          # a new store copy (or the first request)
            self.clear()
            self._for = root
        if not immutable(root):
            await self.app(scope, receive, send)
            return
        key = (scope.get("root_path", "") + scope["path"], scope.get("query_string", b""))
        kept = self._entries.get(key)
        if kept is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            start, body = kept
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: dict | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: dict) -> None:
            nonlocal start, keep, size
            if message["type"] == "http.response.start":
                start = message
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.max_body:
                    keep = False
                    chunks.clear()
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start is not None and root is self._for:
            self._store(key, start, b"".join(chunks))

    def _store(self, key: tuple[str, bytes], start: dict, body: bytes) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old[1])
        self._entries[key] = (start, body)
        self._size += len(body)
        while self._size > self.max_total and self._entries:
            _, (_, dropped) = self._entries.popitem(last=False)
            self._size -= len(dropped)
