"""The question-file format read by `python -m assistant.eval` and the test helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.eval import QuestionFileError, is_hit, load_items


def _write(tmp_path: Path, *rows: dict) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_history_as_user_assistant_pairs_is_read_as_pairs(tmp_path: Path) -> None:
    path = _write(tmp_path, {"id": "a", "type": "followup", "question": "What tools do they use?",
                             "history": [["What does a data engineer do?", "They build pipelines."]]})
    assert load_items(path)[0].history == [["What does a data engineer do?", "They build pipelines."]]


def test_history_as_chat_messages_is_read_as_the_same_pairs(tmp_path: Path) -> None:
    path = _write(tmp_path, {"id": "a", "type": "followup", "question": "What tools do they use?",
                             "history": [{"role": "user", "content": "What does a data engineer do?"},
                                         {"role": "assistant", "content": "They build pipelines."}]})
    assert load_items(path)[0].history == [["What does a data engineer do?", "They build pipelines."]]


def test_a_history_turn_of_another_shape_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, {"id": "a", "type": "followup", "question": "And them?", "history": [{"speaker": "me"}]})
    with pytest.raises(QuestionFileError, match="questions.jsonl:1"):
        load_items(path)


def test_an_unknown_item_type_names_the_valid_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, {"id": "a", "type": "follow_up", "question": "And them?"})
    with pytest.raises(QuestionFileError, match="followup"):
        load_items(path)


def test_a_gold_phrase_spanning_two_list_items_of_the_source_page_hits_the_passage() -> None:
    # Pages set list items as plain lines; the corpus marks them "- ".
    passage = "## Essential skills\n\n- Strong foundation in mathematics and statistics\n- Proficiency in algorithms"
    assert is_hit(passage, ["Strong foundation in mathematics and statistics\nProficiency in algorithms"])


def test_a_gold_phrase_the_passage_does_not_contain_misses() -> None:
    passage = "- Strong foundation in mathematics and statistics\n- Proficiency in algorithms"
    assert not is_hit(passage, ["Strong foundation in physics"])
