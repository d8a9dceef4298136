"""The question bank: questions asked before point retrieval at the passages that answered them, a file is never
evaluated with its own questions, and the bank's vectors are encoded once per model and question list."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import DEV_SET, FIXTURES, ROOT, make_assistant, make_settings, run_cli

from assistant.eval import QuestionFileError, evaluate, fold, is_hit, load_items
from assistant.question_bank import QuestionBank, bank_vectors, build_bank_file, load_bank

SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
# "the brains behind … anything from machine vision software to robotic industrial machinery" answers what the work
# ends up in; without a bank the role's definitions outrank it.
BRAINS = "brains behind the automated operation and programming"
ASKED_BEFORE = ["What real-world things are machine learning engineers behind? Apps only, or machines too?",
                "what kinds of products end up running on an ML engineer's work?",
                "Is machine learning engineering just chatbots, or physical machines as well?"]
ASKED_NOW = "Do ML engineers only make apps, or also the brains of machines?"


def write_bank(path: Path, rows: list[tuple[str, list[str]]], *, extra: list[dict] | None = None) -> Path:
    lines = [{"id": f"b{i}", "type": "in_scope", "question": q, "gold": gold} for i, (q, gold) in enumerate(rows)]
    path.write_text("\n".join(json.dumps(line) for line in lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def rank_of(bot, question: str, phrase: str) -> int | None:
    texts = [s.text for s in bot.retrieve(question, k=10)]
    return next((i for i, text in enumerate(texts, 1) if is_hit(text, [phrase])), None)


@pytest.fixture
def banked(tmp_path, corpus_dir, embeddings):
    """Two assistants over the real corpus: one whose bank holds only the ASKED_BEFORE questions, one without a bank."""
    bank = write_bank(tmp_path / "bank.jsonl", [(q, [BRAINS]) for q in ASKED_BEFORE])
    with_bank = make_assistant(make_settings(tmp_path, question_bank=bank, cache_dir=tmp_path / "cache"), embeddings)
    with_bank.ingest()
    without = make_assistant(make_settings(tmp_path, data_dir=tmp_path / "data2", use_question_bank=False), embeddings)
    without.ingest()
    return with_bank, without


def test_a_paraphrase_of_a_question_asked_before_ranks_its_answer_first(banked) -> None:
    with_bank, without = banked
    assert rank_of(without, ASKED_NOW, BRAINS) != 1
    assert rank_of(with_bank, ASKED_NOW, BRAINS) == 1


def test_a_question_unlike_any_asked_before_is_ranked_as_without_a_bank(banked) -> None:
    with_bank, without = banked
    question = "Which programming languages should a software engineer know?"
    assert [s.text for s in with_bank.retrieve(question, k=10)] == [s.text for s in without.retrieve(question, k=10)]


def test_the_relevance_gate_does_not_read_the_bank(banked) -> None:
    with_bank, without = banked
    question = "How much do machine learning engineers earn in Bangkok?"
    assert with_bank.ask(question).abstained and without.ask(question).abstained


def test_evaluating_a_file_leaves_its_own_questions_out_of_the_bank(tmp_path, corpus_dir, embeddings) -> None:
    items = [item for item in load_items(DEV_SET) if item.gold][:6]
    bank = write_bank(tmp_path / "bank.jsonl", [(item.question, item.gold) for item in items])
    file = tmp_path / "set.jsonl"
    file.write_text("\n".join(json.dumps({"id": i.id, "type": i.type, "question": i.question, "gold": i.gold})
                              for i in items) + "\n", encoding="utf-8")
    with_bank = make_assistant(make_settings(tmp_path, question_bank=bank, cache_dir=tmp_path / "cache"), embeddings)
    with_bank.ingest()
    without = make_assistant(make_settings(tmp_path, data_dir=tmp_path / "data2", use_question_bank=False), embeddings)
    without.ingest()
    ranks = [row["rank"] for row in evaluate(with_bank, load_items(file))["items"]]
    assert ranks == [row["rank"] for row in evaluate(without, load_items(file))["items"]]
    # Outside an evaluation, a question asked before finds its bank entry: the leaving out is the evaluation's doing.
    assert with_bank.corpus.bank.neighbours(with_bank.index.embeddings.encode([items[0].question])[0], 1, 0.99)


def test_bank_lines_whose_phrases_no_passage_holds_are_left_out(tmp_path, corpus_dir, embeddings, caplog) -> None:
    bank = write_bank(tmp_path / "bank.jsonl", [(ASKED_BEFORE[0], [BRAINS]), ("Who is the CEO?", ["our CEO since 2010"])])
    bot = make_assistant(make_settings(tmp_path, question_bank=bank, cache_dir=tmp_path / "cache"), embeddings)
    bot.ingest()
    assert len(bot.corpus.bank) == 1 and bot.corpus.bank.stale == 1
    assert "1 of 2 question bank questions name no passage" in caplog.text


def test_a_bank_named_but_missing_is_a_clear_error(tmp_path, corpus_dir, embeddings) -> None:
    settings = make_settings(tmp_path, question_bank=tmp_path / "nowhere.jsonl")
    with pytest.raises(QuestionFileError, match="nowhere.jsonl does not exist"):
        make_assistant(settings, embeddings)


def test_a_malformed_bank_line_is_named(tmp_path) -> None:
    bank = tmp_path / "bank.jsonl"
    bank.write_text('{"id": "b1", "type": "in_scope", "question": "ok?", "gold": ["x"]}\n{"question": \n', encoding="utf-8")
    with pytest.raises(QuestionFileError, match="bank.jsonl:2"):
        load_bank(bank)


def test_the_bank_keeps_only_in_scope_questions_without_history(tmp_path) -> None:
    bank = write_bank(tmp_path / "bank.jsonl", [("What does a data engineer do?", ["data pipelines"])], extra=[
        {"id": "f", "type": "followup", "question": "and they?", "history": [["What do data engineers do?", ""]],
         "gold": ["data pipelines"]},
        {"id": "o", "type": "out_of_scope", "question": "Who is the CEO?"},
        {"id": "n", "type": "in_scope", "question": "No gold here?"},
    ])
    assert [e.question for e in load_bank(bank)] == ["What does a data engineer do?"]


def test_bank_vectors_are_encoded_once_per_model_and_question_list(tmp_path, embeddings) -> None:
    questions = ["What does a data engineer do?", "Which tools do DevOps engineers use?"]
    first = bank_vectors(questions, embeddings.encode_uncached, tmp_path, embeddings.sha256)

    def must_not_encode(texts):
        raise AssertionError("encoded again")

    assert np.array_equal(bank_vectors(questions, must_not_encode, tmp_path, embeddings.sha256), first)
    with pytest.raises(AssertionError, match="encoded again"):
        bank_vectors(questions[:1], must_not_encode, tmp_path, embeddings.sha256)
    with pytest.raises(AssertionError, match="encoded again"):
        bank_vectors(questions, must_not_encode, tmp_path, "another model")


def test_a_corrupt_cache_file_is_encoded_again(tmp_path, embeddings) -> None:
    questions = ["What does a data engineer do?"]
    bank_vectors(questions, embeddings.encode_uncached, tmp_path, embeddings.sha256)
    for cached in tmp_path.glob("question-bank-*.npy"):
        cached.write_bytes(b"not an array")
    again = bank_vectors(questions, embeddings.encode_uncached, tmp_path, embeddings.sha256)
    assert again.shape == (1, embeddings.dimension)


def test_a_bank_needs_one_vector_per_question(tmp_path) -> None:
    entries = load_bank(write_bank(tmp_path / "b.jsonl", [("q?", ["x"])]))
    with pytest.raises(ValueError, match="one vector per bank question"):
        QuestionBank(entries, np.zeros((2, 384), dtype=np.float32))


def test_building_a_bank_leaves_out_every_question_of_the_excluded_files(tmp_path) -> None:
    source = tmp_path / "mine.jsonl"
    dev = load_items(DEV_SET)
    source.write_text("\n".join(json.dumps(line) for line in [
        {"id": "a", "type": "in_scope", "question": dev[0].question, "gold": dev[0].gold},
        {"id": "b", "type": "in_scope", "question": "What does a data engineer do all day?", "gold": ["data pipelines"]},
        {"id": "c", "type": "in_scope", "question": "what does a data engineer do all day?", "gold": ["data pipelines"]},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "bank.jsonl"
    result = run_cli("-m", "assistant.question_bank", str(out), str(source), "--exclude", str(DEV_SET))
    assert result.returncode == 0, result.stderr
    assert [e.question for e in load_bank(out)] == ["What does a data engineer do all day?"]


def test_building_a_bank_from_a_broken_file_says_which_line(tmp_path) -> None:
    source = tmp_path / "broken.jsonl"
    source.write_text("{not json\n", encoding="utf-8")
    result = run_cli("-m", "assistant.question_bank", str(tmp_path / "bank.jsonl"), str(source))
    assert result.returncode == 2 and "broken.jsonl:1" in result.stderr


def test_the_shipped_bank_holds_no_question_of_the_development_set() -> None:
    shipped = {fold(e.question) for e in load_bank(ROOT / "corpus" / "questions.jsonl")}
    dev_files = [DEV_SET] + ([SHARED_DEV] if SHARED_DEV.is_file() else [])
    assert not shipped & {fold(item.question) for path in dev_files for item in load_items(path)}


def test_every_shipped_bank_question_points_at_a_passage(bot) -> None:
    assert bot.corpus.bank is not None and bot.corpus.bank.stale == 0


def test_the_shipped_bank_is_every_in_scope_question_of_our_own_sets(tmp_path) -> None:
    built = tmp_path / "bank.jsonl"
    build_bank_file([p for p in sorted(FIXTURES.glob("*.jsonl")) if p.name != DEV_SET.name], [DEV_SET], built)
    shipped = {fold(e.question) for e in load_bank(ROOT / "corpus" / "questions.jsonl")}
    assert {fold(e.question) for e in load_bank(built)} == shipped, (
        "corpus/questions.jsonl is out of date: rebuild it with the command in the README's 'The question bank'")
