"""Token-level matching with the real MiniLM: late interaction, the passage token cache, word alignment."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.alignment import PassageTokens, WordAligner, content_rows, max_sim


@dataclass(frozen=True)
class Passage:
    heading: str
    text: str


class CountingEncoder:
    """The real model, counting how many texts it was asked to encode."""

    def __init__(self, embeddings) -> None:
        self.embeddings = embeddings
        self.encoded = 0

    def token_vectors(self, texts):
        self.encoded += len(texts)
        return self.embeddings.token_vectors(texts)


def test_question_tokens_come_from_the_same_pass_as_its_vector(embeddings) -> None:
    vector, tokens = embeddings.encode_with_tokens("What tools do DevOps engineers use?")
    assert np.allclose(vector, embeddings.encode(["What tools do DevOps engineers use?"])[0], atol=1e-5)
    assert len(tokens.vectors) == len(tokens.spans) and np.allclose(np.linalg.norm(tokens.vectors, axis=1), 1, atol=1e-4)


def test_content_rows_leave_out_stopwords_and_question_framing(embeddings) -> None:
    text = "What tools do DevOps engineers use?"
    _, tokens = embeddings.encode_with_tokens(text)
    rows = content_rows(text, tokens)
    kept = {text[a:b].lower() for (a, b), v in zip(tokens.spans, tokens.vectors) if any(np.array_equal(v, r) for r in rows)}
    assert "what" not in kept and "use" not in kept and "?" not in kept
    assert "tools" in kept and "engineers" in kept


def test_late_interaction_prefers_the_passage_that_paraphrases_the_question(embeddings) -> None:
    text = "I love tinkering and trying variations until something works."
    _, tokens = embeddings.encode_with_tokens(text)
    query = content_rows(text, tokens)
    on_topic, off_topic = embeddings.token_vectors([
        "They need an open mind to experiment and iterate on their models.",
        "They are accountable for information gathering, archiving and processing.",
    ])
    assert max_sim(query, on_topic.vectors) > max_sim(query, off_topic.vectors)


def test_a_reworded_word_aligns_closer_than_a_topic_the_passage_never_treats(embeddings) -> None:
    passage = embeddings.token_vectors(["They often need an open mind to experiment and iterate on their models."])[0]

    def similarity(question: str, word: str) -> float:
        _, tokens = embeddings.encode_with_tokens(question)
        return WordAligner(question, tokens, [passage.vectors]).similarity(word)

    reworded = similarity("I love tinkering with models and trying variations.", "tinkering")
    assert reworded > similarity("What salary do people who build models earn?", "salary")
    assert reworded > similarity("Which bootcamp teaches people to build models?", "bootcamp")
    assert similarity("Which bootcamp teaches people to build models?", "salary") == 0.0  # not in the question


def test_passage_tokens_are_encoded_once_and_the_cache_stays_bounded(embeddings) -> None:
    encoder = CountingEncoder(embeddings)
    passages = {f"p{i}": Passage("Heading", f"Passage number {i} about data pipelines.") for i in range(5)}
    cache = PassageTokens(encoder, capacity=3)
    first = cache.get(["p0", "p1"], passages)
    again = cache.get(["p0", "p1", "unknown"], passages)
    assert encoder.encoded == 2 and set(again) == {"p0", "p1"} and np.array_equal(first["p0"], again["p0"])
    cache.get(["p2", "p3", "p4"], passages)
    assert len(cache) == 3
