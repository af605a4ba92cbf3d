"""Loading the shipped spaCy models the way lagebild runs them.

* `load_model`: `spacy.load` with NumPy's BLAS for matrix products (one thread) instead of thinc's
  BLIS kernels: on AMD EPYC (AVX-512) about 3x faster per `gemm` and 1.4-1.55x for the whole
  pipeline, with the same predictions
  (`benchmarks/bench_pipeline.py --compare-blis`).
* `prune_output_labels`: drop the lemmatizer and morphologizer classes that the core model never
  predicts on news text (`models/de_core/lagebild_labels.json`, written by
  `training/prune_core_labels.py`): their softmax layers shrink to 61 % and 66 % of their classes.
* `attach_ner`: add the self-contained NER of `models/de_ner` to another pipeline, with its vectors.
"""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vectors import Vectors
from thinc.api import use_ops

from lagebild.nlp.vectors import CachedFloretVectors

LABELS_FILE = "lagebild_labels.json"  # beside a model: the output classes prune_output_labels keeps


def limit_blas_threads() -> None:
    """Run NumPy's BLAS on one thread unless the user set a thread count in the environment.

    The pipeline's matrices are small: a second BLAS thread gains under 10 % on an idle 2-core
    machine, and when another process keeps one core busy the NER runs at 6,525 words/s with two
    BLAS threads against 14,013 with one (`lagebild eval ner`), as busy-waiting BLAS threads do.
    Parallel work belongs to processes (`lagebild batch --workers`).
    """
    if any(os.environ.get(v) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def load_model(path, *, use_blis: bool = False, prune: bool = True) -> Language:
    """`spacy.load(path)` with the matrix-product backend lagebild uses (module docstring), and with
    the output classes of `lagebild_labels.json` beside the model when there is one (`prune`)."""
    limit_blas_threads()
    with use_ops("numpy", use_blis=use_blis):
        nlp = spacy.load(path)
    labels_file = Path(path) / LABELS_FILE
    if prune and labels_file.exists():
        prune_output_labels(nlp, json.loads(labels_file.read_text(encoding="utf-8")))
    return nlp


def _softmax(pipe):
    layers = [layer for layer in pipe.model.walk() if layer.name == "softmax"]
    if len(layers) != 1:
        raise ValueError(f"expected one softmax layer in {pipe.name}, found {len(layers)}")
    return layers[0]


def prune_output_labels(nlp: Language, spec: dict) -> None:
    """Keep only the classes `spec[name]["keep_index"]` of the lemmatizer and the morphologizer.

    The softmax layer keeps the rows of those classes and the component's label list is cut to
    match, so every token whose best class under the full model is kept gets the same prediction
    (a softmax keeps the order of its inputs); a token whose best class was dropped gets the best
    kept one. The spec is checked against the loaded model's label count.
    """
    for name, entry in spec.items():
        if not isinstance(entry, dict) or name not in nlp.pipe_names:
            continue
        pipe = nlp.get_pipe(name)
        keep = entry["keep_index"]
        if name == "trainable_lemmatizer":
            labels = list(pipe.cfg["labels"])
        elif name == "morphologizer":
            labels = list(pipe.cfg["labels_morph"])
        else:
            raise ValueError(f"no label pruning for component {name!r}")
        if len(labels) != entry["n_labels"]:
            raise ValueError(f"{LABELS_FILE}: {name} has {len(labels)} labels, the file was made for {entry['n_labels']}")
        softmax = _softmax(pipe)
        W, b = softmax.get_param("W"), softmax.get_param("b")
        for layer in pipe.model.walk():  # the wrappers around the softmax carry its width too
            if layer.has_dim("nO") and layer.maybe_get_dim("nO") == len(labels):
                # thinc refuses set_dim on a layer with weights; the new width matches the new
                # weights set below, so a saved pruned pipeline loads again
                layer._dims["nO"] = len(keep)
        softmax.set_param("W", softmax.ops.xp.ascontiguousarray(W[keep]))
        softmax.set_param("b", softmax.ops.xp.ascontiguousarray(b[keep]))
        if name == "trainable_lemmatizer":
            pipe.cfg["labels"] = [labels[i] for i in keep]
        else:
            pipe.cfg["labels_morph"] = {labels[i]: pipe.cfg["labels_morph"][labels[i]] for i in keep}


def attach_ner(nlp, ner_path: str | Path, name: str = "ner", *, use_blis: bool = False):
    """Add the self-contained `ner` of the pipeline at `ner_path` (models/de_ner) to `nlp`.

    The NER's floret static vectors live in the de_ner *vocab*; spaCy's StaticVectors layer reads the
    vectors of the vocab of the Doc being processed, and `add_pipe(source=...)` does not copy vectors.
    * If `nlp` has no vectors (or the very same table), the table is copied into `nlp.vocab` and the
      component is sourced: `nlp.add_pipe("ner", source=ner_nlp)`.
    * If `nlp` has different vectors of its own, a proxy component is added instead: it runs the NER on
      a copy of each Doc made in the de_ner vocab and copies `doc.ents` back.
    Returns the added component.
    """
    ner_nlp = load_model(ner_path, use_blis=use_blis)
    src_vec = ner_nlp.vocab.vectors
    tgt_vec = nlp.vocab.vectors
    same = tgt_vec.shape == src_vec.shape and tgt_vec.mode == src_vec.mode and tgt_vec.to_bytes(exclude=["strings"]) == src_vec.to_bytes(exclude=["strings"])
    if tgt_vec.shape[0] == 0 or same:
        if not same:
            # bound to the target's strings (floret hashes the word text); same numbers, computed
            # once per word
            v = CachedFloretVectors(strings=nlp.vocab.strings) if src_vec.mode == "floret" \
                else Vectors(strings=nlp.vocab.strings)
            v.from_bytes(src_vec.to_bytes(exclude=["strings"]))
            nlp.vocab.vectors = v
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W113\]")
            return nlp.add_pipe("ner", name=name, source=ner_nlp)
    _register_proxy()
    return nlp.add_pipe("lagebild_ner_proxy", name=name, config={"path": str(ner_path)})


_PROXY_REGISTERED = False


def _register_proxy() -> None:
    global _PROXY_REGISTERED
    if _PROXY_REGISTERED:
        return

    @Language.factory("lagebild_ner_proxy", default_config={"path": ""})
    def _make_proxy(nlp, name, path):  # noqa: ANN001
        return _NerProxy(path)

    _PROXY_REGISTERED = True


class _NerProxy:
    """Runs a separately loaded NER pipeline on a copy of the Doc in its own vocab."""

    def __init__(self, path: str):
        self.path = path
        self.ner_nlp = load_model(path)
        self.ner = self.ner_nlp.get_pipe("ner")

    def _copy(self, doc):
        return Doc(self.ner_nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])

    @staticmethod
    def _back(doc, d2):
        doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in d2.ents]
        return doc

    def __call__(self, doc):
        return self._back(doc, self.ner(self._copy(doc)))

    def pipe(self, docs, batch_size: int = 128):
        docs = list(docs)
        for doc, d2 in zip(docs, self.ner.pipe((self._copy(d) for d in docs), batch_size=batch_size)):
            yield self._back(doc, d2)

    def to_disk(self, path, exclude=tuple()):  # the model itself stays at self.path
        pass

    def from_disk(self, path, exclude=tuple()):
        return self

    def to_bytes(self, exclude=tuple()):
        return b""

    def from_bytes(self, data, exclude=tuple()):
        return self
