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
def eval_entities(corpus_part: Optional[str] = typer.Option(
                      None, "--corpus-part",
                      help="Score the annotated corpus instead: test (held out, report only), train, "
                           "or dev (the train part's tuning slice, never trained on by the NER)."),
                  as_json: bool = typer.Option(False, "--json")) -> None:
    """Named mentions, identities (B-cubed) and person roles on lagebild_facts_dev (or a corpus part)."""
    from lagebild.evaluation.entities import evaluate_entities, format_entities

    if corpus_part is None:
        res = evaluate_entities(_data("lagebild_facts_dev"))
        _emit(res, format_entities(res), as_json)
        return
    from lagebild.evaluation.corpus_entities import evaluate_corpus_entities

    res = evaluate_corpus_entities(corpus_part)
    note = {"test": "held out: report only", "dev": "tuning slice of the training part"}.get(corpus_part, "training part")
    _emit(res, format_entities(res, title=f"corpus {corpus_part} part", note=note), as_json)


@eval_app.command("identities")
def eval_identities(corpus_part: str = typer.Option("test", "--corpus-part",
                                                    help="test (held out, report only) or train."),
                    as_json: bool = typer.Option(False, "--json")) -> None:
    """Cross-article identities (B-cubed over corpus keys) and merged namesakes on a corpus part."""
    from lagebild.evaluation.corpus_entities import corpus_articles
    from lagebild.evaluation.identities import evaluate_identities, format_identities

    res = evaluate_identities(corpus_articles(corpus_part))
    _emit(res, format_identities(res, f"corpus {corpus_part} part"), as_json)


@eval_app.command("quotes")
def eval_quotes(split: str = typer.Option("dev", help="WikiNews split: dev (train is for learning)."),
                limit: Optional[int] = typer.Option(None, help="Only the first N articles."),
                as_json: bool = typer.Option(False, "--json")) -> None:
    """Quote detection, speaker, cue and type figures on the WikiNews quotation corpus."""
    from lagebild.evaluation.quotes import evaluate_quotes, format_quotes

    res = evaluate_quotes(_data("wikinews_quotes", f"{split}.jsonl"), limit=limit)
    _emit(res, format_quotes(res), as_json)


@eval_app.command("spkatt")
def eval_spkatt(split: str = typer.Option("dev", help="SpkAtt-2023 split: dev (train is for learning)."),
                limit: Optional[int] = typer.Option(None, help="Only the first N speeches."),
                system: str = typer.Option("quotes", help="quotes (the news pipeline's quotes stage) or "
                                                          "speech-model (the learned speech-event model)."),
                as_json: bool = typer.Option(False, "--json")) -> None:
    """Speech events (cue, source, message, addressee) in Bundestag speeches, SpkAtt-2023 scoring."""
    from lagebild.evaluation.spkatt import evaluate_spkatt, format_spkatt

    if split not in ("dev", "train"):
        typer.echo(f"error: --split {split!r}: only dev and train are here (the test split is held out)", err=True)
        raise typer.Exit(2)
    if system not in ("quotes", "speech-model"):
        typer.echo(f"error: --system {system!r}: use quotes or speech-model", err=True)
        raise typer.Exit(2)
    res = evaluate_spkatt(_data("spkatt2023", split), limit=limit, system=system)
    _emit(res, format_spkatt(res), as_json)


def _time_eval(kinds: tuple[str, ...], splits: list[str], errors: int, as_json: bool) -> None:
    from lagebild.evaluation.times import evaluate, format_result, gold_articles, summary

    results, texts = {}, []
    for split in splits:
        facts = (_data("lagebild_facts_dev"), _data("wikinews_quotes", "dev.jsonl")) if split == "facts_dev" else (None, None)
        try:
            res = evaluate(gold_articles(split, *facts))
        except ValueError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2)
        results[split] = summary(res, kinds)
        texts.append(format_result(split, res, kinds, errors))
    _emit(results, "\n".join(texts), as_json)


SPLIT_HELP = "facts_dev, corpus_test (held out, report only) or corpus_train; repeatable."


@eval_app.command("times")
def eval_times(split: list[str] = typer.Option(["facts_dev", "corpus_test"], help=SPLIT_HELP),
               errors: int = typer.Option(0, help="List the first N errors of each split."),
               as_json: bool = typer.Option(False, "--json")) -> None:
    """Time expressions: strict and lenient extraction, value accuracy, lenient + value F1."""
    _time_eval(("times", "anchored"), split, errors, as_json)


@eval_app.command("amounts")
def eval_amounts(split: list[str] = typer.Option(["facts_dev", "corpus_test"], help=SPLIT_HELP),
                 errors: int = typer.Option(0, help="List the first N errors of each split."),
                 as_json: bool = typer.Option(False, "--json")) -> None:
    """Amounts: strict and lenient extraction, value accuracy, span + value F1."""
    _time_eval(("amounts",), split, errors, as_json)


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
