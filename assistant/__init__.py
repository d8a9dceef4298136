"""career-assistant: answers career questions from source articles, always citing its passages."""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["Assistant", "Answer", "Source"]

if TYPE_CHECKING:
    from .answering import Answer, Source
    from .service import Assistant


def __getattr__(name: str):
    # Lazy: importing the package must not load torch (the CLIs print usage errors instantly).
    if name == "Assistant":
        from .service import Assistant
        return Assistant
    if name in {"Answer", "Source"}:
        from . import answering
        return getattr(answering, name)
    raise AttributeError(name)
