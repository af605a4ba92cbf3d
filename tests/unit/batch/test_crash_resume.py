"""Crashes: a worker killed mid-chunk, the whole run killed or interrupted, and the repairs the
next run makes. After each, every record is in the output exactly once, as in a clean run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.batch import BatchOptions, run_batch
from lagebild.batch.output import ERRORS, MANIFEST, OutputDir

from batch_corpus import read_articles, read_errors, read_tables, write_corpus
from fault_env import KILL_MARK_ENV, KILL_ON_ENV, KILL_TIMES_ENV, SLOW_ENV, with_faults_path

FORMATS = ("parquet", "jsonl")
CLI = ("from lagebild.cli import app; from lagebild.cli_batch import register; "
       "register(app); app()")


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A corpus and the output of an undisturbed run over it."""
    tmp = tmp_path_factory.mktemp("clean")
    corpus = write_corpus(tmp / "corpus.jsonl", n=16)
    summary = run_batch(BatchOptions([str(corpus)], tmp / "out", workers=2, chunk_size=4, formats=FORMATS))
    assert summary.complete and summary.restarts == 0
    return corpus, tmp / "out"


def assert_same_as_clean(out: Path, clean_out: Path) -> None:
    assert read_tables(out) == read_tables(clean_out)
    assert read_errors(out) == read_errors(clean_out)
    assert read_articles(out) == read_articles(clean_out)  # also: no article written twice
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()[1:]]
    origins = [item[0] for entry in manifest for item in entry["items"]]
    assert len(origins) == len(set(origins)) == 20
    assert not (out / "_tmp").exists() and (out / "_SUCCESS").exists()


def chunks_committed(out: Path) -> int:
    path = out / MANIFEST
    return max(0, len(path.read_text().splitlines()) - 1) if path.exists() else 0


def test_killed_worker_is_replaced_and_its_chunk_redone(clean, tmp_path, monkeypatch):
    corpus, clean_out = clean
    mark = tmp_path / "killed-once"
    monkeypatch.setenv("PYTHONPATH", with_faults_path(os.environ.get("PYTHONPATH")))
    monkeypatch.setenv(KILL_ON_ENV, "a009")
    monkeypatch.setenv(KILL_MARK_ENV, str(mark))
    summary = run_batch(BatchOptions([str(corpus)], tmp_path / "out", workers=2, chunk_size=4,
                                     formats=FORMATS))
    assert mark.exists(), "the test hook never fired"
    assert summary.restarts == 1 and summary.complete
    assert summary.records == 20
    assert_same_as_clean(tmp_path / "out", clean_out)


def test_record_that_keeps_killing_workers_becomes_an_error(clean, tmp_path, monkeypatch):
    corpus, clean_out = clean
    monkeypatch.setenv("PYTHONPATH", with_faults_path(os.environ.get("PYTHONPATH")))
    monkeypatch.setenv(KILL_ON_ENV, "a005")
    monkeypatch.setenv(KILL_MARK_ENV, str(tmp_path / "kill"))
    monkeypatch.setenv(KILL_TIMES_ENV, "4")  # chunk twice, then the record alone twice
    out = tmp_path / "out"
    summary = run_batch(BatchOptions([str(corpus)], out, workers=2, chunk_size=4, formats=FORMATS))
    assert summary.restarts == 4 and summary.complete and summary.records == 20
    poisoned = [e for e in read_errors(out) if e["id"] == "a005"]
    assert len(poisoned) == 1 and "worker process died (signal 9)" in poisoned[0]["reason"]
    want = {k: v for k, v in read_articles(clean_out).items() if k != "a005"}
    assert read_articles(out) == want
    docs = read_tables(out)["documents"]
    assert sorted(d["doc_id"] for d in docs) == sorted(want)


def start_cli(corpus: Path, out: Path, slow: float) -> subprocess.Popen:
    env = {**os.environ, SLOW_ENV: str(slow), "PYTHONPATH": with_faults_path(os.environ.get("PYTHONPATH"))}
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "batch", str(corpus), "--output", str(out), "--workers", "2",
         "--chunk-size", "2", "--format", "parquet", "--format", "jsonl", "--no-progress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_ctrl_c_as_in_a_terminal)


def _ctrl_c_as_in_a_terminal() -> None:
    """A run started from a background job (nohup, `&` in a script, some CI runners) inherits an
    ignored SIGINT, and Python then installs no KeyboardInterrupt handler: reset it, as a terminal has it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_chunks(proc: subprocess.Popen, out: Path, n: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while chunks_committed(out) < n:
        assert proc.poll() is None, f"run ended before {n} chunks: {proc.communicate()}"
        assert time.monotonic() < deadline, "run made no progress"
        time.sleep(0.05)


def test_whole_run_killed_then_rerun_gives_the_clean_output(clean, tmp_path):
    corpus, clean_out = clean
    out = tmp_path / "out"
    proc = start_cli(corpus, out, slow=0.15)
    wait_for_chunks(proc, out, 2)
    os.killpg(proc.pid, signal.SIGKILL)  # coordinator and workers at once, mid-run
    proc.wait()
    done_before = chunks_committed(out)
    assert 2 <= done_before < 10 and not (out / "_SUCCESS").exists()
    summary = run_batch(BatchOptions([str(corpus)], out, workers=2, chunk_size=2, formats=FORMATS))
    assert summary.complete and summary.earlier >= 4 and summary.earlier + summary.records == 20
    assert_same_as_clean(out, clean_out)


def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(clean, tmp_path):
    corpus, clean_out = clean
    out = tmp_path / "out"
    proc = start_cli(corpus, out, slow=0.15)
    wait_for_chunks(proc, out, 1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted:" in stderr and "re-run the same command to resume" in stderr
    assert "Traceback" not in stderr
    proc = start_cli(corpus, out, slow=0)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "done by earlier runs" in stderr, stderr
    assert_same_as_clean(out, clean_out)


# -- repairs made when a run opens its folder (no workers needed) ------------------------------
def commit_fake(out: OutputDir, chunk: str, origins: list[str], *, publish: bool = True) -> None:
    tmp = out.tmp_folder(chunk, 0)
    tmp.mkdir(parents=True)
    (tmp / "articles.jsonl").write_text("{}\n")
    items = [[o, o, "ok"] for o in origins]
    if publish:
        out.commit(chunk, 0, {"articles": "articles.jsonl"}, items, [{"origin": origins[0], "chunk": chunk}])


def test_torn_manifest_line_and_uncommitted_leftovers_are_removed(tmp_path):
    out = OutputDir(tmp_path, ("jsonl",)).open()
    commit_fake(out, "000000", ["f:1", "f:2"])
    commit_fake(out, "000001", ["f:3"], publish=False)  # a worker's files, never committed
    out.close(complete=False)
    with open(tmp_path / ERRORS, "a") as fh:  # step 1 of a commit that crashed before step 2
        fh.write(json.dumps({"origin": "f:3", "chunk": "000001"}) + "\n")
    with open(tmp_path / MANIFEST, "a") as fh:  # a manifest line torn by the crash
        fh.write('{"chunk": "000001", "tmp": "000001.0", "fi')
    (tmp_path / "articles" / "part-000007.jsonl").write_text("{}\n")  # stray part file
    reopened = OutputDir(tmp_path, ("jsonl",)).open()
    assert reopened.committed.origins == {"f:1", "f:2"} and reopened.committed.max_chunk == 0
    reopened.close(complete=False)
    assert (tmp_path / MANIFEST).read_text().endswith("\n")
    assert [json.loads(x)["chunk"] for x in (tmp_path / ERRORS).read_text().splitlines()] == ["000000"]
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["part-000000.jsonl"]
    assert not (tmp_path / "_tmp").exists()


def test_committed_chunk_whose_files_were_not_moved_is_rolled_forward(tmp_path):
    out = OutputDir(tmp_path, ("jsonl",)).open()
    commit_fake(out, "000000", ["f:1"], publish=False)
    # the crash came after the manifest line (the commit point) but before the renames
    out._append(out._manifest_fh, {"chunk": "000000", "tmp": "000000.0",
                                   "files": {"articles": "articles.jsonl"}, "items": [["f:1", "f:1", "ok"]]})
    out.close(complete=False)
    reopened = OutputDir(tmp_path, ("jsonl",)).open()
    reopened.close(complete=False)
    assert (tmp_path / "articles" / "part-000000.jsonl").read_text() == "{}\n"
    assert reopened.committed.origins == {"f:1"}


def test_interrupt_between_commit_point_and_publishing_loses_nothing(clean, tmp_path, monkeypatch):
    """Ctrl-C right after a chunk's manifest line is written, before its files are renamed."""
    corpus, clean_out = clean
    out = tmp_path / "out"
    publish = OutputDir._publish
    calls = []

    def interrupted_publish(self, chunk, tmp, files):
        calls.append(chunk)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return publish(self, chunk, tmp, files)

    monkeypatch.setattr(OutputDir, "_publish", interrupted_publish)
    summary = run_batch(BatchOptions([str(corpus)], out, workers=2, chunk_size=4, formats=FORMATS))
    assert not summary.complete and calls
    monkeypatch.setattr(OutputDir, "_publish", publish)
    summary = run_batch(BatchOptions([str(corpus)], out, workers=2, chunk_size=4, formats=FORMATS))
    assert summary.complete and summary.earlier >= 4
    assert_same_as_clean(out, clean_out)


def _holds_lock(out: Path, proc: subprocess.Popen) -> bool:
    try:
        return (out / "_lock").read_text().strip() == str(proc.pid)
    except OSError:
        return False


STRESS_FIRST = int(os.environ.get("LAGEBILD_STRESS_FIRST", "0"))
STRESS_CYCLES = int(os.environ.get("LAGEBILD_STRESS_CYCLES", "3"))


@pytest.mark.parametrize("cycle", range(STRESS_FIRST, STRESS_FIRST + STRESS_CYCLES))
def test_ctrl_c_at_random_moments_then_resume_loses_nothing(clean, tmp_path, cycle):
    """Stress: Ctrl-C after a random delay (seeded by the cycle number), then the same command
    again, until done. `LAGEBILD_STRESS_CYCLES=100` runs it a hundred times;
    `LAGEBILD_STRESS_FIRST=n` starts at cycle n, to split the cycles over several runs."""
    import random

    corpus, clean_out = clean
    out = tmp_path / "out"
    rng = random.Random(cycle)
    for _ in range(4):
        proc = start_cli(corpus, out, slow=0.05)
        deadline = time.monotonic() + 60
        while not _holds_lock(out, proc) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)   # once the run holds its folder, Ctrl-C meets the run, not imports
        time.sleep(rng.uniform(0.0, 4.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
        finished = proc.returncode == 0 or (proc.returncode == -signal.SIGINT and "done:" in stderr)
        # (a Ctrl-C that lands while a finished run exits ends the interpreter by the signal)
        assert finished or proc.returncode == 130, stderr
        assert "Traceback" not in stderr, stderr
        if finished:
            break
    proc = start_cli(corpus, out, slow=0)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert_same_as_clean(out, clean_out)
