"""Response models of the REST API: they make /openapi.json precise enough that a contract test
(schemathesis) can check every response against it."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Field

from lagebild.article import ENTITY_TYPES, QUOTE_TYPES

EntityType = Literal[ENTITY_TYPES]   # the one list, in lagebild.article
QuoteType = Literal[QUOTE_TYPES]


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
