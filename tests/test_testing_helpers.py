"""The pytest helpers fail with messages that show the question, the passages and what was missing."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.testing import AssistantAssertionError, assert_abstains, assert_answers, assert_grounded, assert_retrieves


def test_assert_retrieves_returns_the_passages_when_gold_is_in_the_top_k(bot) -> None:
    sources = assert_retrieves(bot, "Which tools do DevOps engineers use?", ["Docker, Kubernetes, and Jenkins"])
    assert len(sources) == 4


def test_assert_retrieves_failure_shows_question_passages_and_gold(bot) -> None:
    with pytest.raises(AssistantAssertionError) as failure:
        assert_retrieves(bot, "Which tools do DevOps engineers use?", ["a phrase no article contains"])
    message = str(failure.value)
    assert "question: Which tools do DevOps engineers use?" in message
    assert "[1] Which Engineer Works on Machine?" in message and "a phrase no article contains" in message
    assert "no passage in the top 20 contains it" in message


def test_assert_retrieves_failure_shows_how_a_follow_up_was_read(bot) -> None:
    with pytest.raises(AssistantAssertionError, match="read as: What tools do DevOps engineers use"):
        assert_retrieves(bot, "What tools do they use?", ["not in the corpus"],
                         history=[["What does a DevOps engineer do?", ""]])


def test_assert_abstains_fails_on_an_answered_question_and_shows_the_answer(bot) -> None:
    with pytest.raises(AssistantAssertionError, match="answered a question it should decline") as failure:
        assert_abstains(bot, "What does a data engineer do?")
    assert "answer:" in str(failure.value) and "[1]" in str(failure.value)


def test_assert_answers_fails_on_an_abstention_and_says_why(bot) -> None:
    with pytest.raises(AssistantAssertionError, match="abstained") as failure:
        assert_answers(bot, "What is the salary of a data engineer in Bangkok?")
    assert "why: no passage speaks of" in str(failure.value)


def test_assert_answers_names_a_missing_fact(bot) -> None:
    with pytest.raises(AssistantAssertionError, match="does not mention 'Terraform'"):
        assert_answers(bot, "Which tools do DevOps engineers use?", facts=["Kubernetes", "Terraform"])


def test_assert_grounded_rejects_a_citation_to_a_missing_source(bot) -> None:
    answer = bot.ask("Which tools do DevOps engineers use?")
    tampered = dataclasses.replace(answer, text=answer.text + " They also deploy to the moon [9].")
    with pytest.raises(AssistantAssertionError, match=r"cites \[9\]"):
        assert_grounded(tampered)


def test_assert_grounded_with_the_model_rejects_an_invented_claim(bot) -> None:
    answer = bot.ask("Which tools do DevOps engineers use?")
    tampered = dataclasses.replace(answer, text=answer.text + " DevOps engineers earn a salary of $150,000 [1].")
    with pytest.raises(AssistantAssertionError, match="salary"):
        assert_grounded(tampered, bot)
    assert_grounded(answer, bot)
