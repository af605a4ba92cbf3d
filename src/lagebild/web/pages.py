"""Server-rendered HTML pages over the same queries as the REST API (each page links its JSON
twin). Jinja2 with autoescaping on for everything: corpus text is data, never markup. CSS and
JS are small vendored files under web/static, so the UI needs no build step and no network.
"""
from __future__ import annotations

from importlib import resources
from typing import Any, Callable
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from lagebild.dates import parse_day
from lagebild.paths import resource_records
from lagebild.store import events as store_events, queries
from lagebild.web.render import event_cards, quote_cards, segments

PAGE_SIZE = 25


def labels(kind: str) -> dict[str, str]:
    """The German names the pages show for one kind of key (resources/de/web_labels.tsv)."""
    return {r["key"]: r["label"] for r in resource_records("web_labels.tsv") if r["kind"] == kind}


QUOTE_TYPES = labels("quote_type")
ENTITY_TYPES = labels("entity_type")
EVENT_TYPES = labels("event_type")


def _web_dir(name: str) -> str:
    return str(resources.files("lagebild.web").joinpath(name))


def environment() -> Environment:
    """Jinja environment with autoescaping forced on for every template."""
    env = Environment(loader=FileSystemLoader(_web_dir("templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(QUOTE_TYPES=QUOTE_TYPES, ENTITY_TYPES=ENTITY_TYPES, EVENT_TYPES=EVENT_TYPES,
                       QUADS=labels("quad"), MODALITIES=labels("modality"))
    env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return env


def _int(value: str | None, default: int, hi: int = 1_000_000) -> int:
    try:
        return min(max(int(value), 0), hi) if value is not None else default
    except ValueError:
        return default


def _day(value: str | None, label: str, errors: list[str]) -> str | None:
    """A YYYY-MM-DD date from a form field, or None with a message for the page."""
    if not value:
        return None
    value = value.strip()
    try:
        return parse_day(value).isoformat()
    except ValueError:
        pass
    errors.append(f"{label}: „{value}“ ist kein Datum der Form JJJJ-MM-TT – ignoriert.")
    return None


def _pager(total: int, offset: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    return {"total": total, "offset": offset, "size": size,
            "prev": max(offset - size, 0) if offset > 0 else None,
            "next": offset + size if offset + size < total else None,
            "first": offset + 1 if total else 0, "last": min(offset + size, total)}


def _entity_total(ident: dict[str, Any], offset: int, size: int = PAGE_SIZE) -> int:
    """Items the entity page's pager walks: its longest list, roles and evidence included."""
    more = offset + size + 1 if ident["roles_more"] or ident["evidence_more"] else 0
    return max(ident["quotes"]["total"], ident["mentions"]["total"], more)


def register_pages(app: FastAPI, get_db: Callable) -> None:
    """Add the HTML pages and /static to `app`; `get_db` is the API's database dependency."""
    env = environment()
    app.mount("/static", StaticFiles(directory=_web_dir("static")), name="static")

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, db=Depends(get_db)):
        q = (request.query_params.get("q") or "").strip()[:200]
        offset = _int(request.query_params.get("offset"), 0)
        docs = queries.list_documents(db, q=q or None, limit=PAGE_SIZE, offset=offset)
        stats = queries.overview(db)
        peak = max([d["n"] for d in stats["articles_per_day"]] or [1])
        return render("index.html", docs=docs, stats=stats, q=q, peak=peak,
                      pager=_pager(docs["total"], offset), json_url="/api/stats/overview")

    @app.get("/articles/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(doc_id: str, db=Depends(get_db)):
        data = queries.get_document(db, doc_id)
        if data is None:
            return render("error.html", 404, message=f"Kein Artikel mit der Kennung „{doc_id}“.")
        idents = queries.document_identities(db, doc_id)
        cards = quote_cards(data, idents)
        entities = sorted(data.get("entities") or [], key=lambda e: (e.get("type") or "", e.get("name") or ""))
        return render("article.html", article=data, segments=segments(data, idents), cards=cards,
                      entities=entities, idents=idents, events=event_cards(data, idents),
                      json_url=f"/api/documents/{quote(doc_id, safe='')}")

    @app.get("/entities/{identity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(identity_id: str, request: Request, db=Depends(get_db)):
        offset = _int(request.query_params.get("offset"), 0)
        ident = queries.get_identity(db, identity_id, limit=PAGE_SIZE, offset=offset)
        if ident is None:
            return render("error.html", 404, message=f"Keine Entität mit der Kennung „{identity_id}“.")
        peak = max([t["n_docs"] for t in ident["timeline"]] or [1])
        return render("entity.html", ident=ident, peak=peak,
                      pager=_pager(_entity_total(ident, offset), offset),
                      json_url=f"/api/entities/{identity_id}")

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, db=Depends(get_db)):
        p = request.query_params
        errors: list[str] = []
        form = {k: (p.get(k) or "").strip()[:200] for k in ("speaker", "q", "entity", "type", "date_from", "date_to")}
        if form["type"] and form["type"] not in QUOTE_TYPES:
            errors.append(f"Unbekannte Zitatart „{form['type']}“ – ignoriert.")
            form["type"] = ""
        date_from = _day(form["date_from"], "von", errors)
        date_to = _day(form["date_to"], "bis", errors)
        offset = _int(p.get("offset"), 0)
        found = queries.search_quotes(db, speaker=form["speaker"] or None, entity=form["entity"] or None,
                                      q=form["q"] or None, type=form["type"] or None, date_from=date_from,
                                      date_to=date_to, limit=PAGE_SIZE, offset=offset)
        valid = {**form, "date_from": date_from, "date_to": date_to}
        json_url = "/api/quotes?" + urlencode({k: v for k, v in valid.items() if v})
        return render("quotes.html", found=found, form=form, errors=errors,
                      pager=_pager(found["total"], offset), json_url=json_url)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, db=Depends(get_db)):
        p = request.query_params
        errors: list[str] = []
        form = {k: (p.get(k) or "").strip()[:200]
                for k in ("actor_name", "target_name", "actor", "target", "type", "negated", "date_from", "date_to")}
        if form["type"] and form["type"] not in EVENT_TYPES:
            errors.append(f"Unbekannte Ereignisart „{form['type']}“ – ignoriert.")
            form["type"] = ""
        negated = {"ja": True, "nein": False}.get(form["negated"])
        date_from = _day(form["date_from"], "von", errors)
        date_to = _day(form["date_to"], "bis", errors)
        offset = _int(p.get("offset"), 0)
        filters = {k: form[k] or None for k in ("actor_name", "target_name", "actor", "target", "type")}
        found = store_events.search_events(db, **filters, negated=negated, date_from=date_from, date_to=date_to,
                                           limit=PAGE_SIZE, offset=offset)
        pairs = store_events.event_pairs(db, type=filters["type"], date_from=date_from, date_to=date_to, limit=15)
        api = {**filters, "negated": {True: "true", False: "false"}.get(negated), "date_from": date_from,
               "date_to": date_to}
        json_url = "/api/events?" + urlencode({k: v for k, v in api.items() if v})
        return render("events.html", found=found, form=form, errors=errors, pairs=pairs,
                      peak=max([x["n"] for x in pairs] or [1]), pager=_pager(found["total"], offset),
                      json_url=json_url)
