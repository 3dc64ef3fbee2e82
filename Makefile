# nbscheck — `make demo` and `make test` work on a fresh machine: they create .venv and install
# everything themselves (Chromium for the browser test comes from Debian's packages).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
EXAMPLE := examples/qualifying/submission.yaml

.PHONY: demo test venv lint site pdf serve browser-deps office-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The checker alone is `pip install .`; the demo builds the site, the tests drive it and the workbooks, so three extras.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[site,test,xlsx]'
	touch $(STAMP)

venv: $(STAMP)

# Debian's Chromium for the browser test (tests/test_browser.py drives it with Playwright, which
# `pip install -e .[test]` brings), and a Chinese font so its screenshots show Chinese text.
# Skipped when both are already there.
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  echo "installing Chromium and a Chinese font (Debian packages) for the browser test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    chromium fonts-wqy-microhei >/dev/null; \
	fi

# LibreOffice Calc without a display, for the workbook test that opens, re-saves and re-checks the
# .xlsx template (tests/test_xlsx.py; skipped without it). Skipped when soffice is already there.
office-deps:
	@if ! command -v soffice >/dev/null 2>&1; then \
	  echo "installing LibreOffice Calc (Debian package libreoffice-calc-nogui) for the workbook test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    libreoffice-calc-nogui >/dev/null; \
	fi

# Microsoft's SARIF multitool (npm registry), for its official SARIF 2.1.0 schema and for validating
# our SARIF output with its GitHub rules (tests/test_sarif_github.py); neither is vendored here.
SARIF_TOOL   := $(VENV)/share/npm/sarif-multitool
SARIF_SCHEMA := $(VENV)/share/sarif-2.1.0.json
$(SARIF_TOOL)/Sarif.Multitool: | $(BIN)/python
	mkdir -p $(SARIF_TOOL)
	cd $(VENV)/share/npm && npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 >/dev/null \
	  && tar xzf microsoft-sarif-multitool-linux-5.7.0.tgz -C sarif-multitool --strip-components=1 \
	  && rm microsoft-sarif-multitool-linux-5.7.0.tgz && chmod u+x sarif-multitool/Sarif.Multitool
$(SARIF_SCHEMA): $(SARIF_TOOL)/Sarif.Multitool
	cp $(SARIF_TOOL)/sarif-2.1.0.json $@

# yaml-language-server (npm registry), which VS Code's YAML extension runs: tests/test_editor.py drives
# it over LSP on the examples with the schema nbscheck writes.
YLS := $(VENV)/share/npm/yaml-language-server/node_modules/.bin/yaml-language-server
$(YLS): | $(BIN)/python
	mkdir -p $(VENV)/share/npm/yaml-language-server
	npm install --silent --no-audit --no-fund --prefix $(VENV)/share/npm/yaml-language-server yaml-language-server@1.25.0

# axe-core, the accessibility engine the browser test runs on the built site (WCAG 2.1 AA), from the
# npm registry (not vendored here).
AXE_VERSION := 4.11.0
AXE := $(VENV)/share/axe-core-$(AXE_VERSION).min.js
$(AXE): | $(BIN)/python
	mkdir -p $(VENV)/share/npm
	cd $(VENV)/share/npm && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
	  && tar xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js \
	  && mv package/axe.min.js ../axe-core-$(AXE_VERSION).min.js && rm -rf package *.tgz

lint: venv
	$(BIN)/nbscheck lint

# The bilingual site (Chinese at the root, English under en/), generated from guideline/ by the
# nbscheck MkDocs plugin; strict, so any warning fails. tests/test_site.py builds it too.
site: venv
	$(BIN)/mkdocs build --strict

# The site plus a PDF of every published version in its downloads folder, printed by headless
# Chromium from the site's own printable pages (Chromium from browser-deps).
pdf: site browser-deps
	$(BIN)/nbscheck site pdf site --chromium $(CHROMIUM)

demo: venv
	$(BIN)/nbscheck --version
	$(BIN)/nbscheck lint
	-$(BIN)/nbscheck $(EXAMPLE)
	-$(BIN)/nbscheck examples/with-mistakes/submission.yaml --lang en
	$(BIN)/mkdocs build --strict
	@echo ""
	@echo "网站已生成在 site/（中文在根目录，英文在 site/en/）。预览：$(BIN)/mkdocs serve，然后打开 http://127.0.0.1:8000/"
	@echo "The site is in site/ (Chinese at the root, English in site/en/). To browse it: $(BIN)/mkdocs serve, then open http://127.0.0.1:8000/"

test: venv browser-deps office-deps $(SARIF_SCHEMA) $(AXE) $(YLS)
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python benchmarks/run.py

serve: venv
	$(BIN)/mkdocs serve

clean:
	rm -rf $(VENV) site benchmarks/out .pytest_cache

# Freeze guideline/ as release VERSION and open the next draft; see CONTRIBUTING.md.
#   make release VERSION=1.1.0 [NEXT=2.0.0] [DATE=2026-12-01]
.PHONY: release
release: venv
	@test -n "$(VERSION)" || { echo "用法 / usage: make release VERSION=X.Y.Z [NEXT=X.Y.Z] [DATE=YYYY-MM-DD]"; exit 2; }
	$(BIN)/python -m nbscheck.change.release $(VERSION) $(if $(NEXT),--next $(NEXT)) $(if $(DATE),--date $(DATE))
