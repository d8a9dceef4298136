"""Answerers: turn retrieved passages into a cited answer. The default is extractive and offline.

The extractive answerer only quotes: it picks the sentences of the retrieved passages that best answer the question
(sentence vectors from the index plus overlap with the question's key terms, plus a little for a sentence naming things
when the question asks to have them named, less the retrieval's penalty for a passage whose headings name only other
roles than the question's), at least three when the best pick's
passage has them, keeps a list together with its heading, quotes a first-ranked section opening that announces a list
with its subsections' headings ("Here are a few tips…: Solid Grounding in Mathematics; …"), leaves out an opening that
only announces (when anything else answers), quotes a pick with the example that follows it ("…many common
competencies. For example, you must have experience with deep learning frameworks, …") and the closest pick with the
sentence that carries on its subject ("…a data scientist's job is to gather information… They look for trends…"),
orders the picks by passage and reading order, reads a passage's first pick under its heading when it leans on it
("Systems Engineer: Engineers in this field…"), and cites each with [n] pointing at `Answer.sources`. It can therefore
never state what no passage says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .gate import Verdict, key_terms
from .index import Index, SentenceHit
from .followups import roles_overlap
from .retrieval import (ROLE_MISMATCH_PENALTY, Corpus, Query, Scored, asks_about_mindset, asks_for_deliverable,
                        asks_for_named_things, asks_for_outlook, asks_how_work_fits, asks_where_to_apply,
                        asks_whether_it_varies, gives_deliverable, gives_integration, gives_mindset, gives_outlook,
                        gives_variation, named_things)
from .text import EXAMPLE_OPENING, content_stems, expand_abbreviations, find_word, is_job_board

# A sentence joins the answer when it scores at least this share of the best sentence.
RELATIVE_CUTOFF = 0.82
MIN_SENTENCE_SIMILARITY = 0.2
# Overlap of the sentence and its heading with the question's key terms, on top of the sentence cosine.
# Sentence vectors read the sentence alone as well as under its heading (index.py), so they carry its
# wording already: 0.15 is the middle of a plateau (0.1-0.2) of answer fact recall on our tuning and
# validation sets; 0.3 double-counted the words.
LEXICAL_BONUS = 0.15
# An answer quotes at least this many sentences when the passage of its best pick has them: the one sentence closest
# to the question ("Most models will fail at first…") reads bare without those around it ("Machine learning relies
# heavily on trial and error…", "You must be persistent…"). Answer fact recall over our sixteen question sets, at a
# floor of 1 / 2 / 3 / 4: 571 / 574 / 588 / 597 of 739 facts; answers grow from 452 characters on average to 507 at 3
# and 554 at 4, where most answers quote their passage whole. A filling sentence need not be close to the question.
MIN_SENTENCES = 3
# Lifts a job-board line ("Find open positions … at: https://…/jobs") above every other sentence for a question asking
# where to apply: the cosine of a link line to any question is low.
JOB_BOARD_BONUS = 0.5
# Lifts a sentence naming things ("…fluent in Python and R and well-versed in TensorFlow and PyTorch") for a question asking
# to have them named ("What technologies does an ML engineer work with?"): the cosine prefers a sentence on the role in
# general ("A machine learning engineer's main focus is…").
NAMED_SENTENCE_BONUS = 0.05
# Lifts a sentence giving the kind of answer the question asks for, as retrieval lifts its passage: "They often require an
# open-minded mindset…" for "I'm a trial-and-error person: which role fits me?", "…may change from one organization to the
# next" for "is the split the same at every company?", "…experts are becoming more important" for "is it a career with a
# future?". The cosine prefers a sentence on the roles in general ("The distinct differences between these two roles…").
# Over 31 sets and two blind ones (1746 facts), for the mindset, variation, outlook, hand-over and integration types: answer
# fact recall 1525 with none, 1544 at 0.05 and 1557 at 0.10, no set lower at either, answers no longer on average (514,
# 512 and 509 characters).
ANSWER_TYPE_SENTENCE_BONUS = 0.10
_SENTENCE_TYPES = ((asks_about_mindset, gives_mindset), (asks_whether_it_varies, gives_variation),
                   (asks_for_outlook, gives_outlook), (asks_for_deliverable, gives_deliverable),
                   (asks_how_work_fits, gives_integration))


@dataclass(frozen=True)
class Source:
    """A cited passage: what [n] points at."""

    id: str
    title: str
    source: str
    text: str
    score: float
    heading: str = ""
    # For a section's opening that announces a list ("Here are a few tips…"): its subsections' headings.
    outline: tuple[str, ...] = ()

    @classmethod
    def of(cls, scored: Scored, corpus: Corpus) -> Source:
        p = scored.passage
        return cls(p.id, p.title, p.source, p.text, scored.score, p.heading, corpus.outlines.get(p.id, ()))

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "source": self.source, "text": self.text,
                "score": round(self.score, 4), "heading": self.heading, "outline": list(self.outline)}

    @property
    def quotable_text(self) -> str:
        """The passage as an answer may quote it: with its own heading, since a list is quoted as
        "Heading: item; item.", and with the headings of the subsections it announces; what the support check reads."""
        heading = _last_heading(self.heading)
        text = f"{heading}\n{self.text}" if heading else self.text
        return "\n".join([text, *(f"- {h}" for h in self.outline)])


@dataclass
class Answer:
    """The reply to one question. `text` cites `sources` as [1], [2] …; `abstained` when nothing answers it."""

    text: str
    sources: list[Source] = field(default_factory=list)
    abstained: bool = False
    question: str = ""
    standalone_question: str = ""
    note: str = ""
    # Who wrote `text`: "extractive" (also abstentions and fallbacks), or the chat-model backend.
    answerer: str = "extractive"
    # For generated answers: {"status": "verified" | "fallback", "text": the final text, "kept", "removed",
    # "generated", "reason"}. `text` repeats `Answer.text` so a streaming client (whose final event
    # carries everything but the answer) can replace the streamed tokens with the verified text.
    verification: dict | None = None

    def to_dict(self) -> dict:
        return {"answer": self.text, "sources": [s.to_dict() for s in self.sources], "abstained": self.abstained,
                "standalone_question": self.standalone_question, "note": self.note, "answerer": self.answerer,
                "verification": self.verification}


@dataclass
class _Unit:
    """One piece of the answer: a sentence, or a whole list under its heading, from one passage."""

    passage: Scored
    rank: int
    position: int
    text: str
    score: float
    # A first-ranked section opening quoted with the list it announces.
    outline: bool = False
    # Close enough to the question to be picked on its own merit, not only to fill up its passage's part.
    close: bool = True


def _list_blocks(text: str) -> list[list[str]]:
    """The Markdown lists of a passage, each as its item texts."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        match = re.match(r"^\s*(?:[-*•]|\d+[.)])\s+(.*)$", line)
        if match:
            blocks[-1].append(match.group(1).strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _last_heading(heading: str) -> str:
    return heading.split(" › ")[-1].strip()


def select_units(query: Query, top: list[Scored], hits: list[SentenceHit], corpus: Corpus, max_units: int) -> list[_Unit]:
    """The best-answering sentences (and whole lists) of the top passages, in answer order."""
    terms = key_terms(query.text)
    weights = {s: corpus.idf(s) for s in terms}
    total = sum(weights.values()) or 1.0
    where_to_apply = asks_where_to_apply(query.text)
    asks_names = asks_for_named_things(query.text)
    gives = [g for asks, g in _SENTENCE_TYPES if asks(query.text)]
    rank_of = {s.passage.id: i for i, s in enumerate(top)}
    by_id = {s.passage.id: s for s in top}
    units: dict[tuple[str, int], _Unit] = {}
    for hit in hits:
        if hit.chunk_id not in by_id:
            continue
        rank = rank_of[hit.chunk_id]
        passage = by_id[hit.chunk_id]
        text, position = hit.text, hit.index
        for items in _list_blocks(passage.passage.text):
            if hit.text in items:
                # A list item alone ("Debugging and testing") is meaningless: quote the list under its heading.
                head = _last_heading(passage.passage.heading)
                text = f"{head}: {'; '.join(items)}." if head else "; ".join(items) + "."
                position = hit.index - items.index(hit.text)
                break
        outline = corpus.outlines.get(hit.chunk_id) if rank == 0 else None
        if outline:
            # A first-ranked opening that announces a list is quoted with it: "Here are a few tips…: Solid Grounding
            # in Mathematics; …". The list is what it announces; the subsections' sentences say what each item means.
            text = f"{text.rstrip(' .!?:')}: {'; '.join(outline)}."
        # Read under its heading, as the index reads it: "Also, they use software like Docker, Kubernetes…"
        # is about DevOps engineers because its heading says so.
        stems = set(content_stems(expand_abbreviations(f"{_last_heading(passage.passage.heading)} {text}")))
        overlap = sum(w for s, w in weights.items() if s in stems) / total
        score = hit.similarity + LEXICAL_BONUS * overlap - 0.02 * rank
        heading_roles = corpus.passage_roles.get(hit.chunk_id)
        if query.roles and heading_roles and not roles_overlap(query.roles, heading_roles):
            # "What does a data engineer contribute…?": "Meanwhile, a data scientist's job is to gather information…"
            # reads close, but its passage is about other roles. Retrieval marks such passages down as much.
            score -= ROLE_MISMATCH_PENALTY
        if asks_names and any(not find_word(n, query.text) for n in named_things(text)):
            score += NAMED_SENTENCE_BONUS
        if any(g(text) for g in gives):
            score += ANSWER_TYPE_SENTENCE_BONUS
        if where_to_apply and is_job_board(text):
            # "Where can I apply…?" is answered by the link, which reads like the question only in a word or two.
            score += JOB_BOARD_BONUS
        key = (hit.chunk_id, position)
        if key not in units or units[key].score < score:
            units[key] = _Unit(passage, rank, position, text, score, bool(outline), hit.similarity >= MIN_SENTENCE_SIMILARITY)
    close = [u for u in units.values() if u.close]
    if not close:
        return []
    # A section's one-sentence opening ("Although they share the same purpose, … do different tasks.") announces its
    # subsections without saying what they say: quoted, it takes an answer's place from a sentence that answers.
    # Quoted with the list it announces, as the first-ranked passage, it does say something.
    said = [u for u in close if u.outline or u.passage.passage.id not in corpus.announcements]
    ranked = sorted(said or close, key=lambda u: u.score, reverse=True)
    # A quoted outline names the items; the best sentences under it say what they mean. It matches a question
    # for "tips" or "kinds" best, so it would cut every sentence off: it takes a place but does not set the bar.
    outline = [u for u in ranked if u.outline][:1]
    rest = [u for u in ranked if not u.outline]
    best = rest[0].score if rest else 0.0
    picks = [u for u in rest if u.score >= RELATIVE_CUTOFF * best]
    if rest and len(picks) < MIN_SENTENCES:
        # The best pick's own passage fills the answer up, its closest sentences first.
        around = sorted((u for u in units.values() if u.passage.passage.id == rest[0].passage.passage.id and u not in picks
                         and not u.outline), key=lambda u: u.score, reverse=True)
        picks += around[: MIN_SENTENCES - len(picks)]
    chosen = _with_followers([*outline, *picks][:max_units], rest[0] if rest else None, hits, units)
    # Reading order: passages by the rank of their best pick, sentences in the order they were written.
    first_rank = {}
    for u in chosen:
        first_rank.setdefault(u.passage.passage.id, len(first_rank))
    ordered = sorted(chosen, key=lambda u: (first_rank[u.passage.passage.id], u.position))
    return [_with_its_heading(u) if u is _first_of_passage(ordered, u) else u for u in ordered]


# A sentence that gives an example of the one before it: "…have many common competencies. For example, you must have
# experience with deep learning frameworks, …". The claim names no competency; its example names them.
_EXAMPLE = re.compile(rf"^(?:{EXAMPLE_OPENING}|in particular|specifically)\b", re.I)
# A sentence opening on a word that points back ("They…", "Also, they…", "Therefore, these…"); the dummy "It's worth
# noting…" points at nothing. `_CARRIES_ON` and `_LEANS_BACK` are built from it.
_CONNECTIVES = "so|also|therefore|similarly|thus|hence|additionally"
_POINTER = r"(?:they|their|them|these|those|this|its|such)\b"
# A sentence that carries on the subject of the one before it: "Meanwhile, a data scientist's job is to gather
# information… They look for trends in data that inform company choices…".
_CARRIES_ON = re.compile(rf"^(?:(?:{_CONNECTIVES}),?\s+)?{_POINTER}", re.I)


def _with_followers(chosen: list[_Unit], lead: _Unit | None, hits: list[SentenceHit],
                    units: dict[tuple[str, int], _Unit]) -> list[_Unit]:
    """The picks, each followed by the sentence after it when that sentence is an example of it, and the lead pick
    (the closest to the question) also by a sentence that carries on its subject; never a pick twice. A pick and its
    follower take one answer place: the follower finishes what the pick says. Only the lead is carried on, to keep the
    answer short: over our sixteen question sets (739 facts), carrying on the lead took fact recall from 588 to 601 and
    answers from 507 to 521 characters on average; carrying on every pick, to 618 facts but 575 characters and up to
    eight sentences."""
    following = {(h.chunk_id, h.index): h.text for h in hits}
    picked = {(u.passage.passage.id, u.position) for u in chosen}
    out: list[_Unit] = []
    for u in chosen:
        out.append(u)
        key = (u.passage.passage.id, u.position + 1)
        text = following.get(key)
        if u.outline or key in picked or not text or any(text in items for items in _list_blocks(u.passage.passage.text)):
            continue
        if _EXAMPLE.match(text) or u is lead and _CARRIES_ON.match(text):
            picked.add(key)
            out.append(units.get(key) or _Unit(u.passage, u.rank, key[1], text, u.score))
    return out


# A sentence that leans on its heading or on the sentence before it: "Engineers in this field are tasked with…" under
# "Systems Engineer", "Machine learning relies heavily on this discipline." under "Solid Grounding in Mathematics",
# "They guarantee…".
# "Meanwhile" and "however" lean on what came before without carrying on its subject.
_LEANS_BACK = re.compile(rf"^(?:(?:{_CONNECTIVES}|meanwhile|however),?\s+)?{_POINTER}|\b(?:this|that|these|those)\s+"
                         r"(?:discipline|field|area|domain|role|job|position|profession|specialty|specialization)s?\b", re.I)


def _first_of_passage(units: list[_Unit], unit: _Unit) -> _Unit:
    return next(u for u in units if u.passage.passage.id == unit.passage.passage.id)


def _with_its_heading(unit: _Unit) -> _Unit:
    """The unit read under its heading ("Systems Engineer: Engineers in this field…") when it opens its passage's
    part of the answer and leans on what came before it in the article ("It's worth noting…" does not). A heading
    that is a question or has a colon of its own ("What does a software engineer do?", "…: the collaboration") reads
    badly before a colon and is left off."""
    head = _last_heading(unit.passage.passage.heading)
    if not head or head.endswith("?") or ":" in head or unit.text.startswith(f"{head}:") or not _LEANS_BACK.search(unit.text):
        return unit
    return replace(unit, text=f"{head}: {unit.text}")


def cite(units: list[_Unit], corpus: Corpus) -> tuple[str, list[Source]]:
    """Answer text with [n] after every sentence, and the sources those numbers point at."""
    sources: list[Source] = []
    number: dict[str, int] = {}
    parts: list[str] = []
    for unit in units:
        p = unit.passage.passage
        if p.id not in number:
            number[p.id] = len(sources) + 1
            sources.append(Source.of(unit.passage, corpus))
        parts.append(f"{unit.text} [{number[p.id]}]")
    return " ".join(parts), sources


def abstention_text(verdict: Verdict, corpus: Corpus, topics: list[str]) -> str:
    """A plain refusal that says what is missing and which topics can be answered."""
    missing = ""
    if verdict.missing:
        words = ", ".join(f"“{w}”" for w in verdict.missing[:4])
        missing = f" My sources say nothing about {words}."
    listed = "; ".join(topics[:8]) if topics else "the articles in my corpus"
    return (f"I can't answer that from my sources.{missing} I answer career questions from these articles: "
            f"{'; '.join(corpus.titles())}. For example, ask about: {listed}.")


_SMALL_TALK_OPENING = {"thanks": "You're welcome!", "greeting": "Hello!", "ack": "Glad to help."}


def small_talk_text(kind: str, corpus: Corpus, topics: list[str]) -> str:
    """The reply to a greeting or a thank-you: what can be asked, with no passage quoted."""
    listed = "; ".join(topics[:8]) if topics else "the articles in my corpus"
    return (f"{_SMALL_TALK_OPENING.get(kind, '')} I answer career questions from these articles: "
            f"{'; '.join(corpus.titles())}. For example, ask about: {listed}.").strip()


def stream_text(text: str) -> Iterator[str]:
    """Deltas of an already complete answer, word by word, so the chat shows it arriving."""
    for match in re.finditer(r"\S+\s*", text):
        yield match.group(0)


class ExtractiveAnswerer:
    """The offline default: quotes the best sentences of the passages, citing each."""

    name = "extractive"

    def __init__(self, index: Index, corpus: Corpus, max_sentences: int) -> None:
        self.index = index
        self.corpus = corpus
        self.max_sentences = max_sentences

    def answer(self, query: Query, top: list[Scored]) -> tuple[str, list[Source]]:
        hits = self.index.search_sentences(query.vector, 200, chunk_ids=[s.passage.id for s in top])
        units = select_units(query, top, hits, self.corpus, self.max_sentences)
        return cite(units, self.corpus)
