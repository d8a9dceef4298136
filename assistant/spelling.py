"""Misspelled question words mended to the corpus's own spelling: "wat do hardwear engineers do for machine lerning".

Chat questions arrive with typos, and a typo is a word no passage uses: the gate weighs it as a topic the articles
never treat ("hardwear") and refuses, and BM25 and the vectors miss the word. A question word is mended when it is
neither a corpus word nor an English word (wordfreq's Zipf frequency below 2: "hardwear" 1.4, "lerning" 0; "shuttling"
2.3, "salary" 4.4 and "Deloitte" 3.0 are words and stay as written) and exactly one corpus word, of four letters or
more, lies within one edit (two for words of seven letters or more). The edit distance comes from rapidfuzz.

Phone chat shortens words ("wat does an ml eng do", "u", "ur", "b4", "w other engineers", "ppl", "n"): the short forms
are written out first, so the follow-up reader finds "ML engineer" and the gate weighs "before", not "b4".

Dictated questions split a word in two ("dev ops", "tensor flow", "sir tis" for Sertis): two neighbouring words are
joined when together they spell a rare corpus word, or, both short, a non-word one edit from a single corpus name.
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
_MIXED_CASE = re.compile(r"[a-z][A-Z]")
# A joined pair must be this long, and rarer than an everyday word: "any one" and "data base" mean what they say.
MIN_JOINED, MAX_JOINED_ZIPF = 6, 4.0
# Parts this short may join into a near miss ("sir tis" → "sirtis" → "sertis"); longer ones are words of their own.
MAX_SPLIT_PART = 4
_PAIR = re.compile(r"\b([A-Za-z]+) ([A-Za-z]+)\b")
# Speech-to-text hears "ML" as "male" ("what does a male engineer do"): no article speaks of an engineer's sex.
_MISHEARD_ML = re.compile(r"\b(?:(an?) )?male (engineer|engineering)", re.I)
_NOT_MALE = re.compile(r",?\s*\bnot male\b", re.I)
# ... unless the question is about the sexes: "Are there more female engineers than male engineers?"
_ABOUT_SEX = re.compile(r"\b(?:fe)?males? (?:and|or|vs\.?|versus|than) |\b(?:females?|wom[ae]n|men|gender|sex)\b", re.I)

# Chat short forms written out. Lower case only where the short form is also a name or a letter ("R" is a language).
_SHORTHAND = {"u": "you", "ur": "your", "b4": "before", "w/": "with", "w/o": "without", "wat": "what", "wut": "what",
              "wats": "what's", "ppl": "people", "abt": "about", "bc": "because", "b/c": "because", "cuz": "because",
              "coz": "because", "thru": "through", "rly": "really", "shud": "should", "cud": "could", "wud": "would",
              "smth": "something", "sth": "something", "pls": "please", "plz": "please", "yrs": "years", "langs": "languages",
              "kinda": "kind of", "sorta": "sort of", "engs": "engineers"}
_SHORT_FORM = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(_SHORTHAND, key=len, reverse=True)) +
                         r")(?![\w/]|\.\w)", re.I)
# "ml eng", "a software eng": after a field, "eng" is the engineer ("eng" alone may be English).
_ENG = re.compile(r"(?<=[a-z] )eng\b(?!\.)", re.I)
# "what r they", "r certificates worth it": "r" for "are" after a question word or pronoun, or opening the message.
_ARE = re.compile(r"(^|\b(?:what|how|who|where|why|which|when|they|we|you|there|these|those) )r(?= [a-z])")
# "a project n what happens after": a lone lower-case "n" between words is "and".
_AND = re.compile(r"(?<=[a-z] )n(?= [a-z])")
# "do they work w other engineers": a lone lower-case "w" between words is "with".
_WITH = re.compile(r"(?<=[a-z] )w(?= [a-z])")


def expand_shorthand(text: str) -> str:
    """`text` with chat short forms written out: "wat does an ml eng do b4 that" → "what does an ml engineer do before
    that"."""
    # "U.S.", "UR": capital single letters are names, not chat.
    text = _SHORT_FORM.sub(lambda m: m.group(0) if m.group(0) in {"U", "UR", "Ur"} else _SHORTHAND[m.group(1).lower()],
                           text)
    text = _ENG.sub("engineer", text)
    text = _ARE.sub(r"\1are", text)
    text = _AND.sub("and", text)
    return _WITH.sub("with", text)


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
    # A word holding a corpus word whole plus letters is a compound name, not a typo: "sklearn" is no "learn".
    if len(closest) == 1 and closest[0] in word and len(word) - len(closest[0]) >= 2:
        return word
    return closest[0] if len(closest) == 1 else word


def _join_split_words(text: str, vocabulary: frozenset[str]) -> str:
    def join(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        joined = (first + second).lower()
        if len(joined) < MIN_JOINED or zipf_frequency(joined, "en") >= MAX_JOINED_ZIPF:
            return match.group(0)
        if joined in vocabulary:
            return joined
        if max(len(first), len(second)) <= MAX_SPLIT_PART and not _is_word(joined):
            mended = _mend(joined, vocabulary)
            # Only to a word no dictionary knows, a name ("sertis"): "and just" is no misheard "adjust".
            if mended != joined and Levenshtein.distance(mended, joined) == 1 and not _is_word(mended):
                return mended
        return match.group(0)

    # Overlapping pairs: "the dev ops team" tries "the dev", then "dev ops".
    out, position = [], 0
    while True:
        match = _PAIR.search(text, position)
        if not match:
            break
        replaced = join(match)
        if replaced == match.group(0):
            out.append(text[position:match.end(1)])
            position = match.end(1)
        else:
            out.append(text[position:match.start()] + replaced)
            position = match.end()
    return "".join(out) + text[position:]


def correct_spelling(text: str, vocabulary: frozenset[str]) -> str:
    """`text` with each misspelled word replaced by the one corpus word (lower case, in `vocabulary`) it is closest to,
    words split in two joined, chat short forms written out, and "male engineer" heard for "ML engineer" read as that."""
    text = expand_shorthand(text)
    if not _ABOUT_SEX.search(text) and _MISHEARD_ML.search(text):
        text = _MISHEARD_ML.sub(lambda m: f"{'an ' if m.group(1) else ''}ML {m.group(2)}", text)
        # The asker's own correction ("i mean machine learning engineer not male lol") names the slip once more.
        text = _NOT_MALE.sub("", text)
    text = _join_split_words(text, vocabulary)

    def mend(match: re.Match) -> str:
        word = match.group(0)
        lower = word.lower()
        # A capital inside a word ("DeepL", "GitHub", "iOS") is how a product's name is written, never a typo: "DeepL" is
        # one edit from "deep", which would turn "do companies like DeepL hire…" into a question about depth.
        if _MIXED_CASE.search(word):
            return word
        if len(lower) < MIN_LENGTH or lower in vocabulary or "'" in lower or _is_word(lower):
            return word
        mended = _mend(lower, vocabulary)
        return word if mended == lower else mended

    return _WORD.sub(mend, text)


def vocabulary_of(texts: Collection[str]) -> frozenset[str]:
    """The lower-case words of `texts` that a misspelling may be mended to: four letters or more."""
    return frozenset(w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= MIN_LENGTH and "'" not in w)
