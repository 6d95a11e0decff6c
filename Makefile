# hrcmap: one command each for run, test, data. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test data validate browser clean

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

# Install what the tests need (Debian's chromium included) and run the whole suite
test: $(VENV)/.dev browser
	$(PY) -m pytest

# Rebuild data/processed from data/raw (validates everything; writes nothing on error)
data: $(VENV)/.runtime
	$(PY) -m hrcmap build

# Only validate data/raw and list every problem
validate: $(VENV)/.runtime
	$(PY) -m hrcmap validate

# Debian's headless chromium for the browser tests (Playwright's own download does not work offline)
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Remove the virtual environment
clean:
	rm -rf $(VENV)
