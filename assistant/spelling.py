"""Misspelled question words mended to the corpus's own spelling: "wat do hardwear engineers do for machine lerning".

Chat questions arrive with typos, and a typo is a word no passage uses: the gate weighs it as a topic the articles
never treat ("hardwear") and refuses, and BM25 and the vectors miss the word. A question word is mended when it is
neither a corpus word nor an English word (wordfreq's Zipf frequency below 2: "hardwear" 1.4, "lerning" 0; "shuttling"
2.3, "salary" 4.4 and "Deloitte" 3.0 are words and stay as written) and exactly one corpus word, of four letters or
more, lies within one edit (two for words of seven letters or more). The edit distance comes from rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract
from wordfreq import zipf_frequency

# Below this Zipf frequency a word is no English word (or a very rare one): a typo candidate.
MAX_TYPO_ZIPF = 2.0
MIN_LENGTH = 4
# Words this long may be two edits away ("hardwear" → "hardware"); shorter ones one ("enginer" is seven letters).
TWO_EDITS_FROM = 7
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def _is_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= MAX_TYPO_ZIPF


@lru_cache(maxsize=4096)
def _mend(word: str, vocabulary: frozenset[str]) -> str:
    edits = 2 if len(word) >= TWO_EDITS_FROM else 1
    near = extract(word, vocabulary, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
    if not near:
        return word
    best = min(distance for _, distance, _ in near)
    closest = [candidate for candidate, distance, _ in near if distance == best]
    return closest[0] if len(closest) == 1 else word


def correct_spelling(text: str, vocabulary: frozenset[str]) -> str:
    """`text` with each misspelled word replaced by the one corpus word (lower case, in `vocabulary`) it is closest to."""

    def mend(match: re.Match) -> str:
        word = match.group(0)
        lower = word.lower()
        if len(lower) < MIN_LENGTH or lower in vocabulary or "'" in lower or _is_word(lower):
            return word
        mended = _mend(lower, vocabulary)
        return word if mended == lower else mended

    return _WORD.sub(mend, text)


def vocabulary_of(texts: Collection[str]) -> frozenset[str]:
    """The lower-case words of `texts` that a misspelling may be mended to: four letters or more."""
    return frozenset(w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= MIN_LENGTH and "'" not in w)
