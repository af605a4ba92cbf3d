"""The label sets of the corpus guideline (`corpus/GUIDELINE.md`), declared once."""
from __future__ import annotations

import re

from lagebild.article import ENTITY_TYPES, EVENT_TYPES, MENTION_FORMS, MODALITIES, QUOTE_TYPES  # noqa: F401

SCHEMA = "lagebild-corpus/1"
LABELS = ENTITY_TYPES
KINDS = MENTION_FORMS
NAMED_KINDS = ("name", "deriv", "part")
QUOTE_KINDS = QUOTE_TYPES
MEDIA = ("speech", "interview", "statement", "press_release", "writing", "social_media", "other")
MODES = ("corrected", "scratch")
AMOUNT_MODS = ("more_than", "about", "almost", "up_to", "at_least", "less_than")

_DATE = r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-\d|-WE)?|-(?:SP|SU|FA|WI|H[12]|Q[1-4]))?"
_CLOCK = r"T\d{2}(?::\d{2})?|T(?:MO|AF|EV|NI|DT)"
_POINT = rf"(?:{_DATE}(?:{_CLOCK})?|{_CLOCK}|\d{{2,3}}|PRESENT_REF|PAST_REF|FUTURE_REF)"
_DURATION = r"P(?:\d+(?:[.,]\d+)?|X)(?:Y|M|W|D|DE|CE)|PT(?:\d+|X)(?:H|M|S)"
TIME_VALUE = re.compile(rf"(?:{_POINT}|{_DURATION})(?:/(?:{_POINT}|{_DURATION}))?(?:\s*(?:SET|EVERY))?")


def is_time_value(value: str) -> bool:
    """ISO/TIMEX3-style values of the guideline: 2005-08-12, 2005-W32, 199, P3D, T14:30, a/b, XXXX-08-31."""
    return bool(TIME_VALUE.fullmatch(value))
