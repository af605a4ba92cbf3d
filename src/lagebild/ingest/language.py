"""Language identification: only German text is analysed as German; anything else is flagged."""
from __future__ import annotations

from functools import lru_cache

MIN_LETTERS = 20  # below this, language identification is guesswork: assume German, say so
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float | None]:
    """Return (ISO 639-1 code, probability); probability is None when the text is too short to tell."""
    sample = text[:1500]  # enough to tell the language; langid is slow on long text
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "de", None
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def is_german(lang: str, prob: float | None) -> bool:
    return lang == "de" or (prob is not None and prob < MIN_CONFIDENCE)
