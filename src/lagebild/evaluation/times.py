"""Times and amounts against hand annotation: `lagebild_facts_dev` (24 WikiNews dev articles) and
the lagebild corpus (`corpus/`), its training part or its held-out test part.

facts_dev and the corpus's training part are the data the rules are written against, so their
figures are optimistic; the held-out part (`lagebild.corpus.sources.held_out`) is only reported.
Scoring: `lagebild.evaluation.spans`. A time value must equal the gold value (durations by their
length); an amount value must agree to 1 % (0.667 for two thirds), see `same_amount_value`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from lagebild.dates import normalise_date
from lagebild.evaluation.spans import SpanScore, format_errors, format_score
from lagebild.time.rules import find_amounts, find_times

SPLITS = ("facts_dev", "corpus_train", "corpus_test")
EXPLICIT_YEAR = re.compile(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b")


@dataclass
class GoldArticle:
    key: str
    text: str
    date: date | None
    times: list[dict]
    amounts: list[dict]


def _article_date(value: str | None) -> date | None:
    """The date the pipeline would read the article against (`lagebild.dates.normalise_date`)."""
    day, _ = normalise_date(value)
    return date.fromisoformat(day) if day else None


def _facts_dev(facts_dir: Path, wikinews_dev: Path) -> Iterator[GoldArticle]:
    texts = {}
    with open(wikinews_dev, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["file"]] = rec["originalText"]
    for path in sorted(facts_dir.glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        day = _article_date(facts.get("date"))
        yield GoldArticle(path.stem, texts[facts["file"]], day, facts["times"], facts["amounts"])


def _corpus(part: str) -> Iterator[GoldArticle]:
    from lagebild.corpus.loader import load_corpus
    from lagebild.corpus.sources import held_out

    for rec in load_corpus(part):
        assert held_out(rec["id"]) == (part == "test")
        day = _article_date(rec.get("date"))
        yield GoldArticle(rec["id"], rec["text"], day, rec["times"], rec["amounts"])


def gold_articles(split: str, facts_dir: Path | None = None, wikinews_dev: Path | None = None) -> Iterator[GoldArticle]:
    if split == "facts_dev":
        return _facts_dev(facts_dir, wikinews_dev)
    if split in ("corpus_train", "corpus_test"):
        return _corpus(split.split("_")[1])
    raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")


DURATION = re.compile(r"P(?:(?P<date>(?:\d+(?:\.\d+)?(?:CE|DE|Y|M|W|D))+))?(?:T(?P<time>(?:\d+(?:\.\d+)?[HMS])+))?")
DATE_UNITS = {"CE": (1200, 0), "DE": (120, 0), "Y": (12, 0), "M": (1, 0), "W": (0, 7), "D": (0, 1)}
TIME_UNITS = {"H": 3600, "M": 60, "S": 1}


def _duration(value: str) -> tuple[float, float, float] | None:
    """(months, days, seconds) of an exact duration: "P3.5Y" and "P3Y6M" are both 42 months,
    "P1DE" is "P10Y"; None for anything else (vague "PXY" included)."""
    m = DURATION.fullmatch(value)
    if not m or not (m["date"] or m["time"]):
        return None
    months = days = seconds = 0.0
    for n, unit in re.findall(r"(\d+(?:\.\d+)?)(CE|DE|Y|M|W|D)", m["date"] or ""):
        months, days = months + float(n) * DATE_UNITS[unit][0], days + float(n) * DATE_UNITS[unit][1]
    for n, unit in re.findall(r"(\d+(?:\.\d+)?)([HMS])", m["time"] or ""):
        seconds += float(n) * TIME_UNITS[unit]
    return round(months, 6), round(days, 6), round(seconds, 6)


def same_time_value(gold: dict, pred: dict) -> bool:
    """Equal values; the corpus writes a set's type into its value ("P1Y SET"); exact durations
    are compared by their length (TIMEX3 allows "P3.5Y" and "P3Y6M" for the same duration)."""
    g, value = str(gold.get("value")), str(pred.get("value"))
    if g.endswith(" SET"):
        return pred.get("type") == "SET" and value == g[:-4]
    if value == g:
        return True
    length = _duration(g)
    return length is not None and length == _duration(value)


def _close(g: float, p: float) -> bool:
    return abs(g - p) <= 0.01 * max(abs(g), 1e-9) + 1e-3


def same_amount_value(gold: dict, pred: dict) -> bool:
    """Values agree to 1 %. The forms facts_dev's older guideline wrote for the same reading count
    as well: a percentage as a share of 1 ("99%" = 0.99 "Anteil"), a range by a bound ("fünf bis
    sechs" = 5), a proportion by its count ("328 von 547 Sitzen" = 328)."""
    g, p = gold.get("value"), pred.get("value")
    if g is None or p is None:
        return g is p
    g = float(g)
    readings = [float(p)] + [float(pred[k]) for k in ("low", "high", "count") if pred.get(k) is not None]
    if gold.get("unit") == "Anteil" and pred.get("unit") == "Prozent":
        readings.append(float(p) / 100)
    return any(_close(g, r) for r in readings)


def _anchored(article: GoldArticle) -> list[dict]:
    """Gold times without a year of their own that follow a time with an explicit year."""
    first_explicit = min((t["start"] for t in article.times if EXPLICIT_YEAR.search(t["text"])), default=None)
    if first_explicit is None:
        return []
    return [t for t in article.times if t["start"] > first_explicit and not EXPLICIT_YEAR.search(t["text"])]


def evaluate(articles: Iterator[GoldArticle]) -> dict:
    times, amounts, anchored = SpanScore(same_time_value), SpanScore(same_amount_value), SpanScore(same_time_value)
    n = undated = 0
    for art in articles:
        n += 1
        undated += art.date is None
        pred_t = find_times(art.text, art.date)
        pred_a = find_amounts(art.text, [(t["start"], t["end"]) for t in pred_t])
        times.add(art.key, art.times, pred_t)
        amounts.add(art.key, art.amounts, pred_a)
        wanted = _anchored(art)
        anchored.add(art.key, wanted, [p for p in pred_t if any(p["start"] < g["end"] and g["start"] < p["end"] for g in wanted)])
    return {"articles": n, "undated": undated, "times": times, "amounts": amounts, "anchored": anchored}


def summary(res: dict, kinds: tuple[str, ...]) -> dict:
    out = {"articles": res["articles"], "undated": res["undated"]}
    for kind in kinds:
        out[kind] = res[kind].result()
    return out


def format_result(split: str, res: dict, kinds: tuple[str, ...], errors: int = 0) -> str:
    note = {"facts_dev": "dev data, rules written with it in view",
            "corpus_train": "corpus training part, rules written with it in view",
            "corpus_test": "corpus held-out part, never tuned on"}[split]
    lines = [f"{split}: {res['articles']} articles, {res['undated']} without a date ({note})"]
    for kind in kinds:
        r = res[kind].result()
        if kind == "anchored":
            lines.append(f"times after an explicit year in the article: {r['gold']}, value accuracy "
                         f"{r['value_accuracy']:.3f} on {r['lenient']['recall'] * r['gold']:.0f} found")
            continue
        lines += format_score(kind, r)
        if errors:
            lines += format_errors(res[kind].errors, errors)
    return "\n".join(lines)
