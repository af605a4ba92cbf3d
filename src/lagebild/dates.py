"""The one date parser of lagebild: article dates from inputs, `--date`, and date parameters of
the web pages and the API."""
from __future__ import annotations

import re
from datetime import date

ISO_DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ISO_DAY = re.compile(ISO_DAY_PATTERN)
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")
FIRST_YEAR = 1000  # an article date before it is a placeholder of a missing one ("0001-01-01")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")


def parse_day(value: str) -> date:
    """A calendar date written exactly YYYY-MM-DD; ValueError for anything else."""
    if not _ISO_DAY.match(value or ""):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD")
    return date.fromisoformat(value)


def normalise_date(value: str | None) -> tuple[str | None, str | None]:
    """An input's date as (YYYY-MM-DD or None, warning or None): ISO (also with a time after
    it, "2016-02-03T10:00") or German ("3.2.2016", "16. 5. 2016"); a placeholder ("0001-01-01")
    is no date."""
    if value is None or not str(value).strip():
        return None, None
    value = str(value).strip()
    iso, german = _ISO_PREFIX.match(value), _GERMAN_DATE.match(value)
    try:
        if iso:
            day = date.fromisoformat(iso.group(1))
        elif german:
            day = date(int(german.group(3)), int(german.group(2)), int(german.group(1)))
        else:
            day = None
    except ValueError:
        day = None
    if day is not None and day.year < FIRST_YEAR:
        return None, f"placeholder date {value!r} ignored"
    if day is not None:
        return day.isoformat(), None
    return None, f"unreadable date {value!r} ignored"
