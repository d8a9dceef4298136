"""Questions asked before, each pointing at the passages that answered it: one more retrieval signal.

A bank question is one more vector of its gold passages, as a sentence is one of its passage (the "hypothetical
questions" of LangChain's multi-vector retriever, written here by people rather than by a model): a new question close
to one asked before is pointed at the passage that answered that one, where MiniLM alone confuses neighbouring passages
("what kinds of real-world things are ML engineers behind?" reads like the role's definition; the questions asked
before about what the work ends up in were answered by "…the brains behind … anything from machine vision software to
robotic industrial machinery"). The bank is a question file (the eval format: in-scope items with gold phrases, no
history); gold phrases are matched to passages whenever the corpus is loaded, so the bank survives re-chunking, and a
line whose phrase no passage holds any more is dropped and counted. Vectors are computed once per model and question
list and kept in a cache folder.

    python -m assistant.question_bank OUT.jsonl FILE.jsonl... [--exclude FILE.jsonl...]

builds a bank from question files, leaving out follow-ups, out-of-scope items and every question of the excluded files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .eval import QuestionFileError, fold, load_items
from .index import PassageRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BankEntry:
    """A question asked before and the phrases of the passages that answered it."""

    question: str
    gold: tuple[str, ...]


def load_bank(path: Path) -> list[BankEntry]:
    """The in-scope questions of a question file that carry gold phrases and no history (a follow-up means nothing
    without its conversation); a malformed line raises `QuestionFileError` naming it."""
    return [BankEntry(item.question, tuple(item.gold)) for item in load_items(path)
            if item.type == "in_scope" and item.gold and not item.history]


def _cache_key(questions: list[str], model_sha256: str) -> str:
    digest = hashlib.sha256(model_sha256.encode())
    for question in questions:
        digest.update(b"\0" + question.encode())
    return digest.hexdigest()[:24]


def bank_vectors(questions: list[str], encode: Callable[[list[str]], np.ndarray], cache_dir: Path | None,
                 model_sha256: str) -> np.ndarray:
    """Unit vectors of the bank's questions, read from the cache folder when this model encoded this list before."""
    path = cache_dir / f"question-bank-{_cache_key(questions, model_sha256)}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            vectors = np.load(path, allow_pickle=False)
            if vectors.shape[0] == len(questions):
                return vectors.astype(np.float32, copy=False)
        except (OSError, ValueError) as exc:
            log.warning("question bank cache %s unreadable (%s); encoding again", path, exc)
    log.info("encoding %d question bank questions (once per model and bank)", len(questions))
    vectors = np.asarray(encode(questions), dtype=np.float32)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written under a temporary name and renamed: a reader never sees half a file.
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npy", delete=False) as handle:
                np.save(handle, vectors, allow_pickle=False)
            os.replace(handle.name, path)
        except OSError as exc:
            log.warning("question bank cache %s not written (%s)", path, exc)
    return vectors


class QuestionBank:
    """Bank questions with their vectors and the passages each points at."""

    def __init__(self, entries: list[BankEntry], vectors: np.ndarray) -> None:
        if len(entries) != len(vectors):
            raise ValueError("one vector per bank question")
        self.entries = entries
        self.vectors = np.asarray(vectors, dtype=np.float32).reshape(len(entries), -1)
        self.folded = [fold(e.question) for e in entries]
        # Folded once here, not on every reload of the corpus the phrases are matched against.
        self.phrases = [[fold(g) for g in e.gold if g.strip()] for e in entries]

    def __len__(self) -> int:
        return len(self.entries)

    def targets(self, passages: Iterable[PassageRecord]) -> BankTargets:
        """The passages each question points at in this corpus; questions whose phrases no passage holds are left out."""
        # A phrase is found in a passage's text, or is one of its headings ("Solid Grounding in Mathematics" points at
        # the tip under it).
        folded = [(p.id, fold(p.text), {fold(h) for h in p.heading.split(" › ")}) for p in passages]
        rows: list[int] = []
        pointed: list[tuple[str, ...]] = []
        for row, phrases in enumerate(self.phrases):
            ids = tuple(pid for pid, text, headings in folded
                        if any(phrase in text or phrase in headings for phrase in phrases))
            if ids:
                rows.append(row)
                pointed.append(ids)
        stale = len(self.entries) - len(rows)
        if stale and folded:
            log.warning("%d of %d question bank questions name no passage of the corpus; left out", stale, len(self.entries))
        return BankTargets(self.vectors[rows], pointed, [self.folded[r] for r in rows], stale)


@dataclass
class BankTargets:
    """The bank as one corpus sees it: vectors of the questions that point at its passages, and those passages."""

    vectors: np.ndarray
    passages: list[tuple[str, ...]]
    questions: list[str]  # folded, for leaving questions out
    stale: int = 0
    left_out: np.ndarray | None = None  # rows not consulted (an evaluation's own questions)

    def __len__(self) -> int:
        return len(self.passages)

    def leaving_out(self, questions: Iterable[str]) -> BankTargets:
        """The same bank with these questions not consulted: a question file is never evaluated on its own questions."""
        skip = {fold(q) for q in questions}
        mask = np.array([q in skip for q in self.questions], dtype=bool)
        return BankTargets(self.vectors, self.passages, self.questions, self.stale, mask)

    def neighbours(self, vector: np.ndarray, k: int, floor: float) -> dict[str, float]:
        """For each passage one of the `k` bank questions closest to `vector` points at, that question's cosine, when
        it reaches `floor`: a question unlike any asked before leaves every passage as it was."""
        if not len(self.passages):
            return {}
        sims = self.vectors @ np.asarray(vector, dtype=np.float32)
        if self.left_out is not None:
            sims = np.where(self.left_out, -1.0, sims)
        top = np.argpartition(-sims, min(k, len(sims) - 1))[:k]
        out: dict[str, float] = {}
        for row in top:
            similarity = float(sims[row])
            if similarity < floor:
                continue
            for pid in self.passages[row]:
                out[pid] = max(out.get(pid, 0.0), similarity)
        return out


def build_bank_file(sources: list[Path], exclude: list[Path], out: Path) -> int:
    """Write the in-scope questions of `sources` (gold, no history), once each, leaving out every question of the
    `exclude` files; returns how many were written."""
    excluded = {fold(item.question) for path in exclude for item in load_items(path)}
    seen: set[str] = set()
    lines: list[str] = []
    for path in sources:
        for entry in load_bank(path):
            key = fold(entry.question)
            if key in excluded or key in seen:
                continue
            seen.add(key)
            lines.append(json.dumps({"id": f"b{len(lines) + 1:05d}", "type": "in_scope", "question": entry.question,
                                     "gold": list(entry.gold)}, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.question_bank",
                                     description="Build a question bank from question files.")
    parser.add_argument("out", type=Path, help="bank file to write (JSON lines)")
    parser.add_argument("sources", type=Path, nargs="+", help="question files whose in-scope questions go in")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="question files none of whose questions may go in (e.g. an evaluation set)")
    args = parser.parse_args(argv)
    sources = [p for p in args.sources if p.resolve() not in {e.resolve() for e in args.exclude}]
    try:
        written = build_bank_file(sources, args.exclude, args.out)
    except (OSError, QuestionFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {written} questions from {len(sources)} files to {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
