# The two Quick start commands (README): `make demo` and `make test`. Each creates .venv if needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP_FLAGS ?= --disable-pip-version-check --progress-bar off -q

.PHONY: demo test install install-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e .

install-test: $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e '.[test,spark,bench]'

## Install, analyse the bundled example article (readable report) and store it in lagebild.duckdb.
demo: install
	$(BIN)/lagebild analyze examples/nato-russland-2009.txt --date 2009-12-17
	$(BIN)/lagebild ingest examples/nato-russland-2009.txt --date 2009-12-17

## Install with test extras and run the whole test suite.
test: install-test
	$(BIN)/python -m pytest -q -ra $(PYTEST_ARGS)

bench: install-test
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache lagebild.duckdb
