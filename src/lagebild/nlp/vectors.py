"""floret vectors with a memo of the words already seen.

spaCy computes a floret vector afresh for every distinct word of every batch: it builds the
word's character n-grams and their MurmurHash values in Python (`Vectors.get_batch`), which took
about a sixth of the NER's time. News text repeats its words, so the vectors of recent words are
kept in a fixed-size table; the numbers are exactly those `Vectors.get_batch` gives.
"""
from __future__ import annotations

import threading

import numpy as np
from spacy.vectors import Mode, Vectors

DEFAULT_CAPACITY = 50_000  # words; 50,000 x 100 float32 dimensions = 20 MB


class CachedFloretVectors(Vectors):
    """`spacy.vectors.Vectors` whose floret `get_batch` remembers up to `capacity` words."""

    def __init__(self, *args, capacity: int = DEFAULT_CAPACITY, **kwargs):
        super().__init__(*args, **kwargs)
        self.capacity = capacity
        self._rows: dict[int, int] = {}
        self._table: np.ndarray | None = None
        self._lock = threading.Lock()  # the API may run the pipeline from several threads

    def get_batch(self, keys):
        if self.mode != Mode.floret or self.capacity <= 0:
            return super().get_batch(keys)
        wanted = keys.tolist() if hasattr(keys, "tolist") else [int(k) for k in keys]
        with self._lock:
            rows = self._rows
            distinct = dict.fromkeys(wanted)
            if len(distinct) > self.capacity:
                return super().get_batch(keys)
            missing = [k for k in distinct if k not in rows]
            if missing:
                if self._table is None or self._table.shape[1] != self.data.shape[1]:
                    self._table = np.zeros((self.capacity, self.data.shape[1]), dtype="float32")
                    rows.clear()
                if len(rows) + len(missing) > self.capacity:
                    rows.clear()  # start over: simpler than LRU, and rare (one per ~capacity new words)
                    missing = list(distinct)
                start = len(rows)
                self._table[start:start + len(missing)] = np.asarray(super().get_batch(missing))
                rows.update(zip(missing, range(start, start + len(missing))))
            return self._table[[rows[k] for k in wanted]]
