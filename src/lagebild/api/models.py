"""Response models of the REST API: they make /openapi.json precise enough that a contract test
(schemathesis) can check every response against it."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Field

from lagebild.article import ENTITY_TYPES, EVENT_TYPES, QUOTE_TYPES

EntityType = Literal[ENTITY_TYPES]   # the one list, in lagebild.article
QuoteType = Literal[QUOTE_TYPES]
EventType = Literal[EVENT_TYPES]


class Error(BaseModel):
    detail: str = Field(description="What was wrong and what to do about it.")


class PageInfo(BaseModel):
    total: int = Field(description="Items matching the query, over all pages.")
    limit: int
    offset: int


class DocumentSummary(BaseModel):
    id: str
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="Article date YYYY-MM-DD, if known.")
    source: Optional[str] = None
    url: Optional[str] = None
    n_chars: Optional[int] = None
    n_entities: int
    n_quotes: int


class DocumentPage(PageInfo):
    items: list[DocumentSummary]


class IdentitySummary(BaseModel):
    id: str = Field(description="Corpus identity id, stable across ingests (e.g. per-anders-fogh-rasmussen).")
    name: str
    type: EntityType | str
    n_docs: int
    n_mentions: int
    n_quotes: int
    first_date: Optional[str] = None
    last_date: Optional[str] = None


class IdentityPage(PageInfo):
    items: list[IdentitySummary]


class Quote(BaseModel):
    doc_id: str
    id: str = Field(description="Quote id within its document.")
    type: Optional[str] = None
    content: Optional[str] = None
    cue: Optional[str] = None
    speaker_text: Optional[str] = None
    speaker_id: Optional[str] = Field(None, description="Identity id of the speaker, if resolved.")
    speaker_name: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class QuotePage(PageInfo):
    items: list[Quote]


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


class MentionSeen(BaseModel):
    doc_id: str
    title: Optional[str] = None
    date: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None
    form: Optional[str] = None


class MentionPage(PageInfo):
    items: list[MentionSeen]


class TimelinePoint(BaseModel):
    month: str
    n_docs: int
    n_quotes: int


class IdentityDetail(IdentitySummary):
    names: list[NameVariant]
    roles: list[RoleSeen]
    evidence: list[Evidence]
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




class Event(BaseModel):
    """One event in the flat event-data layout of `lagebild export events`."""
    date: Optional[str] = None
    doc_id: str
    event_id: Optional[str] = None
    type: Optional[str] = Field(None, description="PLOVER event type.")
    quad_class: Optional[str] = Field(None, description="CAMEO quad class: verbal/material cooperation/conflict.")
    negated: Optional[bool] = None
    modality: Optional[str] = None
    actor_name: Optional[str] = Field(None, description="The actor's name in the article.")
    actor_identity: Optional[str] = Field(None, description="The actor's corpus identity id.")
    actor_identity_name: Optional[str] = None
    actor_text: Optional[str] = Field(None, description="The words that name the actor at this event.")
    target_name: Optional[str] = None
    target_identity: Optional[str] = None
    target_identity_name: Optional[str] = None
    target_text: Optional[str] = None
    source_quote: Optional[str] = Field(None, description="Id of the quote the event is claimed in.")
    source_speaker_name: Optional[str] = None
    source_speaker_identity: Optional[str] = None
    time_value: Optional[str] = None
    place_text: Optional[str] = None
    score: Optional[float] = None
    sentence: Optional[str] = None
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None
    trigger_text: Optional[str] = None
    title: Optional[str] = None


class EventPage(PageInfo):
    items: list[Event]


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
