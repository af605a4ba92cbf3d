"""`lagebild eval ...`: reproduce the reported quality figures from the shipped models."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from lagebild import paths
from lagebild.cli_help import ConventionalTyper

eval_app = ConventionalTyper(no_args_is_help=True, help="Evaluate the shipped models on held-out or dev data.")


def _data(*parts: str) -> Path:
    path = paths.shared_data_dir().joinpath(*parts)
    if not path.exists():
        typer.echo(f"error: {path} not found (set LAGEBILD_DATA to the shared data folder)", err=True)
        raise typer.Exit(2)
    return path


def _emit(results: dict, text: str, as_json: bool) -> None:
    typer.echo(json.dumps(results, indent=2, ensure_ascii=False) if as_json else text)


@eval_app.command("ud")
def eval_ud(split: str = typer.Option("test", help="GSD split: test (held out) or dev (trained on)."),
            as_json: bool = typer.Option(False, "--json")) -> None:
    """UPOS, XPOS, lemma, Mood, UAS/LAS on UD German GSD."""
    from lagebild.evaluation.ud import evaluate_ud, format_ud
    from lagebild.pipeline import load_nlp

    res = evaluate_ud(load_nlp(), _data("ud_german_gsd", f"de_gsd-ud-{split}.conllu"))
    _emit(res, format_ud(res), as_json)


@eval_app.command("ner")
def eval_ner(split: str = typer.Option("test", help="GermEval 2014 split: test (held out) or dev."),
             as_json: bool = typer.Option(False, "--json")) -> None:
    """Strict span F1 on GermEval 2014, outer level."""
    from lagebild.evaluation.ner import evaluate_ner, format_ner
    from lagebild.pipeline import load_nlp

    nlp = load_nlp()
    pipes = [p for p in ("ner", "lagebild_ner_rules") if p in nlp.pipe_names]
    res = evaluate_ner(nlp, _data("germeval2014_ner", f"NER-de-{split}.tsv"), pipes=pipes)
    _emit(res, format_ner(res), as_json)


@eval_app.command("entities")
def eval_entities(as_json: bool = typer.Option(False, "--json")) -> None:
    """Named mentions, identities (B-cubed) and person roles on lagebild_facts_dev."""
    from lagebild.evaluation.entities import evaluate_entities, format_entities

    res = evaluate_entities(_data("lagebild_facts_dev"))
    _emit(res, format_entities(res), as_json)


@eval_app.command("quotes")
def eval_quotes(split: str = typer.Option("dev", help="WikiNews split: dev (train is for learning)."),
                limit: Optional[int] = typer.Option(None, help="Only the first N articles."),
                as_json: bool = typer.Option(False, "--json")) -> None:
    """Quote detection, speaker, cue and type figures on the WikiNews quotation corpus."""
    from lagebild.evaluation.quotes import evaluate_quotes, format_quotes

    res = evaluate_quotes(_data("wikinews_quotes", f"{split}.jsonl"), limit=limit)
    _emit(res, format_quotes(res), as_json)


@eval_app.command("times")
def eval_times(as_json: bool = typer.Option(False, "--json")) -> None:
    """Time expressions and amounts on lagebild_facts_dev (dev data)."""
    from lagebild.evaluation.times import evaluate_times, format_times

    res = evaluate_times(_data("lagebild_facts_dev"), _data("wikinews_quotes", "dev.jsonl"))
    _emit(res, format_times(res), as_json)


@eval_app.command("events")
def eval_events(on: str = typer.Option("both", help="facts_dev (dev data), corpus_test (the corpus's held-out part) or both."),
                as_json: bool = typer.Option(False, "--json")) -> None:
    """PLOVER events on lagebild_facts_dev and on the corpus's held-out part."""
    from lagebild.evaluation.events import evaluate_events, evaluate_events_corpus, format_events

    if on not in ("facts_dev", "corpus_test", "both"):
        typer.echo(f"error: --on must be facts_dev, corpus_test or both, got {on!r}", err=True)
        raise typer.Exit(2)
    results = []
    if on in ("facts_dev", "both"):
        results.append(evaluate_events(_data("lagebild_facts_dev"), _data("wikinews_quotes", "dev.jsonl")))
    if on in ("corpus_test", "both"):
        _data("wikinews_quotes", "train.jsonl")
        results.append(evaluate_events_corpus("test"))
    res = results[0] if len(results) == 1 else {r["data"]: r for r in results}
    _emit(res, "\n\n".join(format_events(r) for r in results), as_json)
