"""The relevance gate: do the retrieved passages actually answer the question?

A similarity threshold alone cannot tell "salary of an ML engineer" (close to every passage about
ML engineers) from a genuine paraphrase. The gate therefore asks which of the question's key terms
the passages speak of: each content word is weighted by its rarity in the corpus (words the corpus
never uses weigh most), a word counts as covered when the retrieved passages use its stem, and the
question is out of scope when the uncovered words carry too much of the weight ("salary", "CEO",
"recipe"). Words that only frame a career question ("job", "need", "good at") carry no weight.
"""

from __future__ import annotations

from dataclasses import dataclass

from .followups import role_keys, roles_overlap
from .retrieval import Corpus, Scored
from .text import ABBREVIATIONS, FRAME_STEMS, FRAME_WORDS, STOPWORDS, expand_abbreviations, split_sentences, stem, tokens


# Share of the question's term weight that may be absent from every retrieved passage when the
# best passage is only loosely similar; the closer the passage, the more unmatched wording (a
# paraphrase's "handle", "connect") is tolerated, up to MAX_TOLERATED.
MAX_MISSING_SHARE = 0.40
TOLERANCE_START, TOLERANCE_SLOPE, MAX_TOLERATED = 0.40, 2.5, 0.95
# Below this fused score nothing retrieved is about the question at all.
MIN_SCORE = 0.22


@dataclass(frozen=True)
class Verdict:
    answerable: bool
    missing: tuple[str, ...]
    missing_share: float
    best_score: float

    @property
    def reason(self) -> str:
        if self.answerable:
            return "the passages cover the question's key terms"
        if self.missing:
            return f"no passage speaks of {', '.join(repr(w) for w in self.missing)}"
        return "no passage is close to the question"


def key_terms(question: str) -> dict[str, str]:
    """Content stems of a question mapped to the word the user wrote, frame words left out."""
    terms: dict[str, str] = {}
    for word in tokens(expand_abbreviations(question)):
        if word in STOPWORDS or word in ABBREVIATIONS or len(word) < 2 and word not in {"r", "c"}:
            continue  # a short form is judged by its spelled-out words, which follow it
        s = stem(word)
        if s not in FRAME_STEMS and word not in FRAME_WORDS:
            terms.setdefault(s, word)
    return terms


def judge(question: str, top: list[Scored], corpus: Corpus) -> Verdict:
    """Whether the passages in `top` answer `question` (or, for a message of several sentences, one of them).

    "I'm a student in Bangkok. What does a data engineer do?" is answerable though "student" and
    "Bangkok" are nowhere: each sentence is judged on its own, and the message passes when one does.
    """
    parts = [p for p in split_sentences(question) if key_terms(p)]
    if len(parts) > 1:
        verdicts = [_judge_one(p, top, corpus) for p in parts]
        passing = [v for v in verdicts if v.answerable]
        return passing[0] if passing else max(verdicts, key=lambda v: v.missing_share)
    return _judge_one(question, top, corpus)


def _judge_one(question: str, top: list[Scored], corpus: Corpus) -> Verdict:
    best = top[0].score if top else 0.0
    if not top or best < MIN_SCORE:
        return Verdict(False, (), 1.0, best)
    terms = key_terms(question)
    if not terms:
        return Verdict(True, (), 0.0, best)
    covered: set[str] = set()
    for scored in top:
        covered |= corpus.passage_stems.get(scored.passage.id, set())
    weights = {s: corpus.idf(s) for s in terms}
    total = sum(weights.values()) or 1.0
    missing = [s for s in terms if not _is_covered(s, covered)]
    share = sum(weights[s] for s in missing) / total
    unknown_roles = unknown_role_names(question, corpus)
    if unknown_roles:
        # "product managers": both words occur in the corpus, but never as a job title, so word
        # coverage alone would let the question through.
        return Verdict(False, tuple(unknown_roles), 1.0, best)
    return Verdict(share < tolerated_share(max(s.dense for s in top)), tuple(terms[s] for s in missing), share, best)


def unknown_role_names(question: str, corpus: Corpus) -> list[str]:
    """Job titles the question names ("product manager") that no passage of the corpus names."""
    return [f"{mod} {head}" for mod, head in sorted(role_keys(question))
            if not roles_overlap({(mod, head)}, corpus.role_names)]


def tolerated_share(dense: float) -> float:
    """How much of the question's weight may go unmatched, given the best passage's cosine similarity."""
    return min(MAX_TOLERATED, MAX_MISSING_SHARE + TOLERANCE_SLOPE * max(0.0, dense - TOLERANCE_START))


def _is_covered(term: str, covered: set[str]) -> bool:
    """A stem is covered when a passage uses it, or a longer form of it ("math" → "mathemat")."""
    if term in covered:
        return True
    return len(term) >= 5 and any(c.startswith(term) or (len(c) >= 5 and term.startswith(c)) for c in covered)
