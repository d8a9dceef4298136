"""The sentence-support check: quotes and paraphrases pass, invented claims and bad citations do not."""

from __future__ import annotations

import pytest

from assistant.eval import load_items
from assistant.verification import SentenceCheck, check_answer, split_cited_sentences
from conftest import DEV_SET

# Three passages of the real corpus (machine learning engineers), numbered [1] [2] [3] in the tests.
PASSAGES = [
    "A machine learning engineer's main task is building machine learning models, a branch of artificial "
    "intelligence that can independently learn and process data to generate results based on specific commands. "
    "For instance, we can train a model using weather data and instruct it to forecast future weather patterns.",
    "A machine learning engineer’s main focus is developing new machine learning models and algorithms. "
    "Therefore, they collaborate closely with data scientists and programmers to provide reliable and effective answers.",
    "Engineers specializing in machine learning create platforms and algorithms to help businesses learn from data. "
    "Their primary duty is to develop artificial intelligence (AI) tools and infrastructure that will allow machine "
    "learning to be used in production and at scale.",
]


def _one(text: str, embeddings, passages=PASSAGES) -> SentenceCheck:
    checks = check_answer(text, passages, embeddings)
    assert len(checks) == 1, checks
    return checks[0]


def test_split_reads_markers_before_and_after_the_full_stop() -> None:
    assert split_cited_sentences("Models learn [1]. They scale. [2] Done [1, 3].") == [
        ("Models learn.", (1,)), ("They scale.", (2,)), ("Done.", (1, 3))]


def test_split_ends_a_cited_sentence_before_a_quoted_sentence_in_lower_case() -> None:
    # The corpus writes "…practical work. a software engineer is responsible…"; the answer quotes both, cited.
    assert split_cited_sentences("They collaborate on the work. [1] a software engineer builds the app. [1]") == [
        ("They collaborate on the work.", (1,)), ("a software engineer builds the app.", (1,))]


def test_split_joins_adjacent_markers_and_gives_a_lone_marker_to_the_sentence_before() -> None:
    assert split_cited_sentences("Models learn [1][2].\n[3]\nNext one.") == [("Models learn.", (1, 2, 3)), ("Next one.", ())]


def test_split_reads_bullets_and_bold_as_plain_sentences() -> None:
    assert split_cited_sentences("- **Python** is used [2]\n- SQL too [1]") == [("Python is used", (2,)), ("SQL too", (1,))]


def test_empty_answer_has_no_checks(embeddings) -> None:
    assert check_answer("", PASSAGES, embeddings) == []


def test_quoted_sentence_is_supported_by_the_passage_it_cites(embeddings) -> None:
    check = _one("Therefore, they collaborate closely with data scientists and programmers to provide reliable "
                 "and effective answers. [2]", embeddings)
    assert (check.supported, check.support, check.score, check.citations) == (True, 2, 1.0, (2,))


def test_faithful_paraphrase_is_supported(embeddings) -> None:
    check = _one("The main job of a machine learning engineer is building models that learn from data on their own [1].",
                 embeddings)
    assert check.supported and check.support == 1 and 0.5 < check.score <= 1.0, check


def test_sentence_combining_two_cited_passages_is_supported(embeddings) -> None:
    check = _one("ML engineers build ML models and collaborate with data scientists and programmers [1][2].", embeddings)
    assert check.supported and check.support in (1, 2), check


def test_invented_salary_figures_are_unsupported_and_named(embeddings) -> None:
    check = _one("Machine learning engineers earn between $120,000 and $160,000 a year [1].", embeddings)
    assert not check.supported
    assert "$120,000" in check.reason, check.reason


def test_salary_claim_without_numbers_is_unsupported_although_on_topic(embeddings) -> None:
    check = _one("Machine learning engineers often earn a competitive salary [1].", embeddings)
    assert not check.supported
    assert "'salary'" in check.reason, check.reason


def test_invented_recipe_is_unsupported(embeddings) -> None:
    check = _one("To bake bread, mix flour, water and yeast [2].", embeddings)
    assert not check.supported and "'bread'" in check.reason, check.reason


def test_tools_no_passage_names_are_unsupported(embeddings) -> None:
    check = _one("Machine learning engineers deploy their models with Kubernetes and Docker [3].", embeddings)
    assert not check.supported and "'Kubernetes'" in check.reason, check.reason


def test_citation_beyond_the_sources_is_reported_even_when_another_passage_supports_it(embeddings) -> None:
    check = _one("They collaborate closely with data scientists [7].", embeddings)
    assert check.citations == (7,) and check.support == 2
    assert check.reason.startswith("cites [7] but there are 3 sources"), check.reason


def test_sentence_supported_only_by_an_uncited_passage_names_that_passage(embeddings) -> None:
    check = _one("A machine learning engineer can train a model on weather data to forecast the weather [3].", embeddings)
    assert check.supported and check.support == 1
    assert "not by the cited [3]" in check.reason, check.reason


def test_sentence_denying_what_the_passage_states_is_unsupported(embeddings) -> None:
    check = _one("Machine learning engineers do not collaborate with data scientists and programmers [2].", embeddings)
    assert not check.supported and check.reason == "contradicts [2]: one negates what the other states", check


def test_not_only_is_not_read_as_a_denial(embeddings) -> None:
    check = _one("Machine learning engineers not only develop models but also collaborate closely with data "
                 "scientists and programmers [2].", embeddings)
    assert check.supported, check


def test_filler_without_content_is_unsupported(embeddings) -> None:
    check = _one("I hope this helps!", embeddings)
    assert not check.supported and check.reason.startswith("cites no source"), check.reason


def test_rarity_weights_let_a_paraphrase_keep_a_word_of_its_own(embeddings, bot) -> None:
    text = "Machine learning engineers collaborate closely with data scientists and programmers, which is crucial [2]."
    assert _one(text, embeddings).supported
    assert check_answer(text, PASSAGES, embeddings, idf=bot.corpus.idf)[0].supported


@pytest.mark.parametrize("item", [i for i in load_items(DEV_SET) if i.answerable], ids=lambda i: i.id)
def test_every_extractive_answer_sentence_is_judged_supported_by_its_citation(bot, embeddings, item) -> None:
    answer = bot.ask(item.question, history=item.history)
    # What a citation may be quoted from: its passage under its heading (a list, or a sentence that leans on it).
    checks = check_answer(answer.text, [s.quotable_text for s in answer.sources], embeddings, idf=bot.corpus.idf)
    assert checks and all(c.supported and c.support in c.citations and c.score == 1.0 for c in checks), checks
