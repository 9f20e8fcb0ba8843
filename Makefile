# The allyship course. Quick start (README):  `make course`  and  `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# nbgrader runs `alembic` by name: the environment's bin/ must be on PATH.
export PATH := $(BIN):$(PATH)

PORT ?= 8888
WORKERS ?= 2
# The edition: `make course LANG=fr` (or a French locale, LANG=fr_CA.UTF-8) opens the French one.
EDITION := $(if $(filter fr fr_% fr-%,$(LANG)),fr,en)
# A bare LANG=fr is not a locale: the commands below run with a real one.
LOCALE_FIX := $(if $(filter fr,$(LANG)),LANG=C.UTF-8)

.PHONY: setup course learner test lint release browser-deps clean

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

exchange:
	@mkdir -p exchange && chmod 0777 exchange

## Set up the virtual environment, the packages and the JupyterLab/nbgrader extensions.
setup: $(VENV)/.installed exchange
	@jupyter labextension list 2>&1 | grep -q "@jupyter/nbgrader" || \
		{ echo "The nbgrader JupyterLab extensions are missing; reinstall with: rm -rf $(VENV) && make setup"; exit 1; }

## Quick start 1: set up, register and release every module into exchange/ (SQLite gradebook
## here), then launch JupyterLab on the course at the start-here notebook (allyship lab).
course: setup
	$(LOCALE_FIX) allyship lab --port=$(PORT) --lang=$(EDITION)

## A learner studying alone: every module fetched into learner/, instructor tools hidden.
learner: setup
	$(LOCALE_FIX) allyship study --port=$(PORT) --lang=$(EDITION)

## Debian's Chromium for the browser tests (Playwright's own browser download does not work here).
## poppler-utils (pdftoppm, pdftotext) lets the handout tests look at a printed page.
browser-deps:
	@{ command -v chromium && command -v pdftoppm; } >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
		else echo "Chromium or poppler-utils is missing: run 'sudo apt-get install -y chromium poppler-utils' (the browser tests need them)."; exit 1; fi; }

## Quick start 2: set up, then run the whole test suite.
test: setup browser-deps
	python -m pytest -n $(WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: setup
	ruff check allyship tests && ruff format --check allyship tests

## Write source/ from the course text, course/en/NN_slug.md (docs/authoring.md); commit both.
.PHONY: source
source: setup
	allyship build

## Regenerate release/ from source/, after `make source` (commit the result; the drift test
## compares them).
release: source
	@for m in $$(allyship modules); do nbgrader generate_assignment --force "$$m" || exit 1; done

clean:
	rm -rf $(VENV) gradebook.db exchange submitted autograded feedback test-artifacts .jupyter learner

## configurable-http-proxy (npm) for the JupyterHub test (tests/hub/), kept inside .venv/.
CHP := $(VENV)/node/node_modules/.bin/configurable-http-proxy
.PHONY: hub-deps
hub-deps: $(VENV)/.installed
	@test -x $(CHP) || { \
		if command -v npm >/dev/null 2>&1; then npm install --silent --prefix $(VENV)/node configurable-http-proxy@5 >/dev/null; \
		else echo "npm is missing: the JupyterHub test will be skipped (install Node.js and npm, then run make hub-deps)."; fi; }
test: hub-deps

## Printable handouts (HTML and PDF) of every module, from release/, into handouts/.
.PHONY: handouts
handouts: setup
	allyship handouts --out handouts

## The browser edition (docs/lite.md): the whole course as a static site, offline, in lite-site/.
## Downloads (PyPI, npm) are cached in .venv/lite-cache, so a second build is quick.
LITE_OUT ?= lite-site
.PHONY: lite
lite: setup
	$(LOCALE_FIX) allyship lite --out $(LITE_OUT) --lang=$(EDITION)
