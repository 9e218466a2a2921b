# dyad: every target sets itself up; only Python 3.11+ is needed on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= sqlite:///dyad.db

.PHONY: setup run test lint bench clean

setup: $(STAMP)

# Re-install only when the pinned requirements or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: setup
	$(BIN)/dyad --db $(DB) ingest examples/corpus
	$(BIN)/dyad --db $(DB) stats
	$(BIN)/dyad --db $(DB) export --format facts -o facts.jsonl
	@echo "facts written to facts.jsonl"

test: setup
	$(BIN)/ruff check src tests bench
	sh scripts/install_chromium.sh || true  # browser tests skip, with a reason, if this fails
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests bench

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/api_load.py
	$(BIN)/python bench/parallel.py

clean:
	rm -rf $(VENV) dyad.db dyad.db-wal dyad.db-shm facts.jsonl .pytest_cache test-output
