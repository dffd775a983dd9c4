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
	@echo "== ingest the bundled sample corpus (examples/corpus: txt, JSONL, HTML, RSS, WARC)"
	$(BIN)/storydiff --db $(DB) --quiet ingest examples/corpus
	@echo; echo "== what is in the store"
	$(BIN)/storydiff --db $(DB) stats
	@echo; echo "== stories (every report of one happening)"
	$(BIN)/storydiff --db $(DB) stories
	@echo; echo "== exact and near duplicates"
	$(BIN)/storydiff --db $(DB) dups
	@echo; echo "== one story compared: shared, unique, conflicting"
	$(BIN)/storydiff --db $(DB) compare wmp-2024-0314-17
	@echo
	@echo "Stored in $(DB). Next:"
	@echo "  $(BIN)/storydiff --db $(DB) articles            # every article"
	@echo "  $(BIN)/storydiff --db $(DB) compare STORY --html report.html"
	@echo "  $(BIN)/storydiff --db $(DB) serve               # then open http://127.0.0.1:8000/"

test: $(STAMP) debian-deps lint typecheck
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q -m "not slow and not browser and not distributed"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples scripts

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build *.egg-info src/*.egg-info
