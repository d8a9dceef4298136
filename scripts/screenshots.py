"""Take the README's screenshots in headless Chromium: the chat answering a question with its sources open
(chat.png), and the embeddable widget on a sample career page, on a desktop (widget-desktop.png) and a
narrow phone-sized screen (widget-narrow.png).

    python scripts/screenshots.py [--out docs]

Starts `app.py` on a free loopback port (index in a temporary folder) that allows a sample host page
served from a second loopback port, drives Debian's Chromium with Playwright, and writes PNG files into --out.
"""

from __future__ import annotations

import argparse
import http.server
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CAREER_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling Google hosts on this closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def chat_screenshot(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(base + "/")
        box = page.get_by_role("textbox").first
        box.fill("How is a machine learning engineer different from a software engineer?")
        box.press("Enter")
        page.get_by_text("Sources (").first.wait_for(timeout=60_000)
        page.get_by_text("Sources (").first.click()
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "chat.png"))
        browser.close()


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example Corp careers</title>
<style>
  body {{ margin: 0; font: 17px/1.6 Georgia, serif; color: #2b2b2b; background: #faf7f2; }}
  header {{ padding: 18px 40px; background: #2b2b2b; color: #faf7f2; font-size: 22px; }}
  main {{ max-width: 680px; padding: 24px 40px; }}
  .job {{ padding: 14px 0; border-bottom: 1px solid #ddd; }}
</style></head>
<body>
  <header>Example Corp &mdash; Careers</header>
  <main>
    <h1>Join our engineering teams</h1>
    <p>We hire machine learning, data, software and DevOps engineers. Not sure which role fits you?
       Ask the career assistant in the corner.</p>
    <div class="job"><b>Machine Learning Engineer</b><br>Remote &middot; Full time</div>
    <div class="job"><b>Data Engineer</b><br>Berlin &middot; Full time</div>
    <div class="job"><b>DevOps Engineer</b><br>Lisbon &middot; Full time</div>
  </main>
  <script src="{widget}/widget.js" data-title="Career questions" data-accent="#0a7d5a"
          data-greeting="Hi! Ask me what our engineering roles involve. I cite the articles I quote."
          data-examples="What does a data engineer do?|Which tools do DevOps engineers use?" defer></script>
</body></html>
"""


def serve_host_page(html: str, port: int) -> http.server.ThreadingHTTPServer:
    body = html.encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def widget_screenshots(host: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    # (file, viewport, question, click citation [1]: highlight its source and open the passage)
    shots = [("widget-desktop.png", {"width": 1280, "height": 800}, "Which tools do DevOps engineers use?", False),
             ("widget-narrow.png", {"width": 390, "height": 780}, "What does a data engineer do?", True)]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, viewport, question, cite in shots:
            page = browser.new_page(viewport=viewport)
            page.goto(host + "/")
            page.locator("career-widget .launcher").click()
            frame = page.frame_locator("career-widget iframe")
            frame.locator("#question").fill(question)
            frame.locator("#question").press("Enter")
            frame.locator(".msg.assistant .sources").wait_for(timeout=60_000)
            if cite:
                frame.locator(".msg.assistant button.cite").first.click()
            page.wait_for_timeout(800)
            page.screenshot(path=str(out / name))
            page.close()
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    port, host_port = free_port(), free_port()
    host = f"http://127.0.0.1:{host_port}"
    page_server = serve_host_page(HOST_PAGE.format(widget=f"http://127.0.0.1:{port}"), host_port)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CAREER_DATA_DIR": str(Path(tmp) / "data"), "HF_HUB_OFFLINE": "1",
               "CAREER_ALLOWED_ORIGINS": host}
        server = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for(f"http://127.0.0.1:{port}/api/health", 180)
            chat_screenshot(f"http://127.0.0.1:{port}", args.out)
            widget_screenshots(host, args.out)
        finally:
            server.terminate()
            server.wait(timeout=20)
            page_server.shutdown()
    for name in ("chat.png", "widget-desktop.png", "widget-narrow.png"):
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
