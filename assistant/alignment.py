"""Word-level matching of a question against passages with MiniLM's contextual token vectors.

A sentence vector squeezes a question into one point, so a paraphrase that shares no words with the
passage ("I love tinkering and trying variations") loses to a passage that merely names the same role.
Token vectors keep every word, read in its context: each content word of the question looks for its
closest counterpart among the passage's word pieces ("tinkering" finds "experiment"). Two uses:

- late interaction (ColBERT's MaxSim, here with the untrained MiniLM): the mean over the question's
  content words of their best match in a passage, a ranking signal fused with the others;
- soft coverage for the relevance gate: how well one word of the question is matched by the passages
  at all, so a paraphrased word is not mistaken for a topic the corpus never treats ("salary").

The question's token vectors come from the same forward pass as its sentence vector; passage token
vectors are computed once per passage id (ids are content hashes, so an edit gets new vectors) and kept
in a bounded cache.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Protocol

import numpy as np

from .embeddings import TokenVectors
from .text import FRAME_WORDS, STOPWORDS, find_word

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:['’-][A-Za-z0-9+#]+)*")


class TokenEncoder(Protocol):
    def token_vectors(self, texts: list[str]) -> list[TokenVectors]: ...


class PassageLike(Protocol):
    @property
    def heading(self) -> str: ...

    @property
    def text(self) -> str: ...


def passage_token_text(passage: PassageLike) -> str:
    """What a passage's token vectors are computed from: its section heading, then its text."""
    return f"{passage.heading}\n{passage.text}" if passage.heading else passage.text


def content_rows(text: str, tokens: TokenVectors) -> np.ndarray:
    """The token vectors of the question's content words (stopwords and career-question framing left out).

    A question of nothing but such words keeps all its tokens, so it still has something to match.
    """
    content = [(m.start(), m.end()) for m in _WORD.finditer(text)
               if m.group(0).lower() not in STOPWORDS and m.group(0).lower() not in FRAME_WORDS]
    keep = [i for i, (start, end) in enumerate(tokens.spans)
            if any(a <= start and end <= b for a, b in content) and any(c.isalnum() for c in text[start:end])]
    return tokens.vectors[keep] if keep else tokens.vectors


def max_sim(query_rows: np.ndarray, passage_rows: np.ndarray) -> float:
    """Late interaction: each query token's best cosine in the passage, averaged over the query tokens."""
    if not len(query_rows) or not len(passage_rows):
        return 0.0
    return float((query_rows @ passage_rows.T).max(axis=1).mean())


class PassageTokens:
    """Token vectors of passages by id, computed on first use (in one batch) and kept up to `capacity`."""

    def __init__(self, encoder: TokenEncoder, capacity: int = 1024) -> None:
        self.encoder = encoder
        self.capacity = capacity
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._cache)

    def get(self, ids: Iterable[str], passages: Mapping[str, PassageLike]) -> dict[str, np.ndarray]:
        """Token matrices (float16 rows) of the passages with these ids; unknown ids are skipped."""
        wanted = [pid for pid in dict.fromkeys(ids) if pid in passages]
        with self._lock:
            found = {pid: self._cache[pid] for pid in wanted if pid in self._cache}
            for pid in found:
                self._cache.move_to_end(pid)
        missing = [pid for pid in wanted if pid not in found]
        if missing:
            # Encoded outside the lock: two threads may both encode a passage once, never block each other.
            computed = self.encoder.token_vectors([passage_token_text(passages[pid]) for pid in missing])
            fresh = {pid: tv.vectors.astype(np.float16) for pid, tv in zip(missing, computed)}
            with self._lock:
                for pid, rows in fresh.items():
                    self._cache[pid] = rows
                    self._cache.move_to_end(pid)
                while len(self._cache) > self.capacity:
                    self._cache.popitem(last=False)
            found.update(fresh)
        return found

    def warm(self, passages: Mapping[str, PassageLike]) -> None:
        """Compute what is not cached yet, up to the capacity (first passages first)."""
        self.get(list(passages)[: self.capacity], passages)


class WordAligner:
    """How well single words of a question are matched, in context, by a set of passages."""

    def __init__(self, text: str, tokens: TokenVectors, passage_rows: Iterable[np.ndarray]) -> None:
        self.text = text
        self.tokens = tokens
        rows = [r for r in passage_rows if len(r)]
        self.passages = np.concatenate(rows).astype(np.float32) if rows else np.zeros((0, tokens.vectors.shape[1]), np.float32)

    def similarity(self, word: str) -> float:
        """Best cosine of the word's pieces (first place it occurs in the question) in the passages; 0 if absent."""
        match = find_word(word, self.text)
        if not match or not len(self.passages):
            return 0.0
        rows = [i for i, (start, end) in enumerate(self.tokens.spans) if match.start() <= start and end <= match.end()]
        if not rows:
            return 0.0
        return max_sim(self.tokens.vectors[rows], self.passages)
