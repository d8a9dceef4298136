"""Assertions for your own pytest suites, in the spirit of DeepEval's `assert_test`, but offline and
deterministic: the real model and index, no judge LLM, the same result on every run.

    from assistant.testing import assert_abstains, assert_answers, assert_grounded, assert_retrieves

    def test_devops_tools(bot):
        assert_retrieves(bot, "Which tools do DevOps engineers use?", gold=["Docker, Kubernetes, and Jenkins"])
        answer = assert_answers(bot, "Which tools do DevOps engineers use?", facts=["Kubernetes"])
        assert_grounded(answer, bot)

A failure message shows the question (and how a follow-up was read), the passages that were
retrieved or cited, and what was missing, so the failing test says what to fix.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .answering import Answer, Source
from .eval import first_hit_rank, fold

if TYPE_CHECKING:
    from .service import Assistant

__all__ = ["AssistantAssertionError", "assert_abstains", "assert_answers", "assert_grounded", "assert_retrieves"]


class AssistantAssertionError(AssertionError):
    """An expectation about retrieval, grounding or abstention that did not hold."""


def _passages(sources: Sequence[Source], width: int = 300) -> str:
    if not sources:
        return "  (none)"
    return "\n".join(
        f"  [{n}] {s.title}{' › ' + s.heading if s.heading else ''} (score {s.score:.3f})\n"
        + textwrap.indent(textwrap.shorten(s.text, width, placeholder=" …"), "      ")
        for n, s in enumerate(sources, 1)
    )


def _fail(headline: str, question: str, standalone: str | None, sources: Sequence[Source], *details: str) -> None:
    read_as = f"\nread as: {standalone}" if standalone and standalone != question else ""
    lines = [headline, f"question: {question}{read_as}", "passages:", _passages(sources), *details]
    raise AssistantAssertionError("\n".join(lines))


def assert_retrieves(bot: Assistant, question: str, gold: Sequence[str], *, k: int = 4,
                     history: Sequence[Any] | None = None) -> list[Source]:
    """A passage containing one of the `gold` phrases is among the top `k`; returns the passages."""
    if not gold:
        raise ValueError("assert_retrieves needs at least one gold phrase")
    sources = bot.retrieve(question, history=history, k=k)
    if first_hit_rank([s.text for s in sources], list(gold)) is None:
        deeper = bot.retrieve(question, history=history, k=max(20, k))
        rank = first_hit_rank([s.text for s in deeper], list(gold))
        where = f"it ranks {rank}" if rank else "no passage in the top 20 contains it"
        _fail(f"no passage in the top {k} contains a gold phrase ({where})", question,
              bot.ask(question, history=history).standalone_question, sources,
              "gold phrases:", *(f"  - {g}" for g in gold))
    return sources


def assert_grounded(answer: Answer, bot: Assistant | None = None) -> None:
    """Every [n] points at a source, and every sentence is supported by a passage it cites.

    With `bot`, support is judged by meaning and words (assistant.verification); without, each
    sentence must be quoted from the passage it cites (what the extractive answerer guarantees).
    """
    if answer.abstained:
        return
    from .verification import check_answer, citation_ok, split_cited_sentences

    problems: list[str] = []
    if bot is not None:
        checks = check_answer(answer.text, [s.quotable_text for s in answer.sources], bot.index.embeddings,
                              idf=bot.corpus.idf)
        problems = [f"  - {c.sentence} [{', '.join(map(str, c.citations)) or 'no citation'}]: {c.reason}"
                    for c in checks if not citation_ok(c, len(answer.sources))]
    else:
        for sentence, citations in split_cited_sentences(answer.text):
            if not citations:
                problems.append(f"  - {sentence}: cites nothing")
            elif any(not 1 <= n <= len(answer.sources) for n in citations):
                problems.append(f"  - {sentence}: cites {list(citations)} but there are {len(answer.sources)} sources")
            elif not any(_quoted(sentence, answer.sources[n - 1]) for n in citations):
                problems.append(f"  - {sentence}: not quoted from the passage it cites")
    if not answer.text.strip():
        problems.append("  - the answer is empty")
    if problems:
        _fail("the answer says things its cited passages do not support", answer.question,
              answer.standalone_question, answer.sources, "answer:", textwrap.indent(answer.text, "  "),
              "unsupported:", *problems)


def _quoted(sentence: str, source: Source) -> bool:
    passage = fold(source.text)
    heading = source.heading.split(" › ")[-1]
    if heading and sentence.startswith(heading + ": "):
        # A quoted list reads "Heading: item; item." — each item must be in the passage.
        return all(fold(p) in passage for p in sentence[len(heading) + 2:].rstrip(".").split("; "))
    opening, listed, items = sentence.partition(": ")
    if listed and source.outline and fold(opening) in passage:
        # A section's opening quoted with the list it announces: "Here are a few tips…: Heading; Heading."
        return all(item in source.outline for item in items.rstrip(".").split("; "))
    return fold(sentence) in passage


def assert_answers(bot: Assistant, question: str, *, facts: Sequence[str] = (),
                   history: Sequence[Any] | None = None) -> Answer:
    """The assistant answers (does not abstain), the answer mentions every fact, and it is grounded."""
    answer = bot.ask(question, history=history)
    if answer.abstained:
        top = bot.retrieve(question, history=history)
        _fail("the assistant abstained on a question it should answer", question, answer.standalone_question,
              top, f"why: {answer.note}")
    missing = [f for f in facts if fold(f) not in fold(answer.text)]
    if missing:
        _fail(f"the answer does not mention {', '.join(repr(m) for m in missing)}", question,
              answer.standalone_question, answer.sources, "answer:", textwrap.indent(answer.text, "  "))
    assert_grounded(answer)
    return answer


def assert_abstains(bot: Assistant, question: str, *, history: Sequence[Any] | None = None) -> Answer:
    """The assistant declines: no sources, and the text says plainly that it cannot answer."""
    answer = bot.ask(question, history=history)
    if not answer.abstained:
        _fail("the assistant answered a question it should decline", question, answer.standalone_question,
              answer.sources, "answer:", textwrap.indent(answer.text, "  "))
    if answer.sources:
        _fail("the abstention still cites sources", question, answer.standalone_question, answer.sources)
    return answer
