"""Misspelled question words are mended to the corpus's spelling; words, names and ambiguous typos are left alone."""

from __future__ import annotations

import pytest

from assistant.spelling import correct_spelling, vocabulary_of

VOCABULARY = vocabulary_of(["Hardware engineers build accelerators for machine learning.", "A card and a cart."])


def test_a_misspelled_word_is_mended_to_the_corpus_word_it_is_closest_to() -> None:
    assert correct_spelling("wat do hardwear engineers do for machine lerning stuff", VOCABULARY) == \
        "wat do hardware engineers do for machine learning stuff"


@pytest.mark.parametrize("question", ["What salary do hardware engineers get?", "I work at Deloitte",
                                      "who is shuttling the data?", "What do they do?"])
def test_english_words_and_names_are_left_as_written(question) -> None:
    assert correct_spelling(question, VOCABULARY) == question


def test_a_typo_as_close_to_two_corpus_words_is_left_as_written() -> None:
    assert correct_spelling("a carx", VOCABULARY) == "a carx"


def test_a_typo_far_from_every_corpus_word_is_left_as_written() -> None:
    assert correct_spelling("Is LeetCode useful?", VOCABULARY) == "Is LeetCode useful?"


def test_a_question_with_typos_is_answered_from_the_passage_it_means(bot) -> None:
    answer = bot.ask("wat do hardwear engineers do for machine lerning stuff")
    assert not answer.abstained and answer.sources[0].heading.endswith("Hardware Engineer"), answer.text
    assert "hardware" in answer.standalone_question
