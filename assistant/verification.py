"""Does each sentence of an answer say only what its passages say? The support check behind
faithfulness in the evaluation, the pytest helpers and the verification of generated answers.

A sentence is supported by a passage when both hold: the passage has a sentence close to it in
meaning (embedding cosine), and the passage uses most of its content words (stems, so "deploys"
matches "deployment"). The word test is what catches a fluent invention: "ML engineers earn a
salary of $150k" is close in meaning to many passages, but no passage says "salary" or "150k".
Quotes of a passage are always supported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .text import content_stems, expand_abbreviations, split_sentences, tokens

# Cosine to the closest passage sentence that a faithful paraphrase reaches with all-MiniLM-L6-v2;
# unrelated sentences on the same topic sit around 0.3-0.45.
MIN_SIMILARITY = 0.5
# Share of a sentence's content words the passage must use; leaves room for a paraphrase's own
# connecting words ("mainly", "usually") but not for a new claim.
MIN_COVERAGE = 0.67
_CITATION = re.compile(r"\[(\d+)\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[A-Z0-9])|(?<=\])\s+(?=[\"“(A-Z0-9])")


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class SentenceCheck:
    """The verdict on one answer sentence."""

    sentence: str                 # the sentence without its [n] markers
    citations: tuple[int, ...]    # the [n] numbers it carried (1-based)
    supported: bool               # some passage supports it
    support: int | None           # 1-based number of the passage that best supports it (cited ones first)
    score: float                  # support strength 0..1
    reason: str
    cited_support: bool = False   # one of the passages it cites supports it

    @property
    def citation_valid(self) -> bool:
        """It cites something, every number exists, and a cited passage supports it."""
        return bool(self.citations) and self.cited_support


def split_cited_sentences(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Sentences of an answer with the citation numbers each carries ("A [1]. B [2][3]" or "A. [1] B. [2]")."""
    out: list[tuple[str, tuple[int, ...]]] = []
    for piece in _SENTENCE_END.split(text.strip()):
        numbers = tuple(int(n) for n in _CITATION.findall(piece))
        sentence = re.sub(r"\s+([.,;:!?])", r"\1", _CITATION.sub("", piece)).strip()
        if sentence and re.search(r"\w", sentence):
            out.append((sentence, numbers))
        elif numbers and out:  # a citation standing alone after the sentence it belongs to
            out[-1] = (out[-1][0], out[-1][1] + numbers)
    return out


def _covered(term: str, stems: set[str]) -> bool:
    if term in stems:
        return True
    return len(term) >= 5 and any(s.startswith(term) or (len(s) >= 5 and term.startswith(s)) for s in stems)


def _fold(text: str) -> str:
    return " ".join(tokens(text))


def check_answer(text: str, passages: Sequence[str], embeddings: Encoder) -> list[SentenceCheck]:
    """Judge every sentence of `text` against `passages` ([1] is passages[0])."""
    pieces = split_cited_sentences(text)
    if not pieces:
        return []
    passage_sentences = [split_sentences(p) or [p] for p in passages]
    flat = [s for group in passage_sentences for s in group]
    vectors = embeddings.encode([s for s, _ in pieces] + flat) if flat else embeddings.encode([s for s, _ in pieces])
    sentence_vectors, passage_vectors = vectors[: len(pieces)], vectors[len(pieces):]
    owner = [i for i, group in enumerate(passage_sentences) for _ in group]
    passage_stems = [set(content_stems(expand_abbreviations(p))) for p in passages]
    folded_passages = [_fold(p) for p in passages]

    checks = []
    for (sentence, citations), vector in zip(pieces, sentence_vectors):
        similarity = np.zeros(len(passages))
        if flat:
            sims = passage_vectors @ vector
            for j, value in zip(owner, sims):
                similarity[j] = max(similarity[j], float(value))
        terms = set(content_stems(expand_abbreviations(sentence)))
        surface = {stem_word: word for word in tokens(expand_abbreviations(sentence)) for stem_word in content_stems(word)}
        folded = _fold(sentence)
        scores, missing_by = [], []
        for j in range(len(passages)):
            if folded and folded in folded_passages[j]:
                scores.append(1.0)
                missing_by.append([])
                continue
            missing = [t for t in terms if not _covered(t, passage_stems[j])]
            coverage = 1 - len(missing) / len(terms) if terms else 1.0
            ok = coverage >= MIN_COVERAGE and similarity[j] >= MIN_SIMILARITY
            scores.append((coverage + similarity[j]) / 2 if ok else min(coverage, similarity[j]) / 2)
            missing_by.append(missing)
        valid = [n for n in citations if 1 <= n <= len(passages)]
        supporting = [j for j in range(len(passages)) if _supports(scores[j])]
        cited = [n - 1 for n in valid if (n - 1) in supporting]
        best = (max(cited, key=lambda j: scores[j]) if cited else
                max(supporting, key=lambda j: scores[j]) if supporting else None)
        invalid = [n for n in citations if n not in valid]
        if invalid:
            reason = f"cites [{invalid[0]}] but there {'is' if len(passages) == 1 else 'are'} {len(passages)} source{'s' * (len(passages) != 1)}"
        elif best is None:
            nearest = int(np.argmax(scores)) if scores else None
            words = sorted((surface.get(t, t) for t in missing_by[nearest]), key=lambda w: (-len(w), w))[:3] if nearest is not None else []
            reason = (f"no passage says {', '.join(repr(w) for w in words)}" if words
                      else "no passage says this")
        elif citations and not cited:
            reason = f"supported by [{best + 1}], not by the passage it cites"
        else:
            reason = f"supported by [{best + 1}]"
        checks.append(SentenceCheck(sentence, citations, best is not None, None if best is None else best + 1,
                                    round(max(scores) if scores else 0.0, 4), reason, bool(cited) and not invalid))
    return checks


def _supports(score: float) -> bool:
    # Scores of passages that fail either test are at most 0.5; passing both gives at least this.
    return score >= (MIN_COVERAGE + MIN_SIMILARITY) / 2


def faithfulness(checks: Sequence[SentenceCheck]) -> float | None:
    """Share of sentences some cited passage supports (None for an empty answer)."""
    return sum(c.cited_support for c in checks) / len(checks) if checks else None
