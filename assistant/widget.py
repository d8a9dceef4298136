"""The embeddable widget's files: `/widget.js` for host pages, `/embed` (the chat page in the iframe)
with its script and stylesheet, each with headers that keep it safe to embed.

`/embed` may be framed only by this server and the allowed origins (CSP `frame-ancestors`), runs
only this server's scripts and styles, and talks only to this server's API.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import Response

STATIC = Path(__file__).resolve().parent / "static"

# route -> (file under static/, media type)
FILES = {
    "/widget.js": ("widget.js", "text/javascript; charset=utf-8"),
    "/embed": ("embed.html", "text/html; charset=utf-8"),
    "/widget/embed.js": ("embed.js", "text/javascript; charset=utf-8"),
    "/widget/embed.css": ("embed.css", "text/css; charset=utf-8"),
}


def embed_csp(allowed_origins: list[str]) -> str:
    """The embed page's Content-Security-Policy; only 'self' and the allowlist may frame it."""
    ancestors = " ".join(["'self'", *allowed_origins])
    return ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
            f"base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}")


def add_widget_routes(app: FastAPI, allowed_origins: list[str]) -> None:
    """Serve the widget files from memory (read once) before Gradio claims every other path."""
    common = {"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300"}
    headers = {
        "/widget.js": {**common, "Cross-Origin-Resource-Policy": "cross-origin"},
        "/embed": {**common, "Cache-Control": "no-cache", "Content-Security-Policy": embed_csp(allowed_origins),
                   "Referrer-Policy": "strict-origin-when-cross-origin"},
    }
    for route, (name, media_type) in FILES.items():
        app.add_api_route(route, _file_endpoint((STATIC / name).read_bytes(), media_type, headers.get(route, common)),
                          methods=["GET"], include_in_schema=False)


def _file_endpoint(body: bytes, media_type: str, extra: dict[str, str]):
    def serve() -> Response:
        return Response(body, media_type=media_type, headers=extra)

    return serve
