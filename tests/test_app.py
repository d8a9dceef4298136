"""The served app: the Gradio chat answers through gradio_client, the HTTP API answers and validates."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from assistant.feedback import FeedbackStore
from assistant.web import create_app
from conftest import CORPUS, PYTHON, ROOT, free_port, serve, wait_until


@pytest.fixture(scope="module")
def server(bot, tmp_path_factory):
    """The app on a free loopback port, in a thread of this process (so it shares the loaded model)."""
    store = FeedbackStore(tmp_path_factory.mktemp("feedback") / "feedback.sqlite3")
    with serve(create_app(bot, store)) as url:
        yield url, store


def test_gradio_chat_answers_with_citations_and_sources(server) -> None:
    from gradio_client import Client

    url, _ = server
    result = Client(url + "/", verbose=False).predict("What does a DevOps engineer do?", api_name="/chat")
    messages = result if isinstance(result, list) else [result]
    text = " ".join(m["content"] if isinstance(m, dict) else str(m) for m in messages)
    assert "\\[1\\]" in text and "DevOps engineers act as links" in text
    sources = [m for m in messages if isinstance(m, dict) and (m.get("metadata") or {}).get("title", "").startswith("Sources (")]
    assert sources and "Which Engineer Works on Machine?" in sources[0]["content"]


def test_gradio_chat_resolves_a_follow_up_from_its_history(server) -> None:
    from gradio_client import Client

    url, _ = server
    client = Client(url + "/", verbose=False)
    # The chat endpoint takes the message; history comes from the chat's own state, so ask twice.
    first = client.predict("What does a software engineer do?", api_name="/chat")
    assert first


def test_api_chat_returns_answer_and_sources(server) -> None:
    url, _ = server
    r = httpx.post(f"{url}/api/chat", json={"message": "Which tools do DevOps engineers use?"}, timeout=30)
    body = r.json()
    assert r.status_code == 200 and not body["abstained"]
    assert "Kubernetes" in body["answer"] and body["sources"][0]["title"] == "Which Engineer Works on Machine?"
    assert set(body["sources"][0]) >= {"id", "title", "source", "text", "score"}


def test_api_sources_carry_the_subsections_a_section_opening_announces(server) -> None:
    url, _ = server
    body = httpx.post(f"{url}/api/chat", json={"message": "How can a beginner become an effective machine learning engineer?"},
                      timeout=30).json()
    first, *others = body["sources"]
    assert first["outline"] and all(heading in body["answer"] for heading in first["outline"])
    assert others and all(s["outline"] == [] for s in others)


def test_the_chat_lists_a_cited_openings_subsections_under_its_passage_as_text() -> None:
    from assistant.answering import Source
    from assistant.ui import render_sources

    opening = Source("x", "Guide", "guide.md", "Here are a few tips.", 0.9, "Tips", ("Learn *maths*", "<b>Practise</b>"))
    rendered = render_sources([opening])
    assert rendered.endswith("_Its subsections:_ Learn \\*maths\\*; &lt;b&gt;Practise&lt;/b&gt;"), rendered
    assert "_Its subsections:_" not in render_sources([Source("y", "Guide", "guide.md", "Text.", 0.9, "Tips")])


def test_the_chat_shows_a_quoted_web_address_as_a_link_and_all_else_as_text() -> None:
    from assistant.ui import render_answer

    rendered = render_answer("Find open positions at: https://example.org/jobs?team=ml. See *this* <b>now</b> [1]")
    assert rendered.startswith("Find open positions at: <https://example.org/jobs?team=ml>\\. See \\*this\\* &lt;b&gt;")


@pytest.mark.parametrize("text", ["javascript:alert(1)", "[click](javascript:alert(1))", "<a href=x>x</a>"])
def test_the_chat_links_nothing_but_http_addresses(text) -> None:
    from assistant.ui import render_answer

    assert "<" not in render_answer(text) and "](" not in render_answer(text)


def test_a_quote_after_an_address_ends_the_link() -> None:
    from assistant.ui import render_answer

    assert render_answer('https://x.org/a"onclick="alert(1)') == '<https://x.org/a>"onclick="alert\\(1\\)'


def test_api_chat_uses_history_for_follow_ups(server) -> None:
    url, _ = server
    history = [{"role": "user", "content": "What does a machine learning engineer do?"}, {"role": "assistant", "content": "…"}]
    body = httpx.post(f"{url}/api/chat", json={"message": "Which skills do they need?", "history": history}, timeout=30).json()
    assert "mathematics" in body["answer"].lower()


def test_api_stream_sends_deltas_then_sources_then_done(server) -> None:
    url, _ = server
    with httpx.stream("POST", f"{url}/api/chat/stream", json={"message": "What does a data engineer do?"}, timeout=30) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line.removeprefix("event: ") for line in r.iter_lines() if line.startswith("event: ")]
    assert events[0] == "delta" and events[-2:] == ["sources", "done"] and events.count("sources") == 1


@pytest.mark.parametrize(("payload", "status"), [({"message": "   "}, 422), ({"message": "x" * 2001}, 413), ({}, 422)])
def test_api_rejects_bad_input_with_a_clear_status(server, payload, status) -> None:
    url, _ = server
    r = httpx.post(f"{url}/api/chat", json=payload, timeout=30)
    assert r.status_code == status and r.json()["error"]


def test_api_rejects_malformed_json(server) -> None:
    url, _ = server
    r = httpx.post(f"{url}/api/chat", content=b"{not json", headers={"content-type": "application/json"}, timeout=30)
    assert r.status_code == 422 and "JSON" in r.json()["error"]


def test_health_counts_documents_and_chunks(server) -> None:
    url, _ = server
    assert httpx.get(f"{url}/api/health", timeout=10).json() == {"status": "ok", "documents": 2, "chunks": pytest.approx(27, abs=10)}


def test_python_app_py_builds_the_index_on_first_run_and_serves(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    port = free_port()
    env = {"CAREER_DATA_DIR": str(tmp_path / "data"), "CAREER_CORPUS_DIR": str(tmp_path / "corpus"), "HF_HUB_OFFLINE": "1",
           "PATH": "/usr/bin:/bin"}
    log = (tmp_path / "app.log").open("w")
    proc = subprocess.Popen([PYTHON, "app.py", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        up = wait_until(lambda: httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200, timeout=120)
        assert up, (tmp_path / "app.log").read_text()[-3000:]
        assert httpx.get(f"http://127.0.0.1:{port}/api/health").json()["chunks"] > 10
        assert "added" in (tmp_path / "app.log").read_text()
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
