"""Build the spaCy `Language` of lagebild: the shipped core and NER models plus our stages.

The stages are spaCy components registered by their own modules; a stage whose module cannot be
found is left out.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild import paths
from lagebild.nlp import components, finite, lemmas, ner_rules, upos  # noqa: F401  (register the nlp stage components)
from lagebild.nlp.loading import attach_ner, load_model

log = logging.getLogger(__name__)

CORE_MODEL = "de_core"
NER_MODEL = "de_ner"
# (component name, module that registers it), in pipeline order.
STAGES: list[tuple[str, str]] = [
    ("lagebild_sentences", "lagebild.nlp.components"),
    ("lagebild_entities", "lagebild.entities.stage"),
    ("lagebild_quotes", "lagebild.quotes.stage"),
    ("lagebild_time", "lagebild.time.stage"),
    ("lagebild_events", "lagebild.events.stage"),
]
# Stages that do not catch their own errors: the runner wraps them, and on an unexpected error
# the article keeps these layers empty with a warning while the rest of the pipeline still runs.
ISOLATED_LAYERS: dict[str, tuple[str, ...]] = {
    "lagebild_time": ("times", "amounts"),
    "lagebild_events": ("events",),
}
_lock = threading.Lock()


class IsolatedStage:
    """A stage component whose unexpected error costs only its own layers of one article."""

    def __init__(self, name: str, component, layers: tuple[str, ...]):
        self.name, self.component, self.layers = name, component, layers

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.component(doc)
        except Exception as err:  # noqa: BLE001 - one odd article must not stop a batch
            article = doc._.article
            if article is None:
                raise
            log.exception("%s failed on %s", self.name, article.id)
            for layer in self.layers:
                setattr(article, layer, [])
            stage = self.name.removeprefix("lagebild_")
            article.warn(f"{stage} stage failed ({type(err).__name__}: {err}); no {', '.join(self.layers)} for this article")
            return doc


@Language.factory("lagebild_isolated", default_config={"stage": "", "layers": []})
def make_isolated_stage(nlp: Language, name: str, stage: str, layers: list[str]) -> IsolatedStage:
    return IsolatedStage(stage, nlp.create_pipe(stage), tuple(layers))


def _add_stage(nlp: Language, name: str) -> None:
    if name in ISOLATED_LAYERS:
        nlp.add_pipe("lagebild_isolated", name=name,
                     config={"stage": name, "layers": list(ISOLATED_LAYERS[name])})
    else:
        nlp.add_pipe(name)


def _load_core(use_blis: bool) -> tuple[Language, list[str]]:
    path = paths.models_dir() / CORE_MODEL
    if (path / "config.cfg").exists():
        return load_model(path, use_blis=use_blis), []
    nlp = spacy.blank("de")
    try:
        from lagebild.nlp.tokenizer import customize_tokenizer

        customize_tokenizer(nlp)
    except ImportError:
        pass
    nlp.add_pipe("sentencizer")
    return nlp, [f"core model not found at {path}: rule-based sentences only, no tags or parse"]


def _add_ner(nlp: Language, use_blis: bool) -> list[str]:
    path = paths.models_dir() / NER_MODEL
    if not (path / "config.cfg").exists():
        return [f"NER model not found at {path}: no entities"]
    attach_ner(nlp, path, use_blis=use_blis)  # sourced, with its floret vectors copied into the core's vocab
    nlp.add_pipe("lagebild_ner_rules", after="ner")
    if "morphologizer" in nlp.pipe_names:
        # names the tagger took for common nouns become PROPN (lagebild.nlp.upos)
        nlp.add_pipe("lagebild_name_upos", after="lagebild_ner_rules")
    return []


def add_core_repairs(nlp: Language) -> None:
    """The rule components that correct the core model's output, after the components they read."""
    if {"tagger", "morphologizer", "parser"} <= set(nlp.pipe_names):
        # finite verbs the core model took for infinitives/participles (lagebild.nlp.finite);
        # before the NER and every stage that reads tags
        nlp.add_pipe("lagebild_finite_repair", after="parser")
        # AUX/VERB and closed-class UPOS as UD German GSD marks them (lagebild.nlp.upos)
        nlp.add_pipe("lagebild_upos_repair", after="lagebild_finite_repair")
    if "trainable_lemmatizer" in nlp.pipe_names:
        # lemmas of unseen compounds and verbs (lagebild.nlp.lemmas), after the tags are final
        last = "lagebild_upos_repair" if "lagebild_upos_repair" in nlp.pipe_names else "trainable_lemmatizer"
        nlp.add_pipe("lagebild_lemma_repair", after=last)


def build_nlp(*, use_blis: bool = False) -> Language:
    """A fresh pipeline (use `load_nlp` for the cached one).

    The models are built with NumPy's BLAS (one thread) instead of thinc's BLIS kernels; see
    `lagebild.nlp.loading` for why and what it measured.
    """
    nlp, notes = _load_core(use_blis)
    add_core_repairs(nlp)
    notes += _add_ner(nlp, use_blis)
    first = "parser" if "parser" in nlp.pipe_names else ("senter" if "senter" in nlp.pipe_names else None)
    if first:
        nlp.add_pipe("lagebild_paragraphs", before=first)
    elif "sentencizer" in nlp.pipe_names:
        nlp.add_pipe("lagebild_paragraphs", after="sentencizer")
    for name, module in STAGES:
        if importlib.util.find_spec(module) is None:
            continue
        importlib.import_module(module)
        _add_stage(nlp, name)
    nlp.max_length = 2_000_000
    nlp.meta.setdefault("lagebild_notes", notes)
    for note in notes:
        log.warning(note)
    return nlp


@lru_cache(maxsize=1)
def _cached() -> Language:
    return build_nlp()


def load_nlp() -> Language:
    """The spaCy `Language` lagebild uses, loaded once per process from `models/` (no network)."""
    with _lock:
        return _cached()
