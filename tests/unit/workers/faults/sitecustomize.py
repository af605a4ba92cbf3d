"""Fault injection for the worker-pool tests, loaded from outside the package.

Spawned workers are fresh interpreters that import this module at start-up (Python's
`sitecustomize` hook) when this folder is first on PYTHONPATH. With LAGEBILD_WORKERS_TEST_KILL set,
a worker SIGKILLs itself when it is given an article whose text contains that marker.
"""
from __future__ import annotations

import os
import signal

KILL_ENV = "LAGEBILD_WORKERS_TEST_KILL"


def _install() -> None:
    import lagebild.analysis as analysis

    real = analysis.analyze_stream

    def analyze_stream_with_faults(items, **kwargs):
        items = list(items)
        marker = os.environ.get(KILL_ENV)
        if marker and any(marker in (getattr(item, "text", None) or "") for item in items):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(items, **kwargs)

    analysis.analyze_stream = analyze_stream_with_faults


if os.environ.get(KILL_ENV):
    _install()
