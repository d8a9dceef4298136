"""Is each sentence of an answer supported by the passages it cites? A pure check, no I/O.

A generated answer is split into sentences with their `[n]` markers. Each sentence is then judged
against the passage it cites first, and against the other passages when the cited one does not carry it:

- a sentence quoted from a passage (fragments of a list included) is always supported;
- otherwise two signals must agree: the sentence's embedding must be close to some sentence (or two
  adjacent sentences) of the passage, AND the passage must use the sentence's key content words.
  Similarity alone is not enough: "Machine learning engineers earn a high salary" is close in topic to
  every passage about machine learning engineers, but no passage says "salary". Key words are weighted
  by rarity (the corpus IDF when the caller passes one), so an invented "salary", "bread" or
  "Kubernetes" weighs far more than a paraphrase's "often" or "crucial". Numbers and capitalised names
  the passages never use ("$120,000", "Kubernetes") are invented facts and fail the sentence outright.

`check_answer` reports one `SentenceCheck` per sentence; what to do with unsupported sentences and
invalid citations (drop, flag, fall back) is the caller's decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .gate import key_terms
from .text import ABBREVIATIONS, FRAME_STEMS, FRAME_WORDS, STOPWORDS, content_stems, expand_abbreviations, split_sentences, stem, tokens

# MiniLM cosine between a sentence and a faithful paraphrase of a passage sentence is typically 0.6-0.9;
# between two sentences that merely share the topic ("ML engineers earn well" vs "ML engineers design
# models") about 0.3-0.5. 0.5 keeps paraphrases and drops sentences that are only on topic.
MIN_SIMILARITY = 0.5
# Share of a sentence's (rarity-weighted) key words that may be absent from the supporting passage:
# a paraphrase brings a few words of its own ("crucial", "primarily"); an invented claim brings its
# subject ("salary", "bread"), which, being absent from the corpus, carries the most weight.
MAX_NOVEL_SHARE = 0.34
# How the reported support strength mixes the two signals (both 0..1).
SIMILARITY_WEIGHT = 0.5
# A capitalised word or a number is a named fact when it is at least this long (skips "I", "A").
MIN_NAME_LENGTH = 2

_MARKERS = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
# Markers written after the full stop ("… models. [1] Next …") belong to the sentence before them.
_MARKERS_AFTER_STOP = re.compile(r"([.!?])((?:[ \t]*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)")
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|cannot|without)\b|n't\b")
_MARKDOWN = re.compile(r"\*\*|__|`")
_NORMALIZE = re.compile(r"[^a-z0-9+#]+")
_NUMBER = re.compile(r"\$?\d[\d,.]*%?k?")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.'’-]*[A-Za-z0-9+#]|[A-Za-z]")


@dataclass(frozen=True)
class SentenceCheck:
    """The verdict on one sentence of an answer."""

    sentence: str  # the sentence without its [n] markers
    citations: tuple[int, ...]  # the [n] numbers it carried (1-based)
    supported: bool
    support: int | None  # 1-based number of the passage that best supports it (cited ones first)
    score: float  # support strength 0..1
    reason: str  # e.g. "supported by [2]", "cites [5] but there are 3 sources", "no passage says 'salary'"

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "citations": list(self.citations), "supported": self.supported,
                "support": self.support, "score": round(self.score, 3), "reason": self.reason}


def split_cited_sentences(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Sentences of an answer with the [n] numbers each carries, markers removed, in order.

    Markers may stand before or after the full stop ("… models [1]." or "… models. [1]"), and several
    may be joined ("[1, 2]", "[1][3]"). A marker standing alone is given to the sentence before it.
    """
    text = _MARKDOWN.sub("", text or "")
    text = _MARKERS_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    out: list[tuple[str, tuple[int, ...]]] = []
    for raw in split_sentences(text):
        numbers: list[int] = []
        for group in _MARKERS.findall(raw):
            numbers.extend(int(n) for n in re.split(r"\s*[,;]\s*", group) if n)
        sentence = re.sub(r"\s+([.!?,;:])", r"\1", _MARKERS.sub("", raw))
        sentence = re.sub(r"\s{2,}", " ", sentence).strip()
        cited = tuple(dict.fromkeys(numbers))
        if not re.search(r"[A-Za-z0-9]", sentence):
            if out and cited:
                prev, prev_cited = out[-1]
                out[-1] = (prev, tuple(dict.fromkeys(prev_cited + cited)))
            continue
        out.append((sentence, cited))
    return out


def _normalized(text: str) -> str:
    return " " + _NORMALIZE.sub(" ", text.lower().replace("’", "'").replace("'", "")).strip() + " "


def _is_quote(sentence: str, passage: str) -> bool:
    """The sentence is a passage's own words: every fragment (split at ; and :) appears in it.

    The extractive answerer quotes a list as "Heading: item; item." — the heading may be absent from
    the passage text, so a short head before the colon is allowed when at least two items follow.
    """
    fragments = [f for f in re.split(r"[;:]", sentence) if _normalized(f).strip()]
    if not fragments:
        return False
    inside = [_normalized(f) in passage for f in fragments]
    if all(inside):
        return True
    head, _, rest = sentence.partition(":")
    items = [f for f in rest.split(";") if _normalized(f).strip()]
    return bool(rest) and len(head.split()) <= 10 and len(items) >= 2 and all(_normalized(f) in passage for f in items)


def _covered(term: str, stems: set[str]) -> bool:
    """Like the gate: a stem counts when the passage uses it or a longer form of it ("math" → "mathemat")."""
    if term in stems:
        return True
    return len(term) >= 4 and any(s.startswith(term) or (len(s) >= 5 and term.startswith(s)) for s in stems)


def _named_facts(sentence: str) -> list[str]:
    """Numbers and capitalised names (not the first word) of a sentence: the claims that must be quoted."""
    names = [m.group(0) for m in _NUMBER.finditer(sentence) if any(ch.isdigit() for ch in m.group(0))]
    for match in _WORD.finditer(sentence):
        word = match.group(0)
        before = sentence[:match.start()].rstrip()
        after_stop = not before or before[-1] in ".!?:;(\"“"
        lower = word.lower()
        if (word[0].isupper() and not after_stop and len(word) >= MIN_NAME_LENGTH
                and lower not in STOPWORDS and lower not in FRAME_WORDS):
            names.append(word)
    return names


def _negated(text: str) -> bool:
    """Whether a sentence denies rather than states ("not", "never", "no", "n't"); "not only" affirms."""
    words = re.sub(r"\bnot only\b", " ", text.lower().replace("’", "'"))
    return bool(_NEGATION.search(words))


def _mentioned(name: str, words: set[str], text: str, stems: set[str]) -> bool:
    """Whether the passages use a name or number (a short form counts when they spell it out)."""
    lower = name.lower()
    if lower in words or _normalized(name) in text or _covered(stem(lower), stems):
        return True
    spelled = ABBREVIATIONS.get(lower)
    return bool(spelled) and all(_covered(s, stems) for s in content_stems(spelled))


def check_answer(text: str, passages: Sequence[str], embeddings, *,
                 idf: Callable[[str], float] | None = None) -> list[SentenceCheck]:
    """One `SentenceCheck` per sentence of `text`, whose [n] point into `passages` (1-based).

    `embeddings` encodes texts to normalized vectors (`LocalEmbeddings`); `idf` (optional, e.g.
    `Corpus.idf`) weights key words by rarity, else every key word weighs the same. Pass each passage
    with its heading line when the answer may quote a list under its heading.
    """
    pieces = split_cited_sentences(text)
    if not pieces:
        return []
    passages = [p or "" for p in passages]
    normalized = [_normalized(p) for p in passages]
    stems = [set(content_stems(expand_abbreviations(p))) for p in passages]
    words = [set(tokens(p)) for p in passages]
    weight = idf or (lambda _s: 1.0)

    # Passage units: each sentence, and each pair of adjacent sentences (answers often merge two).
    units: list[str] = []
    owner: list[int] = []
    for i, passage in enumerate(passages):
        sentences = split_sentences(passage)
        for j, s in enumerate(sentences):
            units.append(s)
            owner.append(i)
            if j + 1 < len(sentences):
                units.append(f"{s} {sentences[j + 1]}")
                owner.append(i)
    all_words = set().union(*words) if words else set()
    all_text = "".join(normalized)
    all_stems = set().union(*stems) if stems else set()
    vectors = embeddings.encode([s for s, _ in pieces] + units) if units else None
    owner_arr = np.array(owner)

    checks: list[SentenceCheck] = []
    for k, (sentence, cited) in enumerate(pieces):
        valid = [c for c in cited if 1 <= c <= len(passages)]
        invalid = [c for c in cited if c not in valid]
        problem = ""
        if invalid:
            shown = ", ".join(f"[{c}]" for c in invalid)
            problem = f"cites {shown} but there {'is' if len(passages) == 1 else 'are'} {len(passages)} source{'s' * (len(passages) != 1)}"
        elif not cited:
            problem = "cites no source"
        order = valid + [i for i in range(1, len(passages) + 1) if i not in valid]

        # 1. A quote is supported by definition.
        quoted = next((i for i in order if _is_quote(sentence, normalized[i - 1])), None)
        if quoted is not None:
            checks.append(SentenceCheck(sentence, cited, True, quoted, 1.0,
                                        _reason(f"quoted from [{quoted}]", quoted, valid, problem)))
            continue

        # 2. Named facts (numbers, capitalised names) that no passage uses fail the sentence.
        invented = [n for n in _named_facts(sentence) if not _mentioned(n, all_words, all_text, all_stems)]
        terms = [s for s in key_terms(sentence) if s not in FRAME_STEMS]
        sims = np.zeros(len(passages))
        nearest = [""] * len(passages)  # per passage, the unit closest to the sentence
        if vectors is not None:
            unit_sims = vectors[len(pieces):] @ vectors[k]
            for i in range(len(passages)):
                where = np.flatnonzero(owner_arr == i)
                if where.size:
                    j = int(where[np.argmax(unit_sims[where])])
                    sims[i], nearest[i] = float(unit_sims[j]), units[j]
        if invented:
            best = max(order, key=lambda i: sims[i - 1]) if passages else None
            checks.append(SentenceCheck(sentence, cited, False, best, 0.0,
                                        _reason(f"no passage says {_quote_list(invented)}", None, valid, problem)))
            continue
        if not terms:
            checks.append(SentenceCheck(sentence, cited, False, None, 0.0,
                                        _reason("states nothing the passages say", None, valid, problem)))
            continue

        # 3. Similarity and key-word coverage, cited passages first; a sentence citing several
        #    passages may combine them, so their words count together.
        total = sum(weight(t) for t in terms) or 1.0
        negation = None
        cited_stems = set().union(*(stems[c - 1] for c in valid)) if valid else set()
        best: tuple[float, int, float, list[str]] | None = None  # (score, passage, coverage, missing)
        chosen = None
        for i in order:
            known = stems[i - 1] | (cited_stems if i in valid else set())
            missing = [t for t in terms if not _covered(t, known)]
            coverage = 1.0 - sum(weight(t) for t in missing) / total
            score = SIMILARITY_WEIGHT * max(0.0, sims[i - 1]) + (1 - SIMILARITY_WEIGHT) * coverage
            ok = sims[i - 1] >= MIN_SIMILARITY and 1.0 - coverage <= MAX_NOVEL_SHARE
            if ok and _negated(sentence) != _negated(nearest[i - 1]):
                ok, missing = False, []  # same words, opposite claim: "is not important" vs "is important"
                negation = i
            if ok and chosen is None:
                chosen = (score, i, coverage, missing)
            if best is None or score > best[0]:
                best = (score, i, coverage, missing)
        if chosen is not None:
            score, i, _, _ = chosen
            checks.append(SentenceCheck(sentence, cited, True, i, min(1.0, score),
                                        _reason(f"supported by [{i}]", i, valid, problem)))
            continue
        assert best is not None
        score, i, _, missing = best
        if negation is not None:
            i = negation
            why = f"contradicts [{i}]: one negates what the other states"
        elif missing:
            spoken = key_terms(sentence)
            why = f"no passage says {_quote_list([spoken.get(t, t) for t in missing[:4]])}"
            if any(_covered(t, all_stems) for t in missing):
                why = f"[{i}] does not say {_quote_list([spoken.get(t, t) for t in missing[:4]])}"
        else:
            why = f"not close enough to any passage (similarity {sims[i - 1]:.2f})"
        checks.append(SentenceCheck(sentence, cited, False, i, min(1.0, score), _reason(why, None, valid, problem)))
    return checks


def _quote_list(words: Sequence[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _reason(verdict: str, support: int | None, valid: list[int], problem: str) -> str:
    """The verdict, with what was wrong with the citations when the sentence is still supported."""
    if support is not None and valid and support not in valid:
        verdict += f", not by the cited {', '.join(f'[{c}]' for c in valid)}"
    return f"{problem}; {verdict}" if problem else verdict


def citation_ok(check: SentenceCheck, n_sources: int) -> bool:
    """The sentence cites something, every number points at a source, and a cited passage supports it."""
    return (bool(check.citations) and all(1 <= n <= n_sources for n in check.citations)
            and check.supported and check.support in check.citations)


def faithfulness(checks: Sequence[SentenceCheck]) -> float | None:
    """Share of sentences supported by a passage they cite (None for an answer with no sentences)."""
    return sum(c.supported and c.support in c.citations for c in checks) / len(checks) if checks else None
