"""`Assistant`: the one facade the chat UI, the HTTP API, the evaluation and tests use.

question + history ─condense─▶ standalone query ─hybrid search─▶ passages ─gate─▶ abstain or
─answerer─▶ Answer(text with [n], sources). Input is validated here, once, for every caller.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from .alignment import PassageTokens, WordAligner, content_rows
from .answering import Answer, ExtractiveAnswerer, Source, abstention_text, small_talk_text, stream_text
from .config import Settings, get_settings
from .embeddings import LocalEmbeddings
from .eval import QuestionFileError
from .followups import (chosen_role, condense, find_roles, own_part, resolve_choice, resolve_named_pointer, resolve_ordinal,
                        replied_role, role_keys, without_roles)
from .gate import Verdict, is_question, judge, key_terms
from .generation import GenerationError, GenerativeAnswerer
from .index import Index, make_client
from .ingestion import IngestReport, ingest
from .question_bank import QuestionBank, bank_vectors, load_bank
from .retrieval import Corpus, Query, Scored, hybrid_search, without_guessed_role
from .spelling import correct_spelling
from .text import (AFTER_QUESTION_MARK, expand_abbreviations, lexical_stems, plain_wording, small_talk, split_sentences,
                   strip_markup, with_plain_words)

log = logging.getLogger(__name__)

History = Sequence[Any]

# A model's plain "the passages do not answer this" (the prompt asks for that wording when they do not).
_DECLINED = re.compile(r"\b(?:passages?|sources?|context)\b[^.]{0,40}\b(?:do|does|did)\s*(?:not|n't)\s+"
                       r"(?:answer|contain|provide|mention|say|include)", re.I)


class InvalidQuestion(ValueError):
    """The question is empty or not text (HTTP 422)."""


class QuestionTooLong(ValueError):
    """The question exceeds the length cap (HTTP 413)."""


def open_index(settings: Settings, embeddings: LocalEmbeddings | None = None, *, for_rebuild: bool = False) -> Index:
    """The index named in the settings, in the embedded store or on the Chroma server.

    `for_rebuild` accepts an index built by another model or schema version, since it is about to be replaced.
    """
    embeddings = embeddings or LocalEmbeddings(settings.model_path, expected_sha256=settings.model_sha256,
                                               threads=settings.torch_threads)
    return Index(make_client(settings), settings.collection, embeddings, check=not for_rebuild)


def _content_text(content: Any) -> str:
    """Message content as text: Gradio 6 may send a list of typed parts instead of a string."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(_content_text(part) for part in content if not (isinstance(part, dict) and part.get("type") not in (None, "text")))
    return str(content)


def vector_text(question: str) -> str:
    """What the question's vector and token vectors are computed from: short forms spelled out ("ML" →
    "ML machine learning"). Passages mostly write the long form, and MiniLM's token for "ML" is far from
    "machine learning": late interaction matched "ML" to passages that happen to abbreviate, not to
    those about the role. Everyday idioms are followed by the plain word they stand for ("keep flopping fail"):
    MiniLM reads the idiom in context but does not place it near the articles' plain wording."""
    return expand_abbreviations(with_plain_words(question))


# "ml engineer vs swe, who gathers client requirements?": asking which of the roles named does something.
# Asked as the question itself, opening it or a clause after the roles ("…negotiate who owns the pipeline?" is not).
_WHICH_OF_THEM = re.compile(r"(?:^|[,;:?!–—-]\s*|\b(?:so|and|but|ok|okay)\s+)(?:who|whose|which (?:one|of|role|job|career|is|"
                            r"needs?|does|has|writes|works|spends|gets|uses|builds|makes|focuses|deals|handles|owns|covers|"
                            r"requires|involves))\b", re.I)


# A long message sets a scene the roles belong to ("I've taught maths for ten years… Between the ML engineer and the
# software engineer, which one rewards that temperament?"): without them its vector no longer reads as about either.
MAX_OPTION_QUESTION_WORDS = 25
# "If I hire both an ML engineer and a software engineer, who plugs what into what?" asks about the pair.
_BOTH = re.compile(r"\b(?:both|together|each other)\b", re.I)


def options_set_aside(question: str) -> str:
    """For a question asking which of two or more roles does something, the question without the roles: the vectors then
    look for what is done ("gathers client requirements"), which one role's passage says in its own words, and the
    roles, weighed by retrieval's role signals, no longer pull towards passages comparing the pair."""
    if (len(question.split()) > MAX_OPTION_QUESTION_WORDS or not _WHICH_OF_THEM.search(question) or _BOTH.search(question)
            or len(role_keys(question)) < 2):
        return question
    rest = without_roles(question)
    return rest if len(rest.split()) >= 3 else question


# "What does an ML engineer spend their time on? I'm trying to write a role profile for an internal transfer.": what the
# asker says of themselves after the question only sets the scene. "I mean…" goes on asking.
# "Trying to explain teamwork expectations to students." says it without the "I".
_ABOUT_THE_ASKER = re.compile(r"^(?!I mean\b)(?:I|I'm|I’m|Im|I've|I’ve|I'd|I’d|I'll|I’ll|I am|we|we're|we’re|we've|"
                              r"my|our|(?:just |mostly |only )?(?:trying|hoping|planning|writing|preparing|putting together|"
                              r"asking (?:because|since|as|for)))\b", re.I)


def message_sentences(text: str) -> list[str]:
    """The sentences of a chat message; one that runs on after a question mark in lower case ("like what, though?
    sounds like padding to me") is two."""
    return [part for sentence in split_sentences(text) for part in AFTER_QUESTION_MARK.split(sentence)]


def without_trailing_scene(question: str) -> str:
    """The question without what the asker says of themselves after it, when that is all that follows."""
    sentences = message_sentences(question)
    asking = [i for i, sentence in enumerate(sentences) if is_question(sentence)]
    if not asking or asking[-1] == len(sentences) - 1:
        return question
    tail = sentences[asking[-1] + 1:]
    if not all(_ABOUT_THE_ASKER.match(sentence.strip()) for sentence in tail):
        return question
    return " ".join(sentences[:asking[-1] + 1])


# "I'm writing guidance for CS students who don't want to do modelling. What would a software engineer do on an ML
# project?": the question names its own role and points at nothing in the scene before it. One pointing back ("What are
# they responsible for?") needs the scene.
_POINTS_INTO_SCENE = re.compile(r"\b(?:they|them|their|that|this|these|those|it|such)\b", re.I)


def question_after_scene(question: str) -> str:
    """The question sentences after what the asker says of themselves, when they name their own role and point at
    nothing in that scene; empty otherwise."""
    sentences = message_sentences(question)
    asking = [i for i, sentence in enumerate(sentences) if is_question(sentence)]
    if not asking or asking[0] == 0:
        return ""
    scene, asked = sentences[: asking[0]], " ".join(sentences[asking[0]:])
    if (not all(_ABOUT_THE_ASKER.match(sentence.strip()) for sentence in scene) or not find_roles(asked)
            or _POINTS_INTO_SCENE.search(asked)):
        return ""
    return asked


def _halfway(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The unit vector halfway between two vectors' directions."""
    mid = a / np.linalg.norm(a) + b / np.linalg.norm(b)
    return (mid / np.linalg.norm(mid)).astype(a.dtype)


def _turns(history: History | None, limit: int) -> list[tuple[str, str]]:
    """(role, text) of the last `limit` messages, oldest first, from either history format: a `[user, assistant]`
    pair is two messages."""
    turns: list[tuple[str, str]] = []
    for turn in list(history or [])[-limit:] if limit else []:
        if isinstance(turn, dict):
            turns.append((str(turn.get("role") or ""), _content_text(turn.get("content"))))
        elif isinstance(turn, (list, tuple)) and turn:
            turns.append(("user", _content_text(turn[0])))
            if len(turn) > 1 and turn[1]:
                turns.append(("assistant", _content_text(turn[1])))
    return [(role, strip_markup(text)) for role, text in turns if text and text.strip()]



def user_questions(history: History | None, limit: int) -> list[str]:
    """The user's earlier questions, oldest first, from either history format.

    Accepts `[{"role": "user", "content": ...}, ...]` (OpenAI/Gradio messages, content a string or a
    list of parts) and `[[user, assistant], ...]` (question files). Only the last `limit` messages count.
    """
    return [text for role, text in _turns(history, limit) if role == "user"]


def conversation(history: History | None, limit: int) -> list[str]:
    """Every earlier message, the assistant's included, oldest first: where "that company" finds its name."""
    return [text for role, text in _turns(history, limit) if role in {"user", "assistant"}]


def last_reply(history: History | None, limit: int) -> str:
    """The assistant's last message, or empty: what "the second one" counts in."""
    return next((text for role, text in reversed(_turns(history, limit)) if role == "assistant"), "")


class Assistant:
    """Answers career questions from the indexed corpus, always citing the passages it used."""

    def __init__(self, settings: Settings, index: Index) -> None:
        self.settings = settings
        self.index = index
        self._lock = threading.Lock()
        # Passage token vectors outlive reloads: ids are content hashes, so only new passages are encoded.
        self.passage_tokens = PassageTokens(index.embeddings, settings.token_cache_passages)
        # The chat model (if the settings name one) writes answers; the extractive answerer stays the fallback.
        self.generator = (GenerativeAnswerer(settings, index.embeddings)
                          if settings.answerer != "extractive" else None)
        self.question_bank = self._load_question_bank()
        self.reload()

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **overrides: Any) -> Assistant:
        """Open the index named by the settings (environment variables CAREER_*, then overrides)."""
        settings = settings or get_settings(**overrides)
        return cls(settings, open_index(settings))

    # ------------------------------------------------------------ index lifecycle

    def _load_question_bank(self) -> QuestionBank | None:
        """The question bank the settings name, its vectors from the cache folder or encoded once."""
        path = self.settings.question_bank_path
        if path is None:
            return None
        if not path.is_file():
            raise QuestionFileError(f"question bank {path} does not exist (CAREER_QUESTION_BANK)")
        entries = load_bank(path)
        vectors = bank_vectors([e.question for e in entries], self.index.embeddings.encode_uncached,
                               self.settings.cache_dir, self.index.embeddings.sha256)
        return QuestionBank(entries, vectors)

    def reload(self) -> None:
        """Re-read the passages into memory (lexical index, topics) after the index changed."""
        corpus = Corpus(self.index.all_passages(), self.passage_tokens, self.question_bank)
        self.passage_tokens.warm(corpus.passages)
        with self._lock:
            self.corpus = corpus
            self.answerer = ExtractiveAnswerer(self.index, corpus, self.settings.max_answer_sentences)
            self.topics = _topics(corpus)
            if self.generator is not None:
                self.generator.idf = corpus.idf

    @contextlib.contextmanager
    def question_bank_leaving_out(self, questions: Iterable[str]) -> Iterator[None]:
        """Within the block the question bank does not consult these questions: an evaluation never scores a question
        file with the help of its own questions."""
        with self._lock:
            corpus = self.corpus
            kept = corpus.bank
            if kept is not None:
                corpus.bank = kept.leaving_out(questions)
        try:
            yield
        finally:
            corpus.bank = kept

    def ingest(self, *, rebuild: bool = False, show_progress: bool | None = False) -> IngestReport:
        report = ingest(self.index, self.settings.corpus_dir, chunk_size=self.settings.chunk_size,
                        chunk_overlap=self.settings.chunk_overlap, rebuild=rebuild, show_progress=show_progress)
        self.reload()
        return report

    def ensure_index(self) -> IngestReport | None:
        """Build the index when it is empty (first run); returns the report, or None when nothing was done."""
        if self.index.count():
            return None
        return self.ingest(show_progress=None)

    def health(self) -> dict:
        return {"status": "ok", "documents": len({p.doc_id for p in self.corpus.passages.values()}),
                "chunks": len(self.corpus)}

    # ------------------------------------------------------------ questions

    def _validate(self, question: Any) -> str:
        if not isinstance(question, str):
            raise InvalidQuestion("the message must be text")
        if len(question) > self.settings.max_message_chars:
            raise QuestionTooLong(f"the message has {len(question)} characters; the limit is {self.settings.max_message_chars}")
        text = strip_markup(question)
        if not text:
            raise InvalidQuestion("the message is empty")
        return text

    def _prepare(self, question: Any, history: History | None) -> Query:
        # "wat do hardwear engineers do": the question as the corpus would spell it.
        text = correct_spelling(self._validate(question), self.corpus.vocabulary)
        # "do they work w other engineers" earlier in the chat reads like the question itself, as the corpus spells it.
        earlier = [correct_spelling(q, self.corpus.vocabulary) for q in user_questions(history, self.settings.max_history_turns)]
        # "…at that company itself?" after an answer quoting Sertis: the question is about Sertis, whoever named it.
        named = resolve_named_pointer(text, conversation(history, self.settings.max_history_turns),
                                      self.corpus.organisations)
        # "Can you expand on the second one?": the second item of the last reply's list, or of the roles asked about.
        reply = last_reply(history, self.settings.max_history_turns)
        named = named or resolve_ordinal(text, earlier, reply)
        # "Which of those should I start with?": a choice among the items of the last reply's list.
        named = named or resolve_choice(text, earlier, reply)
        # "can you give me an example?" names no role and has no key word: it asks about what the last question did. So
        # does "why does it matter so much? I was an accountant, numbers don't scare me": the statement only sets the scene.
        sentences = message_sentences(text)
        asked = " ".join(s for s in sentences if is_question(s)) or text
        asks_nothing = bool(earlier) and not find_roles(text) and not key_terms(asked)
        standalone = named or condense(text, earlier, self.corpus.counterparts, asks_nothing=asks_nothing,
                                       chosen=chosen_role(earlier, reply), replied=replied_role(reply))
        if earlier and self.generator is not None and self.settings.llm_condense and (standalone != text or not find_roles(text)):
            # Only a real follow-up (the offline condenser rewrote it, or it names no role of its own) goes to
            # the model; anything unusable it writes leaves the offline rewrite in place.
            standalone = self.generator.condense(text, earlier) or standalone
        encoded = vector_text(standalone)
        vector, tokens = self.index.embeddings.encode_with_tokens(encoded)
        content = content_rows(encoded, tokens)
        asked_part = without_trailing_scene(standalone) if standalone == text else standalone
        # "who handles…? is that the ML engineer too??": searched for what is done, not for the role guessed at.
        guessed = without_guessed_role(asked_part)
        searched = guessed or options_set_aside(asked_part)
        if searched != standalone:
            # The search looks for what is done; the gate still reads every word the asker wrote, roles included.
            searched = vector_text(searched)
            vector, searched_tokens = self.index.embeddings.encode_with_tokens(searched)
            content = content_rows(searched, searched_tokens)
        # A question searched without its roles keeps that vector: the question after the scene would bring them back.
        after_scene = question_after_scene(asked_part) if standalone == text and searched == asked_part else ""
        if after_scene:
            # The scene weighs half: searched without it, fit questions ("I love maths. Would an ML engineer role suit
            # me?") lost what they ask about (seven fixture questions down for two up); searched with it in full, "I'm a
            # 34-year-old accountant at Deloitte…" pulled away from how an ML engineer builds a model.
            vector = _halfway(vector, self.index.embeddings.encode_with_tokens(vector_text(after_scene))[0])
        # A follow-up with words of its own read with the last question ("…those? (Are ML certifications worth getting)")
        # is searched with it, but judged as the asker wrote it: the last question's words and the passages they find
        # would make "Do they replace a degree?" read as answered by the certification passage.
        own = own_part(standalone, earlier)
        judged = own if own and not asks_nothing else ""
        # The role guessed at is no role whose passages answer: the answer's sentences are not marked down for others.
        roles = frozenset() if guessed else role_keys(standalone)
        return Query(standalone, vector, lexical_stems(plain_wording(asked_part)), roles, tokens, content, encoded, judged)

    def _search(self, query: Query, k: int, *, for_gate: bool = False) -> list[Scored]:
        return hybrid_search(self.index, self.corpus, query, k, for_gate=for_gate)

    def retrieve(self, question: str, history: History | None = None, k: int | None = None) -> list[Source]:
        """The passages best matching the question (after follow-up resolution), best first."""
        query = self._prepare(question, history)
        return [Source.of(s, self.corpus)
                for s in self._search(query, k or self.settings.top_k)]

    def ask(self, question: str, history: History | None = None) -> Answer:
        """A cited answer, or a plain abstention when the corpus does not answer the question."""
        for item in self._answer(question, history):
            if isinstance(item, Answer):
                return item
        raise AssertionError("no answer was produced")  # pragma: no cover - _answer always ends with one

    def stream(self, question: str, history: History | None = None) -> Iterator[str | Answer]:
        """Text deltas of the answer; the last item is the complete `Answer` (with its sources).

        Extractive answers and abstentions stream their final text. A chat model's tokens stream raw, as
        it writes them; the final `Answer.text` is the verified text (unsupported sentences removed,
        citations re-pointed), which may differ from the deltas: show `Answer.text` at the end.
        """
        streamed = False
        for item in self._answer(question, history):
            if isinstance(item, Answer):
                if not streamed:
                    yield from stream_text(item.text)
                yield item
            else:
                streamed = True
                yield item

    def _answer(self, question: str, history: History | None) -> Iterator[str | Answer]:
        """The model's raw deltas (when a chat model answers), then the final Answer."""
        kind = small_talk(self._validate(question))
        if kind:
            # "thanks!" asks nothing: read as a follow-up it would repeat the last answer, read alone it would be refused.
            yield Answer(small_talk_text(kind, self.corpus, self.topics), [], True, question, question,
                         note="small talk: nothing to look up")
            return
        query = self._prepare(question, history)
        if query.judged:
            own = self._prepare(query.judged, None)
            own_top = self._search(own, self.settings.top_k, for_gate=True)
            verdict = judge(own.text, own_top, self.corpus, self._aligner(own, own_top))
        else:
            seen = self._search(query, self.settings.top_k, for_gate=True)
            verdict = judge(query.text, seen, self.corpus, self._aligner(query, seen))
        if not verdict.answerable:  # the gate runs first: an out-of-scope question never reaches a model
            yield Answer(abstention_text(verdict, self.corpus, self.topics), [], True, question, query.text,
                         note=verdict.reason)
            return
        top = self._search(query, self.settings.top_k)
        if self.generator is None:
            yield self._extractive(question, query, top, verdict)
            return
        yield from self._generated(question, query, top, verdict)

    def _aligner(self, query: Query, top: list[Scored]) -> WordAligner | None:
        if query.tokens is None:
            return None
        rows = self.corpus.token_rows([s.passage.id for s in top])
        return WordAligner(query.encoded or query.text, query.tokens, rows.values())

    def _extractive(self, question: str, query: Query, top: list[Scored], verdict: Verdict) -> Answer:
        text, sources = self.answerer.answer(query, top)
        if not sources:
            return Answer(abstention_text(verdict, self.corpus, self.topics), [], True, question, query.text,
                          note="no sentence of the passages answers the question")
        return Answer(text, sources, False, question, query.text)

    def _generated(self, question: str, query: Query, top: list[Scored], verdict: Verdict) -> Iterator[str | Answer]:
        """Stream the chat model's answer, verify it, and fall back to the extractive answer when it fails."""
        assert self.generator is not None
        passages = [Source.of(s, self.corpus)
                    for s in top]
        parts: list[str] = []
        try:
            for delta in self.generator.stream(query.text, passages):
                parts.append(delta)
                yield delta
        except GenerationError as exc:
            yield self._fallback(question, query, top, verdict, str(exc), "".join(parts))
            return
        verified = self.generator.verify("".join(parts), passages)
        report = verified.report()
        if not verified.kept:
            # The gate found the passages on topic, so their best sentences are still worth quoting, even when
            # the model said they do not answer (small models say so too often).
            reason = ("the model said the passages do not answer the question" if _DECLINED.search(verified.generated)
                      else "no generated sentence is supported by the passages")
            yield self._fallback(question, query, top, verdict, reason, verified.generated, report)
            return
        yield Answer(verified.text, verified.sources, False, question, query.text, note=verified.note,
                     answerer=self.generator.name,
                     verification={"status": "verified", "text": verified.text, "reason": verified.note, **report})

    def _fallback(self, question: str, query: Query, top: list[Scored], verdict: Verdict, reason: str,
                  generated: str, report: dict | None = None) -> Answer:
        log.warning("answering extractively instead: %s", reason)
        answer = self._extractive(question, query, top, verdict)
        answer.note = f"The language model's answer could not be used ({reason}); this answer quotes the passages instead."
        answer.verification = {"status": "fallback", "text": answer.text, "reason": reason,
                               **(report or {"kept": [], "removed": [], "generated": generated})}
        return answer


def _topics(corpus: Corpus) -> list[str]:
    """Section headings that name a role or ask a question, shortest first: what to suggest asking about."""
    headings = {p.heading.split(" › ")[-1] for p in corpus.passages.values() if p.heading}
    useful = [h for h in headings if h.endswith("?") or find_roles(h)]
    return sorted(useful or headings, key=lambda h: (len(h), h))
