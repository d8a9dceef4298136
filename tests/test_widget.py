"""The embeddable widget in a real browser (Playwright driving Debian's Chromium).

The widget server and the host pages run on 127.0.0.1 on different ports, so they are different
origins, as on a real career site: one host page is in CAREER_ALLOWED_ORIGINS, the other is not.
The host page carries hostile CSS to show that styles do not cross the widget's boundary.
"""

from __future__ import annotations

import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.feedback import FeedbackStore
from assistant.web import create_app
from conftest import free_port, serve

CHROMIUM = os.environ.get("CAREER_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling Google hosts on this closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000
QUESTION = "Which tools do DevOps engineers use?"
XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold?</b>'

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jobs at Example</title>
<style>
  * {{ color: rgb(0, 128, 0) !important; font-family: serif !important; }}
  button, div, iframe {{ background: rgb(255, 0, 0) !important; border: 5px dashed rgb(255, 0, 0) !important; }}
</style></head>
<body>
  <h1>Jobs at Example</h1>
  <p>Open positions and career advice.</p>
  <button id="host-button" type="button">Apply now</button>
  <script src="{widget}/widget.js" data-title="Career questions" data-accent="#0a7d5a"
          data-greeting="Hi! Ask me about careers in tech."
          data-examples="What does a data engineer do?|Which tools do DevOps engineers use?" defer></script>
</body></html>
"""


def _host_server(html: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    body = html.encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self.send_response(200 if self.path.split("?")[0] == "/" else 404)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def sites(bot, tmp_path_factory) -> Iterator[dict]:
    """The widget server, a host page it allows, and a host page it does not; yields their URLs and the feedback store."""
    widget_port = free_port()
    widget = f"http://127.0.0.1:{widget_port}"
    allowed, allowed_url = _host_server(HOST_PAGE.format(widget=widget))
    refused, refused_url = _host_server(HOST_PAGE.format(widget=widget))
    store = FeedbackStore(tmp_path_factory.mktemp("widget") / "feedback.sqlite3")
    settings = bot.settings.model_copy(update={"allowed_origins": [allowed_url], "rate_limit_per_minute": 10_000})
    try:
        with serve(create_app(bot, store, settings), port=widget_port):
            yield {"widget": widget, "allowed": allowed_url, "refused": refused_url, "store": store}
    finally:
        allowed.shutdown()
        refused.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CAREER_CHROMIUM)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    # expect() has its own 5 s default; an answer on a loaded 2-core machine may take longer.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context per test: its own cookies and sessionStorage; dialogs are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


def launcher(page):
    return page.locator("career-widget .launcher")


def chat(page):
    return page.frame_locator("career-widget iframe")


def open_chat(page, url: str):
    from playwright.sync_api import expect

    page.goto(url)
    launcher(page).click()
    # The question box is in the page before the chat's script has bound Enter: a question typed then is lost (seen once
    # in CI). The panel is "ready" once the script has run to its end.
    expect(page.locator("career-widget .panel")).to_have_attribute("data-state", "ready")
    frame = chat(page)
    frame.locator("#question").wait_for()
    return frame


def ask(frame, question: str) -> None:
    frame.locator("#question").fill(question)
    frame.locator("#question").press("Enter")


def test_launcher_is_a_labelled_button_that_opens_the_chat_and_moves_focus_into_it(page, sites) -> None:
    from playwright.sync_api import expect

    page.goto(sites["allowed"])
    button = page.get_by_role("button", name="Open chat: Career questions")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="Career questions")).to_be_visible()
    expect(chat(page).locator("#question")).to_be_focused()
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")


def test_escape_closes_the_chat_and_returns_focus_to_the_launcher(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    expect(frame.locator("#question")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("career-widget .panel")).to_be_hidden()
    expect(page.get_by_role("button", name="Open chat: Career questions")).to_be_focused()


def test_a_question_streams_in_with_numbered_sources_and_a_citation_reveals_its_source(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    with page.expect_response(lambda r: r.url.endswith("/api/chat/stream")) as streamed:
        ask(frame, QUESTION)
    assert streamed.value.headers["content-type"].startswith("text/event-stream")
    answer = frame.locator(".msg.assistant").last
    expect(answer.locator(".sources .source")).not_to_have_count(0)
    expect(answer.locator(".answer")).to_contain_text("Kubernetes")
    first = answer.locator(".source[data-source='1']")
    expect(first).to_contain_text("Which Engineer Works on Machine?")
    expect(first.locator("details")).not_to_have_attribute("open", "")
    answer.locator("button.cite[data-cite='1']").first.click()
    expect(first).to_have_class(re.compile(r"\bhighlight\b"))
    expect(first.locator("blockquote")).to_be_visible()


def test_a_cited_section_opening_lists_the_subsections_it_announces_under_its_passage(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    ask(frame, "How can a beginner become an effective machine learning engineer?")
    first = frame.locator(".msg.assistant").last.locator(".source[data-source='1']")
    first.locator("summary").click()
    expect(first.locator("p.outline")).to_contain_text("Its subsections: Solid Grounding in Mathematics;")


def test_a_web_address_in_an_answer_is_a_link_that_opens_apart_from_the_host_page(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    ask(frame, "where can i apply for sertis jobs")
    link = frame.locator(".msg.assistant").last.locator(".answer a.link")
    expect(link).to_have_count(1)
    expect(link).to_have_text("https://www.careers.sertiscorp.com/jobs")
    expect(link).to_have_attribute("href", "https://www.careers.sertiscorp.com/jobs")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer nofollow")


def test_the_conversation_survives_a_page_reload(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    ask(frame, QUESTION)
    expect(frame.locator(".msg.assistant .sources")).to_have_count(1)
    page.reload()
    frame = chat(page)  # the panel reopens by itself: it was open before the reload
    expect(frame.locator(".msg.user")).to_have_text([QUESTION])
    expect(frame.locator(".msg.assistant .answer")).to_contain_text("Kubernetes")
    expect(frame.locator(".msg.assistant button.cite").first).to_be_visible()


def test_html_in_a_question_is_shown_as_text_never_run(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    ask(frame, XSS)
    expect(frame.locator(".msg.user")).to_have_text([XSS])
    expect(frame.locator(".msg.assistant, .msg.error")).to_have_count(1)
    assert frame.locator(".log img, .log script, .log b").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_a_host_page_outside_the_allowlist_cannot_show_the_chat(page, sites) -> None:
    from playwright.sync_api import expect

    page.goto(sites["refused"])
    launcher(page).click()
    panel = page.locator("career-widget .panel")
    expect(panel).to_have_attribute("data-state", "refused")
    expect(panel.get_by_role("alert")).to_contain_text("cannot be shown")
    assert not any(f.url.startswith(sites["widget"] + "/embed") and f.locator("#question").count() for f in page.frames)


def test_on_a_narrow_screen_the_chat_fills_the_screen(page, sites) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 390, "height": 780})
    open_chat(page, sites["allowed"])
    box = page.locator("career-widget .panel").bounding_box()
    assert box == {"x": 0, "y": 0, "width": 390, "height": 780}
    expect(launcher(page)).to_be_hidden()  # the chat's own close button takes over


def test_host_page_css_does_not_reach_the_widget_and_widget_css_does_not_reach_the_page(page, sites) -> None:
    page.goto(sites["allowed"])
    style = launcher(page).evaluate("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color, s.borderTopStyle]; }")
    host_button = page.locator("#host-button").evaluate("b => getComputedStyle(b).backgroundColor")
    assert style == ["rgb(10, 125, 90)", "rgb(255, 255, 255)", "none"]  # the accent from data-accent, not the page's red
    assert host_button == "rgb(255, 0, 0)"


def test_the_host_page_can_open_the_chat_and_ask_through_postmessage(page, sites) -> None:
    from playwright.sync_api import expect

    page.goto(sites["allowed"])
    page.evaluate("q => window.postMessage({careerWidget: 'ask', text: q}, location.origin)", QUESTION)
    frame = chat(page)
    expect(frame.locator(".msg.user")).to_have_text([QUESTION])
    expect(frame.locator(".msg.assistant .sources")).to_have_count(1)


def test_messages_from_other_origins_are_ignored(page, sites) -> None:
    from playwright.sync_api import expect

    page.goto(sites["allowed"])
    forged = "o => window.dispatchEvent(new MessageEvent('message', {data: {careerWidget: 'open'}, origin: o, source: window}))"
    page.evaluate(forged, "http://evil.example")
    page.wait_for_timeout(300)
    expect(page.locator("career-widget .panel")).to_be_hidden()
    page.evaluate(forged, sites["allowed"])  # the same message from the page's own origin is obeyed
    expect(page.locator("career-widget .panel")).to_be_visible()
    frame = chat(page)
    frame.locator("#question").wait_for()
    inner = next(f for f in page.frames if f.url.startswith(sites["widget"] + "/embed"))
    inner.evaluate("() => window.dispatchEvent(new MessageEvent('message', "
                   "{data: {careerWidget: 'ask', text: 'What does a data engineer do?'}, origin: 'http://evil.example', source: window.parent}))")
    page.wait_for_timeout(300)
    expect(frame.locator(".msg.user")).to_have_count(0)


def test_thumbs_on_an_answer_are_stored_as_widget_feedback(page, sites) -> None:
    from playwright.sync_api import expect

    frame = open_chat(page, sites["allowed"])
    ask(frame, QUESTION)
    frame.get_by_role("button", name="Helpful", exact=True).click()
    expect(frame.get_by_role("status")).to_have_text("Thanks for the feedback.")
    stored = [f for f in sites["store"].all() if f["question"] == QUESTION and f["channel"] == "widget"]
    assert stored and stored[-1]["rating"] == 1 and stored[-1]["source_ids"]
