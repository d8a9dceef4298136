"""Retrieval and gate levers measured one at a time, from LangChain's tutorial pipeline to the shipped code.

    python benchmarks/levers.py [--sets dev tune ...]   (default: every set in tests/fixtures)

Retrieval: each row adds one lever to the row above and reports hit@1, hit@4 and MRR@10 on every
question set (answerable questions with gold phrases). Rows 0-4 score passages with exact cosine in
NumPy over the same all-MiniLM-L6-v2 vectors Chroma would return (the corpus is small enough that
Chroma's HNSW is exact here); the last rows run the product's own `Assistant` over a real Chroma index.
Rows before late interaction use the fusion weights of that time (0.45 / 0.35 / 0.20).

Gate: out-of-scope abstention and false abstention of the shipped retrieval with the gate's rules
switched on one by one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
from question_sets import FIXTURES, question_sets  # noqa: E402  (benchmarks/ is on the path when run)


def metrics(rankings: list[list[str]], golds: list[list[str]]) -> tuple[float, float, float]:
    from assistant.eval import first_hit_rank

    ranks = [first_hit_rank(r[:10], g) for r, g in zip(rankings, golds)]
    n = len(ranks) or 1
    return (sum(r == 1 for r in ranks) / n, sum(bool(r and r <= 4) for r in ranks) / n,
            sum(1 / r for r in ranks if r) / n)


# Fusion weights before late interaction (passage, sentence, lexical): rows 3-6 use them.
EARLIER_WEIGHTS = (0.45, 0.35, 0.20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=question_sets())
    args = parser.parse_args(argv)

    from langchain_text_splitters import RecursiveCharacterTextSplitter

    import assistant.index as index_module
    import assistant.service as service_module
    import assistant.retrieval as retrieval
    from assistant.chunking import chunk_document
    from assistant.config import get_settings
    from assistant.corpus import load_corpus
    from assistant.embeddings import LocalEmbeddings
    from assistant.eval import load_items
    from assistant.index import Index, make_client
    from assistant.service import Assistant
    from assistant.text import content_stems, expand_abbreviations
    from rank_bm25 import BM25Okapi

    settings = get_settings()
    emb = LocalEmbeddings(settings.model_path, expected_sha256=settings.model_sha256, threads=settings.torch_threads)
    docs = load_corpus(ROOT / "corpus").documents
    sets = {name: [i for i in load_items(FIXTURES / f"{name}.jsonl") if i.answerable and i.gold] for name in args.sets}

    def raw_question(item) -> str:
        return item.question  # the tutorial pipeline has no follow-up handling

    # -- passage sets
    tutorial = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    tutorial_chunks = [c for d in docs for c in tutorial.split_text(d.text)]
    chunks = [c for d in docs for c in chunk_document(d, chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)]

    def dense_ranker(texts: list[str], embed_texts: list[str]) -> Callable[[str], list[str]]:
        vectors = emb.encode(embed_texts)

        def rank(question: str) -> list[str]:
            order = np.argsort(-(vectors @ emb.encode([question])[0]))
            return [texts[i] for i in order]
        return rank

    def hybrid_ranker(use_sentences: bool, use_bm25: bool) -> Callable[[str], list[str]]:
        passage_vectors = emb.encode([c.embedding_text for c in chunks])
        sentences = [(i, f"{c.heading}: {s}" if c.heading else s) for i, c in enumerate(chunks) for s in c.sentences()]
        sentence_vectors = emb.encode([s for _, s in sentences])
        owner = np.array([i for i, _ in sentences])
        bm25 = BM25Okapi([content_stems(f"{c.title} {c.heading} {c.text}") for c in chunks])

        def rank(question: str) -> list[str]:
            q = emb.encode([question])[0]
            dense = passage_vectors @ q
            best_sentence = dense.copy()
            for i, sim in zip(owner, sentence_vectors @ q):
                best_sentence[i] = max(best_sentence[i], sim) if use_sentences else best_sentence[i]
            w_passage, w_sentence, w_lexical = EARLIER_WEIGHTS
            score = w_passage * dense + (w_sentence * best_sentence if use_sentences else 0)
            if use_bm25:
                raw = bm25.get_scores(content_stems(expand_abbreviations(question)))
                score = score + w_lexical * (raw / raw.max() if raw.max() > 0 else raw)
            return [chunks[i].text for i in np.argsort(-score)]
        return rank

    rows: list[tuple[str, Callable]] = [
        ("0. LangChain tutorial: 1000/200 splitter, dense top-k", dense_ranker(tutorial_chunks, tutorial_chunks)),
        ("1. + section-aware passages (≤900 chars, lists kept under their heading)",
         dense_ranker([c.text for c in chunks], [c.text for c in chunks])),
        ("2. + title and heading in the embedded text", dense_ranker([c.text for c in chunks], [c.embedding_text for c in chunks])),
        ("3. + sentence vectors pointing to their passage (weighted fusion)", hybrid_ranker(True, False)),
        ("4. + BM25 on stems (weighted fusion)", hybrid_ranker(True, True)),
    ]

    results = []
    for name, rank in rows:
        results.append((name, {s: metrics([rank(raw_question(i)) for i in items], [i.gold for i in items])
                               for s, items in sets.items()}))

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "corpus", Path(tmp) / "corpus")
        local = get_settings(corpus_dir=Path(tmp) / "corpus", data_dir=Path(tmp) / "data", chroma_host="")
        bot = Assistant(local, Index(make_client(local), local.collection, emb))
        blend = index_module._blend
        index_module._blend = lambda with_heading, headed, bare: with_heading  # rows 5-7: sentences under their heading only
        # Rows 5-11 match words with a short form counted as itself and as its spelled-out words.
        both_forms = lambda text: content_stems(expand_abbreviations(text))  # noqa: E731
        lexical_stems = retrieval.lexical_stems
        retrieval.lexical_stems = service_module.lexical_stems = both_forms
        bot.ingest()

        def product(history: bool) -> dict:
            return {s: metrics([[x.text for x in bot.retrieve(i.question, history=i.history if history else None, k=10)]
                                for i in items], [i.gold for i in items]) for s, items in sets.items()}

        shipped = {name: getattr(retrieval, name) for name in ("W_PASSAGE", "W_SENTENCE", "W_LEXICAL", "W_LATE",
                                                                "ROLE_MISMATCH_PENALTY", "W_NAMED", "SUBSECTION_MARGIN", "W_EXAMPLE",
                                                                "W_PROCESS", "W_DUTY", "W_PAIR", "W_OUTLOOK")}
        retrieval.W_NAMED = retrieval.W_EXAMPLE = 0.0  # rows 5-14: no example answer type
        # Rows 5-16 have no process answer type, rows 5-17 no duty answer type, rows 5-18 no pair answer type, rows 5-19
        # no outlook answer type: `before` is the shipped search without them.
        before = {**shipped, "W_PROCESS": 0.0, "W_DUTY": 0.0, "W_PAIR": 0.0, "W_OUTLOOK": 0.0}
        retrieval.W_PROCESS = retrieval.W_DUTY = retrieval.W_PAIR = retrieval.W_OUTLOOK = 0.0
        retrieval.SUBSECTION_MARGIN = -1.0  # rows 5-10: no preference for subsections
        spelled_out = service_module.vector_text
        # Rows 5-15 read everyday idioms as written ("keep flopping"), in search and in the gate's rows a-m.
        plain = {"plain_wording": service_module.plain_wording, "with_plain_words": service_module.with_plain_words}
        as_written = lambda text: text  # noqa: E731
        _set(service_module, {"plain_wording": as_written, "with_plain_words": as_written})
        service_module.vector_text = lambda question: question  # rows 5-9 embed the question as written
        earlier = dict(zip(("W_PASSAGE", "W_SENTENCE", "W_LEXICAL"), EARLIER_WEIGHTS), W_LATE=0.0)
        _set(retrieval, {**earlier, "ROLE_MISMATCH_PENALTY": 0.0})
        results.append(("5. + follow-ups condensed from the conversation (shipped code, no role penalty)", product(True)))
        _set(retrieval, {**earlier, "ROLE_MISMATCH_PENALTY": shipped["ROLE_MISMATCH_PENALTY"]})
        results.append(("6. + role-mismatch penalty", product(True)))
        _set(retrieval, {**before, "W_NAMED": 0.0, "SUBSECTION_MARGIN": -1.0, "W_EXAMPLE": 0.0})
        results.append(("7. + late interaction on MiniLM token vectors, reweighted", product(True)))
        index_module._blend = blend
        bot.ingest(rebuild=True)
        results.append(("8. + sentence vectors halfway between with and without their heading", product(True)))
        _set(retrieval, {**before, "SUBSECTION_MARGIN": -1.0, "W_EXAMPLE": 0.0})
        results.append(("9. + answer type: 'which tools / languages…' prefers passages naming such things", product(True)))
        service_module.vector_text = spelled_out
        results.append(("10. + question embedded with short forms spelled out (ML → machine learning)", product(True)))
        _set(retrieval, {**before, "W_EXAMPLE": 0.0})
        by_heading = retrieval.prefer_subsection
        # Rows 11-12: the best-ranked of the close subsections, whatever their headings say.
        retrieval.prefer_subsection = lambda scored, subsections, margin, *named: by_heading(scored, subsections, margin)
        results.append(("11. + a section's opening gives way to its own subsection in a near tie", product(True)))
        retrieval.lexical_stems = service_module.lexical_stems = lexical_stems
        bot.reload()
        results.append(("12. + a short form counted once, as its spelled-out words, in word matching", product(True)))
        # Row 13: every opening gives way, to the subsection the question names if any.
        retrieval.prefer_subsection = lambda scored, subsections, margin, asked=frozenset(), roles=frozenset(), outlined=frozenset(): \
            by_heading(scored, subsections, margin, asked, roles)
        results.append(("13. + of the close subsections, the one whose heading the question names", product(True)))
        retrieval.prefer_subsection = by_heading
        results.append(("14. + an opening that announces a list gives way only to a subsection the question names",
                        product(True)))
        retrieval.W_EXAMPLE = shipped["W_EXAMPLE"]
        results.append(("15. + answer type: a question asking for an example prefers passages that give one",
                        product(True)))
        _set(service_module, plain)
        results.append(("16. + everyday idioms read as their plain word in BM25 and beside it in the question's vectors "
                        "('keep flopping' → 'fail')", product(True)))
        retrieval.W_PROCESS = shipped["W_PROCESS"]
        results.append(("17. + answer type: a question asking for the steps of a piece of work prefers passages that lay "
                        "out a sequence", product(True)))
        retrieval.W_DUTY = shipped["W_DUTY"]
        results.append(("18. + answer type: a question asking what a role does prefers passages stating that role's duty",
                        product(True)))
        retrieval.W_PAIR = shipped["W_PAIR"]
        results.append(("19. + answer type: a question naming two roles prefers passages whose headings name both and whose "
                        "text names them", product(True)))
        retrieval.W_OUTLOOK = shipped["W_OUTLOOK"]
        results.append(("20. + answer type: a question on a career's outlook prefers passages saying its people are needed "
                        "more and more = shipped retrieval", product(True)))

        gate_rows = gate_levers(bot, {s: load_items(FIXTURES / f"{s}.jsonl") for s in args.sets})

    header = " | ".join(f"{s} hit@1 | {s} hit@4 | {s} MRR@10" for s in sets)
    print(f"| lever | {header} |")
    print("| --- |" + " --- |" * (3 * len(sets)))
    for name, by_set in results:
        cells = " | ".join(f"{h1:.3f} | {h4:.3f} | {mrr:.3f}" for h1, h4, mrr in by_set.values())
        print(f"| {name} | {cells} |")
    print()
    print("| gate | " + " | ".join(f"{s} out-of-scope abstention | {s} false abstention" for s in sets) + " |")
    print("| --- |" + " --- |" * (2 * len(sets)))
    for name, by_set in gate_rows:
        print(f"| {name} | " + " | ".join(f"{_rate(oos)} | {_rate(false)}" for oos, false in by_set.values()) + " |")
    return 0


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _set(module, values: dict) -> None:
    for name, value in values.items():
        setattr(module, name, value)


def gate_levers(bot, sets: dict) -> list[tuple[str, dict]]:
    """Abstention rates with the gate's rules added one by one (each row keeps the rules above it)."""
    import re

    import assistant.gate as gate

    never = re.compile(r"(?!)")
    shipped = {name: getattr(gate, name)
               for name in ("_QUANTITY", "_MONEY", "_RANKING", "_COMPARING", "is_name", "closeness", "unmet_hiring", "unnamed_kind",
                            "unmet_instructions", "_PRODUCE", "_HORIZON", "unmet_origin", "unmet_persuasion", "_CONDITIONS",
                            "COMMON_MISSING_WEIGHT", "_DATED", "unranked_choice", "undefined_term", "plain_wording",
                            "_WHERE_PLACE", "_AUTHOR_OWN", "MAX_MISSING_SHARE", "MAX_TOLERATED")}
    aligner = bot._aligner

    def rates() -> dict:
        out = {}
        for name, items in sets.items():
            answers = [(i, bot.ask(i.question, history=i.history)) for i in items]
            oos = [a.abstained for i, a in answers if i.type == "out_of_scope"]
            false = [a.abstained for i, a in answers if i.answerable]
            out[name] = (sum(oos) / len(oos) if oos else None, sum(false) / len(false) if false else None)
        return out

    rows = []
    bot._aligner = lambda query, top: None
    _set(gate, {"_QUANTITY": never, "_MONEY": never, "_RANKING": never, "_COMPARING": never, "is_name": lambda word, question: False,
                "closeness": lambda top: max(s.dense for s in top), "unmet_hiring": lambda *args: "",
                "unnamed_kind": lambda *args: "", "unmet_instructions": lambda *args: "", "_PRODUCE": never,
                "_HORIZON": never, "unmet_origin": lambda *args: "", "unmet_persuasion": lambda *args: "",
                "_CONDITIONS": never, "COMMON_MISSING_WEIGHT": 1.0, "_DATED": never, "unranked_choice": lambda *args: (),
                "undefined_term": lambda *args: "", "plain_wording": lambda text, sources=None: text,
                "_WHERE_PLACE": never, "_AUTHOR_OWN": never, "MAX_MISSING_SHARE": 0.40, "MAX_TOLERATED": 0.80})
    rows.append(("a. exact stems over the top 4 (IDF-weighted share vs tolerance), unknown job titles", rates()))
    bot._aligner = aligner
    rows.append(("b. + uncovered words matched in context (token vectors)", rates()))
    _set(gate, {"is_name": shipped["is_name"]})
    rows.append(("c. + names (AWS, CEO) never matched by resemblance; one the corpus never uses refuses", rates()))
    _set(gate, {name: shipped[name] for name in ("_QUANTITY", "_MONEY", "_RANKING", "_COMPARING")})
    rows.append(("d. + answer types: a number or date needs one in the passages, pay a passage about money, "
                 "ranking or comparing named tools a sentence that ranks or contrasts them", rates()))
    _set(gate, {"closeness": shipped["closeness"]})
    rows.append(("e. + tolerance from the closest sentence, not only the closest passage", rates()))
    _set(gate, {name: shipped[name] for name in ("unmet_hiring", "unnamed_kind")})
    rows.append(("f. + answer types: getting hired needs a passage on hiring or the job market, \"which course / "
                 "companies / city…\" a sentence naming one", rates()))
    _set(gate, {"unmet_instructions": shipped["unmet_instructions"]})
    rows.append(("g. + instructions for working a named tool, or how it works under the hood, need a sentence that walks "
                 "through a process with it",
                 rates()))
    _set(gate, {"_PRODUCE": shipped["_PRODUCE"]})
    rows.append(("h. + a request to write, create or fix something (a script, a letter, my code) is a task, refused",
                 rates()))
    _set(gate, {name: shipped[name] for name in ("_HORIZON", "unmet_origin", "unmet_persuasion")})
    rows.append(("i. + a forecast over a counted horizon needs a number, 'who founded / maintains <name>' a sentence "
                 "naming it with that verb; persuading someone in the asker's life is refused", rates()))
    _set(gate, {name: shipped[name] for name in ("_CONDITIONS", "_WHERE_PLACE", "_AUTHOR_OWN")})
    rows.append(("j. + terms of employment (remote work, hours, stress, visas, layoffs) need a passage that speaks of "
                 "them, where an office is one that says where something is located, the author's own taste one in "
                 "the first person", rates()))
    _set(gate, {"COMMON_MISSING_WEIGHT": shipped["COMMON_MISSING_WEIGHT"]})
    rows.append(("k. + a missing everyday word (the ~300 most frequent in English) weighs 0.3", rates()))
    _set(gate, {name: shipped[name] for name in ("_DATED", "unranked_choice")})
    rows.append(("l. + what happens on a near day ('the forecast for tomorrow') needs a number; choosing the best of "
                 "unnamed things ('Which language is the fastest?') a sentence that ranks", rates()))
    _set(gate, {"undefined_term": shipped["undefined_term"]})
    rows.append(("m. + 'What is <a term of several words>?' needs a passage using the term's words together", rates()))
    _set(gate, {"plain_wording": shipped["plain_wording"]})
    rows.append(("n. + everyday idioms read as the plain word they stand for ('keep flopping' → 'fail', 'in demand' → "
                 "'sought after')", rates()))
    _set(gate, {name: shipped[name] for name in ("MAX_MISSING_SHARE", "MAX_TOLERATED")})
    rows.append(("o. + word coverage tolerates more of the asker's own wording (0.60 of the weight up to 0.90, "
                 "from 0.40 up to 0.80; not for a missing name) now that answer types refuse most out-of-scope questions "
                 "= shipped gate", rates()))
    return rows


if __name__ == "__main__":
    sys.exit(main())
