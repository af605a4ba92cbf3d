"""Small corpora and output readers for the batch tests (no models needed: the pipeline is used
as it is, so the tests check plumbing, never what the models find)."""
from __future__ import annotations

import json
from pathlib import Path

TOPICS = ["Rente", "Bahn", "Energie", "Bildung", "Pflege", "Steuer", "Wohnungsbau", "Digitalisierung"]
CITIES = ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Bremen"]


def german(i: int) -> str:
    """A distinct, plainly German news text."""
    return (f"{CITIES[i % len(CITIES)]} – Die Bundesregierung hat am Mittwoch ein neues Gesetz zur "
            f"{TOPICS[i % len(TOPICS)]} beschlossen. Es ist der {i + 1}. Entwurf in diesem Jahr. "
            f"Der Minister sagte, es gebe keine Alternative, und die Opposition kündigte Widerstand an.")


ENGLISH = "An English text about the weather in London and the rain that fell there today."


def corpus_records(n: int) -> list[str]:
    """n German records plus a broken line, an empty text, an English text and one without id."""
    lines = [json.dumps({"id": f"a{i:03d}", "text": german(i), "date": "2024-03-0%d" % (1 + i % 9)},
                        ensure_ascii=False) for i in range(n)]
    lines.insert(2, "{broken")
    lines.insert(4, json.dumps({"id": "empty", "text": ""}))
    lines.insert(6, json.dumps({"id": "english", "text": ENGLISH}))
    lines.append(json.dumps({"text": german(99), "title": "Ohne Kennung"}, ensure_ascii=False))
    return lines


def write_corpus(path: Path, n: int = 12) -> Path:
    path.write_text("\n".join(corpus_records(n)) + "\n", encoding="utf-8")
    return path


def read_table(out: Path, table: str) -> list[dict]:
    """All rows of one output table, in a canonical order (part files carry no order guarantee)."""
    import pyarrow.parquet as pq

    rows = []
    for part in sorted((out / table).glob("*.parquet")):
        rows += pq.read_table(part).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


def read_tables(out: Path) -> dict[str, list[dict]]:
    from lagebild.store.rows import TABLE_COLUMNS

    return {t: read_table(out, t) for t in TABLE_COLUMNS}


def read_errors(out: Path) -> list[dict]:
    path = out / "errors.jsonl"
    if not path.exists():
        return []
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for r in recs:
        r.pop("chunk", None)  # chunk numbers differ between runs cut differently
    return sorted(recs, key=lambda r: r["origin"])


def read_articles(out: Path) -> dict[str, dict]:
    arts = {}
    for part in sorted((out / "articles").glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            assert a["id"] not in arts, f"article {a['id']} written twice"
            arts[a["id"]] = a
    return arts




def cli_app():
    """The `lagebild` Typer app with `batch` registered (whether or not cli.py has done it yet)."""
    from lagebild.cli import app
    from lagebild.cli_batch import register

    register(app)
    return app
