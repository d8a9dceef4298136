"""A scripted chat-model server on 127.0.0.1 that speaks the real wire protocols.

- OpenAI: `POST /v1/chat/completions`, JSON or (with `"stream": true`) server-sent events of
  `chat.completion.chunk` objects ending with `data: [DONE]`; a usage chunk when asked for it.
- Ollama: `POST /api/chat`, newline-delimited JSON chunks ending with `"done": true`.

Each request takes the next `Reply` from `replies` (the last one repeats) and is recorded in `requests`,
so a test can assert what the model was sent, or that it was sent nothing.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from conftest import free_port, wait_until


@dataclass
class Reply:
    text: str | Callable[[dict], str] = ""  # the answer, or a function of the request body
    status: int = 200  # non-200: an OpenAI-style error body with this status
    delay: float = 0.0  # seconds before the response starts
    malformed: bool = False  # a 200 stream whose chunks are not JSON


def _tokens(text: str) -> list[str]:
    """Token-like pieces: words with their following space, punctuation and markers apart."""
    return re.findall(r"\[\d+\]|\w+|[^\w\s]|\s+", text)


class FakeLLM:
    def __init__(self) -> None:
        self.replies: list[Reply] = [Reply("")]
        self.requests: list[dict] = []
        self.paths: list[str] = []
        self.keys: list[str | None] = []  # the Authorization header of each request
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = FastAPI()
        self.app.post("/v1/chat/completions")(self._openai)
        self.app.post("/api/chat")(self._ollama)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    # ------------------------------------------------------------ control

    def start(self) -> FakeLLM:
        self.thread.start()
        if not wait_until(lambda: self.server.started, timeout=20, interval=0.05):
            raise RuntimeError("the fake model server did not start")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests.clear()
        self.paths.clear()
        self.keys.clear()

    def _next(self, body: dict, path: str, key: str | None = None) -> tuple[Reply, str]:
        self.keys.append(key)
        self.requests.append(body)
        self.paths.append(path)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        text = reply.text(body) if callable(reply.text) else reply.text
        return reply, text

    # ------------------------------------------------------------ OpenAI

    async def _openai(self, request: Request) -> Response:
        body = await request.json()
        reply, text = self._next(body, "/v1/chat/completions", request.headers.get("authorization"))
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.status != 200:
            return JSONResponse({"error": {"message": f"scripted error {reply.status}", "type": "rate_limit_exceeded"
                                           if reply.status == 429 else "server_error", "code": None}},
                                status_code=reply.status)
        created, model, ident = int(time.time()), body.get("model", "fake"), "chatcmpl-fake"
        if not body.get("stream"):
            return JSONResponse({"id": ident, "object": "chat.completion", "created": created, "model": model,
                                 "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                              "finish_reason": "stop"}],
                                 "usage": {"prompt_tokens": 10, "completion_tokens": len(_tokens(text)), "total_tokens": 10}})

        def chunk(delta: dict, finish: str | None = None) -> str:
            data = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            return f"data: {json.dumps(data)}\n\n"

        async def events():
            if reply.malformed:
                yield "data: {this is not json\n\n"
                yield "data: [DONE]\n\n"
                return
            yield chunk({"role": "assistant", "content": ""})
            for token in _tokens(text):
                yield chunk({"content": token})
                await asyncio.sleep(0)
            yield chunk({}, "stop")
            if (body.get("stream_options") or {}).get("include_usage"):
                usage = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model,
                         "choices": [], "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
                yield f"data: {json.dumps(usage)}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    # ------------------------------------------------------------ Ollama

    async def _ollama(self, request: Request) -> Response:
        body = await request.json()
        reply, text = self._next(body, "/api/chat")
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.status != 200:
            return JSONResponse({"error": f"scripted error {reply.status}"}, status_code=reply.status)
        model, stamp = body.get("model", "fake"), "2026-01-01T00:00:00Z"

        async def lines():
            for token in _tokens(text):
                yield json.dumps({"model": model, "created_at": stamp,
                                  "message": {"role": "assistant", "content": token}, "done": False}) + "\n"
            yield json.dumps({"model": model, "created_at": stamp, "message": {"role": "assistant", "content": ""},
                              "done": True, "done_reason": "stop", "total_duration": 1000, "load_duration": 10,
                              "prompt_eval_count": 10, "prompt_eval_duration": 100, "eval_count": 5,
                              "eval_duration": 100}) + "\n"

        if body.get("stream", True):
            return StreamingResponse(lines(), media_type="application/x-ndjson")
        return JSONResponse({"model": model, "created_at": stamp, "message": {"role": "assistant", "content": text},
                             "done": True, "done_reason": "stop"})
