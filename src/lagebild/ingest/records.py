"""What ingest hands to the pipeline: a raw article, or an error record that says what went wrong
and where, so that one bad record never stops a corpus run."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawArticle:
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file and position it came from, e.g. "corpus.jsonl:17"
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestError:
    id: str | None
    origin: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"error": True, **asdict(self)}


class InputError(Exception):
    """A single input that cannot become an article (empty, binary, too long, no body...)."""
