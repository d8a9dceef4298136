"""Could MiniLM itself tell a paraphrased word from a topic the corpus never treats? Two tests of a missing gate word.

    python benchmarks/gate_synonyms.py [--sets dev tune ...]   (default: every set in tests/fixtures)

The gate refuses a question when its rare words are absent from the retrieved passages and their contextual
token vectors find no close counterpart (gate.py, alignment.py). Idioms ("my models keep flopping") are refused
that way as surely as "salary". For every question the shipped assistant refuses on missing words, this scores
each missing word two more ways and prints them by whether the question was in scope:

- alone: the word's own MiniLM vector against every word of the corpus, read alone (the nearest one);
- substitution: the question's vector against the question with the word replaced by each word of the four
  retrieved passages (the closest variant).

A usable signal would score the in-scope words (paraphrases) above the out-of-scope ones (missing topics).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
from question_sets import FIXTURES, question_sets  # noqa: E402  (benchmarks/ is on the path when run)
_MISSING = re.compile(r"no passage speaks of (.*)")


def _unit(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.linalg.norm(matrix, axis=-1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=question_sets(),
                        help="question sets in tests/fixtures (default: all of them)")
    args = parser.parse_args()

    from assistant.eval import load_items
    from assistant.service import Assistant
    from assistant.text import STOPWORDS, find_word, tokens

    bot = Assistant.from_settings()
    bot.ensure_index()
    emb = bot.index.embeddings
    corpus = bot.corpus

    def content_words(texts) -> list[str]:
        return sorted({w for t in texts for w in tokens(t) if w not in STOPWORDS and w.isalpha() and len(w) > 2})

    vocabulary = content_words(f"{p.heading} {p.text}" for p in corpus.passages.values())
    vocabulary_vectors = _unit(emb.encode(vocabulary))
    rows = []
    for name in args.sets:
        for item in load_items(FIXTURES / f"{name}.jsonl"):
            answer = bot.ask(item.question, item.history)
            found = _MISSING.search(answer.note or "") if answer.abstained else None
            words = re.findall(r"'([^']+)'", found.group(1)) if found else []
            if not words or any(" " in w for w in words):
                continue  # refused for an answer type ("how much", "which is better"), not for missing words
            question = answer.standalone_question or item.question
            top = bot._search(bot._prepare(item.question, item.history), 4)
            candidates = content_words(s.passage.text for s in top)
            question_vector = _unit(emb.encode([question])[0])
            for word, alone in zip(words, _unit(emb.encode(words)) @ vocabulary_vectors.T):
                match = find_word(word, question)
                if not match:
                    continue
                variants = [question[:match.start()] + c + question[match.end():] for c in candidates]
                substituted = _unit(emb.encode(variants)) @ question_vector
                rows.append((item.answerable, f"{name}:{item.id}", word, float(alone.max()), vocabulary[int(alone.argmax())],
                             float(substituted.max()), candidates[int(substituted.argmax())]))

    print("| question | in scope | missing word | alone: nearest corpus word | substitution: closest variant |")
    print("| --- | --- | --- | --- | --- |")
    for answerable, qid, word, alone, near, sub, variant in sorted(rows, key=lambda r: (not r[0], r[1])):
        print(f"| {qid} | {'yes' if answerable else 'no'} | {word} | {alone:.3f} ({near}) | {sub:.3f} ({variant}) |")
    print()
    # A threshold that admits no out-of-scope word, and what admitting half of the in-scope words would let through.
    print("| test | in-scope words above every out-of-scope one | out-of-scope words at or above the in-scope median |")
    print("| --- | --- | --- |")
    for label, column in (("alone", 3), ("substitution", 5)):
        inside = [r[column] for r in rows if r[0]]
        outside = [r[column] for r in rows if not r[0]]
        if inside and outside:
            above = sum(v > max(outside) for v in inside)
            through = sum(v >= np.median(inside) for v in outside)
            print(f"| {label} | {above} of {len(inside)} | {through} of {len(outside)} |")

if __name__ == "__main__":
    main()
