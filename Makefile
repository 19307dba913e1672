# The explainer's commands. On a fresh machine you need only two: `make serve` and `make test`.
# Every target sets up what it needs first (a Python venv and the npm packages, all pinned).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The sitemap's date comes from the last commit, so two builds of one tree are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1764028800)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test offline bench check clean

## setup: create .venv and install the pinned Python and npm packages (skipped when up to date)
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# Only what the site serves (plotly.js, the offline search shim); `make bench` adds Lighthouse.
node_modules/.installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

## build: write the static site to site/
build: setup
	$(BIN)/mkdocs build

## serve: build, then serve site/ on http://127.0.0.1:8000
serve: build
	$(BIN)/python -m explainer.serve site --port 8000

## test: every test, including the browser suite (Debian's chromium, else Playwright's own)
test: setup
	@command -v chromium >/dev/null || [ -n "$$CHROMIUM" ] || $(BIN)/python -m playwright install chromium
	$(BIN)/python -m pytest

## check: validate every dataset and chart without building the site
check: setup
	$(BIN)/python -m charts check

## offline: build/kz-explainer-offline.zip, the whole site for a USB stick (open index.html)
offline: setup
	OFFLINE=true $(BIN)/mkdocs build -f mkdocs.offline.yml
	$(BIN)/python -m explainer.offline build/offline/site build/kz-explainer-offline.zip

## bench: bytes per page and Lighthouse scores, printed as the README's table
bench: build
	npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed
	$(BIN)/python scripts/benchmark.py site

clean:
	rm -rf site build .pytest_cache
