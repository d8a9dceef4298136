"""The support check: quotes and faithful paraphrases pass, inventions and bad citations do not."""

from __future__ import annotations

import pytest

from assistant.verification import check_answer, faithfulness, split_cited_sentences

DEVOPS = ("DevOps engineers act as links between the design and operations sides of companies. Their main concern is "
          "making deploying and managing machine learning systems easier and more automated. Also, they use software "
          "like Docker, Kubernetes, and Jenkins to ensure the ML apps roll out without a hitch.")
DATA = "Data engineers create and maintain data pipelines, facilitating the smooth information transfer."


def test_citations_are_read_before_or_after_the_full_stop() -> None:
    assert split_cited_sentences("A sentence [1]. Another one. [2][3] Last [1]") == [
        ("A sentence.", (1,)), ("Another one.", (2, 3)), ("Last", (1,))]


def test_a_quoted_sentence_is_supported_by_the_passage_it_cites(embeddings) -> None:
    [check] = check_answer("DevOps engineers act as links between the design and operations sides of companies. [1]",
                           [DEVOPS, DATA], embeddings)
    assert check.supported and check.cited_support and check.support == 1 and check.citation_valid


def test_a_faithful_paraphrase_is_supported(embeddings) -> None:
    [check] = check_answer("DevOps engineers use Docker, Kubernetes and Jenkins to roll out ML apps [1].", [DEVOPS], embeddings)
    assert check.supported and check.citation_valid


@pytest.mark.parametrize("invented, word", [
    ("DevOps engineers earn a salary of $150,000 per year [1].", "salary"),
    ("DevOps engineers also rely on Terraform and Ansible [1].", "terraform"),
    ("To bake bread, mix flour and water [1].", "bread"),
])
def test_an_invented_claim_is_unsupported_and_names_the_missing_words(embeddings, invented, word) -> None:
    [check] = check_answer(invented, [DEVOPS, DATA], embeddings)
    assert not check.supported and not check.citation_valid and word in check.reason


def test_a_citation_to_a_missing_source_is_invalid_even_when_the_claim_is_true(embeddings) -> None:
    [check] = check_answer("DevOps engineers act as links between the design and operations sides of companies [3].",
                           [DEVOPS, DATA], embeddings)
    assert check.supported and not check.citation_valid and "cites [3] but there are 2 sources" == check.reason


def test_a_claim_citing_the_wrong_passage_is_supported_but_not_by_its_citation(embeddings) -> None:
    [check] = check_answer("Data engineers create and maintain data pipelines [1].", [DEVOPS, DATA], embeddings)
    assert check.supported and check.support == 2 and not check.citation_valid


def test_faithfulness_is_the_share_of_sentences_their_citations_support(embeddings) -> None:
    checks = check_answer("Data engineers create and maintain data pipelines [2]. They earn a large salary [2].",
                          [DEVOPS, DATA], embeddings)
    assert faithfulness(checks) == 0.5 and faithfulness([]) is None
