"""The embedding model's own behaviour: vectors of texts seen before come from a bounded cache."""

from __future__ import annotations

import numpy as np

from assistant.embeddings import LocalEmbeddings
from assistant.config import MINILM_SHA256


def test_a_text_encoded_before_is_served_from_the_cache_with_the_models_vector(embeddings) -> None:
    texts = ["Cache probe: engineers build data pipelines.", "Cache probe: models learn from examples."]
    before = embeddings.cache_hits
    first = embeddings.encode(texts[:1])
    both = embeddings.encode(texts)
    assert embeddings.cache_hits - before == 1
    assert np.array_equal(both[0], first[0])
    direct = embeddings.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    assert np.allclose(both, direct, atol=1e-5)


def test_a_repeated_text_in_one_call_gets_one_row_each() -> None:
    model = LocalEmbeddings(expected_sha256=MINILM_SHA256, cache_size=2)
    vectors = model.encode(["same text", "other text", "same text"])
    assert vectors.shape == (3, model.dimension) and np.array_equal(vectors[0], vectors[2])


def test_the_cache_forgets_the_least_recently_used_text_beyond_its_size() -> None:
    model = LocalEmbeddings(expected_sha256=MINILM_SHA256, cache_size=2)
    model.encode(["first", "second"])
    model.encode(["first"])  # now the most recently used
    model.encode(["third"])
    hits = model.cache_hits
    model.encode(["first", "third"])
    assert model.cache_hits - hits == 2
    model.encode(["second"])
    assert model.cache_hits - hits == 2  # "second" was forgotten and encoded again
