# hrcmap: one command each for run, test, data. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run serve test test-fast lint format data validate browser nginx clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Install the runtime and start the dashboard on the bundled data (http://localhost:$(PORT))
run: $(VENV)/.runtime
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

# Serve many readers: one replica per core behind nginx on http://127.0.0.1:$(SERVE_PORT)$(BASE)/
# (REPLICAS=2 SERVE_PORT=8080 BASE=/atlas to choose); Ctrl+C stops the proxy and every replica
SERVE_PORT ?= 8080
REPLICAS ?= $(shell nproc)
BASE ?=
serve: $(VENV)/.runtime nginx
	$(PY) deploy/serve.py --replicas $(REPLICAS) --port $(SERVE_PORT) --base "$(BASE)"

# Install what the tests need (Debian's chromium and nginx included), lint, type-check and run the whole suite
test: $(VENV)/.dev browser nginx lint
	$(PY) -m pytest

# Everything but the browser and proxy tests (no chromium or nginx needed)
test-fast: $(VENV)/.dev lint
	$(PY) -m pytest -m "not browser"

# ruff (lint and format check) and mypy, as CI runs them
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Rewrite the code in the project's format
format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Rebuild data/processed from data/raw (validates everything; writes nothing on error)
data: $(VENV)/.runtime
	$(PY) -m hrcmap build

# Only validate data/raw and list every problem
validate: $(VENV)/.runtime
	$(PY) -m hrcmap validate

# Debian's headless chromium for the browser tests (Playwright's own download does not work offline)
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx, the production proxy (`make serve`, and the tests of the serving setup)
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

# Remove the virtual environment
clean:
	rm -rf $(VENV)
