"""Take the README's screenshots in headless Chromium: the chat answering a question with its sources open.

    python scripts/screenshots.py [--out docs]

Starts `app.py` on a free loopback port (index in a temporary folder), drives Debian's Chromium
with Playwright, and writes PNG files into --out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CAREER_DATA_DIR": str(Path(tmp) / "data"), "HF_HUB_OFFLINE": "1"}
        server = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for(f"http://127.0.0.1:{port}/api/health", 180)
            chat_screenshot(f"http://127.0.0.1:{port}", args.out)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"wrote {args.out / 'chat.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
