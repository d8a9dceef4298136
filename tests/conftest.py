"""Shared fixtures: the real embedding model (loaded once), real Chroma indexes in temporary folders, and
a real `chroma run` server on 127.0.0.1, and `serve` to run an app on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT / "corpus"
SEEDS = FIXTURES / "seeds"
DEV_SET = FIXTURES / "dev.jsonl"
HELD_OUT = FIXTURES / "held_out.jsonl"
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float, interval: float = 0.25) -> bool:
    """Poll `check` until it is truthy or `timeout` seconds pass (bounded in time and count)."""
    deadline = time.monotonic() + timeout
    for _ in range(int(timeout / interval) + 1):
        try:
            if check():
                return True
        except Exception:
            pass
        if time.monotonic() > deadline:
            break
        time.sleep(interval)
    return False


@pytest.fixture(scope="session")
def embeddings():
    from assistant.config import MINILM_SHA256
    from assistant.embeddings import LocalEmbeddings

    return LocalEmbeddings(expected_sha256=MINILM_SHA256, threads=1)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A private copy of the real corpus that a test may edit."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def make_settings(tmp_path: Path, **overrides):
    from assistant.config import Settings

    values = {"corpus_dir": tmp_path / "corpus", "data_dir": tmp_path / "data", "chroma_host": None}
    values.update(overrides)
    return Settings(**values)


def make_assistant(settings, embeddings):
    from assistant.index import Index, make_client
    from assistant.service import Assistant

    return Assistant(settings, Index(make_client(settings), settings.collection, embeddings))


@pytest.fixture(scope="session")
def bot(tmp_path_factory, embeddings):
    """An Assistant over the real corpus in an embedded Chroma index, built once for the session."""
    tmp = tmp_path_factory.mktemp("bot")
    shutil.copytree(CORPUS, tmp / "corpus")
    assistant = make_assistant(make_settings(tmp), embeddings)
    assistant.ingest()
    return assistant


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`) on a free loopback port; yields (host, port)."""
    path = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    chroma = Path(PYTHON).with_name("chroma")
    command = [str(chroma), "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)]
    with server_process(command, f"http://127.0.0.1:{port}/api/v2/heartbeat", path / "server.log"):
        yield "127.0.0.1", port


@contextlib.contextmanager
def server_process(command: list[str], ready_url: str, log_path: Path, timeout: float = 60):
    """Run a server command until `ready_url` answers 200 (bounded by `timeout`), logging to `log_path`;
    stop it afterwards. A server that does not come up fails with the tail of its log."""
    import urllib.request

    def ready() -> bool:
        with urllib.request.urlopen(ready_url, timeout=2) as r:
            return r.status == 200

    with log_path.open("w") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            if not wait_until(ready, timeout=timeout):
                raise RuntimeError(f"{Path(command[0]).name} {' '.join(command[1:3])} did not start: "
                                   f"{log_path.read_text()[-2000:]}")
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def run_cli(*args: str, env: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run one of the project's command lines in a fresh interpreter, as a user would."""
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    return subprocess.run([PYTHON, *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


@contextlib.contextmanager
def serve(app, port: int | None = None):
    """Serve an ASGI app with uvicorn on 127.0.0.1 in a thread of this process (sharing the loaded model);
    yields its base URL and stops it afterwards."""
    import httpx
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", proxy_headers=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until(lambda: httpx.get(f"{url}/api/health", timeout=2).status_code == 200, timeout=60):
            raise RuntimeError(f"the app did not start on {url}")
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
