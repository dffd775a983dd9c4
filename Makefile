# storydiff: `make run` sets everything up and runs the main job on the sample corpus; `make test` runs the suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= storydiff.db
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast lint typecheck bench clean debian-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q --upgrade pip >/dev/null
	$(BIN)/pip install -q -e '.[test,distributed,dev]'
	touch $(STAMP)

debian-deps:
	bash scripts/install-debian-deps.sh

run: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/storydiff --db $(DB) ingest examples/corpus
	@echo
	$(BIN)/storydiff --db $(DB) stats
	@echo
	$(BIN)/storydiff --db $(DB) articles
	@echo
	@echo "Stored in $(DB). Look further with: $(BIN)/storydiff --db $(DB) articles --help"

test: $(STAMP) debian-deps
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q -m "not slow and not browser and not distributed"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build *.egg-info src/*.egg-info
