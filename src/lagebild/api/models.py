"""Response models of the REST API: they make /openapi.json precise enough that a contract test
(schemathesis) can check every response against it."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Field, create_model

from lagebild.article import ENTITY_TYPES, EVENT_TYPES, QUOTE_TYPES
from lagebild.store.events import EVENT_EXPORT_COLUMNS

EntityType = Literal[ENTITY_TYPES]   # the one list, in lagebild.article
QuoteType = Literal[QUOTE_TYPES]
EventType = Literal[EVENT_TYPES]


class Error(BaseModel):
    detail: str = Field(description="What was wrong and what to do about it.")


class PageInfo(BaseModel):
    total: int = Field(description="Items matching the query, over all pages; a lower bound when "
                                   "`total_capped` (text searches count up to 1,000 past the offset).")
    total_capped: bool = Field(False, description="More items match than `total` says.")
    limit: int
    offset: int


def page_of(item: type[BaseModel], name: str) -> type[PageInfo]:
    """The response model `name`: one page of `item`s (`total`, `limit`, `offset`, `items`)."""
    return create_model(name, __base__=PageInfo, items=(list[item], ...))


class InDocument(BaseModel):
    """Where an item stands: its document, with the document's title and date."""
    doc_id: str
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="Article date YYYY-MM-DD, if known.")


class Span(BaseModel):
    start: Optional[int] = Field(None, description="Character offset in the document's text.")
    end: Optional[int] = None


class DocumentSummary(BaseModel):
    id: str
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="Article date YYYY-MM-DD, if known.")
    source: Optional[str] = None
    url: Optional[str] = None
    n_chars: Optional[int] = None
    n_entities: int
    n_quotes: int


DocumentPage = page_of(DocumentSummary, "DocumentPage")

class IdentitySummary(BaseModel):
    id: str = Field(description="Corpus identity id, stable across ingests (e.g. per-anders-fogh-rasmussen).")
    name: str
    type: EntityType | str
    n_docs: int
    n_mentions: int
    n_quotes: int
    first_date: Optional[str] = None
    last_date: Optional[str] = None


IdentityPage = page_of(IdentitySummary, "IdentityPage")


class Quote(InDocument, Span):
    id: str = Field(description="Quote id within its document.")
    type: Optional[str] = None
    content: Optional[str] = None
    cue: Optional[str] = None
    speaker_text: Optional[str] = None
    speaker_id: Optional[str] = Field(None, description="Identity id of the speaker, if resolved.")
    speaker_name: Optional[str] = None


QuotePage = page_of(Quote, "QuotePage")

class NameVariant(BaseModel):
    name: Optional[str] = None
    n: int


class RoleSeen(BaseModel):
    role: Optional[str] = None
    of: Optional[str] = None
    date: Optional[str] = None
    doc_id: str


class Evidence(BaseModel):
    doc_id: str
    entity_id: str
    name: Optional[str] = None
    evidence: str = Field(description="Why this entity joined the identity (see docs/identities.md).")


class MentionSeen(InDocument, Span):
    text: Optional[str] = None
    form: Optional[str] = None


MentionPage = page_of(MentionSeen, "MentionPage")

class TimelinePoint(BaseModel):
    month: str
    n_docs: int
    n_quotes: int


class IdentityDetail(IdentitySummary):
    names: list[NameVariant]
    roles: list[RoleSeen] = Field(description="Roles over time, one page (`limit`/`offset`).")
    roles_more: bool = Field(False, description="The next page has more roles.")
    evidence: list[Evidence] = Field(description="Why its members were merged, one page (`limit`/`offset`).")
    evidence_more: bool = Field(False, description="The next page has more evidence.")
    mentions: MentionPage
    quotes: QuotePage
    timeline: list[TimelinePoint]


class MonthCount(BaseModel):
    month: str
    n: int


class DayCount(BaseModel):
    day: str
    n: int


class Overview(BaseModel):
    totals: dict[str, int]
    top_speakers: list[IdentitySummary]
    top_entities: list[IdentitySummary]
    articles_per_day: list[DayCount]


Article = dict[str, Any]


_PYTHON_TYPE = {"TEXT": str, "BOOLEAN": bool, "DOUBLE": float, "INTEGER": int}
_EVENT_DESCRIPTIONS = {
    "type": "PLOVER event type.",
    "quad_class": "CAMEO quad class: verbal/material cooperation/conflict.",
    "actor_name": "The actor's name in the article.",
    "actor_identity": "The actor's corpus identity id.",
    "actor_text": "The words that name the actor at this event.",
    "source_quote": "Id of the quote the event is claimed in.",
}


def _event_field(name: str, sql_type: str) -> tuple[Any, Any]:
    if name == "doc_id":
        return str, ...
    return Optional[_PYTHON_TYPE[sql_type]], Field(None, description=_EVENT_DESCRIPTIONS.get(name))


# the columns of `lagebild export events`, declared once in lagebild.store.events
Event = create_model("Event", __doc__="One event in the flat event-data layout of `lagebild export events`.",
                     **{name: _event_field(name, sql_type) for name, sql_type in EVENT_EXPORT_COLUMNS})


EventPage = page_of(Event, "EventPage")


class EventPair(BaseModel):
    """Events of one actor identity towards one target identity."""
    actor_identity: str
    actor_name: Optional[str] = None
    target_identity: str
    target_name: Optional[str] = None
    n: int
    n_cooperation: int
    n_conflict: int
    n_negated: int
