# eventwire: `make demo` and `make test` are the two commands a fresh machine needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
GOLD   ?= ../shared/gold

.PHONY: install dev demo test lint typecheck bench eval schema model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-installs when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

demo: install
	$(BIN)/eventwire code examples/articles.jsonl --format table

lint: dev
	$(BIN)/ruff check src tests bench

typecheck: dev
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

bench: install
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/store.py

# Re-trains the event classifier from data/training (fixed seed) into the package, and prints its
# cross-validated accuracy, F1 per type, calibration and the events stage with and without it.
model: install
	$(BIN)/python -m eventwire.classify --stage

# The quotes gold file is ours and lives in the repository, so it is scored even without GOLD.
QUOTES_GOLD := tests/data/quotes_gold.jsonl
SHARED_GOLD = $(GOLD)/plover_gsr_dev.jsonl $(GOLD)/timex_te3_dev.jsonl \
	$(GOLD)/geo_dev.jsonl $(GOLD)/event_location_dev.jsonl

eval: install
	@test -d $(GOLD) || echo "no gold data at $(GOLD) (set GOLD=path/to/gold); scoring $(QUOTES_GOLD) only"
	$(BIN)/eventwire eval $(if $(wildcard $(GOLD)),$(SHARED_GOLD)) $(QUOTES_GOLD)

# Regenerates the committed JSON Schema after a change to the domain types.
schema: install
	$(BIN)/eventwire schema > docs/document.schema.json

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
