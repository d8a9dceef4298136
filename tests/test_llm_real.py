"""A real (small, weak) chat model: SmolLM2-135M-Instruct in-process through llama-cpp-python, and behind
llama.cpp's OpenAI-compatible server reached through langchain-openai. The model invents things; these
tests check that whatever survives verification is supported and cited correctly.

`make test` builds llama-cpp-python and fetches the GGUF (`make model`). Elsewhere the tests skip with the
reason; under CI=true a missing model or library fails them instead.
"""

from __future__ import annotations

import os
import re

import pytest

from assistant.answering import Answer
from assistant.config import Settings
from assistant.eval import load_items
from assistant.local_model import DEFAULT_PATH
from assistant.service import Assistant
from assistant.verification import check_answer
from conftest import DEV_SET, PYTHON, ROOT, free_port, server_process

QUESTIONS = [i for i in load_items(DEV_SET) if i.type == "in_scope"][:2]
# Small budgets keep these tests to seconds: ~600 prompt tokens at ~220 tokens/s, 64 tokens at ~80 tokens/s.
LLM = {"llm_max_tokens": 64, "top_k": 3, "llm_timeout": 60.0}
# Fallbacks that verification decides (the model answered, but nothing it wrote can be shown).
VERIFICATION_FALLBACKS = ("no generated sentence is supported by the passages",
                          "the model said the passages do not answer the question")


def _unavailable() -> str | None:
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        return "llama-cpp-python is not installed (pip install '.[local]', or make install)"
    if not DEFAULT_PATH.is_file():
        return f"{DEFAULT_PATH} is missing (make model)"
    return None


@pytest.fixture(scope="module")
def gguf():
    reason = _unavailable()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the real-model tests must run in CI: {reason}")
        pytest.skip(reason)
    return DEFAULT_PATH


def _bot(bot, **values) -> Assistant:
    return Assistant(Settings(**{**bot.settings.model_dump(), **LLM, **values}), bot.index)


def _assert_faithful(answer: Answer, bot) -> None:
    """Every sentence shown is supported by the passage it cites, and every citation points at a source."""
    assert answer.verification is not None and not answer.abstained
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.text)]
    assert numbers and all(1 <= n <= len(answer.sources) for n in numbers), answer.text
    checks = check_answer(answer.text, [s.text for s in answer.sources], bot.index.embeddings, idf=bot.corpus.idf)
    assert all(c.supported and c.support in c.citations for c in checks), checks
    for removed in answer.verification["removed"]:
        assert removed["sentence"] not in answer.text


@pytest.mark.parametrize("item", QUESTIONS, ids=lambda i: i.id)
def test_local_model_answer_keeps_only_supported_sentences_with_valid_citations(bot, gguf, item) -> None:
    local = _bot(bot, answerer="llamacpp", llm_model_path=gguf)
    items = list(local.stream(item.question, item.history))
    answer = items[-1]
    assert len(items) > 3, "the model's tokens should stream one by one"
    assert answer.verification["generated"] == "".join(items[:-1])
    assert answer.verification["status"] in ("verified", "fallback")
    if answer.verification["status"] == "fallback":
        assert answer.verification["reason"] in VERIFICATION_FALLBACKS
    _assert_faithful(answer, bot)


def test_local_model_is_not_asked_an_out_of_scope_question(bot, gguf) -> None:
    local = _bot(bot, answerer="llamacpp", llm_model_path=gguf)
    answer = local.ask("What is the best recipe for pad thai?")
    assert answer.abstained and answer.verification is None and answer.answerer == "extractive"


@pytest.fixture(scope="module")
def llama_server(gguf, tmp_path_factory):
    """`python -m llama_cpp.server` on a free loopback port; yields its /v1 base URL."""
    port = free_port()
    command = [PYTHON, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "2048", "--model_alias", "smollm2"]
    with server_process(command, f"http://127.0.0.1:{port}/v1/models",
                        tmp_path_factory.mktemp("llama-server") / "server.log"):
        yield f"http://127.0.0.1:{port}/v1"


def test_llama_cpp_server_answers_through_the_openai_backend(bot, llama_server) -> None:
    remote = _bot(bot, answerer="openai", llm_base_url=llama_server, llm_model="smollm2")
    item = QUESTIONS[0]
    items = list(remote.stream(item.question, item.history))
    answer = items[-1]
    assert len(items) > 3 and answer.verification["generated"] == "".join(items[:-1])
    # The server was reached and wrote something: any fallback is verification's, never a connection failure.
    assert answer.verification["status"] == "verified" or answer.verification["reason"] in VERIFICATION_FALLBACKS
    _assert_faithful(answer, bot)


def test_makefile_prebuilds_the_llama_cpp_version_that_pyproject_pins() -> None:
    made = re.search(r"^LLAMA_CPP_VERSION := (\S+)$", (ROOT / "Makefile").read_text(), re.M).group(1)
    pinned = re.search(r'"llama-cpp-python\[server\]==([^"]+)"', (ROOT / "pyproject.toml").read_text()).group(1)
    assert made == pinned
