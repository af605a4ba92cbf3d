"""Write models/de_quotes/meta.json from a `lagebild eval quotes --json` result.

Usage: .venv/bin/python -m lagebild eval quotes --split dev --json > /tmp/quotes_dev.json
       .venv/bin/python training/write_quotes_meta.py /tmp/quotes_dev.json "models used: ..."
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from lagebild.paths import REPO_ROOT


def main() -> None:
    res = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    models_note = sys.argv[2] if len(sys.argv) > 2 else ""
    out = REPO_ROOT / "models" / "de_quotes" / "meta.json"
    sentence = json.loads((out.parent / "sentence_model.json").read_text(encoding="utf-8"))
    meta = {
        "name": "de_quotes",
        "version": "0.1.0",
        "description": "Learned part of the lagebild_quotes stage: direct-quote table and sentence classifier",
        "files": ["direct_table.json", "sentence_model.json"],
        "data": "WikiNews quotation attribution corpus (Petersen-Frey & Biemann 2024), train split without the "
                "articles of the annotated corpus's held-out part (588 of 700 articles)",
        "command": "OMP_NUM_THREADS=1 .venv/bin/python training/learn_quotes.py",
        "license": "CC BY-NC-SA 4.0 (derived from the WikiNews quotation corpus)",
        "sentence_model": {k: sentence[k] for k in ("samples", "positives", "threshold", "held_out_f1_rules",
                                                      "held_out_f1_with_model")},
        "evaluation": {
            "command": "lagebild eval quotes --split dev",
            "measured": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
            "models": models_note,
            "pipeline": res["pipeline"],
            **{k: res[k] for k in ("quotes", "proportional", "exact", "speaker", "cue", "type_accuracy", "per_type",
                                   "words_per_second", "articles")},
        },
    }
    out.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
