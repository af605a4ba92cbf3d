"""lagebild runs NumPy's BLAS on one thread unless the environment says otherwise."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = ("import json; from threadpoolctl import threadpool_info; "
         "from lagebild.nlp.loading import limit_blas_threads; limit_blas_threads(); "
         "print(json.dumps([p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']))")


def _blas_threads(**env: str) -> list[int]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_one_blas_thread_by_default():
    threads = _blas_threads()
    assert threads and set(threads) == {1}


def test_user_setting_is_kept():
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: every setting reads as one thread")
    assert set(_blas_threads(OPENBLAS_NUM_THREADS="2")) == {2}
