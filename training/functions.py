"""spaCy registry entries used while training lagebild pipelines (`--code training/functions.py`).

Nothing here is needed to *load* a trained pipeline: the tokenizer settings applied by the
`before_init` callback are plain data of the tokenizer and are serialised with the model, and
the corpus reader is only used by `spacy train`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

_SRC = Path(__file__).resolve().parent.parent / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

from lagebild.nlp.tokenizer import customize_tokenizer  # noqa: E402


@spacy.registry.callbacks("lagebild.customize_tokenizer.v1")
def make_customize_tokenizer() -> Callable[[Language], Language]:
    """[initialize.before_init] callback: apply the news tokenizer settings."""

    def before_init(nlp: Language) -> Language:
        return customize_tokenizer(nlp)

    return before_init


@spacy.registry.readers("lagebild.GoldTokenCorpus.v1")
def make_gold_token_corpus(path: str, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """Read a .spacy file and predict on the gold tokens, keeping multi-sentence documents.

    spacy.Corpus.v1 either re-tokenizes the text (`gold_preproc = false`; tokens of the
    corpora's own tokenisation that our tokenizer splits differently lose their labels) or
    splits documents into single sentences (`gold_preproc = true`; the parser then never learns
    sentence boundaries). This reader does neither.
    """

    def read(nlp: Language) -> Iterator[Example]:
        db = DocBin().from_disk(path)
        for i, ref in enumerate(db.get_docs(nlp.vocab)):
            if limit and i >= limit:
                break
            pred = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])
            yield Example(pred, ref)

    return read


@spacy.registry.callbacks("lagebild.init_ner_tok2vec.v1")
def make_init_ner_tok2vec(path: str) -> Callable[[Language], Language]:
    """Load `spacy pretrain` weights (training/configs/ner_pretrain.cfg) into the NER's own tok2vec.

    spaCy's `init_tok2vec` loads into `get_ref(layer)`, but the ref "tok2vec" of a transition-based
    NER is chain(Tok2Vec, list2array, Linear) and the pretraining objective needs the bare Tok2Vec,
    so the weights go into the chain's first layer, which has the pretrained architecture.
    """

    def init(nlp: Language) -> Language:
        if path:
            layer = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
            layer.from_bytes(Path(path).read_bytes())
        return nlp

    return init


@spacy.registry.architectures("lagebild.ListenerCNN.v1")
def make_listener_cnn(width: int, upstream: str, depth: int, window_size: int = 1, maxout_pieces: int = 3):
    """A listener to another component's tok2vec followed by trainable maxout CNN layers of the
    component's own (training/configs/ner_listener_cnn.cfg)."""
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder
    from spacy.pipeline.tok2vec import Tok2VecListener
    from thinc.api import chain, with_array

    listener = Tok2VecListener(upstream_name=upstream, width=width)
    encoder = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
    model = chain(listener, with_array(encoder))
    model.set_dim("nO", width)
    return model
