# Two commands for a new user: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

$(BIN)/eventwire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,ray]'
	touch $@

# The map's JavaScript libraries and basemap (package.json / package-lock.json), served by `eventwire serve`.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium and chromedriver for the browser test (skipped when already there).
.PHONY: browser
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; else \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; fi

.PHONY: install demo map test bench
install: $(BIN)/eventwire $(NODE_STAMP)

demo: install
	$(BIN)/eventwire run eventwire/sample --db $(OUT)/sample.duckdb --geojson $(OUT)/sample.geojson --show

# The sample on the web map at http://127.0.0.1:8000 (Ctrl-C to stop).
map: demo
	$(BIN)/eventwire serve --db $(OUT)/sample.duckdb

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/scaling.py throughput --workers 1
	$(BIN)/python bench/scaling.py throughput --workers 2
