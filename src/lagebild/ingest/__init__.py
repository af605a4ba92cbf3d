"""Ingest: turn files and streams into raw articles (or error records)."""
from lagebild.ingest.records import IngestError, InputError, RawArticle
from lagebild.ingest.readers import read_inputs, read_path

__all__ = ["IngestError", "InputError", "RawArticle", "read_inputs", "read_path"]
