"""The load benchmark's counting (benchmarks/load.py), on a 2-second run: answers, intended 429s and
errors are reported separately, and the run stops at its bounds."""

from __future__ import annotations

import asyncio
import importlib.util
import sys

import pytest

from assistant.feedback import FeedbackStore
from assistant.web import create_app
from conftest import ROOT, serve


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("load_benchmark", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture
def limited_app(bot, tmp_path):
    settings = bot.settings.model_copy(update={"rate_limit_per_minute": 3})
    with serve(create_app(bot, FeedbackStore(tmp_path / "feedback.sqlite3"), settings)) as url:
        yield url


def test_load_run_counts_answers_and_rate_limited_requests_apart(load, limited_app) -> None:
    result = asyncio.run(load.run_load(limited_app, users=4, seconds=2, max_requests=1000))
    summary = result.summary()
    assert (summary["ok"], summary["errors"]) == (3, 0) and summary["rate_limited_429"] > 0
    assert "| refused by the rate limit (429) |" in load.markdown(result, "3 per minute")


def test_load_run_stops_at_the_request_bound(load, limited_app) -> None:
    result = asyncio.run(load.run_load(limited_app, users=4, seconds=30, max_requests=8))
    assert result.total == 8 and result.seconds < 10
