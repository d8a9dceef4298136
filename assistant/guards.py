"""ASGI middleware guarding the API: a per-client rate limit and a request body size cap.

Only the routes that do work per request are limited (`/api/chat`, `/api/chat/stream`,
`/api/feedback`); the widget's static files, the health check and the Gradio UI are not, so a busy
visitor never gets a half-loaded page. Refusals are JSON `{"error": ...}` like every other API error.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .ratelimit import RateLimiter

LIMITED_PATHS = frozenset({"/api/chat", "/api/chat/stream", "/api/feedback"})


async def _json_error(send: Send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def client_ip(scope: Scope, trust_proxy_headers: bool) -> str:
    """The client's address; behind a trusted proxy, the last address it appended to X-Forwarded-For."""
    if trust_proxy_headers:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                hops = [h.strip() for h in value.decode("latin-1").split(",") if h.strip()]
                if hops:
                    return hops[-1]
    client = scope.get("client")
    return client[0] if client else "unknown"


class RateLimitMiddleware:
    """429 with Retry-After once a client exceeds its allowance on the limited routes (preflights are free)."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, trust_proxy_headers: bool = False) -> None:
        self.app = app
        self.limiter = limiter
        self.trust_proxy_headers = trust_proxy_headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] != "OPTIONS" and scope["path"] in LIMITED_PATHS:
            wait = self.limiter.check(client_ip(scope, self.trust_proxy_headers))
            if wait:
                await _json_error(send, 429, f"too many requests: at most {self.limiter.per_minute} per minute; "
                                             f"retry in {wait} s", {"Retry-After": str(wait)})
                return
        await self.app(scope, receive, send)


class BodyLimitMiddleware:
    """413 for API request bodies over `max_bytes`, whether announced by Content-Length or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/") or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_large = f"the request body exceeds {self.max_bytes} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await _json_error(send, 413, too_large)
                return
        # Read the (small) body here, bounded, then replay it to the app.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _json_error(send, 413, too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
