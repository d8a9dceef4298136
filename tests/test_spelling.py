"""Misspelled question words are mended to the corpus's spelling; words, names and ambiguous typos are left alone."""

from __future__ import annotations

import pytest

from assistant.spelling import correct_spelling, vocabulary_of

VOCABULARY = vocabulary_of(["Hardware engineers build accelerators for machine learning.", "A card and a cart."])


def test_a_misspelled_word_is_mended_to_the_corpus_word_it_is_closest_to() -> None:
    assert correct_spelling("wat do hardwear engineers do for machine lerning stuff", VOCABULARY) == \
        "what do hardware engineers do for machine learning stuff"


@pytest.mark.parametrize("question", ["What salary do hardware engineers get?", "I work at Deloitte",
                                      "who is shuttling the data?", "What do they do?"])
def test_english_words_and_names_are_left_as_written(question) -> None:
    assert correct_spelling(question, VOCABULARY) == question


def test_a_typo_as_close_to_two_corpus_words_is_left_as_written() -> None:
    assert correct_spelling("a carx", VOCABULARY) == "a carx"


def test_a_name_holding_a_corpus_word_whole_is_no_typo_of_it() -> None:
    assert correct_spelling("mostly pandas and sklearn notebooks", vocabulary_of(["Engineers learn from data."])) == \
        "mostly pandas and sklearn notebooks"


def test_a_typo_far_from_every_corpus_word_is_left_as_written() -> None:
    assert correct_spelling("Is LeetCode useful?", VOCABULARY) == "Is LeetCode useful?"


@pytest.mark.parametrize("name", ["DeepL", "GitHub", "iOS"])
def test_a_name_with_a_capital_inside_it_is_never_mended(name) -> None:
    # "DeepL" is one edit from the corpus word "deep".
    vocabulary = vocabulary_of(["Deep learning and GitHub-free hardware for iOS and io."])
    assert correct_spelling(f"do companies like {name} hire linguists?", vocabulary) == f"do companies like {name} hire linguists?"


def test_a_question_with_typos_is_answered_from_the_passage_it_means(bot) -> None:
    answer = bot.ask("wat do hardwear engineers do for machine lerning stuff")
    assert not answer.abstained and answer.sources[0].heading.endswith("Hardware Engineer"), answer.text
    assert "hardware" in answer.standalone_question


DICTATION_VOCABULARY = vocabulary_of(["DevOps engineers use TensorFlow at Sertis.", "Adjust the data and update it."])


@pytest.mark.parametrize(("dictated", "meant"), [("what do dev ops engineers do", "what do devops engineers do"),
                                                 ("is tensor flow hard", "is tensorflow hard"),
                                                 ("whats it like working at sir tis", "whats it like working at sertis")])
def test_a_word_dictation_split_in_two_is_joined(dictated, meant) -> None:
    assert correct_spelling(dictated, DICTATION_VOCABULARY) == meant


@pytest.mark.parametrize("question", ["I'm a lawyer and just curious", "I keep mixing up data scientists",
                                      "pick any one of them"])
def test_two_words_that_happen_to_spell_a_corpus_word_stay_two_words(question) -> None:
    assert correct_spelling(question, DICTATION_VOCABULARY) == question


def test_male_engineer_is_heard_as_ml_engineer() -> None:
    assert correct_spelling("um what does a male engineer do i mean machine learning engineer not male lol",
                            DICTATION_VOCABULARY) == "um what does an ML engineer do i mean machine learning engineer lol"


def test_a_question_about_the_sexes_keeps_male() -> None:
    question = "are there more female engineers than male engineers in ML?"
    assert correct_spelling(question, DICTATION_VOCABULARY) == question


def test_a_dictated_question_with_a_split_name_is_answered(bot) -> None:
    answer = bot.ask("whats the deal with the dev ops engineer like what are they in charge of")
    assert not answer.abstained, answer.note
    assert "DevOps" in answer.sources[0].text


def test_a_dictated_question_on_a_companys_culture_is_answered_from_its_environment(bot) -> None:
    answer = bot.ask("whats it like working at sir tis like the culture do you get to learn stuff from other teams or no")
    assert not answer.abstained, answer.note
    assert "Sertizens" in " ".join(s.text for s in answer.sources)


@pytest.mark.parametrize(("typed", "meant"), [
    ("wat does an ml eng do all day", "what does an ml engineer do all day"),
    ("devops ppl in ml, what r they responsible for", "devops people in ml, what are they responsible for"),
    ("r certificates worth it", "are certificates worth it"),
    ("do they work w other engineers or alone", "do they work with other engineers or alone"),
    ("wats a data pipeline n who builds them", "what's a data pipeline and who builds them"),
    ("what kinda steps come b4 building anything", "what kind of steps come before building anything"),
    ("if ur building a robot can u say", "if your building a robot can you say"),
])
def test_chat_short_forms_typed_on_a_phone_are_written_out(typed, meant) -> None:
    assert correct_spelling(typed, VOCABULARY) == meant


@pytest.mark.parametrize("question", ["do ml engineers use python or R or both?", "are jobs in the U.S. different?",
                                      "what does an n-gram model do"])
def test_letters_that_are_names_stay_as_written(question) -> None:
    assert correct_spelling(question, VOCABULARY) == question


def test_a_follow_up_typed_on_a_phone_asks_about_the_role_it_shortens(bot) -> None:
    sources = bot.retrieve("and for ml eng?", history=[["what skills does a software eng need", "Java, C++ and Python."]], k=1)
    assert "mathematics and statistics" in sources[0].text
