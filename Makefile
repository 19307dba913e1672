# The explainer's commands. On a fresh machine you need only two: `make serve` and `make test`.
# Every target sets up what it needs first (a Python venv and the npm packages, all pinned).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The sitemap's date comes from the last commit, so two builds of one tree are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1764028800)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

# The editions beside the English one: each has its config (mkdocs.<code>.yml) and is built into site/<code>/.
EDITIONS := ru it
# `make serve EDITION=ru` previews the Russian edition; English by default.
EDITION ?= en
SERVE_CONFIG := $(if $(filter en,$(EDITION)),mkdocs.yml,mkdocs.$(EDITION).yml)

.PHONY: setup render build serve test lint offline bench check clean

## setup: create .venv and install the pinned Python and npm packages (skipped when up to date)
setup: $(VENV)/.installed node_modules/.installed
	@$(BIN)/python -m core.browser

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# Only what the site serves (plotly.js, the offline search shim); `make bench` adds Lighthouse.
node_modules/.installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

## render: write the pages with every marker expanded, and every generated file, to build/docs
render: setup
	$(BIN)/python -m explainer render build/docs

## build: write the three editions to site/, site/ru/ and site/it/ (each config's hook runs the render step first)
build: setup
	@mkdir -p build/docs $(EDITIONS:%=build/docs-%)
	$(BIN)/mkdocs build
	@for e in $(EDITIONS); do \
	  SITE_URL=$${SITE_URL:+$${SITE_URL%/}/$$e/} $(BIN)/mkdocs build -f mkdocs.$$e.yml || exit 1; done

## serve: live preview on http://127.0.0.1:8000, rebuilt on every edit (EDITION=ru or it for another edition)
serve: setup
	@mkdir -p build/docs $(EDITIONS:%=build/docs-%)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000 -f $(SERVE_CONFIG)

# Test workers (pytest-xdist), one per core: two keep both cores busy (measured: 2 workers 6 min 19 s, 3 workers
# 6 min 34 s, 4 workers 7 min 57 s on a clean clone).
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

## test: lint, then every test, including the browser suite (Debian's chromium, else Playwright's own)
test: setup lint
	@command -v chromium >/dev/null || [ -n "$$CHROMIUM" ] || $(BIN)/python -m playwright install chromium
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

## lint: ruff's checks and formatting (configured in pyproject.toml)
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## check: validate every dataset and chart without building the site
check: setup
	$(BIN)/python -m charts check

## offline: build/kz-explainer-offline.zip, the three editions for a USB stick (open index.html)
offline: setup
	@mkdir -p build/docs $(EDITIONS:%=build/docs-%)
	OFFLINE=true $(BIN)/mkdocs build -f mkdocs.offline.yml
	@for e in $(EDITIONS); do OFFLINE=true $(BIN)/mkdocs build -f mkdocs.offline.$$e.yml || exit 1; done
	$(BIN)/python scripts/offline.py build/offline/site build/kz-explainer-offline.zip

## bench: bytes per page and Lighthouse scores, printed as the README's table
bench: build
	npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed
	$(BIN)/python scripts/benchmark.py site --builds
	$(BIN)/python scripts/bench_reload.py

clean:
	rm -rf site build .pytest_cache
