# naober — developer commands. Needs GNU make, Python 3.11+, Node.js 20+ with npm, and git.
#   make run    install everything, migrate, load the demo regions, serve on http://127.0.0.1:8000/
#   make test   install everything and run the test suite (browser tests need Debian's chromium)
# Stamp files make a second `make install` quick; it re-runs pip when pyproject.toml changes and npm when
# package-lock.json changes. `make PYTHON=python3.12 install` picks the interpreter for a new .venv.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# The first of these that runs and is 3.11 or newer (a pyenv shim for an absent version does not run).
PYTHON_CANDIDATES := python3.13 python3.12 python3.11 python3
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(foreach candidate,$(PYTHON_CANDIDATES),$(shell \
	$(candidate) -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $(candidate))))
endif

VENV := .venv
BIN := $(VENV)/bin
NAOBER := $(CURDIR)/$(BIN)/naober
VENV_STAMP := $(VENV)/.naober-installed
NPM_STAMP := node_modules/.naober-installed
STATIC_STAMP := node_modules/.naober-static-built
VENDOR := src/naober/static/vendor
VENDOR_FILES := $(VENDOR)/nlds/components.css $(VENDOR)/nlds/tokens.css $(VENDOR)/htmx/htmx.min.js
# Rebuild the static files when one of them has gone missing, whatever the stamp says.
VENDOR_MISSING := $(filter-out $(wildcard $(VENDOR_FILES)),$(VENDOR_FILES))

HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments: make test PYTEST_ARGS='-k cli -x'
PYTEST_ARGS ?=

.PHONY: help install run test lint bench messages clean FORCE

help:
	@echo "make install   create .venv (Python >= 3.11), install naober with its dev tools, build the front-end files"
	@echo "make run       install, migrate, load the demo regions and serve on http://$(HOST):$(PORT)/"
	@echo "make test      install and run the test suite (skip reasons are listed at the end)"
	@echo "make lint      ruff check, ruff format --check and mypy"
	@echo "make bench     generate the benchmark datasets and run the web, search and planner benchmarks"
	@echo "               (long; see docs/benchmarks.md; BENCH_ARGS='--scales region' for a shorter run)"
	@echo "make messages  regenerate and compile the translation catalogues (needs GNU gettext)"
	@echo "make clean     remove .venv, node_modules, the built front-end files and caches (keeps var/)"

install: $(VENV_STAMP) $(STATIC_STAMP)

$(VENV_STAMP): pyproject.toml
	@if [ ! -x "$(BIN)/python" ]; then \
		if [ -z "$(PYTHON)" ]; then \
			echo "make: no Python 3.11 or newer found (tried $(PYTHON_CANDIDATES)); install one or pass PYTHON=..." >&2; \
			exit 1; \
		fi; \
		if ! "$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
			echo "make: $(PYTHON) is not Python 3.11 or newer" >&2; exit 1; \
		fi; \
		echo "Creating $(VENV) with $$("$(PYTHON)" --version)"; \
		"$(PYTHON)" -m venv $(VENV) || { echo "make: '$(PYTHON) -m venv' failed (on Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 1; }; \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm not found; install Node.js 20 or newer" >&2; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
		|| { echo "make: Node.js 20 or newer is needed, found $$(node --version)" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STATIC_STAMP): $(NPM_STAMP) scripts/build-static.mjs $(if $(VENDOR_MISSING),FORCE)
	npm run --silent build
	@touch $@

FORCE:

# NAOBER_SITE_URL follows HOST and PORT (unless set), so the demo sign-in it prints points at this server.
run: install
	$(NAOBER) migrate
	NAOBER_SITE_URL="$${NAOBER_SITE_URL:-http://$(HOST):$(PORT)}" $(NAOBER) demo
	$(NAOBER) reindex
	NAOBER_SITE_URL="$${NAOBER_SITE_URL:-http://$(HOST):$(PORT)}" $(NAOBER) serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# Benchmarks (docs/benchmarks.md), not part of `make test`: the load generator is Debian's wrk.
BENCH_ARGS ?=
bench: install
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -qq wrk >/dev/null; \
		else echo "make: wrk not found; install it (apt-get install wrk)" >&2; exit 1; fi; }
	$(BIN)/python bench/run.py --update-docs $(BENCH_ARGS)

# Developer-only: xgettext/msgfmt come from GNU gettext. makemessages runs inside the package so that it
# scans only naober's own code; NAOBER_DATA_DIR keeps the development data in ./var.
messages: $(VENV_STAMP)
	@command -v msgfmt >/dev/null || { echo "make: GNU gettext not found (apt-get install gettext / brew install gettext)" >&2; exit 1; }
	cd src/naober && NAOBER_DATA_DIR=$(CURDIR)/var $(NAOBER) makemessages -l nl -l en
	cd src/naober && NAOBER_DATA_DIR=$(CURDIR)/var $(NAOBER) compilemessages

clean:
	rm -rf $(VENV) node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} +
