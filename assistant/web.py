"""The FastAPI application: JSON and streaming chat routes under /api, with the Gradio chat mounted at /."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from .answering import Answer
from .feedback import FeedbackStore
from .service import Assistant, InvalidQuestion, QuestionTooLong
from .ui import CSS, build_chat

log = logging.getLogger(__name__)


class Message(BaseModel):
    role: str
    content: Any = ""


class ChatRequest(BaseModel):
    message: str = Field(..., description="The question.")
    history: list[Message] = Field(default_factory=list, description="Earlier turns, oldest first.")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(bot: Assistant, feedback: FeedbackStore | None = None) -> FastAPI:
    feedback = feedback or FeedbackStore(bot.settings.feedback_path)
    app = FastAPI(title="career-assistant", description="Cited answers to career questions.", version="0.1.0")

    @app.exception_handler(RequestValidationError)
    async def invalid_body(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _error(422, f"invalid request: {where or 'body'}: {first.get('msg', 'malformed JSON')}")

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

    demo = build_chat(bot, feedback)
    return gr.mount_gradio_app(app, demo, path="/", css=CSS, footer_links=["api"])


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"
