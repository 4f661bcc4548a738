# The two commands of the README: `make run` and `make test`. Everything else is set up here.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# Python 3.13 (the repo's .python-version) or 3.12, whichever this machine has.
PYTHON_BIN := $(shell for p in python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; \
	then command -v $$p; break; fi; done)
# uv when it is on PATH, else the one pip installs into that Python.
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON_BIN) -m uv")

.PHONY: help setup run test test-fast lint check format messages check-python bench audit

help:
	@echo "make run   - set up and serve the portal with its demo data on http://127.0.0.1:$(PORT)/"
	@echo "make test  - set up and run the whole test suite"
	@echo "make test-fast - the suite without the browser and slow tests, for work in progress"
	@echo "make lint  - ruff, as CI runs it"
	@echo "make check - lint, migrations matching the models, Django's system checks (CI runs it)"
	@echo "make bench - load benchmark on PostgreSQL with the large data set (BENCH_ARGS=...)"
	@echo "make audit - known vulnerabilities in the locked dependencies (pip-audit, PyPI)"

check-python:
	@if [ -z "$(PYTHON_BIN)" ]; then echo "Python 3.12 or newer is needed (3.13 preferred)." >&2; exit 1; fi
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON_BIN) -m pip install --quiet uv

setup: check-python
	@$(UV) sync --frozen --python "$(PYTHON_BIN)" --quiet
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

run: setup
	@$(PY) manage.py migrate --no-input -v0
	@$(PY) manage.py load_demo
	@echo
	@echo "The portal runs on http://127.0.0.1:$(PORT)/  (Ctrl+C to stop)"
	@$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The Nu HTML checker for the tests (npm registry; the machine's Java runs it).
HTMLCHECK := tools/htmlcheck/node_modules/vnu-jar/build/dist/vnu.jar
$(HTMLCHECK): tools/htmlcheck/package-lock.json
	@npm ci --prefix tools/htmlcheck --ignore-scripts --no-audit --no-fund --silent
	@touch $@

# The tests run in parallel (pytest-xdist): one worker process more than there are cores (they
# often wait on PostgreSQL, Chromium or a subprocess), four at most; each has its own test
# database, Redis database and files (tests/conftest.py). TEST_WORKERS=2 for two workers, or
# PYTEST_ARGS="-n 0" for no worker process at all (every test in one process).
TEST_WORKERS ?= $(shell n=$$(( $$(nproc 2>/dev/null || echo 2) + 1 )); if [ $$n -gt 4 ]; then n=4; fi; echo $$n)
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup --durations=10

# The backup tests run pg_dump and pg_restore (Debian: postgresql-client, which CI installs).
test: setup $(HTMLCHECK)
	@command -v pg_dump >/dev/null 2>&1 || echo "pg_dump is missing: the PostgreSQL backup tests are skipped (apt-get install postgresql-client)."
	@exports="$$($(PY) scripts/test_services.py)" && eval "$$exports" && $(PY) -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# While working: everything but the tests marked browser or slow (make test still runs them all).
test-fast: setup $(HTMLCHECK)
	@exports="$$($(PY) scripts/test_services.py)" && eval "$$exports" && $(PY) -m pytest $(PYTEST_PARALLEL) -m "not browser and not slow" $(PYTEST_ARGS)

# pip-audit lives in its own environment (the "audit" group), so `make setup` never installs it.
AUDIT_VENV := var/audit-venv
audit: check-python
	@UV_PROJECT_ENVIRONMENT=$(AUDIT_VENV) $(UV) sync --frozen --only-group audit --python "$(PYTHON_BIN)" --quiet
	@mkdir -p var/audit
	@$(UV) export --frozen --all-groups --no-emit-project --format requirements-txt --quiet -o var/audit/requirements.txt
	@$(AUDIT_VENV)/bin/python scripts/audit_dependencies.py var/audit/requirements.txt

lint: setup
	@$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# The translation catalogues' freshness is a test (tests/test_i18n.py runs makemessages on a copy).
check: lint
	@$(PY) manage.py makemigrations --check --dry-run
	@$(PY) manage.py check

format: setup
	@$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

messages: setup
	@$(PY) manage.py makemessages -l fr -l pt -l it -l de --ignore=.venv --ignore=tools --ignore=var --no-obsolete

# The load benchmark (bench/run.py): PostgreSQL on 127.0.0.1:5432, wrk; not part of `make test`.
# BENCH_ARGS="--duration 5" for a quick run, "--pages practices,feed" for some pages only.
bench: setup
	@$(PY) bench/run.py $(BENCH_ARGS)
