"""Turning a follow-up question into a standalone one from the conversation, without an LLM.

"Which skills do they need?" after "What does a machine learning engineer do?" becomes
"Which skills do machine learning engineers need?"; "And a systems engineer?" after "What tools does
a DevOps engineer use?" becomes "What tools does a systems engineer use?". "And the other one?" after a
question about software engineers asks it again about machine learning engineers, the role the articles set
software engineers against (or the conversation's other recent role). "Why is that so important?" and "and the data
scientist side of it?" point at what the last question asked: they are read with it. Only real follow-ups are
rewritten: a question that names its own subject is left exactly as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence, Set
from functools import lru_cache

from .text import ASKERS_PEOPLE, ROLE_SHORT_FORMS, split_sentences

# Head nouns of job titles: "data engineer", "machine learning engineer", "data scientist".
ROLE_HEADS = (
    "engineer", "engineers", "scientist", "scientists", "developer", "developers", "analyst", "analysts",
    "architect", "architects", "manager", "managers", "designer", "designers", "administrator",
    "administrators", "programmer", "programmers", "specialist", "specialists", "researcher",
    "researchers", "consultant", "consultants", "technician", "technicians", "tester", "testers",
    "lead", "leads", "officer", "officers", "expert", "experts", "professional", "professionals",
)
_ROLE = re.compile(
    r"\b((?:(?!(?:a|an|the|what|which|who|does|do|is|are|and|or|of|for|to|about|how|with|between|vs|versus|than|as|in|on|at|by|"
    r"besides|except|excluding|including|like|unlike|apart|from|beyond|among|into|over|under|not|but|against|towards?|"
    r"across|within|without|via|per|through|"
    r"while|whereas|when|whenever|if|because|since|although|though|unless|so|then|yet|also|where|whether|"
    r"i|me|my|you|we|us|he|she|him|her|his|they|them|it|was|were|be|been|being|am|"
    # "are there engineers who work on the chip side?"
    r"there|here|"
    r"would|could|should|will|can|might|must|shall|may|did|has|have|had|"
    # The tail of a contraction: "That's mostly data engineers".
    r"s|t|d|ll|re|ve|m|"
    r"say|says|said|hear|heard|think|thinks|thought|told|tell|tells|know|knows|want|wants|"
    # "…which is what i picture programmers doing": what the asker imagines a role to be.
    r"picture|pictured|imagine|imagined|envision|envisioned|assume|assumed)\b)[A-Za-z][\w+#/.-]*(?<!\.)\s+){0,3}"
    r"(?:" + "|".join(ROLE_HEADS) + r"))\b",
    re.I,
)
# "Which languages does it mention for them?": "it" saying something is the article, and "them" the role; "why does it
# matter?" asks about what the last question did.
_IT_NO_ROLE = (r"(?:say|says|said|mention|mentions|mentioned|list|lists|listed|claim|claims|state|states|describe|describes|"
               r"suggest|suggests|recommend|recommends|matter|matters|count|counts)")
# "when junk just vanishes on its own": by itself, no role's.
_PRONOUN = re.compile(r"\b(they|them|their|theirs|themselves|he|she|him|her|his|hers|it(?! " + _IT_NO_ROLE + r"\b)|"
                      r"(?<!\bon )its(?! own\b)|"
                      r"this role|that role|this job|that job|these roles|those roles|this position|that position|"
                      r"such (?:a )?roles?|the role|the job|the position|this one|that one|this career|that career|"
                      # "what tools would that person use?"
                      r"(?:this|that) (?:person|guy|gal)|(?:these|those) (?:people|guys|folks)|"
                      # "is that field growing or am I chasing a fad?" after a question on ML engineers: their line of work.
                      r"(?:this|that) (?:field|line of work|profession|occupation))\b", re.I)
# A pointer at what the conversation was about when no role was named: "those", "it", "them".
_POINTS_AT_TOPIC = re.compile(r"\b(?:they|them|their|it|its|those|these|this one|that one)\b", re.I)
# "why is that so important?", "how does that compare with…?", "the data scientist side of it", "which languages do they
# write it in?": a pointer at what the last question asked, not at a role. "That" as a relative ("skills that carry
# over") or before a noun ("that role") points at nothing: only "that"/"this" standing alone after a verb or before
# one, "of it", and "it"/"that" before a preposition that ends the question, count; so does a "there" ending it after a
# verb ("what does the other role contribute there?": in the robot example the last question asked about), not after
# "is" or "out" ("what jobs are out there?").
_POINTS_AT_QUESTION = re.compile(
    r"\b(?:is|was|does|did|do|about|of|with|like|beyond|under|into|behind|within|on|for) (?:that|this)\b(?=\s*(?:[?.!,]|$|\s(?:so|really|even|actually|"
    r"look|looks|compare|compares|work|works|differ|differs|change|changes|apply|applies|matter|matters|mean|means)\b))|"
    r"\b(?:side|part|end|rest|piece|share|bit|slice) of it\b|\b(?:does|did|would|will) it (?:matter|count)\b|"
    r"\bthe other (?:version|kind|type|case|example|scenario)\b|"
    r"\b(?:that|this) (?:same )?(?:example|case|scenario|situation|project|feature|task|difference|distinction|version|"
    r"set-?up|arrangement|picture|setting|"
    r"(?:split|division)(?! of\b))\b|"
    # "how would that look if it was the ML engineer's work instead?", "the ML engineer version of that?"
    r"\b(?:would|does|did|will|might|could) (?:that|this) look\b|\bversion of (?:that|this)\b|\b(?:it|that|this) (?:in|with|on)\s*[?.!]*\s*$|"
    # "and where does the ML engineer come in on that one?" after a robot's software: the same example.
    r"\b(?:on|in) (?:that|this) one\s*[?.!]*\s*$|"
    # "why do they care so much about it though?": what the last question asked about.
    r"\b(?:about|for) it(?:\s+(?:though|tho|then|anyway))?\s*[?.!,]|"
    # "What attitude should trainees have when that happens?" after "Is it normal for models not to work at first?"
    r"\b(?:when|whenever|if|once|after|before|while|as) (?:that|this|it) (?:happens|happened|occurs|occurred|"
    r"is the case|goes wrong|comes up)\b|"
    r"\b(?!(?:is|are|was|were|be|out|over|in|up|from|get|go|goes|going|been)\b)[a-z]+ there\s*[?.!]*\s*$", re.I)
# "which areas do those usually cover?" after "does getting certified help if I want to become an ML engineer?": "those"
# standing alone (no noun after it) are what the last question was about, not the role it named.
_THOSE_ALONE = re.compile(r"\b(?:those|these)\b(?=\s+(?:(?:usually|typically|generally|normally|often|mostly|really|actually|"
                          r"even|all|both)\s+)?(?:do|does|did|cover|include|involve|focus|mean|count|help|matter|require|need|"
                          r"take|teach|test|prove|show|work|apply|differ|compare)\b|\s*[?.!,]|\s*$|"
                          # "what areas do people usually get those in?": the object of a closing preposition.
                          r"\s+(?:in|on|for|at|with|from|about)\s*[?.!]*\s*$)", re.I)
_THAT_OR_THIS = re.compile(r"\b(?:that|this)\b", re.I)
# "something one of those could be taught to do": one of what the last answer was about (models), not a role. ("any of
# those" is `_GROUP`'s.)
_ONE_OF_THOSE = re.compile(r"\b(?:one|some) of (?:those|these)\b(?!\s+(?:roles?|jobs?|engineers?|people|positions?|careers?)\b)",
                           re.I)
# "what's the equivalent list for the ML engineer?": the last question, asked again of another role.
# "…, what do they need to know instead of that?": the same question, of the role named instead.
_EQUIVALENT = re.compile(r"\bthe (?:equivalent|corresponding|matching|same)\b(?! (?:as|to)\b)|"
                         r"\binstead(?: of (?:that|this|those|these))?\s*[?.!]*\s*$", re.I)
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_NAMES_A_PERSON = re.compile(r"\b(?:" + "|".join(ASKERS_PEOPLE) + r"|ex|boss|manager|colleague|coworker|co-worker|teacher|"
                             r"professor|mentor|friend)\b", re.I)
# "contribute to it", "do with it": "it" as the object of a preposition points at what was talked about, not at a role.
_OBJECT_IT = re.compile(r"\b(?:to|with|on|for|into|about|from) it\b", re.I)
# "puts it inside our app", "deploys it", "trains it": what is handled so is a thing.
_HANDLED_IT = re.compile(r"\b(?:put|puts|putting|deploy\w*|ship|ships|shipping|shipped|train|trains|training|trained|"
                         r"integrat\w*|plug\w*|wire\w*|host\w*|serv(?:e|es|ing|ed)|packag\w*|releas\w*|launch\w*|"
                         r"monitor\w*|scal(?:e|es|ing|ed)|maintain\w*|test|tests|testing|tested|run|runs|running) (it)\b",
                         re.I)
_THING = re.compile(r"\b(models?|apps?|applications?|pipelines?|algorithms?|products?|features?)\b", re.I)
_WITH_THEM = re.compile(r"\b(?:with|alongside|for|to|from) (them)\b", re.I)
_PARTNERS = re.compile(r"\b(?:with|alongside)\s+(?:(?:the|a|an|other|our|your|their)\s+)?(?:[\w+#/.-]+\s+){0,4}?(?:" +
                       "|".join(ROLE_HEADS) + r"|person|people|persons|folks?|guys?|gals?|crew)\b", re.I)
_THEY = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.I)
_PEOPLE_PRONOUN = re.compile(r"\b(?:they|them|their|theirs|he|she|him|her|his|hers)\b", re.I)
# "which of them would handle…" after a question naming two roles chooses between those two, not the last one named.
_GROUP = re.compile(r"\b(each|all|any|none|either|neither|which) of (?:them|those|these)\b", re.I)
_THEY_CONTRACTED = re.compile(r"\b(they)['’](d|re|ve|ll)\b", re.I)
_CONTRACTION = {"d": "would", "re": "are", "ve": "have", "ll": "will"}
# "ok and…", "so what about…": a chat follow-up often opens on an acknowledgment before its "and".
_ELLIPSIS_START = re.compile(r"^\s*(?:(?:ok(?:ay)?|so|right|alright|cool)[\s,.!]+)?"
                             r"(and what about|and how about|what about|how about|and|what of|same for|also)\b[\s,]*", re.I)
# "the two", "both of them": the two roles the conversation has been comparing.
_PAIR = re.compile(r"\b(?:the two|these two|those two|both)(?: (?:roles|jobs|careers|positions|professions|of them))?\b", re.I)
_LEADING_ARTICLE = re.compile(r"^(a|an|the)\s+", re.I)
# What only a pair can do or have: work together, overlap, have in common, differ.
_ASKS_OF_A_PAIR = re.compile(r"\b(?:together|overlap\w*|in common|share|shared|similar\w*|alike|differ\w*|each other|"
                             r"one another|collaborat\w*|cooperat\w*|interact\w*)\b", re.I)
_PAIR_PRONOUN = re.compile(r"\b(?:they|them)\b", re.I)
# "got it. and is that split the same everywhere?": the acknowledgment before a follow-up is no part of it ("it" there is
# the last answer, not a role).
_ACKNOWLEDGED = re.compile(r"^\s*(?:(?:ok(?:ay)?|alright|all right|cool|great|nice|thanks?(?: you)?|thx|right|sure|yes|yeah|"
                           r"ah|oh)[\s.,!;:-]+)*(?:got it|i see|(?:that )?makes sense|understood|fair enough|gotcha)\b[\s.,!;:-]*",
                           re.I)


def _plural(role: str) -> str:
    words = role.split()
    head = words[-1]
    if not head.lower().endswith("s"):
        words[-1] = head + "s"
    return " ".join(words)


def _singular(role: str) -> str:
    words = role.split()
    if words[-1].lower().endswith("s") and words[-1].lower().rstrip("s") + "s" != "ss":
        words[-1] = words[-1][:-1]
    return " ".join(words)


# "What lets engineers…", "Who hires data scientists…": a verb between the question word and the role.
_VERB_AFTER_SUBJECT = re.compile(r"\b(?:what|who|which|that|it|this)\s+$", re.I)
_SUBJECT_VERBS = frozenset(
    """lets makes helps allows enables requires needs gets turns drives keeps causes hires employs pays trains
    teaches motivates separates distinguishes differentiates sets puts gives takes brings means sends pushes
    prepares qualifies supports connects""".split()
)


# "an ML engineer", "an SQL developer", "an engineer": a vowel sound, spelled by the letter or by the name of a
# short form's first letter ("em-el").
_VOWEL_SOUND = re.compile(r"^(?:[aeiouAEIOU](?![A-Z])|[AEFHILMNORSX](?=[A-Z0-9]))")


def _indefinite(role: str) -> str:
    return f"{'an' if _VOWEL_SOUND.match(role) else 'a'} {role}"


def find_roles(text: str) -> list[str]:
    """Job titles named in a text, in order ("machine learning engineer", "data scientists")."""
    roles = []
    for match in _ROLE.finditer(text):
        words = match.group(1).split()
        first = words[0].lower()
        if len(words) > 1 and first in _SUBJECT_VERBS and _VERB_AFTER_SUBJECT.search(text[: match.start(1)]):
            words = words[1:]  # "lets" in "What lets engineers build…" is the verb, not a specialty
        roles.append(" ".join(words))
    return roles


_HEAD_CLASS = {"developer": "engineer", "programmer": "engineer", "expert": "specialist", "professional": "specialist"}


# "A regular programmer", "a normal developer": the plain kind is no specialty; set against an ML engineer, such a
# programmer is a software engineer (`role_keys`).
_ORDINARY = frozenset({"regular", "normal", "ordinary", "traditional", "conventional", "classic", "plain", "average",
                       "everyday", "standard", "general", "usual"})
_NOT_A_SPECIALTY = {"effective", "good", "great", "successful", "senior", "junior", "new", "typical", "certified",
                    "specialized", "professional", "experienced", "aspiring", "future", "best", "top", "other", "these", "those",
                    # Counts and quantifiers: "the two engineers" names the roles already mentioned, not a new one.
                    "two", "three", "four", "both", "each", "every", "all", "any", "some", "several", "various",
                    "many", "few", "more", "most", "such", "different", "our", "your", "their", "its",
                    # "the same engineer", "a single engineer": which one, not what kind.
                    "same", "another", "single", "individual", "particular", "given", "whole", "own",
                    # "skills data scientists need", "tools DevOps engineers use": what is asked about, not a specialty.
                    "skills", "skill", "tools", "languages", "salary", "jobs", "careers",
                    # "a list of things ML engineers understand": what they understand, not "things ML engineers".
                    "things", "thing", "stuff",
                    # "the models ML engineers make": what they make.
                    "model", "models"} | _ORDINARY


def _specialty(modifiers: list[str]) -> str:
    """The words that make a role specific: qualities and counts dropped, and a leading verb form
    ("mixing specialists", "hiring managers") read as a verb, not as a kind of specialist."""
    words = [w for w in modifiers if w not in _NOT_A_SPECIALTY and not w.isdigit()]
    if words and words[0].endswith("ing") and len(words[0]) > 4:
        words = words[1:]
    # "Honestly data scientist and ML engineer sound alike": an adverb before the title qualifies the sentence.
    while len(words) > 1 and _ADVERB.fullmatch(words[0]):
        words = words[1:]
    return " ".join(words)


_ADVERB = re.compile(r"[a-z]{3,}ly", re.I)


def roles_overlap(a: Set[tuple[str, str]], b: Set[tuple[str, str]]) -> bool:
    """Whether two sets of role keys share a role; "machine learning" matches "applied machine learning"."""
    for mod_a, head_a in a:
        for mod_b, head_b in b:
            if head_a == head_b and (mod_a == mod_b or mod_a.endswith(" " + mod_b) or mod_b.endswith(" " + mod_a)):
                return True
    return False


# Kinds of software engineer: "a senior backend engineer" is a software engineer.
_SOFTWARE_KINDS = {"backend", "back-end", "back end", "frontend", "front-end", "front end", "full-stack", "full stack",
                   "fullstack", "web", "app", "application", "server-side", "server side"}
# "ML engineering", "data engineering": the field names the role ("feature engineering", "reverse engineering" do not).
_DISCIPLINE = re.compile(r"\b(machine learning|data|software|devops|systems?|hardware|backend|back-end|frontend|front-end|"
                         r"full[- ]stack|platform|cloud|artificial intelligence) engineering\b", re.I)
# "switch to ux design", "graphic design": a design field names its designers (the corpus's "system design" is a skill).
_DESIGN_FIELD = re.compile(r"\b(ux|ui|ux/ui|ui/ux|graphic|web|product|game|interior|fashion|industrial|visual|interaction|"
                           r"instructional) design\b(?!\s+(?:of|for)\b)", re.I)
# "If I study data science first…", "data science vs ML engineering": the field names its scientists.
# "data science" names the field's scientists, but "our data science society", "a data science degree" only say where the
# asker studies or belongs.
_DATA_SCIENCE = re.compile(r"\bdata science\b(?!\s+(?:society|societies|club|clubs|course|courses|degree|degrees|programm?e?s?|"
                           r"bootcamps?|department|class|classes|majors?|students?|graduates?|meetups?|modules?|masters?|msc|bsc|"
                           r"phd|track|stream|cohort)\b)", re.I)


# "the ML folks", "a hardware person", "the software guy", "the model person", "the ML route": everyday names for a
# field's engineers.
# "An ML team" is the team, and "data people" could be data engineers or data scientists.
_INFORMAL_ROLE = re.compile(r"\b(machine learning|software|devops|hardware|systems?|backend|back-end|frontend|front-end|"
                            r"full[- ]stack|app|web|models?) (?:person|people|persons|folks?|guys?|gals?|side|crew|camp|route|path|track)\b",
                            re.I)
_INFORMAL_FIELD = {"system": "systems", "model": "machine learning", "models": "machine learning"}
# "what about hardware people, where do they fit into that?", "and the devops folks?": a field's people named in everyday
# words are its engineers (developers, for the web and apps), so a follow-up naming them names a role of its own, and
# "they" after them is them, not the conversation's subject.
_INFORMAL_PEOPLE = re.compile(r"\b(machine learning|ml|software|devops|hardware|systems?|backend|back-end|frontend|front-end|"
                              r"full[- ]stack|app|web|models?) (?:(person|guy|gal|folk)|people|persons|folks|guys|gals|crew)"
                              r"(['’]s)?\b", re.I)
_INFORMAL_HEAD = {"app": "developer", "web": "developer", "frontend": "developer", "front-end": "developer"}


def _own_text(question: str) -> str:
    """The part of a follow-up that names its own roles, partners blanked out, at the question's own positions.

    "do they work with the ML and software folks?", "what are they responsible for? where does their work stop and the
    model people's start?": roles named after "they", or as whom someone works with, are set against the conversation's
    subject, not the question's own ("what about hardware people, where do they fit?" names its own first)."""
    blanked = _PARTNERS.sub(lambda match: " " * len(match.group(0)), question)
    pronoun = _THEY.search(blanked)
    return blanked[: pronoun.start()] if pronoun else blanked


def _formal_people(question: str) -> str:
    """The question with the field's people it names as its own roles (`_own_text`) called its engineers: "and the
    hardware folks?" → "and the hardware engineers?"."""
    own = _own_text(question)

    def name(match: re.Match) -> str:
        if own[match.start(): match.end()] != match.group(0):
            return match.group(0)
        field = _INFORMAL_FIELD.get(match.group(1).lower(), match.group(1))
        head = _INFORMAL_HEAD.get(field.lower(), "engineer")
        if match.group(2):
            return f"{field} {head}" + ("'s" if match.group(3) else "")
        return f"{field} {head}s" + ("'" if match.group(3) else "")
    return _INFORMAL_PEOPLE.sub(name, question)


# "Which engineers work on ML besides ML engineers?": a role set aside is not one the text asks about.
# So is one the asker says they are not: "as a plain software developer, not an ML person".
_SET_ASIDE = re.compile(r"(?:\b(?:besides|except(?: for)?|other than|apart from|aside from|excluding)|,\s*not)\s+(?:(?:the|a|an)\s+)?"
                        r"(?:[\w+#/.-]+\s+){0,3}?(?:" + "|".join(ROLE_HEADS) + r"|person|people|folks?|guys?)\b", re.I)


# Retrieval, the gate and follow-ups ask the same question's roles up to a dozen times per query, and the corpus repeats
# its headings: remembered, and frozen so no caller can change what the next one gets.
@lru_cache(maxsize=8192)
def role_keys(text: str) -> frozenset[tuple[str, str]]:
    """Comparable keys of the specific roles a text names: ("data", "engineer"), ("machine learning", "scientist").

    A bare "engineers" names no specific role and yields nothing; "developer" and "engineer" compare equal, and so do a
    backend (web, full-stack…) engineer and a software engineer. A field names its engineers: "ML engineering".
    """
    keys = set()
    expanded = _SET_ASIDE.sub(" ", expand_abbreviations_in_roles(text))
    for role in find_roles(expanded):
        words = _singular(role).lower().split()
        head = _HEAD_CLASS.get(words[-1], words[-1])
        # "a hardware/electronics engineer" names both.
        for alternative in " ".join(words[:-1]).split("/"):
            before = alternative.split()
            modifiers = _specialty(before)
            if not modifiers and words[-1] in {"programmer", "developer"} and _ORDINARY & set(before):
                modifiers = "software"
            if modifiers:
                keys.add(("software" if modifiers in _SOFTWARE_KINDS and head == "engineer" else modifiers, head))
    for match in (*_DISCIPLINE.finditer(expanded), *_INFORMAL_ROLE.finditer(expanded)):
        field = match.group(1).lower()
        field = _INFORMAL_FIELD.get(field, field)
        keys.add(("software" if field in _SOFTWARE_KINDS else field, "engineer"))
    if _DATA_SCIENCE.search(expanded):
        keys.add(("data", "scientist"))
    for match in _DESIGN_FIELD.finditer(expanded):
        keys.add((match.group(1).lower(), "designer"))
    return frozenset(keys)


# "What is a data engineer responsible for that an ML engineer isn't?", "…compared to an ML engineer?": the role set
# against the asked one is the yardstick, not the role whose passages answer.
_ROLE_PHRASE = r"(?:(?:the|a|an)\s+)?(?:[\w+#/.-]+\s+){0,3}?(?:" + "|".join(ROLE_HEADS) + r")\b"
_YARDSTICK_ROLE = re.compile(
    r"\b(?:compared (?:to|with)|as opposed to|unlike|relative to|rather than|instead of|than)\s+" + _ROLE_PHRASE + "|"
    r"\bthat\s+" + _ROLE_PHRASE + r"\s+(?:isn'?t|aren'?t|doesn'?t|don'?t|can'?t|won'?t|wouldn'?t|is not|are not|does not|"
    r"do not|cannot|would not|will not|never|lacks?)\b", re.I)


def asked_roles(text: str) -> frozenset[tuple[str, str]]:
    """The roles a text asks about: those its last question names (or, naming none, the whole text), less any named only
    as the yardstick the others are measured against; all of them when nothing else is left."""
    named = role_keys(text)
    if len(named) < 2:
        return named
    # "Data engineer vs ML engineer, I can't tell them apart. What is the data engineer responsible for?": a question
    # after a scene asks about the roles it names itself.
    expanded = expand_abbreviations_in_roles(text)
    questions = [q for q in _SENTENCE_END.split(expanded) if q.rstrip().endswith("?")]
    asked = role_keys(_YARDSTICK_ROLE.sub(" ", questions[-1] if questions else expanded))
    if not asked and questions:
        asked = role_keys(_YARDSTICK_ROLE.sub(" ", expanded))
    # "Backend dev here. Once the MLEs hand me a model, what am I on the hook for?": the asker's own role is asked too.
    own = asker_role([text])
    asked |= role_keys(own) if own else frozenset()
    return asked if asked and asked < named else named


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def without_roles(text: str) -> str:
    """The text with the job titles it names taken out ("ml engineer vs swe, who gathers client requirements" → "vs ,
    who gathers client requirements"); what joined them stays."""
    return re.sub(r"\s+", " ", _ROLE.sub(" ", expand_abbreviations_in_roles(text))).strip()


def refers_back(text: str) -> bool:
    """Whether the text points at someone named before it: "they", "he", "that job"."""
    return bool(_PRONOUN.search(text))


# Chat short forms of whole job titles ("swe vs devops", "is an MLE…", "systems eng"); two-letter ones only in capitals,
# as "de" and "ds" are words too.
_TITLE_SHORT_FORMS = [*((re.compile(rf"\b{short}(s?)\b", re.I) if len(short) > 2
                        else re.compile(rf"\b{short.upper()}(s?)\b"), rf"{title}\1")
                       for short, title in ROLE_SHORT_FORMS.items()),
                      (re.compile(r"(?<=[a-z] )eng(s?)\b\.?", re.I), r"engineer\1"),
                      # "software devs", "a web dev"; "a normal dev" stays the everyday word it is.
                      (re.compile(r"\b(software|web|app|backend|back-end|frontend|front-end|full-stack|fullstack|mobile|game|"
                                  r"machine learning) dev(s?)\b", re.I), r"\1 developer\2"),
                      # "swe vs devops": set against roles, the practice names its engineers ("devops tools" does not).
                      (re.compile(r"(?:(?<=\bvs )|(?<=\bvs\. )|(?<=\bversus )|(?<=\bor ))devops\b"
                                  r"(?=\s*(?:$|[?,;:!]|-\s|\s(?:vs\.?|versus|or|and)\b))", re.I), "DevOps engineer")]


def expand_abbreviations_in_roles(text: str) -> str:
    """"ML engineer" → "machine learning engineer", "swe" → "software engineer", so both spellings name the same role."""
    text = re.sub(r"\bML\b", "machine learning", re.sub(r"\bAI\b", "artificial intelligence", text, flags=re.I), flags=re.I)
    for short, title in _TITLE_SHORT_FORMS:
        text = short.sub(title, text)
    return text


# "Backend dev here.", "I'm a data scientist.", "As a DS, …", "I work as a systems engineer in an ML org": who the asker is.
_ASKER_IS = re.compile(r"\b(?:i'?m|i’m|i am|i work as|as)\s+(?:an?|the)\s+((?:[\w+#/-]+\s+){0,3}?[\w+#/-]+)"
                       # "I'm a gameplay programmer (Unity, mostly C#) and…": a bracket says more of the same role.
                       r"(?=\s*(?:[.,;:!?—–(]|$|\s(?:and|but|in|at|on|for|with|who|here|working|myself)\b))|"
                       r"(?:^|[.!?]\s+)((?:[\w+#/-]+\s+){0,2}?[\w+#/-]+)\s+here\b", re.I)
# "my lane", "my side of the fence", "what am I on the hook for?", "what am I expected to own?": the asker's own work.
MY_WORK = re.compile(r"\bmy (?:job|role|lane|side|end|day[- ]to[- ]day|output|work|responsibilit(?:y|ies)|duties|part|scope|"
                     r"seat)\b|\b(?:am|do|should|will|would|must) i (?:own|handle|deliver|be (?:responsible|expected|on the hook))\b|"
                     r"\bi(?:'m|’m| am) (?:responsible|expected|on the hook|supposed)\b|"
                     r"\bwhat am i (?:on the hook|responsible|expected|supposed|in charge)\b", re.I)


def asker_role(texts: Sequence[str]) -> str | None:
    """The role the asker says is theirs ("Backend dev here.", "As a DS, …"), newest message first; None if none."""
    for text in reversed(texts):
        for match in _ASKER_IS.finditer(text):
            roles = find_roles(expand_abbreviations_in_roles(match.group(1) or match.group(2)))
            if roles and role_keys(roles[-1]):
                return _singular(roles[-1])
    return None


def last_subject(history: Sequence[str]) -> tuple[str | None, str | None]:
    """The most recent user question naming a role, and that role (singular), newest first. Chat short forms count:
    "how to be a good mle" names the machine learning engineer."""
    for question in reversed(history):
        roles = find_roles(question) or find_roles(expand_abbreviations_in_roles(question))
        # "do they work with other engineers or alone": "other engineers" sets them apart from the role "they" still
        # names; a bare "an engineer" is the role asked about.
        roles = [r for r in roles if role_keys(r) or len(_LEADING_ARTICLE.sub("", r).split()) == 1]
        if roles:
            # "What does a data engineer do compared to an ML engineer?" asks about the data engineer; the role after
            # "compared to" is only the yardstick.
            yardstick = _YARDSTICK.search(question)
            if yardstick and len(roles) >= 2:
                before = [r for r in roles if question.find(r) < yardstick.start()]
                if before:
                    return question, _singular(before[-1])
            return question, _singular(roles[-1])
        informal = {_INFORMAL_FIELD.get(m.group(1).lower(), m.group(1).lower()) for m in _INFORMAL_ROLE.finditer(question)}
        if len(informal) == 1:
            # "does anyone actually work on the hardware side of machine learning?": the side's engineers.
            field = informal.pop()
            return question, f"{field} {_INFORMAL_HEAD.get(field, 'engineer')}"
    return None, None


_YARDSTICK = re.compile(r"\s(?:compared (?:to|with)|as opposed to|unlike|relative to)\s", re.I)


def _distinct_roles(roles: Iterable[str], n: int | None = None) -> list[str]:
    """The first `n` (or all) of `roles` that name a role none before them names (singular, no article)."""
    found: list[str] = []
    keys: list[frozenset[tuple[str, str]]] = []
    for role in roles:
        key = role_keys(role)
        if not key or any(roles_overlap(key, k) for k in keys):
            continue
        found.append(_singular(_LEADING_ARTICLE.sub("", role)))
        keys.append(key)
        if len(found) == n:
            break
    return found


def recent_roles(history: Sequence[str], n: int = 2) -> list[str]:
    """The `n` most recent distinct roles of the conversation (singular), in the order they were named."""
    return _distinct_roles((role for question in reversed(history) for role in reversed(find_roles(question))), n)[::-1]


# "The other one", "the other role": the role the conversation's subject is set against.
# "the machine learning one", "the data guy": a field with a stand-in for its role, after a question about another role.
_FIELD_ONE = re.compile(r"\bthe (machine learning|ML|AI|data|software|devops|hardware|systems?|backend|back-end|frontend|"
                        r"front-end|full[- ]stack|web) (?:one|guy|gal|person|role|job|position|(ones|guys|gals|people|folks))\b",
                        re.I)
_OTHER = re.compile(r"\bthe other(?: (?:one|role|job|position|career|profession|guy|gal|person|folks|side)\b|"
                    r"(?=\s*[?.!]*\s*$))", re.I)
_COMPARED = re.compile(r"\s(?:vs\.?|versus|compared (?:to|with))\s", re.I)


def counterparts(headings: Sequence[str]) -> dict[str, list[str]]:
    """For each role, the roles a heading or title sets it against ("Machine learning engineer vs. Software
    engineer"), singular and lower case, most often compared first."""
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for heading in headings:
        if not _COMPARED.search(heading):
            continue
        roles = list(dict.fromkeys(_singular(r).lower() for r in find_roles(heading)))
        for role in roles:
            pairs[role].update(other for other in roles if other != role)
    return {role: [other for other, _ in others.most_common()] for role, others in pairs.items()}


def _the_other(subject: str, user_history: Sequence[str], compared: dict[str, list[str]],
               replied: str | None = None) -> str | None:
    """The role "the other one" means: the conversation's other recent role, else the one role the corpus sets
    the subject against; None when that is not one role. `replied` is the role the last reply spoke of first."""
    recent = recent_roles(user_history)
    if len(recent) == 2:
        if replied and recent_roles(user_history[-1:]) == recent:
            # "the difference between an ML engineer and a plain software engineer", answered about the ML engineer
            # first: the other one is the role the reply did not start with, whichever the question named last.
            rest = [role for role in recent if not roles_overlap(role_keys(role), role_keys(replied))]
            if len(rest) == 1:
                return rest[0]
        return recent[0]
    others = compared.get(subject.lower(), [])
    if len(others) > 1:
        # "torn between machine learning engineering and plain software engineering. What skills does an ML engineer
        # need?": of the roles the corpus sets against the subject, the one the conversation named, if only as a field.
        named = frozenset().union(*(role_keys(question) for question in user_history))
        others = [other for other in others if roles_overlap(role_keys(other), named)] or others
    return others[0] if len(others) == 1 else None


def replied_role(last_reply: str) -> str | None:
    """The role the last reply names first (singular): what the conversation just spoke of, which "the other one" in
    the next question is set against."""
    roles = [role for role in find_roles(last_reply) if role_keys(role)]
    return _singular(_LEADING_ARTICLE.sub("", roles[0])) if roles else None


# "to achieve what?", "so that what happens?", "in order to do what?": a fragment finishing the last question.
_PURPOSE_FRAGMENT = re.compile(r"^\s*(?:(?:and|but|ok(?:ay)?|so)[\s,]+)?(?:to|in order to|so as to|so that)\b", re.I)


def _name_field_one(question: str, user_history: Sequence[str]) -> str:
    """`question` with "the machine learning one" named as the role of that field the conversation named, if any, else as
    the field's engineer."""
    field_one = _FIELD_ONE.search(question)
    if not field_one:
        return question
    field = field_one.group(1)
    earlier = [r for q in user_history for r in find_roles(q)
               if _singular(r).lower().split()[:-1] == expand_abbreviations_in_roles(field).lower().split()]
    role = _singular(earlier[-1]) if earlier else f"{field} engineer"
    # "what tools do the data ones use?": the field's engineers.
    named = _plural(role) if field_one.group(2) else f"the {role}"
    return question[: field_one.start()] + named + question[field_one.end():]


# "Which suits someone methodical?", "which of the two is closer to what I did?": the last question asked to choose a role.
# So does "Who makes sure ML models get deployed smoothly?", which the reply answers with the role that does.
_CHOOSES_ROLE = re.compile(r"\bwhich\b[^?]*?\b(?:suits?|fits?|better|closer|best|right for|more like|should i (?:pick|choose|go for))\b|"
                           r"\bwhich (?:one|role|job|of (?:the|those|these) (?:two|roles|jobs))\b|^\W*(?:(?:so|and|but|ok)\W+)?who\b|"
                           # "which kind of engineer would deal with all that data?", "which engineer is in charge of…?"
                           r"\b(?:which|what) (?:(?:kind|type|sort) of )?(?:engineer|specialist|person|role)\b|"
                           # "on an ML project who deals with the giant piles of data?": who, after where it is asked.
                           r"^\W*(?:on|in|at|for|within) (?:an?|the|our|my|this|that) [^,.?!]{0,40}?,? who\b", re.I)


def chosen_role(user_history: Sequence[str], last_reply: str) -> str | None:
    """The one role the last reply's first sentence names when the last question asked to choose among roles ("…closer to
    software engineering"): what "that one" in the next question means. None otherwise."""
    # The question may follow a scene: "We're trying to get a model onto the line PCs. Who's supposed to handle deployment?"
    if not user_history or not any(_CHOOSES_ROLE.search(s) for s in split_sentences(user_history[-1])):
        return None
    keys = role_keys(next(iter(split_sentences(last_reply)), ""))
    if len(keys) != 1:
        return None
    modifier, head = next(iter(keys))
    return f"{modifier} {head}"


def condense(question: str, user_history: Sequence[str], compared: dict[str, list[str]] | None = None,
             *, asks_nothing: bool = False, chosen: str | None = None, replied: str | None = None) -> str:
    """A standalone version of `question` given the user's earlier questions (oldest first) and, for "the other
    one", the roles the corpus compares (`counterparts`). `asks_nothing` says the question has no words of its own
    beyond framing ("can you give me an example?", "why is that?"): the caller judges that, with the gate's key terms.
    `chosen` is the role the last reply chose (`chosen_role`), which the question's pointers then stand for; `replied`
    the role it spoke of first (`replied_role`), which "the other one" is set against."""
    question = question.strip()
    if not user_history or not question:
        return question
    question = _ACKNOWLEDGED.sub("", question, count=1) or question
    question = _formal_people(question)
    # "ok what skills does the ML one need?" earlier in the conversation named the ML engineer: "the other one" after it
    # is the software engineer, and it is the question to ask again.
    user_history = [_name_field_one(q, user_history[:i]) for i, q in enumerate(user_history)]
    previous_question, subject = last_subject(user_history)
    subject = chosen or subject
    # "what's the equivalent toolset on my side of the fence?" after "As a data engineer, …": the asker's role.
    mine = asker_role([*user_history, question]) if MY_WORK.search(question) and not find_roles(question) else None
    subject = mine or subject
    if subject:
        # "what's the equivalent list for the machine learning one?" after "What skills does a software engineer need?".
        question = _name_field_one(question, user_history)
    # "…together with the other engineers?" names no role of its own: "they" is still the conversation's subject.
    # Roles named after "they", or as whom they work with, are the subject's partners (`_own_text`).
    own_roles = [role for role in find_roles(_own_text(question)) if role_keys(role)]
    ellipsis = _ELLIPSIS_START.match(question)

    other = _OTHER.search(question)
    if other and not own_roles and subject and previous_question:
        role = _the_other(subject, user_history, compared or {}, replied)
        if role:
            rest = question[ellipsis.end():] if ellipsis else question
            if _asks_nothing_new(_OTHER.sub("", rest)):
                # "And the other one?": the previous question, about the other role.
                return condense(f"what about the {role}?", user_history)
            resolved = question[: other.start()] + f"the {role}" + question[other.end():]
            # "And what does the other role contribute there?": the other role, in what the last question asked about.
            return (read_with_previous(resolved, user_history)
                    if _POINTS_AT_QUESTION.search(rest) or _IMPLICIT_TASK.search(rest) else resolved)

    named = _distinct_roles(own_roles)
    if other and len(named) == 1 and previous_question:
        # "and the other one? the regular software engineer", "what about the other one, the software engineer? what do
        # they need to be good at": the role named is the other one, asked the last question, or what the follow-up asks
        # of it.
        rest = question[ellipsis.end():] if ellipsis else question
        rest = _OTHER.sub("", rest)
        role_at = [m for m in re.finditer(re.escape(own_roles[0]), rest, re.I)]
        left = rest[: role_at[0].start()] + rest[role_at[0].end():] if role_at else rest
        if _asks_nothing_new(re.sub(r"\b(?:i mean|regular|normal|plain|ordinary|\w+ly)\b", "", left, flags=re.I)):
            return _asked_of(previous_question, named[0]) or question
        if any(_IMPLICIT_TASK.search(part) for part in re.split(r"(?<=[?!.])\s+", left)):
            # "and the other one? what does the ml person handle" after a robot's split of work: handles there; so does
            # "…, what's his bit? getting it to move around?", the task asked before the asker's guess at it.
            return read_with_previous(question.replace(own_roles[0], _singular(named[0])), user_history)
        if _PEOPLE_PRONOUN.search(left) and not _POINTS_AT_QUESTION.search(left):
            # What is asked comes after the role's name, and is all that is searched: "and the other one? the ML
            # engineer," before it pulled the passages comparing the two above the ML engineer's skills list.
            after = rest[role_at[0].end():].lstrip(" ,?.!:;—–-") if role_at else ""
            asked = after if _PEOPLE_PRONOUN.search(after) else question
            return _PEOPLE_PRONOUN.sub(lambda m: _role_for_pronoun(m.group(0), named[0]), asked)
    if ellipsis and own_roles and not previous_question:
        # "and what about if i go the regular software engineer route instead?" after "what languages should i learn for
        # ML engineering?": the discipline asked about before is the new role's.
        rest = question[ellipsis.end():].strip(" ?.!")
        asked_again = _discipline_asked_of(user_history[-1], _singular(_LEADING_ARTICLE.sub("", own_roles[0])))
        if asked_again and _asks_only_of(rest, own_roles[0]):
            return asked_again
    if ellipsis and own_roles and previous_question:
        # "And a systems engineer?", "ok and what's the equivalent list for the ML engineer?" — ask the previous question
        # again about the new role.
        rest = question[ellipsis.end():].strip(" ?.!")
        if _asks_only_of(rest, own_roles[0]) or _EQUIVALENT.search(rest):
            new_role = _singular(_LEADING_ARTICLE.sub("", own_roles[0]))
            return _asked_of(previous_question, new_role) or f"{previous_question.rstrip(' ?')} for {_indefinite(new_role)}?"
        if _POINTS_AT_QUESTION.search(rest):
            # "And how does that compare with what a software engineer needs?": the new role, and what the last
            # question asked, which "that" stands for.
            return _read_with_previous_of(question, own_roles, user_history)
        return question

    if not own_roles and not subject and (_POINTS_AT_TOPIC.search(question) or _POINTS_AT_QUESTION.search(question)):
        # "Which areas do the people holding those specialise in?" after "Are ML certifications worth getting?": no role
        # to fill in, but "those" points at what the last question was about.
        return read_with_previous(question, user_history)
    if asks_nothing and not own_roles and not subject:
        # "why tho" after "maths bit?": what the last question asked, though it named no role.
        return read_with_previous(question, user_history)
    others = _WITH_THEM.search(question) if own_roles and subject else None
    if others and not roles_overlap(role_keys(subject), role_keys(" ".join(own_roles))):
        # "How do the ML and software engineers work with them?" after "ok, and hardware engineers?": "them" are the
        # conversation's subject, whom the roles named work with.
        return question[: others.start(1)] + _plural(subject) + question[others.end(1):]
    pointer = _POINTS_AT_QUESTION.search(question) if own_roles else None
    if pointer and _THAT_OR_THIS.search(pointer.group(0)):
        # "so where does the ML engineer come in with that?" after "Can you give an everyday example…? Something like
        # email": the role it names, in what the last question asked about. ("why does it matter to combine ML engineers
        # and software engineers?": "it" is the combining.)
        return _read_with_previous_of(question, own_roles, user_history)
    if own_roles or not subject:
        return question
    if asks_nothing and not _PEOPLE_PRONOUN.search(question):
        # "why is that though, what's driving it?" after "are ML engineers going to stay relevant?": nothing of its own to
        # ask, so "it" is what the last question asked about (they, them would be its role).
        return read_with_previous(question, user_history)
    if _POINTS_AT_QUESTION.search(question) and _PRONOUN.search(question) and not _PEOPLE_PRONOUN.search(question):
        # "an example of that split? … how it'd map to an NPC body vs its brain": "it" is what the last question was
        # about, as "that split" is, not the role.
        return read_with_previous(question, user_history)
    if role_keys(question) and _OBJECT_IT.search(question) and not _PEOPLE_PRONOUN.search(question):
        # "And what would the ML side contribute to it?": the role is named in everyday words; "it" is what the last
        # question was about.
        return read_with_previous(question, user_history)
    pair = recent_roles(user_history) if _PAIR.search(question) else []
    if len(pair) == 2:
        # "Do the two share any skills?" after comparing data scientists with machine learning engineers.
        return _PAIR.sub(f"{_plural(pair[0])} and {_plural(pair[1])}", question, count=1)
    group = _GROUP.search(question)
    if group:
        # "each of them", "all of them": the roles the last question named, if it named several, else the conversation's
        # two recent ones; with one role in it, the people the last question asked about ("Which kinds of engineers
        # work on…?"), which only that question says.
        named = _distinct_roles(find_roles(user_history[-1]))
        if len(named) < 2:
            named = recent_roles(user_history)
        if len(named) >= 2:
            together = ", ".join(_plural(r) for r in named[:-1]) + f" and {_plural(named[-1])}"
            resolved = question[: group.start()] + f"{group.group(1)} of {together}" + question[group.end():]
            # "which of them would handle it understanding what people say to it?": "it" is what the last question was
            # about (the robot the two were building).
            points = _POINTS_AT_QUESTION.search(question) or _OBJECT_IT.search(question)
            return read_with_previous(resolved, user_history) if points else resolved
        return read_with_previous(question, user_history)
    thing = _THING.search(user_history[-1]) if not _PEOPLE_PRONOUN.search(question) else None
    handled = _HANDLED_IT.search(question) if thing else None
    if handled:
        # "who actually puts it inside our app?" after "What steps does an ML engineer go through to build a model?":
        # what is put, deployed or trained is the thing the last question named, not the role.
        return question[: handled.start(1)] + f"the {_singular(thing.group(1).lower())}" + question[handled.end(1):]
    both = _PAIR_PRONOUN.search(question) if _ASKS_OF_A_PAIR.search(question) else None
    if both:
        # "how do they work together?", "any overlap in what they need to know?" after a question setting two roles side
        # by side: "they" are the two ("What does a data engineer do compared to an ML engineer?" asked about one).
        named = _distinct_roles(find_roles(expand_abbreviations_in_roles(user_history[-1])))
        if len(named) == 2 and len(asked_roles(user_history[-1])) == 2:
            return question[: both.start()] + f"{_plural(named[0])} and {_plural(named[1])}" + question[both.end():]
    if _PRONOUN.search(question):
        # "something they'd build": the role then "would", not "machine learning engineers'd".
        question = _THEY_CONTRACTED.sub(lambda m: f"{m.group(1)} {_CONTRACTION[m.group(2).lower()]}", question)

        def replace(match: re.Match) -> str:
            word = match.group(0).lower()
            if word in {"their", "theirs", "its", "his", "hers"}:
                named = f"{_plural(subject)}'"
            elif word in {"they", "them", "themselves", "these roles", "those roles"} or word.endswith(("people", "guys", "folks")):
                named = _plural(subject)
            elif word.endswith(("person", "guy", "gal")):
                return f"the {subject}"
            else:
                return _indefinite(subject) if not word.startswith(("the ", "this ", "that ")) else f"the {subject} role"
            # "which software they use" must not become "which software engineers use": a word before the role that
            # would make it another role keeps apart behind "the".
            before = question[: match.start()].split()[-1:]
            if before and role_keys(f"{before[0]} {named}") != role_keys(named):
                return f"the {named}"
            return named
        # "my cousin keeps pushing C++ on me because he does game dev. But how do they choose…?": "he" is the cousin
        # the message named; the first pronoun no person before it in the message accounts for is the role.
        resolved = question
        for match in _PRONOUN.finditer(question):
            if match.group(0).lower() in _PERSONAL and _NAMES_A_PERSON.search(question[: match.start()]):
                continue
            resolved = question[: match.start()] + replace(match) + question[match.end():]
            break
        # "How does that look different for each of them?": the role fills "them", the last question "that".
        return read_with_previous(resolved, user_history) if _POINTS_AT_QUESTION.search(question) else resolved
    if _POINTS_AT_QUESTION.search(question) or _ONE_OF_THOSE.search(question) or _THOSE_ALONE.search(question):
        # "What specific duties fall under that, day to day?", "an example of something one of those could be taught":
        # what the last question asked about, which the role alone does not say.
        return read_with_previous(question, user_history)
    if asks_nothing or (_PURPOSE_FRAGMENT.match(question) and len(question.split()) <= 6):
        # "to achieve what, exactly?": a fragment that finishes the last question, read with it.
        return read_with_previous(question, user_history)
    if ellipsis or len(question.split()) <= 3:
        # "What about skills?", "Which tools?" — fragments that only make sense with the subject.
        return f"{question.rstrip(' ?.!')} for {_indefinite(subject)}?"
    return question


def _asked_of(previous_question: str, new_role: str) -> str:
    """`previous_question` asked again of `new_role` in place of the last role it names; empty when it names none."""
    prev_roles = find_roles(previous_question)
    if not prev_roles:
        return _discipline_asked_of(previous_question, new_role)
    old = prev_roles[-1]
    replacement = _plural(new_role) if old.lower().endswith("s") else new_role
    at = previous_question.rfind(old)
    before, after = previous_question[:at], previous_question[at + len(old):]
    article = re.search(r"\b(an?) $", before, re.I)
    if article and replacement == new_role:
        # "What does an ML engineer do?" → "What does a data scientist do?", not "an data scientist".
        before, replacement = before[: article.start()], _indefinite(new_role)
    return before + replacement + after


def _discipline_asked_of(previous_question: str, new_role: str) -> str:
    """"what languages should i learn for ML engineering?" asked of a software engineer: "…for software engineering?";
    empty when the question names no one discipline or the role is no field's engineer."""
    expanded = expand_abbreviations_in_roles(previous_question)
    disciplines = list(_DISCIPLINE.finditer(expanded))
    keys = [field for field, head in role_keys(new_role) if head == "engineer"]
    if len(disciplines) != 1 or len(keys) != 1:
        return ""
    at = disciplines[0]
    return expanded[: at.start()] + f"{keys[0]} engineering" + expanded[at.end():]


# What sets the roles side by side ("how does that compare with what a software engineer needs?") keeps the last
# question's role beside the new one.
_SIDE_BY_SIDE = re.compile(r"\b(?:compar\w*|vs\.?|versus|than|differ\w*|similar\w*|overlap\w*|in common|together|"
                           r"both|each|either|same|like)\b", re.I)


_FOR_THAT = re.compile(r"\bfor (?:that|this)\b", re.I)


def _read_with_previous_of(question: str, own_roles: Sequence[str], user_history: Sequence[str]) -> str:
    """`read_with_previous` for a follow-up naming its own role: "the software engineer i mean, what would i need to
    learn for that?" after "What skills does a machine learning engineer need?" asks that question of the software
    engineer, so the last question is read of the one role the follow-up names, not of the role it replaced."""
    previous = _previous_read(user_history)
    named = _distinct_roles(own_roles)
    # Only "for that" asks the last question's own thing of the new role; "where does the ML engineer come in with
    # that?" asks the new role's part in what the last question described.
    if (not _FOR_THAT.search(question) or len(named) != 1 or _SIDE_BY_SIDE.search(question)
            or len(_distinct_roles(find_roles(previous))) != 1 or roles_overlap(role_keys(previous), role_keys(named[0]))):
        return read_with_previous(question, user_history)
    return f"{question.strip()} ({_asked_of(previous, _singular(_LEADING_ARTICLE.sub('', named[0])))})"


def _previous_read(user_history: Sequence[str]) -> str:
    return condense(user_history[-1], user_history[:-1]).strip().rstrip(" ?.!")


def own_part(standalone: str, user_history: Sequence[str]) -> str:
    """What a follow-up read with the last question (`read_with_previous`) says itself, made standalone ("how does that
    look different for each of data scientists and machine learning engineers?"); empty when it was not read so."""
    if not user_history:
        return ""
    suffix = f" ({_previous_read(user_history)})"
    own = standalone[: -len(suffix)] if standalone.endswith(suffix) and len(standalone) > len(suffix) else ""
    # "which of them would handle it understanding what people say to it?": what "it" is, only the last question says.
    return "" if _OBJECT_IT.search(own) else own


# "And the other one? what's their contribution", "what does the ml person handle": the other role's share of the work the
# last question asked about ("if a company builds a robot, how would they split the job?"), which the words leave implicit.
_IMPLICIT_TASK = re.compile(r"\b(?:contribut\w*|handles?|handling|part|piece|bit|share|take care of|look after)\s*\??\s*$",
                            re.I)


def read_with_previous(question: str, user_history: Sequence[str]) -> str:
    """A follow-up that asks nothing of its own ("can you give me an example?", "ok what else?") with the last question
    it continues, itself made standalone: "…an example? (what does a machine learning engineer build)". Filling in
    the subject alone ("an example for a machine learning engineer") would drop what the last question asked."""
    if not user_history:
        return question
    return f"{question.strip()} ({_previous_read(user_history)})"


# "if I go the … route", "if i went with the …", "the … path": the asker choosing a role, around its name.
_CHOSEN_ROAD = re.compile(r"\b(?:if|say) (?:i|we) (?:\w+ )?(?:go|went|going|pick|picked|choose|chose|take|took|did|do)"
                          r"(?: (?:with|for|down|into))?\b|\b(?:regular|normal|plain|ordinary|usual)\b|"
                          r"\b(?:route|path|track|road|direction)\b", re.I)
# Words around the new role in "And for a data engineer?", "What about for the other role, software engineer?",
# "How about a DevOps engineer instead?": they point at the role, they ask nothing new.
_AROUND_ROLE = re.compile(r"\b(?:a|an|the|then|one|for|other|role|job|position|career|instead|too|also|now)\b|"
                          # "what about the ML engineer's part?": the role's share of what the last question asked about.
                          r"['’]s(?:\s+(?:part|bit|side|share|piece|end))?\b", re.I)


def _role_for_pronoun(pronoun: str, role: str) -> str:
    """The role written where `pronoun` stood: "they" → "software engineers", "his" → "the software engineer's"."""
    pronoun = pronoun.lower()
    if pronoun in {"they", "them"}:
        return _plural(role)
    if pronoun in {"their", "theirs"}:
        return f"{_plural(role)}'"
    if pronoun in {"his", "her", "hers"}:
        return f"the {_singular(role)}'s"
    return f"the {_singular(role)}"


def _asks_only_of(rest: str, role: str) -> bool:
    """Whether what follows a follow-up's "and what about" only names `role`: "a systems engineer", or the asker taking
    its road, "if i go the regular software engineer route instead"."""
    if len(rest.split()) <= 6 and _is_bare_role(rest, role):
        return True
    road = re.sub(re.escape(role), " ", rest, flags=re.I)
    return bool(_CHOSEN_ROAD.search(road)) and _asks_nothing_new(_CHOSEN_ROAD.sub(" ", road))


def _is_bare_role(text: str, role: str) -> bool:
    return _asks_nothing_new(re.sub(re.escape(role), "", text, flags=re.I))


def _asks_nothing_new(text: str) -> bool:
    """Whether what is left of a follow-up, once its role is taken out, only points at the role."""
    return not _AROUND_ROLE.sub("", text).strip(" ,?.!")


# "that company", "this firm itself": an organisation the conversation named. "The company" is no pointer: "the
# rest of the company" is the asker's employer.
_ORGANISATION_POINTER = re.compile(r"\b(?:that|this) (?:company|firm|organi[sz]ation|employer|business)(?:\s+itself)?\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:\+\+|#)?")


def resolve_named_pointer(question: str, turns: Sequence[str], names: frozenset[str]) -> str:
    """`question` with "that company" replaced by the last organisation the conversation named (`turns`, oldest first,
    the assistant's included) among those the corpus names (`names`, lower case); empty when it points at none.

    "…at that company itself?" after an answer quoting Sertis is a question about Sertis: the name, which only a
    few passages use, finds them; the pronoun-filling of `condense` would make it about the last role instead.
    """
    pointer = _ORGANISATION_POINTER.search(question)
    if not pointer:
        return ""
    for turn in reversed(turns):
        found = [m.group(0) for m in _CAPITALISED.finditer(turn) if m.group(0).lower() in names]
        if found:
            return question[:pointer.start()] + found[-1] + question[pointer.end():]
    return ""


# "The second one", "that last one", "the third tip": an ordinal pointing into what the conversation listed. "The first
# time", "the last step of the process" name things of their own.
_ORDINAL_INDEX = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6, "last": -1,
                  "final": -1, "latter": -1, "former": 0}
_ORDINAL = re.compile(r"\b(?:the|that|this)\s+(first|second|third|fourth|fifth|sixth|seventh|last|final|latter|former)"
                      r"(?:\s+(?:ones?|items?|points?|tips?|options?|things?|kinds?|types?|sorts?|(?P<role>roles?|jobs?|hires?|"
                      r"positions?|careers?|engineers?|persons?|people|guys?))\b|(?=\s*(?:[?.!,;]|$)))", re.I)
_CITATION_MARK = re.compile(r"\s*\[\d+\]")
_LIST_LEAD = re.compile(r"^(?:and|or)\s+", re.I)
# A list item is a phrase, not a clause: at most this many words.
_ITEM_WORDS = 12


def listed_items(reply: str) -> list[str]:
    """The items of the last list in a reply, in order: "…: get a solid grounding in mathematics, develop innovative
    thinking…, and get comfortable with…" or "…: Machine Learning Engineer; Data Engineer; …". Empty when no sentence
    of the reply lists two items by semicolons or three by commas."""
    for sentence in reversed(split_sentences(_CITATION_MARK.sub("", reply))):
        body = sentence.split(":", 1)[1] if ":" in sentence else sentence
        for separator, least in ((";", 2), (",", 3)):
            items = [_LIST_LEAD.sub("", part.strip()).strip(" .!?") for part in body.split(separator)]
            items = [item for item in items if item]
            if separator == "," and len(items) >= least - 1 and " and " in items[-1] and not any(" and " in i for i in items[:-1]):
                # "Data engineers, software engineers, … systems engineers and DevOps engineers all contribute": with no
                # comma before the "and", the last part holds the last two items (when no item before it has an "and").
                items[-1:] = [part.strip() for part in items[-1].rsplit(" and ", 1)]
            if len(items) >= least and all(len(item.split()) <= _ITEM_WORDS for item in items):
                return items
    return []


# "which of those should I start with?", "which one of these matters most?": a choice among what the last reply listed.
_CHOICE = re.compile(r"\b(which|what)(?:\s+one)?\s+of\s+(?:those|these|them|the above)\b(?!\s+(?:roles?|jobs?|engineers?))",
                     re.I)


def resolve_choice(question: str, user_history: Sequence[str], last_reply: str) -> str:
    """`question` with "which of those" spelled out as the items of the last reply's list ("which of "maths and
    statistics", "ML algorithms and frameworks" or … should I start with?"), for the role asked about if any; empty when
    it chooses among nothing listed, or among roles ("which of them writes the backend?" after the roles that work on
    machine learning), which `condense` reads as the roles they are."""
    match = _CHOICE.search(question)
    items = listed_items(last_reply) if match else []
    if len(items) < 2 or any(find_roles(item) for item in items):
        return ""
    quoted = ", ".join(f'"{item}"' for item in items[:-1]) + f' or "{items[-1]}"'
    resolved = question[:match.start()] + f"{match.group(1)} of {quoted}" + question[match.end():]
    roles = _distinct_roles(role for q in user_history for role in find_roles(q))
    if roles:
        resolved = f"{resolved.rstrip(' ?.!')} for {_indefinite(roles[-1])}?"
    return resolved


def resolve_ordinal(question: str, user_history: Sequence[str], last_reply: str) -> str:
    """`question` with "the second one" / "that last one" replaced by what it counts; empty when it counts nothing.

    It counts the roles the user has asked about, when they asked about two or more ("What does an ML engineer do?",
    "And a software engineer?", "What skills does the second one need?"); otherwise the items of the last reply's list
    ("…: get a solid grounding in mathematics, develop innovative thinking…" → "can you expand on the second one?"),
    which it quotes, for the role asked about if any ("… for a machine learning engineer?")."""
    match = _ORDINAL.search(question)
    if not match:
        return ""
    index = _ORDINAL_INDEX[match.group(1).lower()]
    # The distinct roles the user's questions named, in the order first named.
    roles = _distinct_roles(role for question in user_history for role in find_roles(question))
    # "that first hire", "the second role": a role, never a list item, even when only one role was named so far.
    if len(roles) >= 2 or roles and match.group("role"):
        if not -len(roles) <= index < len(roles):
            return ""
        return question[:match.start()] + f"the {roles[index]}" + question[match.end():]
    if match.group("role"):
        return ""
    items = listed_items(last_reply)
    if len(items) < 2 or not -len(items) <= index < len(items):
        return ""
    resolved = question[:match.start()] + f'"{items[index]}"' + question[match.end():]
    if roles and not find_roles(items[index]):
        # The tips were tips for becoming a machine learning engineer: the item alone may read as any role's.
        resolved = f"{resolved.rstrip(' ?.!')} for {_indefinite(roles[0])}?"
    return resolved
