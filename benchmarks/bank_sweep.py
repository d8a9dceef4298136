"""How much the question bank buys, and how much it depends on its three settings: a sweep, leave one set out.

    python benchmarks/bank_sweep.py [--newest 36]

Every answerable question with gold passages of every set in tests/fixtures is ranked once without the bank (the
fused score of `hybrid_search` over all passages, before the subsection rule reorders near ties); then, for each
setting, the bank built from the other sets' in-scope questions (never dev.jsonl's, never the set's own) adds
weight × cosine of each of the nearest bank questions at or above the floor to the passages it points at. Prints
hit@1 / hit@4 / MRR@10 over all sets, over the newest sets and over dev.jsonl. The shipped setting is retrieval.py's
BANK_NEIGHBOURS, BANK_FLOOR and W_BANK; the whole pipeline's numbers are `python -m assistant.eval FILE` per set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
from question_sets import FIXTURES, question_sets  # noqa: E402  (benchmarks/ is on the path when run)

from assistant.config import Settings  # noqa: E402
from assistant.eval import is_hit, load_items  # noqa: E402
from assistant.question_bank import BankEntry, QuestionBank  # noqa: E402
from assistant.retrieval import BANK_FLOOR, BANK_NEIGHBOURS, W_BANK  # noqa: E402
from assistant.service import Assistant  # noqa: E402

SETTINGS = [(1, 0.0, 0.10), (BANK_NEIGHBOURS, BANK_FLOOR, W_BANK), (3, 0.6, 0.10), (3, 0.7, 0.15), (5, 0.0, 0.15)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newest", type=int, default=36, help="how many of the highest-numbered fresh sets to report apart")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(corpus_dir=ROOT / "corpus", data_dir=Path(tmp) / "data", chroma_host=None,
                            use_question_bank=False)
        bot = Assistant.from_settings(settings)
        bot.ingest()
        order = list(bot.corpus.order)
        names = question_sets()
        items = [(name, item) for name in names for item in load_items(FIXTURES / f"{name}.jsonl")]
        entries = [BankEntry(item.question, tuple(item.gold)) for name, item in items
                   if name != "dev" and item.type == "in_scope" and item.gold and not item.history]
        bank = QuestionBank(entries, bot.index.embeddings.encode_uncached([e.question for e in entries]))
        targets = bank.targets(bot.corpus.passages.values())
        rows = []
        for name in names:
            asked = [item for set_name, item in items if set_name == name]
            # The set's own questions left out, and any bank question worded as one of them (repeated in another set).
            others = targets.leaving_out(item.question for item in asked)
            for item in asked:
                if not (item.answerable and item.gold):
                    continue
                gold = [pid for pid in order if is_hit(bot.corpus.passages[pid].text, item.gold)]
                if not gold:
                    continue
                query = bot._prepare(item.question, item.history)
                base = {s.passage.id: s.score for s in bot._search(query, len(order))}
                rows.append((name, base, others, np.asarray(query.vector), gold))
    numbered = sorted({n for n, *_ in rows if n.startswith("fresh") and n[5:].isdigit()}, key=lambda n: int(n[5:]))
    groups = {"all sets": None, f"{args.newest} newest": set(numbered[-args.newest:]), "dev": {"dev"}}

    def measure(k: int | None, floor: float, weight: float, only: set[str] | None) -> str:
        h1 = h4 = rr = n = 0.0
        for name, base, others, vector, gold in rows:
            if only is not None and name not in only:
                continue
            near = others.neighbours(vector, k, floor) if k else {}
            score = {pid: value + weight * near.get(pid, 0.0) for pid, value in base.items()}
            ranking = sorted(score, key=score.get, reverse=True)
            rank = min((ranking.index(pid) + 1 for pid in gold if pid in score), default=len(order) + 1)
            n += 1
            h1 += rank == 1
            h4 += rank <= 4
            rr += 1 / rank if rank <= 10 else 0
        return f"{h1 / n:.3f} / {h4 / n:.3f} / {rr / n:.3f}"

    print(f"bank: {len(bank)} questions; {len(rows)} answerable questions with gold\n")
    print("| neighbours | floor | weight | " + " | ".join(f"{g} hit@1 / hit@4 / MRR@10" for g in groups) + " |")
    print("| --- | --- | --- | " + " | ".join("---" for _ in groups) + " |")
    print("| no bank | | | " + " | ".join(measure(None, 0, 0, only) for only in groups.values()) + " |")
    for k, floor, weight in SETTINGS:
        shipped = " (shipped)" if (k, floor, weight) == (BANK_NEIGHBOURS, BANK_FLOOR, W_BANK) else ""
        print(f"| {k} | {floor} | {weight}{shipped} | " + " | ".join(measure(k, floor, weight, only)
                                                             for only in groups.values()) + " |")


if __name__ == "__main__":
    main()
