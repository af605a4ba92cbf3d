"""lagebild: German news articles to structured, checkable facts (schema `lagebild/1`)."""
from lagebild.analysis import analyze
from lagebild.ingest.records import InputError
from lagebild.pipeline import load_nlp

__all__ = ["analyze", "load_nlp", "InputError"]
__version__ = "0.1.0"
