"""Plain scalar values for store rows: anything else in an article's JSON becomes NULL."""
from __future__ import annotations

from typing import Any


def int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def float_or_none(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
