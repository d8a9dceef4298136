"""The HTTP API as a public service: bad input gets a clear 4xx (never a 500), each client is rate limited,
only allowed origins get CORS, feedback is stored, and the API describes itself at /docs."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import httpx
import pytest

from assistant.feedback import FeedbackStore
from assistant.web import create_app
from conftest import PYTHON, ROOT, serve

ALLOWED = "http://allowed.example"
OTHER = "http://elsewhere.example"
QUESTION = "What does a data engineer do?"


def _settings(bot, **changes):
    return bot.settings.model_copy(update=changes)


@pytest.fixture(scope="module")
def api(bot, tmp_path_factory):
    """The app with one allowed origin and a limit high enough never to interfere; yields (url, store)."""
    store = FeedbackStore(tmp_path_factory.mktemp("api") / "feedback.sqlite3")
    app = create_app(bot, store, _settings(bot, allowed_origins=[ALLOWED], rate_limit_per_minute=10_000))
    with serve(app) as url:
        yield url, store


@pytest.fixture(scope="module")
def strict(bot, tmp_path_factory):
    """The app with default origins (none) and a limit of 3 requests per minute."""
    store = FeedbackStore(tmp_path_factory.mktemp("strict") / "feedback.sqlite3")
    with serve(create_app(bot, store, _settings(bot, rate_limit_per_minute=3))) as url:
        yield url


@pytest.fixture(scope="module")
def behind_proxy(bot, tmp_path_factory):
    """The app trusting X-Forwarded-For, limited to 3 requests per minute per client."""
    store = FeedbackStore(tmp_path_factory.mktemp("proxy") / "feedback.sqlite3")
    with serve(create_app(bot, store, _settings(bot, rate_limit_per_minute=3, trust_proxy_headers=True))) as url:
        yield url


def post(url: str, path: str, **kwargs) -> httpx.Response:
    return httpx.post(url + path, timeout=30, **kwargs)


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("route", ["/api/chat", "/api/chat/stream"])
def test_whitespace_message_is_422_saying_it_is_empty(api, route) -> None:
    r = post(api[0], route, json={"message": " \n\t "})
    assert r.status_code == 422 and r.json() == {"error": "the message is empty"}


@pytest.mark.parametrize("route", ["/api/chat", "/api/chat/stream"])
def test_message_over_the_cap_is_413_naming_the_limit(api, route) -> None:
    r = post(api[0], route, json={"message": "x" * 2001})
    assert r.status_code == 413 and "limit is 2000" in r.json()["error"]


@pytest.mark.parametrize("route", ["/api/chat", "/api/chat/stream", "/api/feedback"])
def test_malformed_json_is_422(api, route) -> None:
    r = post(api[0], route, content=b'{"message": "hi",', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["error"]


def test_json_sent_as_text_plain_is_refused_so_cross_site_forms_cannot_ask(api) -> None:
    r = post(api[0], "/api/chat", content=b'{"message": "What does a data engineer do?"}', headers={"content-type": "text/plain"})
    assert r.status_code == 422


@pytest.mark.parametrize("payload", [
    {"message": 5}, {"message": None}, [], "text", {"message": "hi", "history": "not a list"},
    {"message": "hi", "history": [{"content": "no role"}]}, {"message": ["a", "list"]},
])
def test_wrongly_shaped_requests_are_422_not_500(api, payload) -> None:
    r = post(api[0], "/api/chat", json=payload)
    assert r.status_code == 422 and r.json()["error"].startswith("invalid request")


def test_history_longer_than_the_turn_limit_is_accepted_and_trimmed(api) -> None:
    history = [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi"}] * 200
    history += [{"role": "user", "content": "What does a machine learning engineer do?"}, {"role": "assistant", "content": "…"}]
    r = post(api[0], "/api/chat", json={"message": "Which skills do they need?", "history": history})
    assert r.status_code == 200 and "mathematics" in r.json()["answer"].lower()


def test_request_body_over_the_byte_cap_is_413(api) -> None:
    history = [{"role": "user", "content": "x" * 1000}] * 100  # ~100 kB, over the 64 KiB default
    r = post(api[0], "/api/chat", json={"message": QUESTION, "history": history})
    assert r.status_code == 413 and "65536 bytes" in r.json()["error"]


def test_streamed_body_without_length_over_the_byte_cap_is_413(api) -> None:
    def chunks():
        yield b'{"message": "' + b"x" * 40_000
        yield b"y" * 40_000 + b'"}'

    r = post(api[0], "/api/chat", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


# ------------------------------------------------------------------ rate limit


def test_client_over_the_rate_limit_gets_429_with_retry_after(behind_proxy) -> None:
    client = {"x-forwarded-for": "203.0.113.10"}  # a client of its own, so other tests do not count
    statuses = [post(behind_proxy, "/api/chat", json={"message": QUESTION}, headers=client).status_code for _ in range(3)]
    r = post(behind_proxy, "/api/chat", json={"message": QUESTION}, headers=client)
    assert statuses == [200, 200, 200]
    assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 20 and "3 per minute" in r.json()["error"]


def test_rate_limit_leaves_health_and_the_ui_reachable(strict) -> None:
    for _ in range(5):
        post(strict, "/api/chat", json={"message": QUESTION})
    assert httpx.get(strict + "/api/health", timeout=10).status_code == 200
    assert httpx.get(strict + "/", timeout=10).status_code == 200


def test_rate_limit_is_per_client_behind_a_trusted_proxy(behind_proxy) -> None:
    first = [post(behind_proxy, "/api/feedback", json={"rating": "up"}, headers={"x-forwarded-for": "203.0.113.1"}).status_code
             for _ in range(4)]
    other = post(behind_proxy, "/api/feedback", json={"rating": "up"}, headers={"x-forwarded-for": "203.0.113.2"})
    assert first[-1] == 429 and other.status_code == 422  # the second client still reaches validation


def test_forwarded_for_is_ignored_unless_proxy_headers_are_trusted(strict) -> None:
    statuses = [post(strict, "/api/feedback", json={"rating": "up"}, headers={"x-forwarded-for": f"198.51.100.{i}"}).status_code
                for i in range(5)]
    assert statuses[-1] == 429


# ------------------------------------------------------------------ CORS


def test_preflight_from_an_allowed_origin_is_granted(api) -> None:
    r = httpx.options(api[0] + "/api/chat", headers={"origin": ALLOWED, "access-control-request-method": "POST",
                                                       "access-control-request-headers": "content-type"}, timeout=10)
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == ALLOWED


def test_response_to_an_allowed_origin_names_that_origin(api) -> None:
    r = post(api[0], "/api/chat", json={"message": QUESTION}, headers={"origin": ALLOWED})
    assert r.headers["access-control-allow-origin"] == ALLOWED


def test_preflight_from_an_unlisted_origin_is_refused(api) -> None:
    r = httpx.options(api[0] + "/api/chat", headers={"origin": OTHER, "access-control-request-method": "POST",
                                                       "access-control-request-headers": "content-type"}, timeout=10)
    assert r.status_code == 400 and "access-control-allow-origin" not in r.headers


def test_response_to_an_unlisted_origin_has_no_cors_grant(api) -> None:
    r = post(api[0], "/api/chat", json={"message": QUESTION}, headers={"origin": OTHER})
    assert "access-control-allow-origin" not in r.headers


def test_by_default_no_origin_is_granted_not_even_a_wildcard(strict) -> None:
    r = httpx.get(strict + "/api/health", headers={"origin": ALLOWED}, timeout=10)
    assert "access-control-allow-origin" not in r.headers


# ------------------------------------------------------------------ feedback


def test_feedback_is_stored_with_question_answer_sources_and_comment(api) -> None:
    url, store = api
    answer = post(url, "/api/chat", json={"message": QUESTION}).json()
    ids = [s["id"] for s in answer["sources"]]
    r = post(url, "/api/feedback", json={"rating": "down", "question": QUESTION, "answer": answer["answer"],
                                         "source_ids": ids, "comment": "too short", "channel": "widget"})
    row = next(f for f in store.all() if f["id"] == r.json()["id"])
    assert r.status_code == 201
    assert (row["rating"], row["question"], row["answer"], row["source_ids"], row["comment"], row["channel"]) == (
        -1, QUESTION, answer["answer"], ids, "too short", "widget")


@pytest.mark.parametrize(("rating", "stored"), [("up", 1), (1, 1), ("down", -1), (-1, -1)])
def test_feedback_rating_is_up_down_or_plus_minus_one(api, rating, stored) -> None:
    url, store = api
    r = post(url, "/api/feedback", json={"rating": rating, "question": "q?", "answer": "a."})
    assert r.status_code == 201 and next(f for f in store.all() if f["id"] == r.json()["id"])["rating"] == stored


@pytest.mark.parametrize("rating", ["meh", 0, 2, None])
def test_feedback_with_another_rating_is_422(api, rating) -> None:
    assert post(api[0], "/api/feedback", json={"rating": rating, "question": "q?", "answer": "a."}).status_code == 422


def test_feedback_comment_over_2000_characters_is_413(api) -> None:
    r = post(api[0], "/api/feedback", json={"rating": "up", "question": "q?", "answer": "a.", "comment": "c" * 2001})
    assert r.status_code == 413 and "comment" in r.json()["error"]


def test_feedback_without_the_answer_it_rates_is_422(api) -> None:
    assert post(api[0], "/api/feedback", json={"rating": "up", "question": "q?", "answer": "  "}).status_code == 422


def test_feedback_goes_to_the_configured_store_the_gradio_thumbs_use(bot, tmp_path) -> None:
    settings = _settings(bot, feedback_db=tmp_path / "shared.sqlite3", rate_limit_per_minute=100)
    with serve(create_app(bot, settings=settings)) as url:
        post(url, "/api/feedback", json={"rating": "up", "question": "q?", "answer": "a."})
    assert [f["question"] for f in FeedbackStore(settings.feedback_path).all()] == ["q?"]


# ------------------------------------------------------------------ self-description


def test_openapi_docs_describe_every_api_route(api) -> None:
    assert httpx.get(api[0] + "/docs", timeout=10).status_code == 200
    paths = httpx.get(api[0] + "/openapi.json", timeout=10).json()["paths"]
    assert {"/api/chat", "/api/chat/stream", "/api/health", "/api/feedback"} <= set(paths)


# ------------------------------------------------------------------ widget files


def test_embed_may_be_framed_only_by_this_server_and_the_allowed_origins(api) -> None:
    csp = httpx.get(api[0] + "/embed", timeout=10).headers["content-security-policy"]
    assert csp.endswith(f"frame-ancestors 'self' {ALLOWED}") and "script-src 'self'" in csp


def test_embed_by_default_may_be_framed_only_by_this_server(strict) -> None:
    csp = httpx.get(strict + "/embed", timeout=10).headers["content-security-policy"]
    assert csp.endswith("frame-ancestors 'self'")


def test_widget_files_stay_reachable_for_a_rate_limited_client(strict) -> None:
    for _ in range(5):
        post(strict, "/api/chat", json={"message": QUESTION})
    types = {path: httpx.get(strict + path, timeout=10).headers["content-type"]
             for path in ("/widget.js", "/embed", "/widget/embed.js", "/widget/embed.css")}
    assert types == {"/widget.js": "text/javascript; charset=utf-8", "/embed": "text/html; charset=utf-8",
                     "/widget/embed.js": "text/javascript; charset=utf-8", "/widget/embed.css": "text/css; charset=utf-8"}


def test_the_widget_files_ship_in_the_wheel(tmp_path) -> None:
    for name in ("assistant", "pyproject.toml", "README.md"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, tmp_path / "src" / name)
    subprocess.run([PYTHON, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"),
                    str(tmp_path / "src")], check=True, capture_output=True, timeout=120)
    names = zipfile.ZipFile(next((tmp_path / "dist").glob("*.whl"))).namelist()
    assert {f"assistant/static/{n}" for n in ("widget.js", "embed.html", "embed.js", "embed.css")} <= set(names)
