"""`lagebild corpus ...`: read, pre-annotate, compile and check the annotated news corpus."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer

from lagebild.cli_help import ConventionalTyper
from lagebild.corpus import draft as drafts
from lagebild.corpus import loader, validate
from lagebild.corpus.sources import source_text

corpus_app = ConventionalTyper(no_args_is_help=True, help="The annotated news corpus under corpus/.")
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
    if double and data.get("mode") != "scratch":
        typer.echo("a second annotation (--double) must be made from scratch (mode scratch)", err=True)
        raise typer.Exit(1)
    timing = {}
    if data.get("started"):
        started = datetime.fromisoformat(data["started"])
        elapsed = int((datetime.now(timezone.utc) - started).total_seconds())
        timing = {"started": data["started"], "seconds": data.get("prior_seconds", 0) + elapsed,
                  **({"revisions": data["revisions"]} if data.get("revisions") else {})}
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
    _warn_if_guideline_changed(data.get("started"))
    counts = ", ".join(f"{len(record[k])} {k}" for k in validate.LAYERS)
    typer.echo(f"{target}: {counts}")
    if show_marked:
        typer.echo(marked_text(loader.join(record, src)))


def _warn_if_guideline_changed(started: str | None) -> None:
    """Tell the annotator when corpus/GUIDELINE.md changed after this draft was started."""
    guideline = loader.CORPUS_DIR / "GUIDELINE.md"
    if not started or not guideline.exists():
        return
    changed = datetime.fromtimestamp(guideline.stat().st_mtime, timezone.utc)
    if changed > datetime.fromisoformat(started):
        typer.echo(f"note: corpus/GUIDELINE.md changed at {changed:%H:%M} UTC, after this draft was started: "
                   "re-read its section 8 (decisions) before the next article", err=True)


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


@corpus_app.command("adjudicate")
def adjudicate(article_id: str, adjudicator: str = typer.Option(..., help="Who adjudicates (an id such as j1).")) -> None:
    """Start adjudicating a double-annotated article: keep the primary's first version in
    corpus/unadjudicated/ (agreement is measured on it), and write drafts of both annotations to
    corpus/drafts/adjudicate/ (ID.json to edit and compile, ID.double.json to compare)."""
    import shutil

    primary = loader.CORPUS_DIR / "articles" / f"{article_id}.json"
    second = loader.CORPUS_DIR / "double" / f"{article_id}.json"
    if not (primary.exists() and second.exists()):
        raise typer.BadParameter(f"{article_id} needs both corpus/articles/ and corpus/double/ files")
    first = loader.CORPUS_DIR / "unadjudicated" / f"{article_id}.json"
    if not first.exists():
        first.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(primary, first)
    text = source_text(article_id).text
    data = drafts.decompile(loader.read_record(primary), text)
    data["adjudicator"] = adjudicator
    out = DRAFTS / "adjudicate"
    _write_draft(out / f"{article_id}.json", data)
    _write_draft(out / f"{article_id}.double.json", drafts.decompile(loader.read_record(second), text))
    typer.echo(f"{out / article_id}.json (edit, then compile) and {out / article_id}.double.json (compare)")


@corpus_app.command("validate")
def validate_all(folder: str = typer.Option("articles", help="articles or double.")) -> None:
    """Validate every corpus file of a folder; exit 1 when any has a problem."""
    bad = 0
    files = loader.corpus_files(folder)
    for path in files:
        record = loader.read_record(path)
        found = validate.problems(record, source_text(record["id"]), path)
        if folder == "double" and record.get("annotation", {}).get("mode") != "scratch":
            found.append("a second annotation must be made from scratch")
        if found:
            bad += 1
            typer.echo(f"{path.name}: " + "; ".join(found))
    records = [loader.read_record(path) for path in files]
    conflicts = validate.key_label_conflicts(records)
    variants = validate.key_spelling_variants(records)
    for line in conflicts + variants:
        typer.echo(line)
    typer.echo(f"{len(files) - bad} of {len(files)} files valid; {len(conflicts)} corpus keys with two labels; "
               f"{len(variants)} keys spelt two ways")
    if bad or conflicts or variants:
        raise typer.Exit(1)


def _need_source_texts() -> None:
    """Exit with a message when the shared data (the article texts) is not there."""
    from lagebild import paths

    if not paths.shared_data_dir().is_dir():
        typer.echo(f"error: {paths.shared_data_dir()} not found (set LAGEBILD_DATA to the shared data folder)", err=True)
        raise typer.Exit(2)


@corpus_app.command("agree")
def agree(as_json: bool = typer.Option(False, "--json", help="Figures and every disagreement as JSON.")) -> None:
    """Agreement of corpus/double/ (second annotation) with corpus/articles/, scored as `lagebild eval` scores."""
    from lagebild.corpus import agreement

    _need_source_texts()
    ids, unpaired = agreement.paired_ids()
    res = agreement.agreement([agreement.load_pair(i) for i in ids])
    res["double_without_primary"] = unpaired
    typer.echo(json.dumps(res, ensure_ascii=False, indent=1) if as_json else format_agreement(res))


def format_agreement(res: dict, top: int = 5) -> str:
    """A short text report of `agreement.agreement`: F1 per layer and source, the most frequent disagreements."""
    from lagebild.corpus import agreement

    rows = [("mentions named span", "entities", "named_span"), ("mentions span+type", "entities", "named_typed"),
            ("identities B-cubed", "entities", "identities_bcubed"), ("person roles", "entities", "person_roles"),
            ("quotes proportional", "quotes", "proportional"), ("quote speaker", "quotes", "speaker"),
            ("quote cue", "quotes", "cue"), ("event trigger", "events", "trigger"),
            ("event type+trigger", "events", "typed"), ("event full", "events", "full"),
            ("times exact", "times", "exact"), ("times overlap", "times", "overlap"), ("amounts exact", "amounts", "exact")]
    src, groups = res["by_source"], agreement.GROUPS
    lines = [f"agreement of corpus/double/ (B) with corpus/articles/ (A): "
             + ", ".join(f"{g} {src[g]['articles']}" for g in groups) + " articles (F1, symmetric)",
             f"{'':24s}" + "".join(f"{g:>8s}" for g in groups)]

    def row(name: str, figure) -> str:
        return f"{name:24s}" + "".join(f"{figure(src[g]):8.3f}" if src[g]["articles"] else f"{'-':>8s}" for g in groups)

    lines += [row(name, lambda r, layer=layer, key=key: r[layer][key]["f1"]) for name, layer, key in rows]
    lines.append(row("quote type accuracy", lambda r: r["quotes"]["type_accuracy"]))
    lines += [row(f"{layer} value accuracy", lambda r, layer=layer: r[layer]["value_accuracy_on_exact"])
              for layer in ("times", "amounts")]
    if res.get("double_without_primary"):
        lines.append("double annotation without a primary one (not scored): " + ", ".join(res["double_without_primary"]))
    lines.append(f"most frequent disagreements (of {len(res['disagreements'])}; all in --json):")
    lines += [f"  {n:4d}  {pattern}" for pattern, n in res["patterns"][:top]]
    return "\n".join(lines)


@corpus_app.command("export")
def export(kind: str = typer.Argument(..., help="ner (GermEval-style token BIO) or spans (spaCy DocBin)."),
           part: str = typer.Option("train", help="train, test or all (test only when asked for)."),
           out: Path = typer.Option(..., help="The file to write (.tsv for ner, .spacy for spans).")) -> None:
    """Write training data from corpus/articles/: NER token BIO or a DocBin with span groups."""
    from lagebild.corpus import export as exporter

    if kind not in ("ner", "spans") or part not in exporter.PARTS:
        raise typer.BadParameter(f"kind {kind!r} / part {part!r}: kind is ner or spans, part train, test or all")
    _need_source_texts()
    records = exporter.export_records(part)
    res = (exporter.write_ner if kind == "ner" else exporter.write_spans)(records, out)
    typer.echo(f"{out}: " + ", ".join(f"{k} {v}" for k, v in res.items() if k != "unaligned_spans"))
    for span in res.get("unaligned_spans", []):
        typer.echo(f"  not aligned: {span['id']} {span['group']} {span['text']!r}", err=True)


@corpus_app.command("stats")
def stats(folder: str = typer.Option("articles", help="articles or double."),
          as_json: bool = typer.Option(False, "--json")) -> None:
    """Counts per layer, source and part; kinds, types, roles, annotation time, layer provenance."""
    from lagebild.corpus import stats as corpus_stats

    res = corpus_stats.folder_stats(folder)
    typer.echo(json.dumps(res, ensure_ascii=False, indent=1) if as_json else corpus_stats.format_stats(res))


@corpus_app.command("candidates")
def candidates(source: str = typer.Option("wn", help="wn (WikiNews train) or gnad (10kGNAD rows 0-899)."),
               n: int = typer.Option(20, "-n", help="How many ids to list.")) -> None:
    """List the best-ranked source articles not yet annotated (topic score, id, length)."""
    from lagebild.corpus import select

    _need_source_texts()
    if source not in ("wn", "gnad"):
        raise typer.BadParameter("wn or gnad", param_hint="--source")
    done = {p.stem for p in loader.corpus_files("articles")}
    words = select.topic_words(loader.CORPUS_DIR / "topic_words.tsv")
    ranked = [(score, src) for score, src in select.candidates(words)
              if src.id.startswith(f"{source}-") and src.id not in done]
    for score, src in ranked[:n]:
        typer.echo(f"{score:6.1f}  {src.id}  {len(src.text)} chars")
