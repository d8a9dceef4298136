# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Every target installs what it needs first; the install re-runs only when pyproject.toml changes.

VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run ingest test eval bench load browser clean

install: $(STAMP)

# torch==2.13.0 is pinned in pyproject.toml: pip takes the CPU wheel from the machine's wheel folder;
# a looser requirement would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(PY) app.py

ingest: install
	$(PY) ingest.py

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium (apt-get) for the browser tests"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' for the browser tests"; fi; }

test: install browser
	$(PY) -m pytest

eval: install
	$(PY) -m assistant.eval ../shared/eval/dev.jsonl

bench: install
	$(PY) benchmarks/run.py

# 20 concurrent users for 60 s against /api/chat on loopback (starts its own app).
load: install
	$(PY) benchmarks/load.py

clean:
	rm -rf $(VENV) data reports .pytest_cache
