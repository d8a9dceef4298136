"""Evaluation of retrieval, answers and abstention on a question file, and its command line.

    python -m assistant.eval FILE.jsonl [--k 4] [--json] [--report DIR]

Question files are JSON lines: id, type (in_scope | followup | out_of_scope | adversarial),
question, optional history [[user, assistant], ...] (or chat messages {"role", "content"}), gold (exact corpus phrases: a passage hits
when it contains one, case and whitespace folded) and facts (words a good answer contains).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .service import Assistant

ANSWERABLE = {"in_scope", "followup"}
MUST_ABSTAIN = {"out_of_scope"}
_CITATION = re.compile(r"\[(\d+)\]")


class QuestionFileError(ValueError):
    """A question file line that is not a valid item; the message names the line."""


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    question: str
    history: list[list[str]] = field(default_factory=list)
    gold: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        """In scope: in_scope and followup items, and adversarial items that carry gold passages."""
        return self.type in ANSWERABLE or (self.type == "adversarial" and bool(self.gold))


# The corpus marks list items ("- ") and headings ("## ") that the source pages set as plain lines: a gold phrase copied
# from a page across two list items ("Strong foundation in mathematics…\nProficiency in…") still names the passage.
_LINE_MARKER = re.compile(r"^[ \t]*(?:[-*•]|#{1,6})[ \t]+", re.M)


def fold(text: str) -> str:
    """Case- and whitespace-folded text (typographic apostrophes made plain, list and heading markers left out) for
    gold matching."""
    text = _LINE_MARKER.sub("", text.replace("’", "'").replace("‘", "'"))
    return re.sub(r"\s+", " ", text).strip().lower()


def is_hit(passage_text: str, gold: Iterable[str]) -> bool:
    folded = fold(passage_text)
    return any(fold(g) in folded for g in gold if g.strip())


def load_items(path: Path) -> list[Item]:
    items: list[Item] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            items.append(Item(id=str(row["id"]), type=_item_type(row["type"]), question=str(row["question"]),
                              history=_history(row.get("history") or []),
                              gold=list(row.get("gold") or []), facts=list(row.get("facts") or [])))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise QuestionFileError(f"{path}:{number}: not a question item ({exc})") from None
    if not items:
        raise QuestionFileError(f"{path} holds no questions")
    return items


TYPES = ("in_scope", "followup", "out_of_scope", "adversarial")


def _item_type(value: Any) -> str:
    # An unknown type would be scored as neither answerable nor out of scope, silently.
    if value not in TYPES:
        raise ValueError(f"type {value!r} is not one of {', '.join(TYPES)}")
    return str(value)


def _history(turns: Any) -> list[list[str]]:
    """Earlier turns as [user, assistant] pairs, from pairs or from chat messages ({"role", "content"})."""
    if not isinstance(turns, list):
        raise ValueError("history must be a list")
    pairs: list[list[str]] = []
    for turn in turns:
        if isinstance(turn, dict) and turn.get("role") in ("user", "assistant") and isinstance(turn.get("content"), str):
            if turn["role"] == "user":
                pairs.append([turn["content"], ""])
            elif pairs and not pairs[-1][1]:
                pairs[-1][1] = turn["content"]
        elif isinstance(turn, list) and 1 <= len(turn) <= 2 and all(isinstance(t, str) for t in turn):
            pairs.append([turn[0], turn[1] if len(turn) == 2 else ""])
        else:
            raise ValueError(f"history turn {turn!r} is neither [user, assistant] nor a user/assistant message")
    return pairs


def first_hit_rank(passages: list[str], gold: list[str]) -> int | None:
    """1-based rank of the first passage containing a gold phrase, or None."""
    return next((i for i, text in enumerate(passages, 1) if is_hit(text, gold)), None)


def relevance_flags(passages: list[str], gold: list[str]) -> list[bool]:
    return [is_hit(text, gold) for text in passages]


def ndcg_at(flags: list[bool], relevant_total: int, cutoff: int = 10) -> float:
    """Binary-relevance nDCG: gains discounted by log2(rank + 1), over the best ordering possible."""
    dcg = sum(1 / math.log2(rank + 1) for rank, hit in enumerate(flags[:cutoff], 1) if hit)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(relevant_total, cutoff) + 1))
    return dcg / ideal if ideal else 0.0


def citations_valid(text: str, n_sources: int) -> bool:
    """Every [n] points at an existing source, and an answer that cites nothing is invalid."""
    numbers = [int(n) for n in _CITATION.findall(text)]
    return bool(numbers) and all(1 <= n <= n_sources for n in numbers)


def fact_recall(text: str, facts: list[str]) -> float | None:
    if not facts:
        return None
    folded = fold(text)
    return sum(fold(f) in folded for f in facts) / len(facts)


def evaluate(bot: Assistant, items: list[Item], k: int = 4) -> dict[str, Any]:
    """Run every item through retrieval and answering; returns the DESIGN.md JSON report (extended)."""
    corpus_texts = [p.text for p in bot.corpus.passages.values()]
    rows: list[dict[str, Any]] = []
    # A file is never scored with the help of its own questions, should the question bank hold them.
    asked = [item.question for item in items] + [turn[0] for item in items for turn in item.history]
    with bot.question_bank_leaving_out(asked):
        for item in items:
            rows.append(_evaluate_item(bot, item, k, corpus_texts))
    return summarize(rows, items, k)


def _evaluate_item(bot: Assistant, item: Item, k: int, corpus_texts: list[str]) -> dict[str, Any]:
    """One item's row of the report: rank of the first gold passage, the answer and its checks."""
    from .verification import check_answer, citation_ok, faithfulness

    ranked = bot.retrieve(item.question, history=item.history, k=max(k, 10))
    flags = relevance_flags([s.text for s in ranked], item.gold) if item.gold else []
    rank = next((i for i, hit in enumerate(flags, 1) if hit), None)
    relevant_total = sum(is_hit(t, item.gold) for t in corpus_texts) if item.gold else 0
    answer = bot.ask(item.question, history=item.history)
    checks = [] if answer.abstained else check_answer(answer.text, [s.quotable_text for s in answer.sources],
                                                      bot.index.embeddings, idf=bot.corpus.idf)
    n_sources = len(answer.sources)
    return {
        "id": item.id, "type": item.type, "question": item.question,
        "standalone_question": answer.standalone_question,
        "rank": rank, "ndcg_at_10": ndcg_at(flags, relevant_total) if item.gold else None,
        "abstained": answer.abstained,
        "citations_valid": None if answer.abstained else (
            citations_valid(answer.text, len(answer.sources)) and all(citation_ok(c, n_sources) for c in checks)),
        "faithfulness": None if answer.abstained else faithfulness(checks),
        "unsupported": [{"sentence": c.sentence, "reason": c.reason} for c in checks if not citation_ok(c, n_sources)],
        "fact_recall": None if answer.abstained else fact_recall(answer.text, item.facts),
        "answer": answer.text,
    }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(rows: list[dict[str, Any]], items: list[Item], k: int) -> dict[str, Any]:
    by_id = {i.id: i for i in items}
    retrieval_rows = [r for r in rows if by_id[r["id"]].gold and by_id[r["id"]].answerable]
    n = len(retrieval_rows) or 1
    answerable = [r for r in rows if by_id[r["id"]].answerable]
    out_of_scope = [r for r in rows if by_id[r["id"]].type in MUST_ABSTAIN]
    answered = [r for r in rows if not r["abstained"]]
    facts = [r["fact_recall"] if r["fact_recall"] is not None else 0.0 for r in answerable if by_id[r["id"]].facts]
    return {
        "retrieval": {
            "hit_at_1": sum(r["rank"] == 1 for r in retrieval_rows) / n,
            "hit_at_k": sum(r["rank"] is not None and r["rank"] <= k for r in retrieval_rows) / n,
            "mrr_at_10": sum(1 / r["rank"] for r in retrieval_rows if r["rank"] and r["rank"] <= 10) / n,
            "ndcg_at_10": sum(r.get("ndcg_at_10") or 0.0 for r in retrieval_rows) / n,
            "k": k, "questions": len(retrieval_rows),
        },
        "answers": {
            "fact_recall": _mean(facts),
            "citation_rate": _mean([float(bool(r["citations_valid"])) for r in answered]),
            "faithfulness": _mean([r["faithfulness"] for r in answered if r.get("faithfulness") is not None]),
            "answered": len(answered),
        },
        "abstention": {
            "out_of_scope_rate": _mean([float(r["abstained"]) for r in out_of_scope]),
            "false_rate": _mean([float(r["abstained"]) for r in answerable]),
        },
        "items": rows,
    }


def format_table(report: dict[str, Any]) -> str:
    def fmt(v: Any) -> str:
        return "—" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))

    r, a, ab = report["retrieval"], report["answers"], report["abstention"]
    lines = [
        "| metric | value |", "| --- | --- |",
        f"| hit@1 | {fmt(r['hit_at_1'])} |", f"| hit@{r['k']} | {fmt(r['hit_at_k'])} |",
        f"| MRR@10 | {fmt(r['mrr_at_10'])} |", f"| nDCG@10 | {fmt(r['ndcg_at_10'])} |",
        f"| answer fact recall | {fmt(a['fact_recall'])} |", f"| citation validity | {fmt(a['citation_rate'])} |",
        f"| faithfulness | {fmt(a['faithfulness'])} |",
        f"| out-of-scope abstention | {fmt(ab['out_of_scope_rate'])} |", f"| false abstention | {fmt(ab['false_rate'])} |",
        "", "| id | type | first relevant rank | abstained | question |", "| --- | --- | --- | --- | --- |",
    ]
    for row in report["items"]:
        lines.append(f"| {row['id']} | {row['type']} | {fmt(row['rank'])} | {'yes' if row['abstained'] else 'no'} | {row['question'][:70]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.eval", description="Evaluate retrieval, answers and abstention on a question file.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--k", type=int, default=4, help="cut-off for hit@k (default 4)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--report", type=Path, metavar="DIR", help="also write DIR/report.md and DIR/ranks.png")
    args = parser.parse_args(argv)
    if args.k < 1:
        parser.error("--k must be at least 1")
    try:
        items = load_items(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    except QuestionFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    from .config import SettingsError
    from .corpus import CorpusError
    from .embeddings import ModelError
    # Run with -m this file is __main__; the service raises the package module's class (a bad question bank).
    from .eval import QuestionFileError as BankFileError
    from .index import IndexProblem
    from .service import Assistant

    try:
        bot = Assistant.from_settings()
        bot.ensure_index()
    except (SettingsError, CorpusError, ModelError, IndexProblem, BankFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = evaluate(bot, items, k=args.k)
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    if args.report:
        from .report import write_report

        try:
            written = write_report(report, args.report, args.file.name)
        except OSError as exc:
            print(f"error: cannot write the report to {args.report}: {exc}", file=sys.stderr)
            return 2
        print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
