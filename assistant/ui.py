"""The Gradio chat: streamed answers, the cited passages under each answer, examples and thumbs feedback."""

from __future__ import annotations

import html
import logging
import re
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import gradio as gr

from .answering import Answer, Source
from .feedback import Feedback, FeedbackStore
from .service import Assistant, InvalidQuestion, QuestionTooLong, _content_text

log = logging.getLogger(__name__)

EXAMPLES = [
    "What does a machine learning engineer do?",
    "How is a machine learning engineer different from a software engineer?",
    "Which tools do DevOps engineers use?",
    "What does a data engineer do?",
    "How do I become an effective machine learning engineer?",
]
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
CSS = ".sources-note { font-size: 0.9em; color: var(--body-text-color-subdued); }"


def escape_markdown(text: str) -> str:
    """Corpus and user text as inert data: no HTML, no links, no Markdown formatting."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# A web address an answer quotes ("Find open positions … at: https://…/jobs"): characters a URL may hold, without the
# brackets and quotes that could close a Markdown or HTML construct, and not ending on punctuation.
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+(?<![.,;:!?])")


def render_answer(text: str) -> str:
    """The answer as inert text, with each web address it quotes as a link that shows its own address."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out += [escape_markdown(text[last:match.start()]), f"<{match.group(0)}>"]
        last = match.end()
    return "".join([*out, escape_markdown(text[last:])])


def render_sources(sources: list[Source]) -> str:
    """The cited passages, numbered as in the answer, each with its title, heading and source."""
    blocks = []
    for n, source in enumerate(sources, 1):
        where = escape_markdown(source.title + (f" › {source.heading}" if source.heading else ""))
        origin = escape_markdown(source.source)
        quoted = "\n".join(f"> {escape_markdown(line)}" for line in source.text.splitlines() if line.strip())
        outline = f"\n\n_Its subsections:_ {escape_markdown('; '.join(source.outline))}" if source.outline else ""
        blocks.append(f"**\\[{n}\\] {where}**  \n_{origin}_\n\n{quoted}{outline}")
    return "\n\n".join(blocks)


def render_removed(removed: list[dict]) -> str:
    """The generated sentences verification removed, struck through, each with the reason."""
    return "\n".join(f"- ~~{escape_markdown(r['sentence'])}~~ — {escape_markdown(r['reason'])}" for r in removed)


class _RecentAnswers:
    """Source ids of recent answers, so a thumbs click can be stored with what the answer cited."""

    def __init__(self, size: int = 1000) -> None:
        self._items: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._size = size

    def remember(self, rendered: str, sources: list[Source]) -> None:
        self._items[rendered] = tuple(s.id for s in sources)
        self._items.move_to_end(rendered)
        while len(self._items) > self._size:
            self._items.popitem(last=False)

    def source_ids(self, rendered: str) -> tuple[str, ...]:
        return self._items.get(rendered, ())


def build_chat(bot: Assistant, feedback: FeedbackStore) -> gr.Blocks:
    recent = _RecentAnswers()

    def respond(message: str, history: list[dict[str, Any]]) -> Iterator[Any]:
        partial = ""
        try:
            for item in bot.stream(message, history):
                if isinstance(item, Answer):
                    answer = item
                else:
                    partial += item
                    yield render_answer(partial)
        except (InvalidQuestion, QuestionTooLong) as exc:
            yield f"⚠️ {escape_markdown(str(exc))}"
            return
        except Exception:  # never a traceback in the chat; the log has it
            log.exception("answering failed")
            yield "⚠️ Something went wrong while answering. Please try again."
            return
        # A chat model's answer streamed raw; it is replaced here by the verified text, with a note saying
        # whether sentences were removed or the answer fell back to quoting the passages.
        rendered = render_answer(answer.text)
        if answer.verification:
            rendered += f"\n\n_{escape_markdown(answer.note)}_"
        recent.remember(rendered, answer.sources)
        messages: list[Any] = [gr.ChatMessage(role="assistant", content=rendered)]
        removed = (answer.verification or {}).get("removed") or []
        if removed and answer.verification.get("status") == "verified":
            messages.append(gr.ChatMessage(
                role="assistant", content=render_removed(removed),
                metadata={"title": f"Removed as unsupported ({len(removed)})", "status": "done"},
            ))
        if answer.sources:
            messages.append(gr.ChatMessage(
                role="assistant", content=render_sources(answer.sources),
                metadata={"title": f"Sources ({len(answer.sources)})", "status": "done"},
            ))
        yield messages

    def on_like(history: list[dict[str, Any]], data: gr.LikeData) -> None:
        index = data.index if isinstance(data.index, int) else data.index[0]
        answer = _content_text(history[index].get("content")) if 0 <= index < len(history) else _content_text(data.value)
        question = next((_content_text(m.get("content")) for m in reversed(history[:index]) if m.get("role") == "user"), "")
        feedback.add(Feedback(question=question, answer=answer, source_ids=recent.source_ids(answer),
                              rating=1 if data.liked else -1, channel="gradio"))

    with gr.Blocks(title="Career assistant") as demo:
        chatbot = gr.Chatbot(
            label="Career assistant", height=560, feedback_options=("Like", "Dislike"),
            placeholder="Ask about what machine learning, software, data or DevOps engineers do, and how they differ. "
                        "Every answer cites the articles it comes from.",
        )
        gr.ChatInterface(
            fn=respond, chatbot=chatbot, examples=EXAMPLES, title="Career assistant",
            description="Answers career questions from a set of source articles and cites the passages it used.",
            api_name="chat", fill_height=True,
        )
        chatbot.like(on_like, inputs=[chatbot], outputs=None)
    return demo
