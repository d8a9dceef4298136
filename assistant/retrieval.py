"""Hybrid passage search: dense passage and sentence vectors, BM25 and token-level late interaction, fused.

Each signal covers another's blind spot: passage vectors carry the topic (title and heading are
embedded with the text), sentence vectors find the one sentence that paraphrases the question inside
a long passage, BM25 catches exact rare terms (tool names, "SQL", "Kubernetes"), and late interaction
matches the question word by word in context, which finds paraphrases that share no words with the
passage (alignment.py), and questions asked before point at the passages that answered them (question_bank.py).
Scores are fused as a weighted sum of similarities rather than ranks, so a
strong signal is not flattened by rank fusion. A question asking for named things ("Which tools…", "data engineer
tools?") also prefers passages that name some, one asking for an example passages that give one, one asking for the
steps of a piece of work passages that lay out a sequence, one asking what a role does passages that state its duty,
one asking how a career will fare passages saying its people are needed more and more, one asking how two roles' work
fits together passages saying one's work takes in the other's, one asking what a role hands over passages saying what
it provides others, one asking for an example of how two roles differ an example that sets them apart, one asking
which temperament a role calls for passages saying what mindset it needs, one asking whether something holds at every
employer passages saying it differs from one organisation to the next, one asking for a role's skills the list of them,
one about one role the section on that role alone,
and a section's opening passage in a near tie with one of its own subsections gives way to it (to the one whose heading
the question names, "› Differences", if any; an opening that announces a list, which the answer quotes, only to a
subsection the question names). The retriever is also a LangChain `BaseRetriever`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Set
from dataclasses import dataclass, field

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict
from rank_bm25 import BM25Okapi

from .alignment import PassageTokens, max_sim
from .embeddings import TokenVectors
from .followups import MY_WORK, asked_roles, asker_role, counterparts, refers_back, role_keys, roles_overlap
from .index import Index, PassageRecord
from .question_bank import BankTargets, QuestionBank
from .spelling import vocabulary_of
from .text import ABBREVIATIONS, AFTER_QUESTION_MARK, EXAMPLE_OPENING, is_link_line, lexical_stems, split_sentences, stem

# Fusion weights: dense passage cosine, best sentence cosine, BM25 normalized to the best hit, late
# interaction (mean best token cosine). They sum to 1, so the fused score stays on the cosine scale.
# BM25 at 0.10 (late 0.35) had been set on a few sets; over 122 sets (3866 answerable) a grid over the four weights puts
# BM25 at 0.05 to 0.075 with late interaction taking the rest: 0.075 (late 0.375) moves hit@1 .914 -> .921 on the 98
# older sets and .866 -> .874 on the 24 newest, which no weight had been tuned on (with the one-role preference below
# in both); 0.05 gains about as much with more churn, 0.025 and 0 lose on the older sets.
W_PASSAGE, W_SENTENCE, W_LEXICAL, W_LATE = 0.25, 0.30, 0.075, 0.375
# The relevance gate reads the passages ranked the way its rules were calibrated on: BM25 at 0.10, late interaction at
# 0.35, no preference for a role's own section (`hybrid_search(..., for_gate=True)`). It asks whether the corpus speaks
# of the question's words, not which passage answers best; ranked for the answer, a better answer pushed out of its four
# the passage speaking of a word, and eight fixture questions in scope were refused ("…a whole range of automated
# stuff… What was that range exactly?") and one out of scope answered.
GATE_W_LEXICAL, GATE_W_LATE = 0.10, 0.35
# Late interaction re-scores only the best first-stage candidates: it needs each passage's token vectors.
LATE_CANDIDATES = 20
# Subtracted when the question names a role and the passage's headings name only other roles
# ("What tools do data engineers use?" vs a section on machine learning engineers).
ROLE_MISMATCH_PENALTY = 0.08
# Added when the question names one role and the passage's heading names that role alone: blind writers answer "on an
# AI project where does a regular software engineer fit in?" from "… › Software Engineer" more often than from the
# section on the pair ("Machine learning engineer and software engineer: the collaboration"). Over 122 sets (3866
# answerable) 0.02 moves hit@1 .907 -> .914 on the 98 older sets and .859 -> .866 on the 24 newest; 0.01 and 0.03 gain
# less. Of the nine such software-engineer questions in fresh103-126 it moves three to rank 1; the rest stay at 2 or 3.
W_OWN_ROLE = 0.02
SENTENCE_CANDIDATES = 40
# Answer type: "Which languages / frameworks / tools …" is answered by a passage that names such things
# ("fluent in Python and R and well-versed in TensorFlow and PyTorch"), which word and vector
# similarity rank below passages about the role in general. Added at four or more names, in proportion below.
W_NAMED = 0.10
NAMED_SATURATION = 4
# A section's opening passage ("Although they share the same purpose, … do different tasks.") that only just
# outranks one of its own subsections ("Differences") gives way to it: the subsection says what the opening
# announces. Measured on our tuning sets: any margin from 0.05 up gives the same ranks (0.03 loses one question).
SUBSECTION_MARGIN = 0.10
# Answer type: a question asking for an example prefers passages that give one. Over all eighteen question sets
# 0.05 and 0.10 gain the same two questions at hit@1 and lose none; the smaller weight moves less.
W_EXAMPLE = 0.05
# Answer type: a question asking how work proceeds ("walk me through the steps…", "what happens first when a project
# kicks off?") prefers passages with a sentence that lays out a sequence ("The development process begins with…").
# Over all 23 question sets 0.08 gains twelve questions' ranks (seven at rank 1) and loses none; 0.05 gains one fewer
# at rank 1, 0.10 and 0.15 the same as 0.08.
W_PROCESS = 0.08
# Answer type: a question on how a project starts ("how do ML projects usually get started?", "what does the very start
# of an ML project look like?", "is there a planning phase before anyone builds anything?") prefers, beyond any sequence
# of work, a passage with a sentence naming a project's first steps ("…are commonplace first steps in… machine learning
# development initiatives"), which MiniLM ranked below the passages on what one role does first. Over 90 sets (2909
# answerable) 0.08 moves five questions to rank 1 and none down; 0.05 one fewer, 0.12 also moves one down.
W_PROJECT_START = 0.08
# Answer type: a question asking what a role does ("what does the data scientist actually do all day?") prefers passages
# with a sentence stating that role's duty ("a data scientist's job is to gather information…", "…are responsible for…"),
# which MiniLM ranks level with a neighbouring passage that only names the role ("…data scientists and machine learning
# engineers have many common competencies"). Over all 24 sets (741 answerable) 0.04 moves six questions to rank 1 and
# one from it (hit@1 .861 → .868, MRR .911 → .915), with no change in abstention; 0.03 and 0.05 gain one fewer.
# A role as the subject of what it does ("A software engineer develops the backend systems…") states its duty too, and
# only the role the question asks about earns it ("…vs data scientist - what does the data scientist do?"): over 29 sets
# (893 answerable) three more at rank 1 ("On an ML project, what does the software engineer build?") and two closer; two
# from rank 1 to 2, both "how does X's work connect to what Y builds?", which the duty bonus had helped by chance.
W_DUTY = 0.04
# Answer type: a question naming two roles ("how do ML engineers and software engineers work together?") prefers passages
# about the pair, whose headings name both and whose text names them ("Machine learning engineer and software engineer: the
# collaboration"), over a section on one of them that mentions the other ("Software Engineer: Software and machine
# learning engineers must work closely together…"). Over all 25 sets and a blind one (797 answerable), with "work
# together" read as collaborate, 0.03 moves seven questions to rank 1 and five closer, and one from rank 3 to 4 (hit@1
# .872 → .881); 0.02 gains four fewer at rank 1, 0.05 one fewer.
W_PAIR = 0.03
# Answer type: a question on a career's outlook ("Is ML engineering a career with a future?", "is it a fad?", "will demand
# keep growing?") prefers passages saying people in a line of work are needed more and more ("…machine learning experts
# are becoming more important"), which MiniLM ranks level with passages on what the role does. A sentence on the
# technology's own rise ("machine learning plays an increasingly vital role") is not about the career, and one on how
# wanted a career is now ("two highly sought-after professions") is no trend: counted as an outlook, the article's
# opening outranked the trend in three of fourteen outlook questions (over 30 sets and the blind fresh26, 957 answerable,
# dropping it moves those three to rank 1 and none down). With the opening no outlook, 0.05 left four outlook questions
# at rank 2 or 3 below it (its "highly sought-after professions" is close to "is demand going to keep growing?"): over
# 957 answerable 0.08 moves those four to rank 1 and none down; 0.12 the same.
W_OUTLOOK = 0.08
# Answer type: a question on how two roles' work fits together ("How do software engineers make use of what ML engineers
# build?", "how do app developers and ML engineers combine their work in one product?") prefers passages with a sentence
# saying one's work takes in the other's ("…applications that incorporate the model developed by a machine learning
# engineer"), over passages saying only that they work closely together. Over all 29 sets (893 answerable) 0.04 moves four
# questions to rank 1 and none down; 0.06 the same, 0.02 two fewer to rank 1, 0.08 one more. Over 33 sets (1021
# answerable, with "software devs" and "the model person" read as roles), 0.08 moves two more to rank 1 than 0.04 ("How do
# software devs and the ML folks combine their work into one product?") and none down; 0.06 none.
W_INTEGRATION = 0.08
# Answer type: a question on what a role hands over to others ("What do data scientists hand over to the rest of the
# company?", "how do they put their work out there for other people to use?") prefers passages with a sentence saying what
# a role provides others ("Data scientists provide visualizations and dashboards for widespread usage", "making work
# accessible to others"), over passages on what the role does. Over 30 sets with the blind fresh24 and fresh25 (925
# answerable), with "what do X hand over" no longer read as a duty question: 0.06 moves eleven questions to rank 1 and
# none down; 0.08 and 0.10 the same, 0.04 two fewer, 0.02 eight fewer.
W_DELIVERABLE = 0.06
# Answer type: an example of how two roles differ ("an everyday example that shows the difference between the two", "which
# part of an app a software engineer builds and which part comes from an ML engineer") prefers, beyond any example, one
# that sets the two apart ("…was built by a software engineer… On the other hand, … is enabled by a machine learning
# engineer"), over one of the two working side by side ("…a software engineer would build the robot… Meanwhile, a machine
# learning engineer would develop…"). Over 30 sets (925 answerable) 0.08 moves five questions to rank 1 (from 2, 2, 2, 5
# and 6) and none down; 0.12 the same, 0.05 one fewer, 0.03 two fewer.
W_CONTRAST = 0.08
# Answer type: a question on which temperament a role calls for ("I'm more of a trial-and-error person than a rigid planner:
# which role fits me?", "which of the two suits my personality?") prefers passages saying what mindset a role needs
# ("They often require an open-minded mindset to experiment…"), over passages on trial and error as a skill or on the roles
# in general. A question that only names a working style ("is ML mostly trial and error?") asks about the work, not the
# asker's fit, and is no such question. Over 31 sets (957 answerable) 0.08 moves six questions to rank 1 (from 2, 2, 2, 3,
# 4 and 8) and none down; 0.12 the same, 0.05 two fewer, 0.03 three fewer.
W_MINDSET = 0.08
# Answer type: a question on whether what was said holds at every employer ("Is the split of work between them the same at
# every company?", "does every company split it up like that?") prefers passages saying it differs from one organisation
# to the next ("…precise division of labor and scope may change from one organization to the next"), a sentence at the
# end of a section on another role (DevOps), which word and vector similarity rank below passages on who does what. Asked
# in fourteen of 31 sets; over 957 answerable 0.08 moves five questions to rank 1 (from 2, 2, 3, 3 and 4) and none down;
# 0.12 the same, 0.05 one fewer, 0.03 two fewer.
W_VARIATION = 0.08
# Answer type: a question asking for the skills a role needs as a whole ("I'm a student thinking about becoming an ML
# engineer. Which skills should I work on?", "what else is on the software engineer skills checklist?") prefers the list
# of skills under a heading naming them, which MiniLM ranks level with one tip whose heading says "skills" ("Innovative
# Thinking and Problem-solving Skills") or with the role's overview. Over 33 sets (1021 answerable) 0.05 moves four
# questions to rank 1 and one from it ("which languages and frameworks and know-how should be on my list?", whose gold
# names them); 0.03 the same, 0.08 two more up and four more down.
W_SKILLS = 0.05
# Questions asked before (question_bank.py): each of the three bank questions closest to the question adds its cosine,
# if at least 0.5, to the passages it points at. `python benchmarks/bank_sweep.py`, leave one set out over 176 sets
# (5,596 answerable; the bank built from the other sets' in-scope questions, never from dev.jsonl), on the fused score
# before the subsection rule: hit@1 .876 -> .942, hit@4 .983 -> .990, MRR .924 -> .964; on the 36 newest sets .843 ->
# .935. One to five neighbours, a floor from 0 to 0.7 and a weight from 0.10 to 0.15 gain within .005 of it; the
# smallest weight and a middle floor were kept, so that a question unlike any asked before (an article added later) is
# ranked as without a bank. The relevance gate does not read it: whether the corpus answers is a question about the passages.
W_BANK = 0.10
BANK_NEIGHBOURS = 3
BANK_FLOOR = 0.5


@dataclass(frozen=True)
class Scored:
    """A passage with its fused score and the signals behind it."""

    passage: PassageRecord
    score: float
    dense: float
    sentence: float
    lexical: float
    late: float = 0.0
    asked: float = 0.0  # cosine of the closest bank question pointing at the passage (0: none, or the gate's view)


@dataclass
class Query:
    """A question prepared once for every signal: its text, its vector and its content stems."""

    text: str
    vector: np.ndarray
    stems: list[str] = field(default_factory=list)
    roles: frozenset[tuple[str, str]] = frozenset()
    tokens: TokenVectors | None = None  # every word piece, for the gate's word alignment
    content_tokens: np.ndarray | None = None  # the content words' pieces, for late interaction
    encoded: str = ""  # the text the vector and tokens were computed from, when not `text`
    judged: str = ""  # a follow-up read with the last question, as the asker wrote it: what the relevance gate judges
    # The vector searches and late-interaction scores, kept for a second ranking of the same query (the gate's view).
    signals: dict[str, dict[str, float]] = field(default_factory=dict, repr=False, compare=False)


class Corpus:
    """The in-memory side of the index: passages by id, BM25 over them and document frequencies."""

    def __init__(self, passages: list[PassageRecord], tokens: PassageTokens | None = None,
                 bank: QuestionBank | None = None) -> None:
        self.passages = {p.id: p for p in passages}
        self.tokens = tokens
        # Questions asked before, as pointers to the passages of this corpus that answered them.
        self.bank: BankTargets | None = bank.targets(passages) if bank is not None and len(bank) else None
        self.order = [p.id for p in passages]
        self.stems = [lexical_stems(f"{p.title} {p.heading} {p.text}") for p in passages]
        self.bm25 = BM25Okapi(self.stems) if passages else None
        df: Counter[str] = Counter()
        for stems in self.stems:
            df.update(set(stems))
        self.document_frequency = df
        # The gate judges a hyphenated word by its parts ("open-minded": open, mind), so passages cover them too.
        self.passage_stems = {pid: set(stems) | {stem(part) for s in stems if "-" in s for part in s.split("-") if part}
                              for pid, stems in zip(self.order, self.stems)}
        self.passage_roles = {p.id: role_keys(p.heading) for p in passages}
        self.passage_names = {p.id: named_things(p.text) for p in passages}
        self.links = frozenset(p.id for p in passages if is_link_line(p.text))
        self.text_roles = {p.id: role_keys(p.text) for p in passages}
        # Passages with a sentence that opens an example ("For instance, …"): what a question asking for one prefers.
        self.examples = frozenset(p.id for p in passages if any(_GIVES_EXAMPLE.match(x) for x in split_sentences(p.text)))
        # Example passages that set two roles apart ("For instance, … On the other hand, …"): an example of a difference.
        self.contrasts = frozenset(pid for pid in self.examples if gives_contrast(self.passages[pid].text))
        # Passages with a sentence that lays out a sequence of work: what a question asking for the steps prefers.
        self.processes = frozenset(p.id for p in passages if any(_GIVES_PROCESS.search(x) for x in split_sentences(p.text)))
        # Passages with a sentence naming a project's first steps: how a project starts.
        self.project_starts = frozenset(p.id for p in passages if any(gives_project_start(x) for x in split_sentences(p.text)))
        self.duties = {p.id: duty_roles(p) for p in passages}
        # Passages with a sentence saying people in a line of work are needed more and more: a career's outlook.
        self.outlooks = frozenset(p.id for p in passages if any(gives_outlook(x) for x in split_sentences(p.text)))
        # Passages with a sentence saying one role's work takes in another's: how two roles' work fits together.
        self.integrations = frozenset(p.id for p in passages if any(gives_integration(x) for x in split_sentences(p.text)))
        # Passages with a sentence saying what a role provides others: what a role hands over.
        self.deliverables = frozenset(p.id for p in passages if any(gives_deliverable(x) for x in split_sentences(p.text)))
        # Lists of skills under a heading naming them ("Essential skills for a software engineer: - Proficiency in…").
        self.skill_lists = frozenset(p.id for p in passages if gives_skill_list(p))
        # Passages with a sentence saying things differ from one organisation to the next: "is it the same everywhere?".
        self.variations = frozenset(p.id for p in passages if any(gives_variation(x) for x in split_sentences(p.text)))
        # Passages with a sentence on the mindset a role asks for: what a question on temperament prefers.
        self.mindsets = frozenset(p.id for p in passages if any(gives_mindset(x) for x in split_sentences(p.text)))
        # Passages with a sentence on what someone doing the work must be: what a question on attitude prefers.
        self.traits = frozenset(p.id for p in passages if any(gives_trait(x) for x in split_sentences(p.text)))
        self.subsections = _subsections(passages)
        # Sections that open on one sentence announcing their subsections ("Here are a few tips…"): on its own the
        # sentence says nothing, so the answerer quotes it only with the list it announces, or when nothing else answers.
        self.announcements = frozenset(p.id for p in passages if self.subsections[p.id] and len(split_sentences(p.text)) == 1)
        # An opening that announces a list ("Here are a few tips…", "Let's look at the several specializations…") has
        # its subsections' headings as that list, in reading order: what the answerer quotes when the opening ranks first.
        self.outlines = {pid: _outline(self.passages[pid], passages, self.subsections[pid]) for pid in self.announcements
                         if _ANNOUNCES_LIST.search(self.passages[pid].text)}
        # Every name the corpus uses, lower case ("python", "tensorflow"), recognised wherever a question puts
        # it; a word the corpus also writes in lower case ("Image Analysis Software" vs "software") is no name.
        lower = {w for p in passages for w in _WORDS.findall(p.text) if w.islower()}
        self.names = frozenset(n.lower() for names in self.passage_names.values() for n in names) - lower
        # The names it writes as a place or an owner ("At Sertis, we…", "Sertis' lifelong-learning environment"), not
        # as a tool ("in Python"): what "that company" in a follow-up can mean.
        text = "\n".join(p.text for p in passages)
        self.organisations = frozenset(n for n in self.names if re.search(
            rf"\bat {re.escape(n)}\b|\b{re.escape(n)}(?:'|’)(?:s\b)?", text, re.I))
        # The roles its titles and headings set against each other: "the other one" in a follow-up.
        self.counterparts = counterparts(sorted({p.title for p in passages} | {h for p in passages for h in p.heading.split(" › ")}))
        # Its words, as a misspelled question word is mended to them ("hardwear" → "hardware").
        self.vocabulary = vocabulary_of([f"{p.title} {p.heading} {p.text}" for p in passages])
        # Every job title the corpus names anywhere: the gate refuses questions about other roles.
        self.role_names: set[tuple[str, str]] = set()
        for p in passages:
            for line in (p.title, *p.heading.split(" › "), *p.text.splitlines()):
                for sentence in split_sentences(line):
                    self.role_names |= role_keys(sentence)

    def __len__(self) -> int:
        return len(self.order)

    def idf(self, stem: str) -> float:
        """Rarity of a stem in the corpus; unseen stems get the highest weight."""
        n = max(len(self.order), 1)
        return float(np.log((n + 1) / (self.document_frequency.get(stem, 0) + 0.5)))

    def titles(self) -> list[str]:
        return sorted({p.title for p in self.passages.values()})

    def token_rows(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Token vectors of these passages (empty when the corpus was built without a token store)."""
        return self.tokens.get(ids, self.passages) if self.tokens is not None else {}


def hybrid_search(index: Index, corpus: Corpus, query: Query, k: int, *, for_gate: bool = False) -> list[Scored]:
    """The `k` best passages for a prepared query, best first; `for_gate`: ranked for the relevance gate."""
    w_lexical, w_late, w_own = (GATE_W_LEXICAL, GATE_W_LATE, 0.0) if for_gate else (W_LEXICAL, W_LATE, W_OWN_ROLE)
    if not len(corpus):
        return []
    if "dense" not in query.signals:
        query.signals["dense"] = dict(index.search_passages(query.vector, len(corpus)))
        sentence: dict[str, float] = {}
        for hit in index.search_sentences(query.vector, SENTENCE_CANDIDATES):
            sentence[hit.chunk_id] = max(sentence.get(hit.chunk_id, -1.0), hit.similarity)
        query.signals["sentence"] = sentence
    dense, sentence = query.signals["dense"], query.signals["sentence"]
    late_of: dict[str, float] = query.signals.setdefault("late", {})
    lexical: dict[str, float] = {}
    if corpus.bm25 is not None and query.stems:
        raw = corpus.bm25.get_scores(query.stems)
        top = float(raw.max()) if len(raw) else 0.0
        if top > 0:
            lexical = {pid: float(s) / top for pid, s in zip(corpus.order, raw)}
    first: dict[str, tuple[float, float, float, float, float]] = {}
    # A link line ("Find open positions … at: https://…/jobs") answers where to apply and nothing else; under its
    # section's heading it reads close to questions on the section ("how do ML and software engineers work together?").
    linked = () if asks_where_to_apply(query.text) else corpus.links
    # "Mechanical engineer here. …which job is about the chips and boards?": a role no passage describes is the asker's
    # own, and says nothing of which section answers.
    described = frozenset(r for r in asked_roles(query.text) if roles_overlap({r}, corpus.role_names))
    penalised = bool(described) and not asks_which_role(query.text)
    # "Will his ML engineer title mean the same duties at every company?": that the split of work differs from one
    # organisation to the next is said once, under whichever role's section it closes, and holds for every role.
    varies = asks_whether_it_varies(query.text)
    asked_before = (corpus.bank.neighbours(query.vector, BANK_NEIGHBOURS, BANK_FLOOR)
                    if corpus.bank is not None and not for_gate else {})
    for pid in corpus.order:
        if pid in linked:
            continue
        d = dense.get(pid, 0.0)
        s = sentence.get(pid, d)  # sentences outside the candidate set are no better than the passage
        lx = lexical.get(pid, 0.0)
        asked = asked_before.get(pid, 0.0)
        score = W_PASSAGE * d + W_SENTENCE * s + w_lexical * lx + W_BANK * asked
        passage_roles = corpus.passage_roles.get(pid)
        if (penalised and passage_roles and not roles_overlap(described, passage_roles)
                and not (varies and pid in corpus.variations)):
            score -= ROLE_MISMATCH_PENALTY
        elif penalised and len(described) == len(passage_roles) == 1 and roles_overlap(described, passage_roles):
            score += w_own
        first[pid] = (score, d, s, lx, asked)
    # The answer type counts before the cut: an example that sets two roles apart can sit outside the first-stage best
    # ("an everyday example of where a programmer's work stops and an ML engineer's starts" ranked the spam example 21st).
    bonus = answer_type_bonus(query.text, list(first), corpus)
    candidates = sorted(first, key=lambda pid: first[pid][0] + bonus.get(pid, 0.0), reverse=True)[: max(LATE_CANDIDATES, k)]
    if query.content_tokens is not None:
        rows = corpus.token_rows([pid for pid in candidates if pid not in late_of])
        late_of.update((pid, max_sim(query.content_tokens, row.astype(np.float32))) for pid, row in rows.items())
    scored = []
    for pid in candidates:
        score, d, s, lx, asked = first[pid]
        score += bonus.get(pid, 0.0)
        if late_of:
            late = late_of.get(pid, 0.0)
            score += w_late * late
        else:  # no token vectors: the other signals alone, rescaled to the same range
            late = 0.0
            score /= 1.0 - w_late
        scored.append(Scored(corpus.passages[pid], score, d, s, lx, late, asked))
    scored.sort(key=lambda s: s.score, reverse=True)
    # "What separates an ML engineer from a data scientist?" names the "› Differences" subsection in other words.
    asked = set(query.stems) | (_DIFFERENCE_STEMS if _ASKS_DIFFERENCE.search(query.text) else set())
    return prefer_subsection(scored, corpus.subsections, SUBSECTION_MARGIN, asked, query.roles, corpus.outlines)[:k]


# The words for a difference that a question on how two roles differ and one asking for an example of it both use.
_DIFFERENCE_WORDS = r"differen\w*|diff|distinguish\w*|apart|vs\.?|versus"
_ASKS_DIFFERENCE = re.compile(rf"\b(?:{_DIFFERENCE_WORDS}|separates?|same (?:job|thing|role|work)|identical|interchangeable)\b",
                              re.I)
_DIFFERENCE_STEMS = frozenset(lexical_stems("differences"))


# "…my ML people can't get usable inputs. What kind of engineer sorts that out?": the role asked for is not one named.
_ASKS_WHICH_ROLE = re.compile(r"\b(?:what|which)\s+(?:kind|type|sort)s?\s+of\s+(?:engineers?|roles?|specialists?|"
                              r"professionals?|persons?|people|hires?)\b", re.I)


# "who handles all the data stuff…? is that the ML engineer too??": the role named after a question asking who does
# something is the asker's guess at the answer.
_ASKS_WHO_DOES = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:who|which (?:role|job|engineer|person|team))\b", re.I)
_GUESS = re.compile(r"^\W*(?:(?:or|so|and)\s+)?(?:is|would|will|could|does|isn'?t|wouldn'?t)\s+(?:that|it|this)\s+"
                    r"(?:(?:also|just|usually|normally)\s+)?(?:be\s+)?(?:(?:also|just)\s+)?(?:the|an?|my|our)\b", re.I)


def without_guessed_role(question: str) -> str:
    """The question without a closing guess at who does it ("Who moves the data between systems? is that the ML
    engineer too??"), when the question before it names no role; empty otherwise."""
    parts = [part for part in AFTER_QUESTION_MARK.split(question.strip()) if part]
    if len(parts) < 2 or not _GUESS.match(parts[-1]) or not role_keys(parts[-1]):
        return ""
    asked = " ".join(parts[:-1])
    if not any(_ASKS_WHO_DOES.match(part) for part in parts[:-1]) or role_keys(asked):
        return ""
    return asked


def asks_which_role(question: str) -> bool:
    """Whether the question asks which kind of engineer does something, so the roles it names set the scene rather
    than say whose section answers."""
    return bool(_ASKS_WHICH_ROLE.search(question)) or bool(without_guessed_role(question))


# "ml engineer vs swe, who gathers client requirements": asking which of two roles does something is answered by the
# passage on the one that does, not by one about the pair.
_ASKS_WHO = re.compile(r"\bwho\b", re.I)


def answer_type_bonus(question: str, candidates: list[str], corpus: Corpus) -> dict[str, float]:
    """What the candidates gain for giving the kind of answer the question asks for: named things ("Which tools…", in
    proportion to the names a passage gives that the question does not), an example ("Give me a real-life example…",
    one that sets two roles apart for "an example of the difference"), the steps of a piece of work ("Walk me through
    how a model is built"), a career's outlook ("a career with a future?": passages saying its people are needed more
    and more), how two roles' work fits together (passages saying one's work takes in the other's), what a role hands
    over to others (passages saying what it provides), which temperament a role calls for ("I'm a trial-and-error person:
    which role fits me?": passages saying what mindset it needs), whether something holds at every employer (passages
    saying it differs from one organisation to the next), the skills a role needs (the list of them), what a role does
    ("What does a data scientist do all day?": passages stating that role's duty) or two roles at once (passages about
    the pair)."""
    bonus: dict[str, float] = {}
    if asks_for_named_things(question):
        asked = {w.lower() for w in _WORDS.findall(question)}
        for pid in candidates:
            named = [n for n in corpus.passage_names.get(pid, ()) if n.lower() not in asked]
            bonus[pid] = W_NAMED * min(len(named), NAMED_SATURATION) / NAMED_SATURATION
    # Answer types a passage gives or not: an example, the steps of a piece of work, a career's outlook.
    for asks, givers, weight in ((asks_for_example, corpus.examples, W_EXAMPLE),
                                 (asks_for_process, corpus.processes, W_PROCESS),
                                 (asks_how_projects_start, corpus.project_starts, W_PROJECT_START),
                                 (asks_for_outlook, corpus.outlooks, W_OUTLOOK),
                                 (asks_how_work_fits, corpus.integrations, W_INTEGRATION),
                                 (asks_for_deliverable, corpus.deliverables, W_DELIVERABLE),
                                 (asks_for_contrast, corpus.contrasts, W_CONTRAST),
                                 (asks_about_mindset, corpus.mindsets, W_MINDSET),
                                 (asks_for_traits, corpus.traits, W_MINDSET),
                                 (asks_whether_it_varies, corpus.variations, W_VARIATION),
                                 (asks_for_skills, corpus.skill_lists, W_SKILLS)):
        if asks(question):
            for pid in candidates:
                if pid in givers:
                    bonus[pid] = bonus.get(pid, 0.0) + weight
    roles = asked_roles(question)
    if len(roles) >= 2 and not _ASKS_WHO.search(question):
        for pid in candidates:
            heading = corpus.passage_roles.get(pid, set())
            if all(roles_overlap({r}, heading) for r in roles) and roles_overlap(roles, corpus.text_roles[pid]):
                bonus[pid] = bonus.get(pid, 0.0) + W_PAIR
    duty = duty_asked(question) if roles else frozenset()
    if duty:
        for pid in candidates:
            if roles_overlap(duty, corpus.duties[pid]):
                bonus[pid] = bonus.get(pid, 0.0) + W_DUTY
    return bonus


_ASKS_FOR_DUTY = re.compile(r"\bwhat\b[^?.!]{0,80}?\b(?:do|does|doing|jobs?|roles?|duties|responsib\w+|in charge of|"
                            r"on the hook|lanes?|expected to own|"
                            r"day[- ]to[- ]day|all day|focus(?:es)? on|work on|build|make|contribut\w*|handle|part)\b", re.I)
_GIVES_DUTY = re.compile(r"\b(?:(?:job|duty|duties|responsibilit(?:y|ies)|tasks?|role|focus|concern) (?:is|are|lies|includes?)|"
                         r"responsible for|tasked with|in charge of|accountable for|(?:main|primary) (?:focus|task|duty|concern))\b", re.I)
# "A software engineer develops the backend systems…", "data engineers create and maintain data pipelines": a role as the
# subject of what it does states that role's duty; a sentence setting two roles side by side ("Data scientists provide
# …, while machine learning engineers build…") compares them rather than saying what one does.
_ROLE_DOES = re.compile(r"((?:[\w-]+\s+){0,3}(?:engineers?|scientists?|developers?|architects?))\s+"
                        r"(?:(?:primarily|mainly|typically|usually|often)\s+)?"
                        r"(?:develops?|builds?|designs?|creates?|writes?|maintains?|manages?|handles?|oversees?|ensures?|"
                        r"collects?|gathers?|deploys?|automates?|trains?|works? on|focus(?:es)? on)\b", re.I)


# "What do data scientists hand over…?": the "do" after "what" is the auxiliary of another verb, not the duty asked.
_AUXILIARY_DO = re.compile(r"\bwhat\s+(?:do|does|did)\b", re.I)


def asks_for_duty(question: str) -> bool:
    """Whether the question asks what someone does ("What does a data engineer do?", "what's their job?"), not what else
    they do ("What do data scientists hand over to the company?")."""
    return bool(_ASKS_FOR_DUTY.search(_AUXILIARY_DO.sub("what", question)))


def duty_asked(question: str) -> frozenset[tuple[str, str]]:
    """The roles whose duty the question asks about: those named from its "what" on ("ML engineer vs data scientist -
    what does the data scientist actually do?": the data scientist), else those its sentence names ("I'm a
    backend developer. What does building a model involve?" asks no role's duty, "…data engineers… What do they do?" the
    data engineer's)."""
    for sentence in split_sentences(_AUXILIARY_DO.sub("what", question)):
        match = _ASKS_FOR_DUTY.search(sentence)
        if match:
            # "Backend dev here. Once the MLEs hand me a model, what am I on the hook for?": the asker's own role.
            mine = asker_role([question]) if MY_WORK.search(sentence[match.start():]) else None
            if mine:
                return role_keys(mine)
            return (role_keys(sentence[match.start():]) or role_keys(sentence)
                    or (role_keys(question) if refers_back(sentence) else frozenset()))
    return frozenset()


def duty_roles(passage: PassageRecord) -> set[tuple[str, str]]:
    """The roles whose duty a sentence of the passage states: the roles the sentence names, or for "Their primary duty
    is…" the one role its heading names (a heading naming two roles leaves the pronoun unresolved)."""
    heading_roles = role_keys(passage.heading)
    out: set[tuple[str, str]] = set()
    for sentence in split_sentences(passage.text):
        if _GIVES_DUTY.search(sentence):
            named = role_keys(sentence)
            out |= named or (heading_roles if len(heading_roles) == 1 else set())
        match = _ROLE_DOES.search(sentence)
        if match and len(role_keys(sentence)) == 1:
            out |= role_keys(match.group(1))
    return out


def _subsections(passages: list[PassageRecord]) -> dict[str, frozenset[str]]:
    """Each passage's subsections: the passages of its article whose heading path lies below its heading
    ("Machine Learning Engineer vs Data Scientist › Differences" below "Machine Learning Engineer vs Data Scientist").
    Found by walking each heading's ancestors, so start-up grows with the corpus, not with its square."""
    by_heading: dict[tuple[str, str], list[str]] = {}
    for p in passages:
        by_heading.setdefault((p.title, p.heading), []).append(p.id)
    below: dict[str, set[str]] = {p.id: set() for p in passages}
    for q in passages:
        path = q.heading.split(" › ")
        for depth in range(1, len(path)):
            for pid in by_heading.get((q.title, " › ".join(path[:depth])), ()):
                below[pid].add(q.id)
    return {pid: frozenset(ids) for pid, ids in below.items()}


# "Here are a few tips…", "the following steps", "the several engineering specializations that…": a sentence that
# announces a list. "…machine learning engineers and data scientists do different tasks." announces a comparison.
_ANNOUNCES_LIST = re.compile(r"\b(?:here (?:are|is)|the following|(?:several|a few|a number of|various) \w+)\b", re.I)


def _outline(opening: PassageRecord, passages: list[PassageRecord], below: frozenset[str]) -> tuple[str, ...]:
    """The headings of an opening's direct subsections, in reading order, each once."""
    depth = len(opening.heading.split(" › ")) + 1
    headings = (p.heading.split(" › ")[-1] for p in passages if p.id in below and len(p.heading.split(" › ")) == depth)
    return tuple(dict.fromkeys(headings))


def prefer_subsection(scored: list[Scored], subsections: dict[str, frozenset[str]], margin: float,
                      asked: Set[str] = frozenset(), roles: Set[tuple[str, str]] = frozenset(),
                      outlined: Container[str] = frozenset()) -> list[Scored]:
    """The ranking with one of its first passage's subsections moved to the top when it scores within `margin`:
    the first the question names (`asked` stems or `roles`: "what's the difference…" and "› Differences"), else
    the best-ranked. A subsection is named by what its heading adds to the opening's: "Types of Engineers That Work
    on Machine Learning › Data Engineer" by "data" or the role, not by "engineer".

    An opening whose answer lists its subsections (`outlined`: "Here are a few tips…: …") gives way only to a
    subsection the question names: "What types of engineers are involved?" asks for the list."""
    children = subsections.get(scored[0].passage.id) if scored else None
    if not children:
        return scored
    close = [i for i, c in enumerate(scored[1:], 1)
             if c.passage.id in children and scored[0].score - c.score <= margin]
    if not close:
        return scored
    opening = set(lexical_stems(scored[0].passage.heading))
    named = [i for i in close if asked & (set(lexical_stems(scored[i].passage.heading.split(" › ")[-1])) - opening)
             or roles and roles_overlap(roles, role_keys(scored[i].passage.heading.split(" › ")[-1]))]
    if not named and scored[0].passage.id in outlined:
        return scored
    i = (named or close)[0]
    return [scored[i], *scored[:i], *scored[i + 1:]]


# "Which (programming) languages…", "What tools…": the wh-phrase asks for named things. "What kind of code
# are software engineers…" does not: "software" there is part of a job title, and in "who handles what - the
# software guy…" or "which part of the software lifecycle" a person or a stage; "which job, ML or software" breaks
# the phrase with a comma.
# The kinds of thing a question asks to have named ("Which languages…", "data engineer tools?").
_NAMED_KINDS = r"(?:languages?|frameworks?|librar(?:y|ies)|tools?|technolog(?:y|ies)|platforms?|databases?)"
# "Which tools…", "what kind of languages…", and "…stats-wise and in terms of languages and libraries?".
_ASKS_FOR_NAMES = re.compile(rf"\b(?:which|what|in terms of|when it comes to)(?:\s+[\w+#][\w+#-]*){{0,6}}?\s+"
                             rf"(?:{_NAMED_KINDS}|software)\b"
                             r"(?!\s+(?:engineers?|developers?|engineering|development|guys?|people|folks|persons?|"
                             r"sides?|teams?|lifecycles?)\b)", re.I)
# A name inside a sentence: a capitalised word after a lower-case word, comma or bracket ("such as Java, C++").
_NAME = re.compile(r"(?<=[a-z,;(] )[A-Z][A-Za-z0-9]*(?:\+\+|#)?")
_WORDS = re.compile(r"[A-Za-z0-9+#]+")


# "Give me a real-life example…": the question asks for a case, which a passage gives in a sentence of its own
# ("For instance, when we receive a notification from our email software…").
_ASKS_FOR_EXAMPLE = re.compile(r"\b(?:examples?|for instance|real[- ]life|real[- ]world|illustrat(?:e|ion))\b", re.I)
_GIVES_EXAMPLE = re.compile(rf"^(?:{EXAMPLE_OPENING})\b", re.I)


def asks_for_example(question: str) -> bool:
    return bool(_ASKS_FOR_EXAMPLE.search(question))


# "…shows the difference between the two", "…what an ML engineer builds versus what a software engineer builds", "which part
# … and which part …", "where a programmer's work stops and an ML engineer's starts": what sets two things apart.
_ASKS_CONTRAST = re.compile(rf"\b(?:{_DIFFERENCE_WORDS}|compared? (?:to|with)|contrast\w*|"
                            r"(?:which|what) part\b[^?.!]{0,80}\band (?:which|what) part|"
                            r"where\b[^?.!]{0,60}\b(?:stops?|ends?)\b[^?.!]{0,60}\b(?:starts?|begins?)|"
                            # "where an ML engineer would build something and a software dev something else"
                            r"something else|something different)\b", re.I)
_TWO = re.compile(r"\b(?:the two|both|each)\b", re.I)
_CONTRAST_MARK = re.compile(r"\b(?:on the other hand|whereas|in contrast|by contrast|unlike)\b", re.I)


def asks_for_contrast(question: str) -> bool:
    """Whether the question asks for an example of how two roles differ ("a real-life example that shows the difference
    between what a software engineer builds and what an ML engineer builds")."""
    return (asks_for_example(question) and bool(_ASKS_CONTRAST.search(question))
            and (bool(_TWO.search(question)) or len(role_keys(question)) >= 2))


def gives_contrast(text: str) -> bool:
    """Whether a passage sets two things apart in so many words ("On the other hand, …", "whereas …")."""
    return bool(_CONTRAST_MARK.search(text))


# "What are the steps from start to finish?", "When a project kicks off, what happens first?": the question asks how a
# piece of work proceeds, which a passage answers in a sentence that lays out a sequence ("…begins with designing the
# model architecture, selecting…, training…", "…the entire software development lifecycle (SDLC), starting from…",
# "…are commonplace first steps in…"). The steps of the asker's own path ("What steps should I take to become an ML
# engineer?", "learn TensorFlow from scratch") are a different question, which the tips answer.
_ASKS_FOR_PROCESS = re.compile(r"\b(?:steps|(?:first|next) step|process|stages?|start[- ]to[- ]finish|from scratch|"
                               r"walk (?:me|us) thr(?:ough|u)|journey|(?:what|which) order|in sequence|life ?cycle|"
                               r"what (?:usually |typically )?happens (?:first|next)|from (?:the )?(?:very )?(?:start|beginning)|"
                               r"kicks? off|kicking off|gets? going|(?:right |very )?at the (?:very )?(?:start|beginning|outset))\b", re.I)
_OWN_PATH = re.compile(r"\b(?:become|becoming|get(?:ting)? (?:into|hired)|break(?:ing)? into|land(?:ing)? (?:a|the|my) job|"
                       r"(?<!machine )(?<!deep )learn(?:ing)?|study|studying)\b", re.I)
_GIVES_PROCESS = re.compile(r"\b(?:begins? with|starting (?:from|with)|(?:first|next|final) steps?|then|"
                            r"afterwards|followed by)\b", re.I)


_ASKS_FOR_OUTLOOK = re.compile(
    r"\b(?:(?:a|any|the|its|their) future|(?:in|for) the future|"
    # "a career with good future?" (no article), "a bright future", "something which becomes less needed"
    r"(?:good|bright|promising|solid|secure|great|real) future|less (?:needed|in demand|relevant|valuable|wanted)|"
    r"future[- ]proof|long[- ]term|long run|going forward|"
    r"years? to come|fad|bubble|hype|becoming (?:such )?a (?:big|huge) deal|(?:bigger|huge) deal|"
    r"(?:getting|becoming|growing) (?:ever |even )?(?:more|increasingly) (?:important|needed|valuable|wanted|popular|"
    r"in demand|sought[- ]after)|job security|prospects?|"
    r"outlook|safe bet|safe (?:career|choice)|die (?:out|off)|dying|obsolete|(?<!\bI )(?<!\bwe )(?<!\byou )(?:keep|keeps|still) (?:growing|rising|needing|"
    r"going up)|demand\b[^?.!]{0,40}\b(?:grow\w*|ris\w*|going up|increas\w*|last\w*|stay\w*|drop\w*|fall\w*|shrink\w*)|"
    # "are ML skills going to keep mattering across industries?"
    r"(?:keeps?|keeping) (?:mattering|being (?:needed|relevant|important|valuable|useful|in demand))|"
    r"(?:stays?|staying|remains?|remaining) (?:relevant|in demand|valuable)|continues? to (?:matter|be needed)|"
    # "Is ML still considered a growing field?"
    r"(?:growing|booming|expanding|shrinking|declining) (?:field|area|career|industry|profession|sector|market)|"
    r"(?:still|really) (?:growing|booming|on the rise))",
    re.I)
# A trend ("becoming more important", "increasingly needed") said of people in a line of work.
_TREND = re.compile(r"\b(?:becoming (?:more|increasingly|ever)|increasingly|more and more|growing|on the rise)\b", re.I)
_PEOPLE = re.compile(r"\b(?:experts?|engineers?|scientists?|specialists?|professionals?|professions?|careers?|developers?|"
                     r"workers?|talent)\b", re.I)


def asks_for_outlook(question: str) -> bool:
    """Whether the question asks how a career or field will fare ("a career with a future?", "just a fad?")."""
    return bool(_ASKS_FOR_OUTLOOK.search(question))


def outlook_words(question: str) -> list[str]:
    """The words a question asks a career's outlook with: "fad", "long term", "keep growing"."""
    return [m.group(0) for m in _ASKS_FOR_OUTLOOK.finditer(question)]


def gives_outlook(sentence: str) -> bool:
    """Whether a sentence says people in a line of work are needed more and more."""
    return bool(_TREND.search(sentence) and _PEOPLE.search(sentence))


_ASKS_HOW_WORK_FITS = re.compile(r"\b(?:combin\w*|connect\w*|relat(?:e|es|ed|ing)|fit\w* together|make use of|makes use of|"
                                 r"use what|uses what|incorporat\w*|integrat\w*|plug\w* in|work\w* together|collaborat\w*|"
                                 r"cooperat\w*|team\w* up|same product|one product|"
                                 # "would I still get to work with ML engineers or are the two kept separate?"
                                 r"kept (?:apart|separate)|separate (?:worlds|teams|departments|groups))\b", re.I)
_GIVES_INTEGRATION = re.compile(r"\b(?:incorporat\w*|integrat\w*|combin\w*|built into|builds? on|plugs? into|make use of|"
                                r"makes use of)\b", re.I)


# "who makes sure all the pieces of the ML setup work together?": parts of a system fitting together, not two roles' work.
_PARTS_FIT = re.compile(r"\b(?:pieces|parts|components|modules|bits|everything|things)\b[^?.!]{0,40}?\b(?:work\w* together|"
                        r"fit\w* together|connect\w*|integrat\w*|combin\w*|cooperat\w*)", re.I)


# "how does a model the ML engineer trains actually end up inside the product we ship?": one role's model taken into
# what another builds, asked without naming the other.
_MODEL_INTO_PRODUCT = re.compile(r"\bmodels?\b[^?.!]{0,60}?\b(?:end(?:s|ed)? up|gets?|go(?:es)?|makes? it|finds? its way|"
                                 r"put|placed|built)\s+(?:in|into|inside)\s+(?:(?:the|an?|our|your|their)\s+)?(?:\w+\s+)?"
                                 r"(?:products?|apps?|applications?|software|systems?)\b", re.I)


def asks_how_work_fits(question: str) -> bool:
    """Whether the question asks how two roles' work fits together ("How do app developers and ML engineers combine
    their work?", "how does the model end up inside the product?"), not how the parts of a system do ("swe vs systems
    eng - who makes sure all the pieces work together?")."""
    return (bool(_ASKS_HOW_WORK_FITS.search(question)) and not _PARTS_FIT.search(question)
            and len(role_keys(question)) >= 2) or bool(_MODEL_INTO_PRODUCT.search(question))


def gives_integration(sentence: str) -> bool:
    """Whether a sentence says one role's work takes in another's ("…software that incorporates the model developed by
    a machine learning engineer")."""
    return bool(_GIVES_INTEGRATION.search(sentence)) and len(role_keys(sentence)) >= 2


_ASKS_FOR_DELIVERABLE = re.compile(
    r"\b(?:hand(?:s|ed|ing)? (?:[\w']+ ){0,3}?(?:over|off)|deliver(?:s|ed|ing)?|output|end product|"
    r"put (?:[\w']+ ){0,2}(?:work|results?) out|make (?:[\w']+ ){0,3}(?:useful|available|accessible)|"
    r"(?:for|to) (?:other people|others|everyone else|(?:their|the) colleagues|the rest of (?:the )?(?:company|business|"
    r"organi[sz]ation|team)))\b", re.I)
_GIVES_DELIVERABLE = re.compile(r"\b(?:(?:engineers?|scientists?|developers?|analysts?)\s+(?:\w+ly\s+)?(?:provides?|delivers?)|"
                                r"accessible to others|available to others|for widespread us\w*)\b", re.I)


def asks_for_deliverable(question: str) -> bool:
    """Whether the question asks what a role hands over to others ("what does each one deliver to the rest of the
    company?")."""
    return bool(_ASKS_FOR_DELIVERABLE.search(question)) and bool(role_keys(question))


def gives_deliverable(sentence: str) -> bool:
    """Whether a sentence says what a role provides others ("Data scientists provide visualizations and dashboards for
    widespread usage")."""
    return bool(_GIVES_DELIVERABLE.search(sentence))


# "Which of the two suits my personality?", "I love tinkering until things work, my friend prefers step-by-step order:
# which job fits each of us?": the question asks which temperament a role calls for.
_TEMPERAMENT = re.compile(r"\b(?:personalit\w*|temperament\w*|mind-?sets?|mentality|attitudes?|headspace|"
                          r"ways? of thinking|thinking styles?|(?:kind|type|sort) of (?:person|thinker|mind|thinking))\b", re.I)
_WORKING_STYLE = re.compile(r"\b(?:tinker\w*|trial[- ]and[- ]error|step[- ]by[- ]step|methodical|orderly|systematic|structured|"
                            r"rigid|planner|by[- ]the[- ]book|checklists?|experiment\w*|iterat\w*|trying (?:\w+ ){0,2}?things|"
                            r"what sticks|over and over|again and again|messing around|until (?:it|they|something) "
                            r"(?:works?|clicks?))\b", re.I)
_FITS = re.compile(r"\b(?:fits?|suit\w*|match\w*|cut out|better (?:fit|suited)|which (?:of (?:the|these|those) \w+|role|job)|"
                   r"one of these|while the other)\b", re.I)
_GIVES_MINDSET = re.compile(r"\b(?:mind-?sets?|[a-z]+-minded|mentality|temperament|personality|attitude)\b", re.I)
# "You must be persistent and open to new things until you discover the best method": a trait someone doing the work
# must have. It answers "what attitude should trainees have?", not which of two roles fits a way of working.
_GIVES_TRAIT = re.compile(r"\b(?:must|should|need to|needs to|have to|has to) be (?:persistent|patient|adaptable|flexible|"
                          r"curious|resilient|creative|open|meticulous|methodical|inquisitive|determined|disciplined)\b", re.I)
_TRAITS = re.compile(r"\b(?:traits?|qualities|character)\b", re.I)


def asks_about_mindset(question: str) -> bool:
    """Whether the question asks which temperament a role calls for ("which job suits my personality?", "I love
    tinkering, my friend is very step-by-step: which of the two fits each of us?")."""
    return bool(_TEMPERAMENT.search(question)) or bool(_WORKING_STYLE.search(question) and _FITS.search(question))


def working_styles(question: str) -> list[str]:
    """The words a temperament question describes a way of working with ("trial-and-error", "rigid planner", "what
    sticks"), when it asks which role fits one; empty otherwise."""
    if not asks_about_mindset(question):
        return []
    return [m.group(0) for m in (*_WORKING_STYLE.finditer(question), *_TEMPERAMENT.finditer(question))]


def asks_for_traits(question: str) -> bool:
    """Whether the question asks what someone doing the work must be like ("What attitude should trainees have when
    models fail?"), not which role fits a way of working."""
    return bool((_TEMPERAMENT.search(question) or _TRAITS.search(question)) and not _FITS.search(question)
                and not _WORKING_STYLE.search(question))


def gives_trait(sentence: str) -> bool:
    """Whether a sentence says what someone doing the work must be ("You must be persistent and open to new things")."""
    return bool(_GIVES_TRAIT.search(sentence))


def gives_mindset(sentence: str) -> bool:
    """Whether a sentence says what mindset a role calls for ("They often require an open-minded mindset…")."""
    return bool(_GIVES_MINDSET.search(sentence))


_ORGANISATIONS = r"(?:compan(?:y|ies)|employers?|organi[sz]ations?|firms?|businesses|workplaces?|teams?|places?)"
# "Is that split the same at every company?", "does every company split it up like that?", "…look the same everywhere?":
# whether what was said holds at every employer.
_ASKS_VARIES = re.compile(rf"\b(?:(?:every|each|all|any|other|different|most) {_ORGANISATIONS}|everywhere|universal(?:ly)?|"
                          rf"from (?:one )?{_ORGANISATIONS} to|(?:vary|varies|differ|differs) (?:by|across|between|among) "
                          rf"(?:\w+ ){{0,2}}?{_ORGANISATIONS}|"
                          # "ML engineer at one company and data engineer at another": two employers set side by side.
                          rf"(?:at|in|for) one {_ORGANISATIONS}\b[^?.!]{{0,60}}?\b(?:at|in|for) another|"
                          # "At my last company the data folks did the model work, here the ML engineer does everything."
                          rf"(?:at|in) my (?:last|previous|old|former|first) {_ORGANISATIONS}|"
                          # "Is there a standard split of who does what?"
                          r"(?:a|any|the) (?:standard|universal|fixed|set|official) (?:split|division|way))\b", re.I)
# "Our org chart doesn't line up neatly with those role descriptions": the asker's employer splits it otherwise.
_OURS_DIFFER = re.compile(r"\b(?:our|my|her|his|their) (?:org(?:ani[sz]ation)?(?: chart)?|compan(?:y|y's)|team|set-?up|structure|"
                          r"workplace|employer|roles|titles)\b[^?.!]{0,40}?\b(?:doesn'?t|does not|don'?t|do not|isn'?t|is not|"
                          r"aren'?t|are not|never)\s+(?:\w+\s+)?(?:line up|match|map|fit|look like|work like|follow|mirror)", re.I)
_SAME = re.compile(r"\b(?:same|alike|identical|standard|consistent|vary|varies|differ|differs|split|divide\w*)\b", re.I)
_GIVES_VARIATION = re.compile(rf"\bfrom one \w+ to (?:the next|another)\b|\b(?:vary|varies|differ|differs|change|changes)\s+"
                              rf"(?:from|across|between|among|by)\s+(?:\w+\s+){{0,3}}?{_ORGANISATIONS}\b|"
                              rf"\bdepend(?:s|ing)? on the {_ORGANISATIONS}\b", re.I)


def asks_whether_it_varies(question: str) -> bool:
    """Whether the question asks if something holds at every employer ("Is the split of work the same at every
    company?", "does every company split it up like that?")."""
    return bool(_ASKS_VARIES.search(question)) and bool(_SAME.search(question)) or bool(_OURS_DIFFER.search(question))


def variation_words(question: str) -> list[str]:
    """The words a question asking whether something varies (`asks_whether_it_varies`) asks it with: "same",
    "everywhere", "split", "every company"."""
    return [m.group(0) for pattern in (_ASKS_VARIES, _SAME) for m in pattern.finditer(question)]


def gives_variation(sentence: str) -> bool:
    """Whether a sentence says something differs from one organisation to the next ("…precise division of labor and
    scope may change from one organization to the next.")."""
    return bool(_GIVES_VARIATION.search(sentence))


# "Which skills should I work on?", "what else is on the skills checklist?", "what abilities would I need?": the skills a
# role asks for, as a whole. One named skill ("is maths a must?") or the most important one asks something narrower.
_ASKS_FOR_SKILLS = re.compile(r"\b(?:skills|skill ?sets?|skills? (?:list|checklist)|checklist|abilities|capabilities|"
                              r"competenc(?:y|ies)|requirements|"
                              # "what do they need to know?", "what does he have to be good at?"
                              r"what (?:[\w-]+ ){1,4}?(?:need|needs|have|has) to (?:know|be good at|master))\b", re.I)
_ONE_SKILL = re.compile(r"\b(?:most important|single)\b", re.I)
_LIST_ITEM = re.compile(r"^\s*[-*•]\s+\S", re.M)


def asks_for_skills(question: str) -> bool:
    """Whether the question asks for the skills a role needs as a whole ("Which skills should I work on?"), not those two
    roles share ("skills both data scientists and ML engineers need?"), which no one role's list says."""
    return (bool(_ASKS_FOR_SKILLS.search(question)) and not _ONE_SKILL.search(question)
            and len(role_keys(question)) < 2)


def gives_skill_list(passage: PassageRecord) -> bool:
    """Whether a passage is a list of skills under a heading naming them ("Essential skills for a software engineer")."""
    return "skill" in passage.heading.split(" › ")[-1].lower() and len(_LIST_ITEM.findall(passage.text)) >= 3


_PROJECT = re.compile(r"\b(?:projects?|initiatives?)\b", re.I)
_STARTING = re.compile(r"\b(?:start(?:s|ed|ing)?|kick(?:s|ed|ing)?[- ]?off|kickoff|begin(?:s|ning)?|beginnings?|"
                       r"get(?:s|ting)? (?:started|going|off the ground)|(?:early|initial|opening) (?:phase|stage|steps?)|"
                       r"outset|groundwork|pre-?production|before any(?:one|body|thing)|up ?front|first)\b", re.I)


def asks_how_projects_start(question: str) -> bool:
    """Whether the question asks how a project starts, of no one role ("how do ML projects usually kick off?")."""
    return (not role_keys(question)
            and any(_PROJECT.search(s) and _STARTING.search(s) and not _OWN_PATH.search(s) for s in split_sentences(question)))


def gives_project_start(sentence: str) -> bool:
    """Whether a sentence names a project's first steps."""
    return bool(re.search(r"\bfirst steps?\b", sentence, re.I) and _PROJECT.search(sentence))


def asks_for_process(question: str) -> bool:
    """Whether some sentence of the question asks how a piece of work proceeds, not how the asker gets somewhere."""
    return any(_ASKS_FOR_PROCESS.search(s) and not _OWN_PATH.search(s) for s in split_sentences(question))


# A terse search-box query ("ML engineer languages and frameworks?", "data engineer tools?") asks for names as plainly
# as "Which tools…" does, with no question word to head it: a few words, no question word or verb up front, ending on
# the kind of thing (and at most a word such as "list" after it).
_TERSE_NAMES = re.compile(r"^\W*(?!(?:which|what|who|whom|how|why|when|where|is|are|do|does|did|can|could|should|would|will|"
                          rf"i|my|tell|explain|give|list)\b)(?:[\w+#-]+\s+){{0,5}}?(?:and\s+|&\s+|/\s*)?(?:{_NAMED_KINDS}|stacks?)"
                          rf"(?:\s+(?:and|&|/)\s+{_NAMED_KINDS})?(?:\s+(?:list|used|needed))?\W*$", re.I)


def asks_for_named_things(question: str) -> bool:
    return bool(_ASKS_FOR_NAMES.search(question) or _TERSE_NAMES.match(question.strip()))


def named_kinds(question: str) -> list[str]:
    """The kinds of thing a question asks to have named ("languages", "libraries" in "Which languages and libraries…"),
    empty when it asks for none."""
    if not asks_for_named_things(question):
        return []
    return [m.group(0).lower() for m in re.finditer(rf"\b{_NAMED_KINDS}\b", question, re.I)]


def named_things(text: str) -> frozenset[str]:
    """Names a passage mentions ("Python", "TensorFlow", "Kubernetes"); known abbreviations ("ML") are not names."""
    return frozenset(m.group(0) for sentence in split_sentences(text) for m in _NAME.finditer(sentence)
                     if m.group(0).lower() not in ABBREVIATIONS)


# "Where can I apply for Sertis jobs?", "Where do I find open positions?", "How do I apply to Sertis?" ask for a place to
# apply, which a job-board link answers.
# Spoken fillers may sit before the verb: "so where do i actually like find the open jobs".
_FILLERS = r"(?:(?:actually|just|like|even|best|usually|really|go(?: and)?) ){0,3}"
# Someone else may be the one to send there: "Where should readers go if they want to see the job openings?"
_SEEKERS = r"(?:i|we|one|you|people|readers|candidates|applicants|students|graduates|someone|they)"
WHERE_TO_APPLY = re.compile(r"\b(?:where (?:(?:can|do|should|could|would|might) " + _SEEKERS + r" |" + _SEEKERS + " "
                            r"(?:can|could|should|might) |to )" + _FILLERS +
                            r"(?:apply|find|see|go(?= (?:if|to|for|and)\b)|look for|look at|look up|check(?: out)?|view|search for|browse|get)\b[^?.!]{0,50}?\b"
                            r"(?:jobs?|job openings?|openings?|open positions?|positions?|vacanc(?:y|ies)|"
                            r"(?:job|career) opportunit(?:y|ies)|careers? page)\b|"
                            r"where (?:(?:can|do|should|could|would) (?:i|we|one) |to )apply\b|"
                            # "does sertis have a page where they post job openings?"
                            r"\b(?:a|any|some|the) (?:page|site|website|board|portal|link) (?:where|that|to) (?:they |you |it |i |one )?"
                            r"(?:can |could )?(?:post|posts|list|lists|show|shows|see|find|advertis\w+)\b[^?.!]{0,30}?\b"
                            r"(?:jobs?|job openings?|openings?|open positions?|positions?|vacanc(?:y|ies)|roles)\b|"
                            r"how (?:(?:do|can|should|would|could) (?:i|we|one) |to )apply"
                            r"(?: (?:to|at|with|for) [^?.!,]{1,30})?\s*[?.!]*\s*$)", re.I)


def asks_where_to_apply(question: str) -> bool:
    """Whether the question asks where or how to apply for a job ("where can I see job openings?")."""
    return bool(WHERE_TO_APPLY.search(question))


class CareerRetriever(BaseRetriever):
    """LangChain retriever over the hybrid search; documents carry the passage metadata and score."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: object
    k: int = 4

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [
            LCDocument(page_content=s.text, id=s.id,
                       metadata={"title": s.title, "source": s.source, "heading": s.heading, "score": s.score})
            for s in self.assistant.retrieve(query, k=self.k)
        ]
