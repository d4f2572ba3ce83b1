# Two commands on a fresh machine: `make serve` (preview) and `make test` (every check).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The preview's port (make serve, make edit): make edit PORT=8001 beside another.
PORT ?= 8000
# The preview (make serve, make edit), on this computer only: it shows drafts.
PREVIEW = $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --livereload

# Material 9.8 and mkdocs-rss-plugin print notices about MkDocs 2 on every build; known.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible builds: dates the build stamps (feeds, sitemap) are the last commit's.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_TIME),)
export SOURCE_DATE_EPOCH ?= $(COMMIT_TIME)
endif

.DEFAULT_GOAL := help

.PHONY: help  ## list the commands
help:
	@grep -E '^\.PHONY: [a-z-]+  ## ' $(MAKEFILE_LIST) | sed -E 's/\.PHONY: ([a-z-]+)  ## (.*)/  make \1\t\2/' | expand -t 24

.PHONY: serve  ## install, then preview the site at http://127.0.0.1:8000 with live reload
serve: $(VENV)/.installed-site node_modules/.installed
	$(PREVIEW)

.PHONY: edit  ## the preview, and the editor at http://127.0.0.1:8000/admin/ on this copy (Chrome or Edge)
edit: $(VENV)/.installed-site node_modules/.installed
	@echo "Write at http://127.0.0.1:$(PORT)/admin/ in Chrome or Edge: choose 'Work with Local Repository'"
	@echo "and pick this folder ($(CURDIR)). Each save is a file here; the preview reloads by itself."
	$(PREVIEW)

.PHONY: build  ## install, then write the site to site/ (stops on any error)
build: $(VENV)/.installed-site node_modules/.installed
	$(BIN)/mkdocs build --strict --site-dir site

.PHONY: test  ## install with the test tools (and a Chromium if none), then run every test
test: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/python -m tests.browsers --install
	$(BIN)/python -m pytest

# The title as typed: make would read "$200" in it as a variable ($2) and drop it.
override TITLE := $(value TITLE)
export TITLE

.PHONY: new-post  ## start an article: make new-post TITLE="What helps with neck spasms"
new-post: $(VENV)/.installed-site
	@$(BIN)/python scripts/new_post.py  # reads TITLE from the environment: quotes survive

.PHONY: check-reviews  ## list every article with its review status (last reviewed, due, medical review)
check-reviews: $(VENV)/.installed-site
	$(BIN)/python scripts/check_reviews.py

.PHONY: audit  ## Lighthouse on the key pages (mobile and desktop): a table and audit-report.json
audit: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/python -m scripts.audit

.PHONY: check-links-external  ## check links to other sites (retries, a week's cache); never blocks
check-links-external: $(VENV)/.installed-test
	$(BIN)/python -m scripts.external_links

.PHONY: bench  ## build time and memory at 10, 100 and 500 posts, against plain Material
bench: $(VENV)/.installed-test
	$(BIN)/python -m scripts.bench

.PHONY: lock  ## re-resolve requirements/*.txt from pyproject.toml (after changing a pin)
lock: $(VENV)/.installed-test
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links --no-emit-index-url -o requirements/site.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links --no-emit-index-url --extra test -o requirements/test.txt pyproject.toml

.PHONY: clean  ## remove the built site and the virtual environment
clean:
	rm -rf site $(VENV) node_modules

# Installs --------------------------------------------------------------------
# Each lock file installs exactly, with hashes; a changed lock file reinstalls.

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-site: requirements/site.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/site.txt
	@touch $@

# The editor (Sveltia CMS and its fonts), axe-core and Lighthouse, exactly as package-lock.json pins them.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

$(VENV)/.installed-test: requirements/test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/test.txt
	@touch $@ $(VENV)/.installed-site
