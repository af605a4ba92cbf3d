"""Build the spaCy `Language` of lagebild: the shipped core and NER models plus our stages.

The stages are spaCy components registered by their own modules; a stage whose module is not
there yet is simply left out, so the pipeline grows as the stages land.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import threading
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import use_ops

from lagebild import paths
from lagebild.nlp import components, ner_rules  # noqa: F401  (register the nlp stage components)
from lagebild.nlp.vectors import CachedFloretVectors

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
_lock = threading.Lock()


def _one_blas_thread() -> None:
    """Run NumPy's BLAS on one thread unless the user set a thread count in the environment.

    The pipeline's matrices are small: a second BLAS thread gained under 10 % on an idle 2-core
    machine and halved the NER's speed when another process kept one core busy (14,013 vs 6,525
    words/s, `lagebild eval ner`), as busy-waiting BLAS threads do. Parallel work belongs to
    processes (`lagebild batch --workers`).
    """
    if any(os.environ.get(v) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def load_model(path, *, use_blis: bool = False) -> Language:
    """`spacy.load(path)` with the matrix-product backend lagebild uses (see `build_nlp`)."""
    _one_blas_thread()
    with use_ops("numpy", use_blis=use_blis):
        return spacy.load(path)


def _load_core() -> tuple[Language, list[str]]:
    path = paths.models_dir() / CORE_MODEL
    if (path / "config.cfg").exists():
        return spacy.load(path), []
    nlp = spacy.blank("de")
    try:
        from lagebild.nlp.tokenizer import customize_tokenizer

        customize_tokenizer(nlp)
    except ImportError:
        pass
    nlp.add_pipe("sentencizer")
    return nlp, [f"core model not found at {path}: rule-based sentences only, no tags or parse"]


def _add_ner(nlp: Language) -> list[str]:
    path = paths.models_dir() / NER_MODEL
    if not (path / "config.cfg").exists():
        return [f"NER model not found at {path}: no entities"]
    ner_nlp = spacy.load(path)
    if ner_nlp.vocab.vectors.shape[0] and not nlp.vocab.vectors.shape[0]:
        # The NER embeds static (floret) vectors; the core pipeline has none. spaCy reads vectors
        # from the vocab of the Doc (the core's) and `add_pipe(source=)` does not copy them, so the
        # table is copied here, bound to the core's strings (floret hashes the word text).
        vectors = CachedFloretVectors(strings=nlp.vocab.strings)  # same numbers, computed once per word
        vectors.from_bytes(ner_nlp.vocab.vectors.to_bytes(exclude=["strings"]))
        nlp.vocab.vectors = vectors
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W113\]")
        for name in ner_nlp.pipe_names:
            if name not in nlp.pipe_names:
                nlp.add_pipe(name, source=ner_nlp)
    nlp.add_pipe("lagebild_ner_rules", after="ner")
    return []


def build_nlp(*, use_blis: bool = False) -> Language:
    """A fresh pipeline (use `load_nlp` for the cached one).

    The models are built with NumPy's BLAS for matrix products instead of thinc's default BLIS
    kernels: on the CPUs we measured (AMD EPYC, AVX-512) NumPy's OpenBLAS is about 3x faster per
    `gemm` and the whole pipeline 1.6x faster, with the same predictions
    (`benchmarks/bench_pipeline.py --compare-blis` measures the difference).
    """
    _one_blas_thread()
    with use_ops("numpy", use_blis=use_blis):
        nlp, notes = _load_core()
        notes += _add_ner(nlp)
    first = "parser" if "parser" in nlp.pipe_names else ("senter" if "senter" in nlp.pipe_names else None)
    if first:
        nlp.add_pipe("lagebild_paragraphs", before=first)
    elif "sentencizer" in nlp.pipe_names:
        nlp.add_pipe("lagebild_paragraphs", after="sentencizer")
    for name, module in STAGES:
        if importlib.util.find_spec(module) is None:
            continue
        importlib.import_module(module)
        nlp.add_pipe(name)
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
