"""Datelines of German news ("Moskau. Die Nato ...", "Berlin (dpa) - ...").

The dateline stays in the text (offsets must keep indexing the input); it is only reported.
"""
from __future__ import annotations

import re

_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-ZÄÖÜ][\w\-äöüß]+(?:[ /][A-ZÄÖÜ][\w\-äöüß]+){0,2})   # one to three capitalised words
    (?:\s*\((?P<agency>[^()\n]{1,30})\))?                              # optional "(dpa)"
    \s*(?:\.|\s[-–—]|:)\s                                               # then ". " or " – " or ": "
    """,
    re.VERBOSE,
)
# A capitalised first word that is an ordinary sentence start, not a place.
_NOT_PLACES = {"Die", "Der", "Das", "Ein", "Eine", "Es", "Er", "Sie", "Wir", "Ich", "In", "Im", "Am", "Auf", "Nach", "Mit"}


def find_dateline(text: str) -> str | None:
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    place = match.group("place")
    if place.split()[0] in _NOT_PLACES:
        return None
    return place
