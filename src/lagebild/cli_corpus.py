"""`lagebild corpus ...`: read, pre-annotate, compile and check the annotated news corpus."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer

from lagebild.corpus import draft as drafts
from lagebild.corpus import loader, validate
from lagebild.corpus.sources import source_text

corpus_app = typer.Typer(no_args_is_help=True, help="The annotated news corpus under corpus/.")
DRAFTS = loader.CORPUS_DIR / "drafts"
FOLDERS = {"primary": "articles", "double": "double"}


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@corpus_app.command("show")
def show(article_id: str) -> None:
    """Print an article's text with its paragraphs numbered and its source facts."""
    src = source_text(article_id)
    typer.echo(f"# {src.id}  source {src.corpus} {src.key}  date {src.date}  topic {src.topic}  {len(src.text)} chars")
    for k, para in enumerate(p for p in src.text.split("\n") if p.strip()):
        typer.echo(f"[{k}] {para}")


@corpus_app.command("draft")
def draft(article_id: str, annotator: str = typer.Option(..., help="Who annotates (an id such as a1)."),
          scratch: bool = typer.Option(False, help="An empty draft for an annotation from scratch."),
          out: Optional[Path] = typer.Option(None, help="Where to write (default corpus/drafts/<mode>/ID.json)."),
          force: bool = typer.Option(False, help="Overwrite an existing draft.")) -> None:
    """Write the draft an annotator edits: pre-annotated by the pipeline, or empty with --scratch."""
    from lagebild.corpus import preannotate

    src = source_text(article_id)
    path = out or DRAFTS / ("scratch" if scratch else "corrected") / f"{article_id}.json"
    if path.exists() and not force:
        raise typer.BadParameter(f"{path} exists (use --force to overwrite)")
    if scratch:
        data = preannotate.scratch_draft(src, annotator)
    else:
        import lagebild

        result = lagebild.analyze(src.text, date=src.date, id=src.id)
        data = preannotate.pipeline_draft(src, result, annotator)
    _write_draft(path, data)
    typer.echo(str(path))


def _write_draft(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(drafts.dump_draft(data), encoding="utf-8")


@corpus_app.command("compile")
def compile_(path: Path, double: bool = typer.Option(False, help="Write to corpus/double/ (second annotation)."),
             show_marked: bool = typer.Option(False, "--show", help="Print the text with the mentions marked.")) -> None:
    """Check a draft and write its corpus file; every problem is listed, nothing is written on error."""
    data = json.loads(path.read_text(encoding="utf-8"))
    src = source_text(data.get("id", ""))
    timing = {}
    if data.get("started"):
        started = datetime.fromisoformat(data["started"])
        timing = {"started": data["started"], "seconds": int((datetime.now(timezone.utc) - started).total_seconds())}
    try:
        record = drafts.compile_draft(data, src, annotation={**timing, "layers": _layers(data, src)})
    except drafts.DraftErrors as err:
        typer.echo(f"{len(err.problems)} problem(s) in {path}:", err=True)
        for p in err.problems:
            typer.echo(f"  - {p}", err=True)
        raise typer.Exit(1)
    found = validate.problems(record, src)
    if found:
        typer.echo(f"{len(found)} problem(s) in {path}:", err=True)
        for p in found:
            typer.echo(f"  - {p}", err=True)
        raise typer.Exit(1)
    target = loader.CORPUS_DIR / FOLDERS["double" if double else "primary"] / f"{src.id}.json"
    _write_json(target, record)
    counts = ", ".join(f"{len(record[k])} {k}" for k in validate.LAYERS)
    typer.echo(f"{target}: {counts}")
    if show_marked:
        typer.echo(marked_text(loader.join(record, src)))


def _layers(data: dict, src) -> dict:
    """Who made each layer: pre-annotated by the pipeline and corrected, or from scratch."""
    base = "pipeline+corrected" if data.get("mode") == "corrected" else "scratch"
    quotes = "wikinews+corrected" if data.get("mode") == "corrected" and src.corpus == "wikinews_quotes" else base
    return {"entities": base, "identities": base, "quotes": quotes, "events": base, "times": base, "amounts": base}


def marked_text(joined: dict) -> str:
    """The article with each mention as [text|identity/kind] (outer mentions only)."""
    text, out, pos = joined["text"], [], 0
    for m in sorted(joined["entities"], key=lambda m: (m["start"], -m["end"])):
        if m["start"] < pos:
            continue
        out.append(text[pos:m["start"]])
        out.append(f"[{text[m['start']:m['end']]}|{m['identity']}/{m['kind']}]")
        pos = m["end"]
    out.append(text[pos:])
    return "".join(out)


@corpus_app.command("decompile")
def decompile(article_id: str, double: bool = typer.Option(False), out: Optional[Path] = typer.Option(None)) -> None:
    """Turn a corpus file back into a draft (to correct or adjudicate it)."""
    folder = FOLDERS["double" if double else "primary"]
    record = loader.read_record(loader.CORPUS_DIR / folder / f"{article_id}.json")
    data = drafts.decompile(record, source_text(article_id).text)
    path = out or DRAFTS / "decompiled" / f"{article_id}.json"
    _write_draft(path, data)
    typer.echo(str(path))


@corpus_app.command("validate")
def validate_all(folder: str = typer.Option("articles", help="articles or double.")) -> None:
    """Validate every corpus file of a folder; exit 1 when any has a problem."""
    bad = 0
    files = loader.corpus_files(folder)
    for path in files:
        record = loader.read_record(path)
        found = validate.problems(record, source_text(record["id"]), path)
        if found:
            bad += 1
            typer.echo(f"{path.name}: " + "; ".join(found))
    typer.echo(f"{len(files) - bad} of {len(files)} files valid")
    if bad:
        raise typer.Exit(1)
