"""Text utilities shared by chunking, lexical search, the relevance gate and the answerer.

Sentence splitting, word tokens, Snowball stems and stopwords. Pure functions, no I/O.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.'’-][a-z0-9+#]+)*")
_TAG = re.compile(r"<[^>]{0,200}>")
# A sentence ends at . ! or ? followed by space and an opening capital, digit or quote, but not
# after common abbreviations.
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<=[.!?])\s+(?=[\"“'‘(\[A-Z0-9])")
# Web text sometimes starts a sentence in lower case ("…efficient and practical work. a software engineer is
# responsible…"): a full stop after a word of three or more lower-case letters ends one too ("e.g." and "i.e." have
# none; "etc." is excepted), and so does one after a citation ("…work [1]. a software engineer…", as an answer quotes it).
_LOWER_CASE_START = re.compile(r"(?:(?<!etc\.)(?<=[a-z]{3}\.)|(?<=\]\.))\s+(?=[a-z])")

# Function words, and the fillers of chat messages ("lol", "tbh", "pls"), which say nothing about what is asked.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each either else ever every few for from further get gets getting got had hadn't has hasn't
    have haven't having he her here hers herself him himself his how i i'd i'm i've if in into is isn't it
    it's its itself just let's like may me might more most much must my myself neither no nor not now of
    off on once only or other others ought our ours ourselves out over own per same shall she should
    shouldn't so some such than that that's the their theirs them themselves then there there's these they
    they're this those through thus to too under until up upon us very was wasn't we we're were weren't
    what what's when where which while who who's whom whose why will with won't would wouldn't yet you
    you'd you'll you're you've your yours yourself yourselves one ones really also well tell please
    since although though whether unless whereas however hence therefore
    how's where's when's why's what're who're nothing nobody anyone anybody everyone everybody
    oh ah ahh ohh wow lol lmao haha hehe btw tbh imo imho rn idk ngl omg pls plz thx ty tho yeah yep um uh hmm honestly gonna wanna
    gotta kinda sorta even im ive id dont doesnt didnt cant isnt arent wasnt wont whats hows thats theyre youre
    that'd that'll it'd it'll there'd there'll who'd what'd they'd they'll they've we'd we'll we've he'd he'll he's
    she'd she'll she's i'll""".split()
)


# People in the asker's life: they set the scene of a question ("my cousin's a software dev") and are never its topic.
ASKERS_PEOPLE = tuple("""friend friends buddy cousin brother sister mom mum dad mother father parent parents girlfriend
    boyfriend wife husband partner spouse family kid kids son daughter uncle aunt roommate classmate
    nephew niece stepson stepdaughter stepkid stepkids stepmother stepfather grandmother grandfather grandma grandpa
    granny grandparent grandparents grandson granddaughter grandkid grandkids sibling siblings child children teen
    teenager teenagers student students pupil pupils mentee""".split())

# Words that frame a question about careers without naming what is asked about: words for the source itself ("in
# the Sertis article"), for the form of the answer ("a simple example", "in a nutshell"), for courtesy ("Good afternoon.
# I would be grateful if…"), for the people in the asker's life who set the scene ("my cousin's a software dev") and for
# an employer's people ("what do staff get out of it?": the article says "Sertizens"), and for how the asker feels about it
# ("I'm scared my first tries will flop": the flopping is asked about, not the fear; "would that hurt me in ML work?",
# "is ML going to crush me emotionally?": whether the work suits the asker is), and a skeptic's "true or nah?", "or
# is that a myth?", "Python is overhyped": whether the claim holds is what the passages answer.
FRAME_WORDS = frozenset(
    """ask asked answer answers explain describe describes tell talk know knows knowing need needs needed
    say says saying said hear heard claim claims equivalent counterpart
    want wants like likes love loves enjoy enjoys fit fits suit suits suited good great best better important
    importance matter matters mean means meaning main key typical typically usually often generally exactly
    actually basically kind kinds type types sort thing things stuff someone somebody person people i me my
    mine myself staff employee employees worker workers job jobs role roles position positions career careers profession
    professions field fields work works working worked day days daily do does doing did done make makes making get gets
    become becomes
    becoming start starting begin beginning use uses used using involve involves involved difference differences
    different differ compare compared comparison versus vs between same similar help helps look looks
    question questions please thanks thank hi hello anything something everything much many lot lots way ways
    should could would can will might normal normally usual usually common okay ok fine keep keeps kept really
    worth bother possible spend spends spent illustrate illustrates show shows let lets go goes going went folks guys
    true else article articles post blog page passage passages named mention mentions mentioned listed
    give gives gave given giving example examples instance specific specifically simple simply real quick brief
    briefly short summary summarize overview
    standard pretty stretch hype instead realistic accurate legit concrete fair title titles
    define defines definition sentence argument argues
    nutshell plain expand elaborate detail details detailed further ideas thoughts suggestions pointers
    hey dear morning afternoon evening grateful appreciate appreciated kindly sorry pardon ignorance apologies forgive
    scared afraid nervous anxious terrified discouraged discouraging frustrated frustrating emotionally
    hurt hurts nightmare crush crushed particular
    nah nope myth myths overhyped overrated cover
    genuine honest serious dumb silly stupid naive buzzword buzzwords carry carries
    cool awesome alright gotcha version versions sign signs""".split()
) | frozenset(ASKERS_PEOPLE)


# Adverbs that stretch or stress what a question says ("keep grinding on it forever", "totally separate worlds"): the
# asker's emphasis more than a topic, yet a forecast can turn on one ("needed forever?"). The gate weighs a missing one
# like an everyday word.
EMPHASIS_WORDS = frozenset("""forever always constantly endlessly nonstop anymore seriously literally totally definitely
    absolutely completely truly whole entire""".split())


# Messages that only greet, thank or acknowledge ("thanks!", "ok great", "hello"): small talk, not a question. Read as a
# follow-up, "thanks!" would repeat the last answer.
_GREETINGS = frozenset("hi hello hey hiya yo morning afternoon evening".split())
_THANKS = frozenset("thanks thank thx ty cheers appreciate appreciated".split())
_SMALL_TALK = _GREETINGS | _THANKS | frozenset("""you so much very a lot lots many ok okay k cool great nice awesome
    perfect got it i see alright all right sure good bye goodbye that this was is helps helped helpful useful wow oh ah
    yes yeah yep lol makes sense there again everyone""".split())


def small_talk(text: str) -> str:
    """"greeting" or "thanks" when a message is only small talk of that kind, "ack" for other acknowledgements ("ok
    great"), else ""."""
    words = tokens(text)
    if not words or any(w not in _SMALL_TALK for w in words):
        return ""
    if any(w in _THANKS for w in words):
        return "thanks"
    return "greeting" if any(w in _GREETINGS for w in words) else "ack"


def strip_markup(text: str) -> str:
    """Text without HTML tags or entities: what a user typed, read as plain words."""
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", text))).strip()


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; keeps C++, C#, CI/CD parts and dotted names together."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.strip("'"))


# Stems of the frame words (after `stem` is defined).
FRAME_STEMS = frozenset(stem(w) for w in FRAME_WORDS)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (stopwords and one-letter tokens dropped), in order."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and (len(t) > 1 or t in {"r", "c"})]


# A sentence opening that gives an example ("For instance, when we receive a notification…"): retrieval prefers such
# passages for a question asking for an example, and the answerer quotes such a sentence with the claim before it.
EXAMPLE_OPENING = r"for (?:example|instance)|e\.g\.|to illustrate"

# Short forms people type in career questions, spelled out for word matching (dense search reads them fine).
# The ones standing for a whole job title are roles too (followups reads "swe vs devops" as two roles).
ROLE_SHORT_FORMS = {"swe": "software engineer", "sde": "software engineer", "mle": "machine learning engineer",
                    "ds": "data scientist", "de": "data engineer", "pm": "product manager"}
ABBREVIATIONS = {
    **ROLE_SHORT_FORMS, "ml": "machine learning", "ai": "artificial intelligence", "devs": "developers", "dev": "developer",
    "qa": "quality assurance", "db": "database", "dbs": "databases", "k8s": "kubernetes",
    "ci": "continuous integration", "cd": "continuous deployment", "math": "mathematics", "maths": "mathematics",
    "stats": "statistics", "diff": "difference", "infra": "infrastructure", "ops": "operations", "sw": "software", "hw": "hardware",
    "cv": "resume", "cs": "computer science",
    # An ETL job is a data pipeline: extract, transform, load.
    "etl": "extract transform load data pipeline",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(s?)\b", re.I)


# Short forms that are another word in lower case: only "PM" is a product manager.
_CAPITALS_ONLY = frozenset({"pm"})


def _spelled_out(m: re.Match) -> str | None:
    """The spelled-out words of a matched short form, or None when the match is no short form."""
    short, plural = m.group(1), m.group(2)
    if short.lower() in _CAPITALS_ONLY and not short.isupper():
        return None  # "5 pm" is a time
    # A plural short form ("DEs", "SWEs") is one only in capitals when it is two letters: lower case, "des" or "cds" is
    # another word. From three letters on ("swes", "mles", "diffs") a lower-case plural is still the short form.
    if plural and not (plural == "s" and (short.isupper() or len(short) >= 3)):
        return None
    return ABBREVIATIONS[short.lower()] + plural


def expand_abbreviations(text: str) -> str:
    """The text with short forms followed by their spelled-out words ("ML" → "ML machine learning", "DEs" →
    "DEs data engineers")."""
    return _ABBREVIATION.sub(lambda m: f"{m.group(0)} {words}" if (words := _spelled_out(m)) else m.group(0), text)


def spell_out_abbreviations(text: str) -> str:
    """The text with short forms replaced by their spelled-out words ("DEs" → "data engineers")."""
    return _ABBREVIATION.sub(lambda m: _spelled_out(m) or m.group(0), text)


# Everyday idioms and phrasal verbs, read as the plain word they stand for when words are matched: "my models keep
# flopping" asks what "Most models will fail at first" answers, but no passage has the word and MiniLM's pieces of
# "flopping" sit nowhere near "fail" (benchmarks/gate_synonyms.py; eight blind sets asked it that way). Only phrases
# whose sense does not hang on context are listed. Phrases that only say how to answer ("in plain words") read as
# nothing, like the frame words. The gate and BM25 read the plain word instead of the idiom; the question's vectors
# read it beside the idiom (service.vector_text), so MiniLM keeps the context.
PLAIN_WORDING: tuple[tuple[str, str], ...] = (
    (r"flop(?:s|ped|ping)?|fall(?:s|ing)? flat|fell flat|bomb(?:s|ed)|crash(?:es|ed|ing)? and burn(?:s|ed|t)?|"
     r"(?:go|goes|went|gone) belly[- ]up|(?:doesn't|didn't|don't|does not|did not|do not) pan out|"
     # "stuff not working a lot", "when my first models don't work": failing, not working somewhere or with someone.
     r"(?:not|never|doesn't|does not|don't|do not|didn't|did not|won't|will not|isn't|aren't)\s+work(?:s|ing)?(?:\s+out)?"
     r"(?!\s+(?:(?:on|at|in)\s+(?!(?:the |my |a |your )?first\b)|with|for|together|as|alongside|closely|under|from|there|"
     r"here|remotely|hard|long)\b)", "fail"),
    (r"call(?:s|ed)? for", "require"),
    # "what's their piece of it?", "the software engineer's piece": their part in it.
    (r"(?:piece|slice|chunk) of (?=it\b|that\b|the work\b|the project\b)", "role in "),
    (r"(?<=['’]s )(?:piece|slice|chunk)\b", "role"),
    # "what's the core distinction?": the main difference, no term to define.
    (r"(?:core|key|fundamental|basic|essential|real|big) (?:distinction|difference)s?", "main difference"),
    # "who builds the other version, the one that just warns you?": of the functionality the example described.
    (r"(?:(?<=\bthat )|(?<=\bthis )|(?<=\bother )|(?<=\bsame ))versions?\b", "functionality"),
    # "in an ML rollout": in its deployment.
    (r"roll-?outs?|roll(?:s|ed|ing)? (?:it |them )?out", "deployment"),
    # "do ML engineers have to present their work to other people?": communicate it.
    (r"present(?:s|ed|ing)? (?:their|your|my|his|her|our|the) (?:work|results|findings|models?|ideas)", "communicate their work"),
    (r"in charge of|on the hook for|(?:hired|paid|employed) to do", "responsible for"),
    # "when it just tosses the junk out by itself", "quietly bins the junk": the spam filter of the articles' example.
    (r"(?:toss|bin|throw|dump|trash|filter|block)(?:s|es|ed|ing)? (?:out |away )?(?:the |that |all the |any )?junk"
     r"(?: mail)?(?: out| away)?", "blocks spam"),
    # "what's the payoff of sticking that model inside the app?": the benefit of incorporating it.
    (r"pay-?offs?|upsides?", "benefit"),
    (r"stick(?:s|ing)?(?= (?:(?:that|the|a|an|this|their|your|my|our|it|them)\b ?)?(?:[\w-]+ )?(?:inside|into)\b)",
     "incorporate"),
    (r"(?<=\w )inside(?= (?:the|an?|their|your|my|our|that|this) )", "in"),
    # "any role that deals with physical hardware?": works on hardware.
    (r"deal(?:s|ing)? with(?= (?:the )?physical\b)", "work on"),
    (r"(?<=\w )physical (?=(?:hardware|machines?|machinery|devices?|robots?)\b)", ""),
    # "is that normal or a sign I'm not cut out for this?": suited to it.
    (r"(?:not )?cut out for", "suited to"),
    # "Honestly I'm worried I'd get discouraged": the asker's feeling, like "scared"; "Should that worry me?" asks whether
    # something matters, and keeps its word.
    (r"worried", "scared"),
    (r"junk (?:e-?)?mails?", "spam"),
    (r"inbox(?:es)?", "email"),
    (r"pop-?ups?", "notification"),
    (r"(?:from )?(?:a |some )?strangers?", "from an unknown address"),
    (r"(?:hand|hands|handed|handing|pass|passes|passed|passing) (?:(?:it|them|that|this) )?(?:over|off|on)", "provide"),
    # "from first sketch to handing it off": from the design.
    (r"(?:(?<=first )|(?<=rough )|(?<=initial ))sketch(?:es)?|sketch(?:es|ed|ing)? (?:it |them )?out", "design"),
    (r"team(?:s|ed|ing)? up|join(?:s|ed|ing)? forces|work(?:s|ed|ing)? (?:closely )?together", "collaborate"),
    # "what's the core of the job?": its main task.
    (r"(?:the )?(?:core|heart|crux|meat) of (?:the|their|his|her|this|that|an? \w+(?: \w+)?'s) (?:job|role|work|position)",
     "the main task"),
    # "a more by-the-book, step-by-step type of person": a systematic one.
    (r"by[- ]the[- ]book", "systematic"),
    # "would a narrower one, like for one specific framework, be worth it?": a certification in a niche area.
    (r"narrower", "niche"),
    # "an example of that split?": the division of labour the last question asked about.
    (r"(?:(?<=that )|(?<=this )|(?<=the ))split(?! (?:up|off|into|the|between|of)\b)", "division"),
    # "do you just keep grinding on it forever?" asks how long to persist, and when to abandon it.
    (r"(?:keep|keeps|kept|keeping) (?:on )?(?:grinding|going|trying|pushing|plugging away|hammering away|at it)"
     r"(?: (?:on|at|away at|with) (?:it|this|that|the (?:problem|issue|model|bug)))? forever", "persist abandon"),
    (r"(?:keep|keeps|kept|keeping) (?:at it|trying|pushing|grinding|plugging away)|stick(?:s|ing)? (?:with|at) it|"
     r"grind(?:s|ing)? (?:on|away)|push(?:es|ing)? through|patien(?:ce|t)|perseveran(?:ce|t)|tenacity|tenacious|"
     r"stubborn(?:ness)?|dogged(?:ness)?", "persist"),
    # "my first tries are going to flop": the trials of trial and error.
    (r"(?:(?<=first )|(?<=early )|(?<=initial ))(?:tries|attempts)", "trials"),
    # "from the moment a client asks for something until after launch": from when it is asked until it is deployed.
    (r"from the (?:moment|minute|second|instant)", "from when"),
    (r"(?:(?<=after )|(?<=before )|(?<=at )|(?<=the )|(?<=until ))launch|go-?live", "deployment"),
    # "stuck on a problem for ages with no progress": unable to find a solution, failing.
    (r"stuck(?= (?:on|with|at)\b)", "cannot find a solution"),
    # "for ages" says how long it felt; "in weeks" or "for months" may be what is asked ("can I learn it in weeks?").
    (r"for ages(?: and ages)? ?", ""),
    (r"(?:no|zero|little) progress|(?:not|never) getting anywhere|going nowhere", "fail"),
    (r"go(?:es|ing)? wrong|went wrong|(?:do|does|did|doing|done) (?:something|anything|it|things|stuff) wrong", "fail"),
    (r"vacanc(?:y|ies)", "open positions"),
    # "One of my Year 12 students", "a grade 11 kid": the asker's class, not a number asked about.
    (r"(?:year|grade) \d{1,2}(?= (?:students?|pupils?|kids?|class(?:es)?|classmates?)\b)", ""),
    # "does that tip things toward one of them?": make one fit better.
    (r"tip(?:s|ped|ping)? (?:things|it|the (?:scales?|balance)) (?:toward|towards|in favou?r of)", "suit"),
    # "what does that span?": what it encompasses; "attention span" keeps its word.
    (r"(?<!attention )(?<!life )(?<!time )(?<!a )(?<!the )(?:span|spans|spanned|spanning)(?! of\b)", "encompass"),
    (r"heads[- ]down", "focused"),
    # "my head for figures": a strength in mathematics; "does it count for anything?": does it matter.
    (r"(?:a |my |your |his |her |their )?(?:head|knack|gift|eye) for (?:figures|numbers|maths?|mathematics)",
     "mathematics skills"),
    (r"count(?:s)? for (?:anything|something|much|a lot)", "matter"),
    # Practitioners' shorthand: "the MLEs on my squad", "getting them into prod", "a joint effort with the DS side",
    # "why do they lean on my role for those calls?".
    (r"squads?", "team"),
    # "the MLEs on my team": whose team sets the scene.
    (r"(?:on|in) (?:my|our) team", ""),
    (r"(?<=into )prod|(?<=in )prod|(?<=to )prod", "production"),
    (r"joint efforts?|group efforts?|team efforts?", "collaboration"),
    (r"lean(?:s|ed|ing)? on", "rely on"),
    (r"(?:(?<=those )|(?<=these )|(?<=such )|(?<=big )|(?<=design )|(?<=architecture ))calls", "choices"),
    # "do I need a degree in it?", "a maths degree": formal education in the subject the articles ask for. Which degree
    # is worth more ("a bootcamp vs a CS degree") they do not say; "to what degree" keeps its word.
    (r"degrees?(?= in (?:it|that|this|them|maths?|mathematics|statistics|stats)\b)|"
     r"(?:(?<=maths )|(?<=math )|(?<=stats )|(?<=statistics )|(?<=mathematics ))degrees?|(?<=need a )degree(?=\s*[?.!,]|$)",
     "formal education"),
    # "stats, prepping data": preparing it ("prep work" is the groundwork above).
    (r"prep(?:s|ped|ping)?(?! ?work\b)", "prepare"),
    # "should I patch each glitch separately or look for the bigger pattern?": bugs one by one, or systemic problems.
    (r"separately|individually|one at a time", "one by one"),
    # "the bigger picture of ML work" asks for an overview: only a pattern behind the bugs is a systemic problem.
    (r"(?:the )?(?:bigger|broader|wider|overall|underlying) patterns?|root causes?|underlying (?:problems?|issues?|causes?)",
     "systemic problems"),
    # "would I keep growing there?": keep learning, not a career's outlook ("will demand keep growing?").
    (r"(?:(?<=\bi keep )|(?<=\bi'd keep )|(?<=\byou keep )|(?<=\bi would keep )|(?<=\bi will keep ))growing|"
     r"grow professionally|professional growth", "learning"),
    # "What's it like to grow there?", "what would learning and growth look like for them at Sertis?": learning at a
    # workplace, which the Sertis paragraph's "learn from others… lifelong-learning environment" answers.
    (r"learning and growth|growth and learning", "learning"),
    (r"learn and grow|grow and learn|grow(?= there\b)", "learn"),
    # "How do people actually grow in these jobs?": how they gain experience, not how a field grows.
    (r"(?:grow|grows|growing)(?= in (?:(?:the|these|those|this|that|my|your|their|his|her|such|an?) )?(?:[\w-]+ )?"
     r"(?:jobs?|roles?|careers?|positions?)\b)", "gain experience"),
    (r"(?:(?<=learning )|(?<=work )|(?<=company ))culture", "environment"),
    # "isn't it mostly just poking at it until it works?": trial and error.
    (r"(?:pok(?:e|es|ed|ing)|fiddl(?:e|es|ed|ing)|mess(?:es|ed|ing)?|muck(?:s|ed|ing)?|hack(?:s|ed|ing)?) "
     r"(?:at|around|about|with) (?:it|them|things|stuff)(?: until (?:it|they|something) works?)?", "trial and error"),
    # "Isn't an ML engineer just a software engineer with extra steps?", "a glorified programmer": how they differ.
    (r"with (?:a few )?(?:extra|more|additional) steps|(?:just )?an? glorified", "different from"),
    # "you need loads of patience": a lot of it.
    (r"(?:loads|tons|heaps|oodles) of|a ton of", "lots of"),
    (r"(?:way|style|frame) of (?:thinking|mind)|thinking style|mentality|headspace|temperament|personality|disposition",
     "mindset"),
    (r"in (?:high |great |huge |big |such )?demand|demand(?= for\b)", "sought after"),
    (r"look(?:s|ed|ing)? after", "maintain"),
    (r"go-betweens?|middle ?(?:m[ae]n|persons?)|liaisons?", "link"),
    (r"gigs?", "job"),
    # "How does the article wrap up its argument?": how it sums it up.
    (r"wrap(?:s|ped|ping)? (?:it |things |this )?up", "summarize"),
    # "what's the work culture like at Sertis?": the working environment a company offers.
    (r"(?:(?:work|working|company|office|team|learning) )?culture", "environment"),
    # "Does that match what good ML engineers do?": whether it fits. ("match" is no frame word: "Pattern Matching Library".)
    (r"match(?:es)?(?= what\b)", "fit"),
    # "Which of these roles would my skills map onto most directly?": which they fit.
    (r"(?:map|maps|mapped|mapping) (?:onto|on to|to)(?: (?:the )?most directly| directly)?|"
     r"(?:translate|translates|transfer|transfers) (?:most )?(?:directly )?(?:onto|into|to)", "fit"),
    # "if the roles blur like that": they overlap.
    (r"blur(?:s|red|ring)?(?: together| into each other)?|blurry", "overlap"),
    # "where its stored": the apostrophe a phone drops.
    (r"(?:from )?where(?:ver)? (?:it|the data|data|the information|information|they)(?:'s|’s|s|'re|’re| is| are)? (?:stored|lives?|kept|sits?|resides?)",
     "from data sources"),
    (r"shuttl(?:e|es|ed|ing)", "transfer"),
    # "is that going to kill my chances at machine learning?": whether it matters for it.
    (r"(?:kill|kills|killed|killing|ruin|ruins|ruined|ruining|wreck|wrecks|wrecked|tank|tanks|tanked|hurt|hurts) "
     r"(?:my|your|his|her|their|our|one's|any) chances(?: (?:at|of|in|for))?|"
     # "does that rule out machine learning for me?"
     r"rule(?:s|d)? (?:me |you |them |someone |people )?out(?: of)?", "matter for"),
    # "would I keep learning there or is it sink or swim?": left on one's own.
    (r"sink or swim", "on your own"),
    # "am I jumping on a fad?": following one.
    (r"(?:jump|jumps|jumped|jumping|hop|hopping|hopped) on (?:a|the|this|that) (?=fad|bandwagon|trend|hype)", "following a "),
    # "what separates a really good ML engineer from an average one when stuff breaks?": when things fail.
    (r"(?:(?<=stuff )|(?<=things )|(?<=something )|(?<=model )|(?<=models )|(?<=code ))(?:breaks|break|broke|breaking)"
     r"(?! (?:into|in|out|down|up|even|through)\b)", "fail"),
    (r"(?:micro)?chips?|semiconductors?|circuit(?:s| boards?)?|electronics", "hardware"),
    (r"land(?:s|ed|ing)?(?= (?:a|an|the|my|your|that|this) (?:[\w-]+ ){0,3}(?:jobs?|gigs?|roles?|positions?|offers?|internships?)\b)",
     "get"),
    (r"tinker(?:s|ed|ing|er|ers)?", "experiment"),
    # "someone who likes to improvise vs someone who likes structure": trying things, as against a plan.
    (r"improvi(?:se|ses|sed|sing|ze|zes|zed|zing|ser|sers|sation)", "experiment"),
    (r"must[- ]haves?", "essential"),
    # "What abilities would I need?": the skills a role asks for. A passage writing "abilities" ("research and analyzing
    # abilities") still answers, read by its vectors and the question's own word beside the plain one.
    (r"abilit(?:y|ies)|capabilit(?:y|ies)", "skills"),
    # "what would the scope of the job be?": what it is responsible for; "in scope" and "scope creep" keep their word.
    (r"scope(?= of (?:(?:the|that|this|their|his|her|my|your|an?) )?(?:[\w-]+ )?(?:jobs?|roles?|work|positions?|posts?)\b)",
     "responsibilities"),
    (r"glitch(?:es|y)?", "bug"),
    (r"deal[- ]?breakers?|show[- ]?stoppers?|red flags?|warning signs?", "problem"),
    # "what are they hunting for when they dig into the data?": looking for something, researching it ("digging into
    # things and asking questions is my thing" asks about the research the articles call for).
    (r"(?:hunt|hunts|hunted|hunting|search|searches|searched|searching|fish|fishing)(?= for\b)", "look"),
    (r"(?:dig|digs|digging|dug|pore|pores|poring|pored) (?:into|through|over)", "research"),
    # "what does that combination buy you?": what it gives; "buy a course" keeps its word.
    (r"(?:buy|buys|bought|buying)(?= (?:you|us|me|them|the (?:team|company|user)s?)\b(?! an?\b))", "give"),
    (r"kick(?:s|ed|ing)? off|get(?:s|ting)? (?:it |things )?(?:started|going)", "start"),
    (r"ground ?work|leg ?work|prep(?:aration)? work", "first steps"),
    # "putting it in front of customers and keeping it alive": deploying it and maintaining it.
    (r"(?:put|puts|putting|get|gets|getting) (?:it|them|(?:the|their|our|my|your|that|this) models?) (?:in front of|out to) "
     r"(?:(?:real|actual|paying|our|the|my|their) )?(?:customers|users|clients|people)", "deploy"),
    # "paying customers" are customers; what they pay is not asked ("better paying clients" asks it).
    (r"(?<!\bbetter )(?<!\bbetter-)(?<!\bhigher )(?<!\bhigher-)(?<!\bbest )(?<!\bbest-)(?<!\bwell )(?<!\bwell-)"
     r"paying(?= (?:customers|clients|users)\b)", ""),
    (r"(?:bang|bangs|banging|banged|harp|harps|harping|harped|go|goes|going|went) on (?:and on )?about", "mention"),
    (r"talk(?:s|ed|ing)? (?:to|with) (?:each other|one another)", "communicate"),
    (r"(?:keep|keeps|kept|keeping) (?:it|them|the models?|the app|the system) alive", "maintain"),
    # "is it a waste of money?" asks whether it is worth it, not what it costs.
    (r"(?:a |total |complete )?waste of money", "worth"),
    # "the servers the model runs on": the infrastructure it depends on.
    (r"(?:the )?servers? (?:that )?(?:(?:the|an?|our|my|their|your) )?(?:[\w-]+ ){0,2}?(?:runs?|sits?|lives?|depends?) on", "infrastructure"),
    # "who puts the model inside the app?": who builds it into the software.
    (r"(?:put|puts|putting)(?= (?:it|them|the models?|that model) (?:inside|into|in) (?:the|an?|their|our|your) )",
     "incorporate"),
    (r"(?:drive|drives|drove|driven|driving) (?:me|you|us|them|him|her|someone|people) (?:up the wall|crazy|nuts|mad|insane|"
     r"round the bend|bonkers)", "frustrate"),
    (r"(?:keep|keeps|kept|keeping) (?:it|them|things|everything|the (?:lights on|systems?|servers?|apps?)) (?:running|going|up)|"
     r"(?:run|runs|running) (?:it|them|things|everything)(?= day[- ]to[- ]day\b)", "operate"),
    # "give up on a problem" is to abandon it; "give up easily" says how persistent someone is.
    (r"(?:give(?:s|n)? up|gave up|giving up)(?! easily)|throw(?:s|ing|n)? in the towel|threw in the towel|"
     r"drop(?:s|ped|ping)? (?:it|this|that)(?= *(?:[?.!,]|$|and\b|or\b))|"
     r"drop(?:s|ped|ping)?(?= (?:a|an|the|that|this) (?:problem|issue|idea|approach)\b)|"
     # "our ml engineer threw out a whole approach after two weeks"
     r"(?:throw(?:s|ing|n)?|threw|scrap(?:s|ped|ping)?|ditch(?:es|ed|ing)?|bin(?:s|ned|ning)?|toss(?:es|ed|ing)?)"
     r"(?: out| away)?(?= (?:a|an|the|that|this|their|his|her|whole|entire|(?:a|the) whole) (?:whole |entire )?"
     r"(?:problem|issue|idea|approach|model|solution|plan|method)s?\b)|"
     r"call(?:s|ed|ing)? it quits|walk(?:s|ed|ing)? away from|stop(?:s|ped|ping)? trying", "abandon"),
    # "what if that process just isn't getting anywhere?": it fails.
    (r"(?:isn't|is not|aren't|are not|doesn't|does not|don't|do not|not|never) (?:getting|going|leading|get|go|lead)"
     r"(?: \w+)? anywhere|(?:getting|going|get|go|gets|goes) nowhere", "fail"),
    # "are they alone at a computer?", "or is it a solo thing?": whether they work alone or collaborate.
    (r"(?:an? )?solo (?:thing|job|gig|role|act)|(?:sit|sits|sitting|work|works|working|be|are|is|am) "
     r"(?:they |you |we |i |he |she |it )?(?:mostly |usually |all |just )?alone"
     r"(?: at (?:a|the|their|my|his|her) (?:computer|desk|laptop|screen|keyboard))?", "work alone or collaborate"),
    # "the stages of an ML engineer's workflow, start to shipping", "who ships the model?": deploying it. ("Shipping" alone
    # may be the asker's industry.)
    (r"(?<=\bto )shipping|(?:ship|ships|shipped|shipping)(?= (?:it|them|the (?:\w+ )?models?|models|code|features?|"
     r"(?:the |a )?products?|to production)\b)", "deploy"),
    # "how does the handoff between them work?": how one's work goes into the other's.
    (r"hand-?offs?|hand-?overs?", "incorporate"),
    # "where exactly is the line between an ML engineer and a software engineer?": the difference between them.
    (r"(?:the|a) (?:\w+ )?line (?=between\b)", "the difference "),
    # "For an explainer graphic I want…", "for a story I'm writing": what the asker will make of the answer sets the scene.
    (r"for (?:an?|my|our|this|the|a short|a quick) (?:[\w-]+ ){0,2}?(?:graphic|infographic|explainer|article|story|"
     r"feature|piece|post|presentation|deck|slides|report|talk|video|podcast|newsletter|lesson|workshop|essay|"
     r"assignment)s?(?= *[,:;.!?]| (?:i|we|i'm|i’m|im)\b)|"
     # "Headline-level:", "high level,": how much detail, not what is asked.
     r"(?:headline|high|top)[- ]level(?= *[,:;]| (?:question|answer|overview|summary|version|view)\b)", ""),
    # "when it just quietly blocks stuff by itself without asking me": a system acting automatically (a person "on their
    # own" works alone).
    (r"(?:(?:quietly|silently) )?(?:(?:all )?by itself|on its own)|without (?:asking|telling|checking with|bothering) "
     r"(?:me|us|you|anyone|anybody|the user)", "automatically"),
    (r"quietly|silently", ""),
    # "can you break that down with a real example?": explain it.
    (r"break(?:s|ing)? (?:it|that|this|them|those|these|things) down|break(?:s|ing)? down (?:the|their|how|what|who)(?=\W)",
     "explain"),
    # "why is that though, what's driving it?": why.
    (r"what(?:'s|’s| is| are) (?:driving|behind|causing|fuell?ing) (?:it|that|this|them)(?! (?:to|up|out|into)\b)", "why"),
    # "what tech would i need to learn?", "their tech stack": the technologies ("getting into tech" is the industry).
    (r"(?<=\bwhat )tech\b|(?<=\bwhich )tech\b|tech ?stacks?", "technologies"),
    # "stuck in my own lane": in one's own field.
    (r"(?:(?<=\bown )|(?<=\bmy )|(?<=\btheir )|(?<=\byour ))lanes?\b", "field"),
    # "the core job", "her primary duties": the main one; "core values" and "a school principal" keep their words.
    (r"(?:core|primary|principal|chief|central)(?= (?:jobs?|roles?|duty|duties|tasks?|responsibilit(?:y|ies)|skills?|"
     r"work|focus|purpose|functions?|aims?|goals?|differences?|diffs?|distinctions?)\b)", "main"),
    (r"in (?:plain|simple|other|layman'?s|lay|everyday|basic|easy) (?:words|terms|english|language)|in a nutshell|"
     # "what is that job actually, bottom line up front?"
     r"(?:the )?bottom line(?: up front)?|bluf|tl;?dr|long story short|"
     r"sum(?:s|med|ming)? (?:it |this |that |them )?up|in short|in (?:one|a|a single) (?:line|sentence|word)|one[- ]liner|"
     r"(?<=real )world|(?<=real-)world|(?<=\w)-wise|(?:in|to|for) (?:my|your|the|one's) (?:toolbox|toolkit|tool belt|arsenal)",
     ""),
)
_PLAIN_WORDING = [(re.compile(rf"\b(?:{pattern})\b", re.I), plain) for pattern, plain in PLAIN_WORDING]


def plain_wording(text: str, sources: dict[str, str] | None = None) -> str:
    """The text with everyday idioms replaced by the plain word they stand for ("keeps flopping" → "keeps fail").
    `sources`, when given, is filled with each plain word mapped to the idiom as the text wrote it."""
    def swap(match: re.Match, plain: str) -> str:
        if sources is not None:
            for word in tokens(plain):
                sources.setdefault(word, match.group(0))
        return plain

    for pattern, plain in _PLAIN_WORDING:
        text = pattern.sub(lambda m, plain=plain: swap(m, plain), text)
    return text


def with_plain_words(text: str) -> str:
    """The text with each everyday idiom followed by the plain word it stands for ("keeps flopping fail")."""
    for pattern, plain in _PLAIN_WORDING:
        if plain:
            text = pattern.sub(lambda m: f"{m.group(0)} {plain}", text)
    return text


def lexical_stems(text: str) -> list[str]:
    """Content stems with each short form read as its spelled-out words: "ML" counts once, as "machine learning", and
    "AI" once, as "artificial".

    Keeping the short form as well would make it a word of its own, rare in the articles (which mostly spell
    it out) but common in questions, so the few passages that happen to write "ML" would match every
    question that does on a rare term."""
    stems = content_stems(spell_out_abbreviations(text))
    # "AI" spelled out is two words the articles rarely use, so "on an AI team", where it only sets the scene, counted
    # twice as much as the question's topic ("data engineer"), for the one passage that writes "artificial
    # intelligence". It counts once. ("machine learning" is everywhere and weighs little; collapsing it too cost ten
    # questions their first rank.)
    return [s for i, s in enumerate(stems) if not (s == "intellig" and i and stems[i - 1] == "artifici")]


def find_word(word: str, text: str) -> re.Match | None:
    """The first place `word` stands as a whole word in `text`, case folded."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)


# Chat messages run on after a question mark ("like what, though? sounds like padding to me"): what follows is another
# sentence, whatever its case.
AFTER_QUESTION_MARK = re.compile(r"(?<=[?!])\s+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage; list items and headings (one per line) are sentences of their own."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"^(#+|[-*•]|\d+[.)])\s+", "", line)
        out.extend(s.strip() for sentence in _SENTENCE_END.split(line) for s in _LOWER_CASE_START.split(sentence) if s.strip())
    return out


_LINK_LINE = re.compile(r"[^\n]*https?://\S+[^\n]*")


def is_link_line(text: str) -> bool:
    """Whether the text is one line pointing at a web address ("Find open positions … at: https://…/jobs")."""
    return bool(_LINK_LINE.fullmatch(text.strip()))


# A line naming a job word and a web address, or an address into a jobs or careers page.
_JOB_BOARD = re.compile(r"\b(?:jobs?|positions?|careers?|vacanc(?:y|ies)|opportunit(?:y|ies)|apply)\b[^\n]*https?://\S+|"
                        r"https?://\S*\b(?:jobs?|careers?)\b", re.I)


def is_job_board(text: str) -> bool:
    """Whether the text points to a place to apply ("Find open positions … at: https://…/jobs")."""
    return bool(_JOB_BOARD.search(text))
