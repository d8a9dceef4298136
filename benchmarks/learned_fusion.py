"""Would learned fusion weights beat the hand-set ones? A leave-one-set-out check.

    python benchmarks/learned_fusion.py [--sets dev tune ...] [--features shipped|all]

The shipped search fuses its signals with weights set by hand (retrieval.py). This fits a linear
listwise model (softmax over all passages, gold passages as the target, L2-regularised) on every
question set but one and ranks the held-out set with it, once per set, so each set's numbers come from
weights that never saw it. `--features shipped` learns over the shipped signals only (passage cosine,
best sentence, BM25, late interaction, role mismatch, named things); `all` adds the second-best
sentence, the best sentence read alone and under its heading, the heading's own cosine, the question's
stems in the heading, and whether a passage opens a section or its document. Printed beside the
shipped ranking (which also moves a section's opening below a close subsection).
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
SHIPPED = ["dense", "sentence", "bm25", "late", "role_mismatch", "named"]
EXTRA = ["sentence_2nd", "sentence_alone", "sentence_headed", "heading_cosine", "heading_overlap", "opens_section",
         "opens_document"]
# Scores are on the cosine scale; the softmax temperature spreads them like logits.
TEMPERATURE, L2, STEPS, RATE = 20.0, 1e-3, 400, 0.5


def features(bot, items) -> list[tuple[np.ndarray, np.ndarray, list[str]]]:
    """Per question: a (passages x features) matrix, the gold flags, and the shipped ranking's ids."""
    from assistant.alignment import max_sim
    from assistant.eval import is_hit
    from assistant.followups import roles_overlap
    from assistant.retrieval import asks_for_named_things, hybrid_search
    from assistant.text import lexical_stems, split_sentences

    corpus, emb = bot.corpus, bot.index.embeddings
    passages = [corpus.passages[pid] for pid in corpus.order]
    owners, alone_texts, headed_texts = [], [], []
    for j, p in enumerate(passages):
        for s in split_sentences(p.text):
            owners.append(j)
            alone_texts.append(s)
            headed_texts.append(f"{p.heading}: {s}" if p.heading else s)
    owners_ = np.array(owners)
    alone, headed = emb.encode(alone_texts), emb.encode(headed_texts)
    headings = emb.encode([p.heading.split(" › ")[-1] or p.title for p in passages])
    heading_stems = [set(lexical_stems(p.heading.split(" › ")[-1])) for p in passages]
    rows = corpus.token_rows(corpus.order)
    out = []
    for item in items:
        q = bot._prepare(item.question, item.history)
        dense = dict(bot.index.search_passages(q.vector, len(passages)))
        blended: dict[str, list[float]] = {}
        for hit in bot.index.search_sentences(q.vector, len(alone_texts)):
            blended.setdefault(hit.chunk_id, []).append(hit.similarity)
        raw = corpus.bm25.get_scores(q.stems) if q.stems else np.zeros(len(passages))
        top = raw.max() if raw.max() > 0 else 1.0
        by_alone, by_headed, by_heading = alone @ q.vector, headed @ q.vector, headings @ q.vector
        wants_names = asks_for_named_things(q.text)
        asked = {w.lower() for w in re.findall(r"[A-Za-z0-9+#]+", q.text)}
        matrix = []
        for j, p in enumerate(passages):
            sims = sorted(blended.get(p.id, [dense[p.id]]), reverse=True)
            mine = owners_ == j
            named = [n for n in corpus.passage_names.get(p.id, ()) if n.lower() not in asked]
            roles = corpus.passage_roles.get(p.id)
            matrix.append([
                dense[p.id], sims[0], raw[j] / top, max_sim(q.content_tokens, rows[p.id].astype(np.float32)),
                float(bool(q.roles and roles and not roles_overlap(q.roles, roles))),
                min(len(named), 4) / 4 if wants_names else 0.0,
                sims[1] if len(sims) > 1 else sims[0],
                by_alone[mine].max() if mine.any() else dense[p.id],
                by_headed[mine].max() if mine.any() else dense[p.id],
                by_heading[j], len(set(q.stems) & heading_stems[j]) / (len(heading_stems[j]) or 1),
                float(bool(corpus.subsections.get(p.id))), float(p.position == 0),
            ])
        gold = np.array([is_hit(p.text, item.gold) for p in passages])
        shipped = [s.passage.id for s in hybrid_search(bot.index, corpus, q, 10)]
        out.append((np.array(matrix), gold, [corpus.order.index(pid) for pid in shipped]))
    return out


def fit(data: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Weights minimising the listwise softmax loss (probability mass on the gold passages), by gradient descent."""
    w = np.zeros(data[0][0].shape[1])
    for _ in range(STEPS):
        grad = L2 * w
        for x, gold in data:
            s = TEMPERATURE * (x @ w)
            p = np.exp(s - s.max())
            p /= p.sum()
            target = p * gold / (p * gold).sum()
            grad += TEMPERATURE * x.T @ (p - target) / len(data)
        w -= RATE * grad
    return w


def first_gold(order, gold: np.ndarray) -> int | None:
    return next((rank for rank, j in enumerate(list(order)[:10], 1) if gold[j]), None)


def summary(ranks: list[int | None]) -> str:
    n = len(ranks) or 1
    return (f"{sum(r == 1 for r in ranks) / n:.3f} | {sum(bool(r and r <= 4) for r in ranks) / n:.3f} | "
            f"{sum(1 / r for r in ranks if r) / n:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=question_sets())
    parser.add_argument("--features", choices=["shipped", "all"], default="all")
    args = parser.parse_args(argv)

    from assistant.eval import load_items
    from assistant.service import Assistant

    bot = Assistant.from_settings()
    bot.ensure_index()
    columns = list(range(len(SHIPPED))) if args.features == "shipped" else list(range(len(SHIPPED) + len(EXTRA)))
    per_set = {}
    for name in args.sets:
        items = [i for i in load_items(FIXTURES / f"{name}.jsonl") if i.answerable and i.gold]
        per_set[name] = [(x[:, columns], gold, shipped) for x, gold, shipped in features(bot, items)]
    print(f"features: {', '.join((SHIPPED + EXTRA)[c] for c in columns)}\n")
    print("| set | shipped hit@1 | shipped hit@4 | shipped MRR@10 | learned hit@1 | learned hit@4 | learned MRR@10 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    every_shipped, every_learned = [], []
    for name, rows in per_set.items():
        w = fit([(x, g) for other, r in per_set.items() if other != name for x, g, _ in r])
        shipped = [first_gold(order, g) for _, g, order in rows]
        learned = [first_gold(np.argsort(-(x @ w)), g) for x, g, _ in rows]
        every_shipped += shipped
        every_learned += learned
        print(f"| {name} | {summary(shipped)} | {summary(learned)} |")
    print(f"| all questions | {summary(every_shipped)} | {summary(every_learned)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
