# Two commands for a new user: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

$(BIN)/eventwire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

.PHONY: install demo test bench
install: $(BIN)/eventwire

demo: install
	$(BIN)/eventwire run eventwire/sample --db $(OUT)/sample.duckdb --geojson $(OUT)/sample.geojson --show

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py
