"""The FastAPI application: JSON and streaming chat and feedback routes under /api, the widget files
(/widget.js, /embed), and the Gradio chat mounted at /.

Middleware, outermost first: CORS (only the allowed origins), the per-client rate limit on the chat
and feedback routes, the request body cap on /api.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any, Literal

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.middleware.cors import CORSMiddleware

from .answering import Answer
from .config import Settings
from .feedback import MAX_COMMENT_CHARS, Feedback, FeedbackStore
from .guards import BodyLimitMiddleware, RateLimitMiddleware
from .ratelimit import RateLimiter
from .service import Assistant, InvalidQuestion, QuestionTooLong
from .ui import CSS, build_chat
from .widget import add_widget_routes

log = logging.getLogger(__name__)


class Message(BaseModel):
    role: str
    content: Any = ""


class ChatRequest(BaseModel):
    message: str = Field(..., description="The question.")
    history: list[Message] = Field(default_factory=list, description="Earlier turns, oldest first; only the last "
                                   "CAREER_MAX_HISTORY_TURNS messages are used, older ones are dropped.")


MAX_ANSWER_CHARS = 20_000
MAX_SOURCE_IDS = 20


class FeedbackRequest(BaseModel):
    rating: Literal["up", "down", 1, -1] = Field(..., description='"up" or 1 for thumbs up, "down" or -1 for thumbs down.')
    question: str = Field(..., description="The question that was answered.")
    answer: str = Field(..., description="The answer being rated.")
    source_ids: list[str] = Field(default_factory=list, max_length=MAX_SOURCE_IDS,
                                  description="Ids of the sources the answer cited.")
    comment: str = Field("", description=f"Optional free text, at most {MAX_COMMENT_CHARS} characters.")
    channel: Literal["api", "widget"] = Field("api", description="Where the feedback came from.")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(bot: Assistant, feedback: FeedbackStore | None = None, settings: Settings | None = None) -> FastAPI:
    """The whole web app; `settings` (default: the assistant's) decides origins, limits and caps."""
    settings = settings or bot.settings
    feedback = feedback or FeedbackStore(settings.feedback_path)
    app = FastAPI(title="career-assistant", description="Cited answers to career questions.", version="0.1.0")
    # Added innermost first: the body cap runs last, CORS first (so refusals carry CORS headers too).
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)
    app.add_middleware(RateLimitMiddleware, limiter=RateLimiter(settings.rate_limit_per_minute),
                       trust_proxy_headers=settings.trust_proxy_headers)
    app.add_middleware(CORSMiddleware, allow_origins=settings.allowed_origins, allow_methods=["GET", "POST"],
                       allow_headers=["content-type"], expose_headers=["Retry-After"], max_age=600)

    @app.exception_handler(RequestValidationError)
    async def invalid_body(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _error(422, f"invalid request: {where or 'body'}: {first.get('msg', 'malformed JSON')}")

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error", exc_info=exc)
        return _error(500, "internal error")

    def _history(req: ChatRequest) -> list[dict]:
        return [m.model_dump() for m in req.history]

    @app.get("/api/health")
    def health() -> dict:
        return bot.health()

    @app.post("/api/chat")
    def chat(req: ChatRequest) -> JSONResponse:
        try:
            answer = bot.ask(req.message, _history(req))
        except QuestionTooLong as exc:
            return _error(413, str(exc))
        except InvalidQuestion as exc:
            return _error(422, str(exc))
        return JSONResponse(answer.to_dict())

    @app.post("/api/chat/stream")
    def chat_stream(req: ChatRequest) -> Any:
        try:
            bot._validate(req.message)
        except QuestionTooLong as exc:
            return _error(413, str(exc))
        except InvalidQuestion as exc:
            return _error(422, str(exc))

        def events() -> Iterator[str]:
            try:
                for item in bot.stream(req.message, _history(req)):
                    if isinstance(item, Answer):
                        payload = item.to_dict()
                        payload.pop("answer")
                        yield _sse("sources", payload)
                    else:
                        yield _sse("delta", {"text": item})
                yield _sse("done", {})
            except Exception:
                log.exception("streaming failed")
                yield _sse("error", {"error": "answering failed"})

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.post("/api/feedback", status_code=201)
    def post_feedback(req: FeedbackRequest) -> JSONResponse:
        """Thumbs up or down on an answer, with an optional comment; stored with the Gradio chat's thumbs."""
        limits = (("question", req.question, settings.max_message_chars), ("answer", req.answer, MAX_ANSWER_CHARS),
                  ("comment", req.comment, MAX_COMMENT_CHARS))
        for name, value, cap in limits:
            if len(value) > cap:
                return _error(413, f"the {name} has {len(value)} characters; the limit is {cap}")
        if not req.question.strip() or not req.answer.strip():
            return _error(422, "feedback needs the question and the answer it rates")
        if any(len(i) > 200 for i in req.source_ids):
            return _error(422, "source ids are at most 200 characters")
        rating = 1 if req.rating in ("up", 1) else -1
        row = feedback.add(Feedback(question=req.question, answer=req.answer, source_ids=tuple(req.source_ids),
                                    rating=rating, comment=req.comment, channel=req.channel))
        return JSONResponse({"id": row}, status_code=201)

    add_widget_routes(app, settings.allowed_origins)
    demo = build_chat(bot, feedback)
    return gr.mount_gradio_app(app, demo, path="/", css=CSS, footer_links=["api"])


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"
