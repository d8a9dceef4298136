"""Answer quality, asserted with the pytest helpers users import (assistant.testing): every dev.jsonl
item per question, and floors on the paraphrase sets (tune.jsonl and near_domain.jsonl are tuned on,
validation.jsonl chose between methods, fresh.jsonl to fresh96.jsonl and fresh103.jsonl to fresh180.jsonl were each
measured blind once, held_out.jsonl and held_out2.jsonl are not tuned on, but for the four questions noted below). Each set is evaluated
with its own questions left out of the question bank (`evaluate` does that), so its floor holds for questions the bank
has not seen."""

from __future__ import annotations

import pytest

from assistant.eval import evaluate, load_items
from assistant.testing import assert_abstains, assert_answers, assert_grounded, assert_retrieves
from conftest import DEV_SET, FIXTURES

DEV = load_items(DEV_SET)


@pytest.mark.parametrize("item", [i for i in DEV if i.answerable and i.gold], ids=lambda i: i.id)
def test_dev_question_retrieves_gold_and_gets_a_grounded_answer(bot, item) -> None:
    assert_retrieves(bot, item.question, item.gold, k=4, history=item.history)
    answer = assert_answers(bot, item.question, facts=item.facts, history=item.history)
    assert_grounded(answer, bot)


@pytest.mark.parametrize("item", [i for i in DEV if i.type == "out_of_scope"], ids=lambda i: i.id)
def test_dev_out_of_scope_question_abstains(bot, item) -> None:
    assert_abstains(bot, item.question)


# Floors, not goals: the measured values at the time of writing minus a margin, so a change that
# makes retrieval or abstention clearly worse on questions written apart from dev.jsonl fails.
FLOORS = {
# The e* items of both files were written by someone who saw only the corpus, with as little word
# overlap as they could manage: harder than dev.jsonl. Held-out abstention sits below the 0.9.
    "tune.jsonl": {"hit_at_1": 0.91, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.1},
# held_out's two out-of-scope misses (tomorrow's weather, the fastest language) and held_out2's weather, "harder to
# break into" and "what is that job" questions led to gate row l and the role a question points back at: since then
# both refuse every out-of-scope question (held_out was at .8, held_out2 at .9). held_out's two "give up on a problem"
# questions (p28, e33) were among the five that "give up on" → "abandon" was measured on (rank 3 and 2 → 1).
    "held_out.jsonl": {"hit_at_1": 0.91, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.06},
# Written blind by a helper at the end of a later stop (20 varied out-of-scope requests), measured with the code
# already chosen and not tuned on until the questions above: hit@1 .900, MRR .936, out-of-scope .80, false abstention .067.
    "held_out2.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# Model selection only (dev-style questions written blind from the corpus; no out-of-scope items).
    "validation.jsonl": {"hit_at_1": 0.89, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": None, "false_rate": 0.06},
# Natural questions (casual, lowercase, "I'm a student…", follow-ups in chat-message form) written blind from
# the corpus; measured once before any change (hit@1 .750, out-of-scope .875), looked at since.
    "fresh.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# The same, written later by another blind helper and measured blind once (hit@1 .816, MRR .897, out-of-scope .7,
# false 0); its out-of-scope misses led to the gate's comparison and "which city" rules.
    "fresh2.jsonl": {"hit_at_1": 0.94, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.8, "false_rate": 0.06},
# A third blind set of the same kind, measured once before any change (hit@1 .800, MRR .879, out-of-scope .85, false
# abstention .10); its misses led to reading a short form once in word matching and to three gate answer types.
    "fresh3.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A fourth, asked for everyday wording and new out-of-scope kinds, measured once before any change (hit@1 .733, MRR .814,
# out-of-scope .85, false abstention .20); its misses led to the terms-of-employment answer type and hyphen splitting.
    "fresh4.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.93, "mrr_at_10": 0.9, "out_of_scope_rate": 0.9, "false_rate": 0.2},
# A fifth, half in everyday words and idioms, measured once before any change (hit@1 .800, MRR .876, out-of-scope 1.0,
# false abstention .20); its refusals led to the answer-form, count and scene-setting words leaving the key terms.
    "fresh5.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.12},
# A sixth, plain everyday words from askers of every kind, written at the end of a stop and measured once with the
# code already chosen (hit@1 .667, hit@4 .933, MRR .765, out-of-scope 1.0, false abstention .167); its misses led to
# "even" and the steps of a procedure leaving the key terms and to the subsection whose heading the question names.
    "fresh6.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.9, "false_rate": 0.14},
# A seventh (24 in scope across every section, 6 follow-ups, 10 out-of-scope), written blind and measured once with
# the code already chosen (hit@1 .700, hit@4 .900, MRR .779, out-of-scope 1.0, false abstention .133).
    "fresh7.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.9, "out_of_scope_rate": 0.9, "false_rate": 0.2},
# An eighth (24 in scope across every section, 6 follow-ups, 10 out-of-scope, a weather-forecast trap among them),
# written blind and measured once with the code already chosen (hit@1 .767, hit@4 .933, MRR .847, out-of-scope 1.0,
# false abstention .033).
    "fresh8.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.1},
# A ninth (24 in scope across every section, 6 follow-ups, 10 out-of-scope), written blind and measured once with
# the code already chosen (hit@1 .733, hit@4 1.0, MRR .833, out-of-scope 1.0, false abstention .100).
    "fresh9.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.14},
# A tenth (24 in scope across every section, 6 follow-ups, 10 out-of-scope), written blind and measured once with
# the code already chosen (d14e6cd's tree: hit@1 .833, hit@4 1.0, MRR .911, out-of-scope 1.0, false abstention .033).
    "fresh10.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.1},
# An eleventh (24 in scope, 6 follow-ups, two of them counting into a list, "the second one", 10 out-of-scope), written
# blind and measured once with the code already chosen (e87dc95's tree: hit@1 .667, hit@4 .900, MRR .760, out-of-scope
# 1.0, false abstention .200); its follow-ups led to ordinals counting what the conversation listed.
    "fresh11.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.17},
# A twelfth (24 in scope, 6 follow-ups, 10 out-of-scope), written blind and measured once with the code already chosen
# (e460028's tree: hit@1 .833, hit@4 .900, MRR .873, out-of-scope .900, false abstention .100); its one out-of-scope
# miss, "who is the ceo of sertis" in lower case, led to company officers counting as job titles.
    "fresh12.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.9, "false_rate": 0.14},
# A thirteenth (24 in scope from askers of every kind, 6 follow-ups, 10 out-of-scope), written blind and measured once
# with the code already chosen (44492de's tree: hit@1 .767, hit@4 .967, MRR .862, out-of-scope 1.0, false abstention
# .067; the start of that stop, e460028, read it at .733 / .967 / .840).
    "fresh13.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.1},
# A fourteenth (24 in scope from askers of every kind, 6 follow-ups, 10 out-of-scope), written blind and measured once
# with the code already chosen (fcd49bf's tree: hit@1 .700, hit@4 1.0, MRR .811, out-of-scope 1.0, false abstention .133).
    "fresh14.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.17},
# A fifteenth (24 in scope from askers of every kind, 6 follow-ups, 10 out-of-scope), written blind and measured once
# with the code already chosen (090cdfb's tree: hit@1 .867, hit@4 1.0, MRR .933, out-of-scope 1.0, false abstention .100).
    "fresh15.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.14},
# A sixteenth (24 in scope from askers of every kind, 6 follow-ups, 10 out-of-scope), written blind after the idioms
# of PLAIN_WORDING and measured once with them (83c6345's tree: hit@1 .733, hit@4 .967, MRR .829, out-of-scope 1.0,
# false abstention .067; 090cdfb's, before them: .633 / .967 / .774, false abstention .133).
    "fresh16.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.1},
# A seventeenth (24 in scope, its askers asked to use idioms and casual phrasal verbs, 6 follow-ups, 10 out-of-scope),
# written blind and measured once (28ce368's tree: hit@1 .700, hit@4 .900, MRR .801, out-of-scope 1.0, false abstention
# .167; 090cdfb's, before the idioms: .733 / .900 / .819, false abstention .200).
    "fresh17.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.2},
# An eighteenth (36 in scope across both articles, a third in everyday wording, some terse search-box queries, 9
# out-of-scope), written blind and measured once (710deff's tree: hit@1 .833, hit@4 .944, MRR .870, out-of-scope 1.0,
# false abstention 0). Its b19, "where can i apply for sertis jobs", has the careers link line for gold, which the
# importer then stripped as page boilerplate: it is kept as text since, and a question asking where to apply is answered
# with it. Its terse "ML engineer languages and frameworks?" led to a terse query for tools asking for named things.
    "fresh18.jsonl": {"hit_at_1": 0.94, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A nineteenth (24 in scope, short chat-box wording, 6 out-of-scope), written blind and measured once (6c00443's tree:
# hit@1 .750, hit@4 .917, MRR .840, out-of-scope 1.0, false abstention .167; its c13 "where can I see job openings"
# has the careers link line for gold, like fresh18's b19). Its "swes" led to lower-case plurals of longer short forms,
# its "should I bother getting certified" to "bother" framing a question like "worth".
    "fresh19.jsonl": {"hit_at_1": 0.92, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.14},
# A twenty-first (31 in scope from askers of six kinds, ten in wording far from the articles', 9 out-of-scope), written
# blind and measured once (fd8ffcc's tree: hit@1 .710, hit@4 .871, MRR .810, out-of-scope 1.0, false abstention .194).
# It led to go-between / tinkering / must-haves / chips read plainly, fields of engineering naming their engineers, and
# the pair answer type.
    "fresh21.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.13},
# A twenty-second (16 in scope, 16 follow-ups, 8 out-of-scope, two of them after a conversation), written blind and
# measured once (e5f11d4's tree: hit@1 .688, hit@4 .875, MRR .772, out-of-scope 1.0, false abstention .031). Its
# follow-ups led to "that" standing for the last question ("why is that so important though?") read with it, and
# "each of them" after two roles read as both.
    "fresh22.jsonl": {"hit_at_1": 0.81, "hit_at_k": 0.93, "mrr_at_10": 0.87, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A twenty-third (22 in scope from askers of six kinds, 10 follow-ups, 8 out-of-scope, two after a conversation),
# written blind and measured once (3f520b6's tree: hit@1 .781, hit@4 .969, MRR .870, out-of-scope 1.0, false abstention
# .031: "a regular programmer's work" read as an unknown job title).
    "fresh23.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A twenty-fourth (22 in scope from askers of nine kinds, 10 follow-ups, 8 out-of-scope, two after a conversation), written
# blind and measured once (391f06e's tree: hit@1 .875, hit@4 .938, MRR .916, out-of-scope 1.0, false abstention .062:
# "on their CVs" read as a name, "people keep saying teamwork…" on "saying").
    "fresh24.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A twenty-fifth (24 in scope, 8 follow-ups, 8 out-of-scope, three reusing the articles' words, two after a conversation),
# written blind and measured once (9064e2d's tree: hit@1 .719, hit@4 .906, MRR .809, out-of-scope 1.0, false abstention
# .031). Its follow-ups led to "got it." dropped before a follow-up and "the last ones on that list" counted.
    "fresh25.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A twenty-sixth (24 in scope from askers of eleven kinds, 8 follow-ups, 8 out-of-scope, three reusing the articles'
# words), written blind and measured once (44d3ab7's tree: hit@1 .875, hit@4 .938, MRR .901, out-of-scope 1.0, false
# abstention .094: "which languages and libraries…", "sum up", "the equivalent list for the machine learning one").
    "fresh26.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A twenty-seventh (24 in scope from askers of eight kinds, 8 follow-ups, 8 out-of-scope, four reusing the articles'
# words), written blind and measured once (106de06's tree: hit@1 .906, hit@4 1.0, MRR .940, out-of-scope 1.0, false
# abstention .031: "is the same engineer always doing the same task…" read as a "same engineer").
    "fresh27.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.9, "false_rate": 0.04},
# A twenty-eighth (24 in scope leaning to "why" and "how", three-role comparisons and details mid-paragraph, 8 follow-ups
# by position, pronoun or ellipsis, 8 out-of-scope reusing the articles' words), written blind and measured once
# (0e18a99's tree: hit@1 .812, hit@4 .969, MRR .891, out-of-scope 1.0, false abstention 0).
    "fresh28.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.9, "false_rate": 0.04},
# A twenty-ninth (24 in scope leaning to search-box queries, chat shorthand and "who on the team does X?", 8 follow-ups,
# three after two exchanges, 8 out-of-scope, five reusing the articles' words), written blind and measured once (70f6930's
# tree: hit@1 .875, hit@4 .969, MRR .915, out-of-scope .875, false abstention .094: "does google use those too?" answered,
# "a waste of money" read as a price, "drop it" and "the servers the model runs on" refused).
    "fresh29.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.04},
# A thirtieth (24 in scope leaning to single mid-paragraph sentences, "why" questions, invented analogies, 8 follow-ups
# needing the earlier turns, 8 out-of-scope, five reusing the articles' words), written blind and measured once (77d8dcb's
# tree: hit@1 .719, hit@4 .875, MRR .788, out-of-scope 1.0, false abstention 0: three follow-ups out of the top ten).
    "fresh30.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.04},
# A thirty-first (24 in scope from career changers and students in heavy paraphrase, 8 follow-ups, 8 out-of-scope), written
# blind and measured once (f4d59b4's tree: hit@1 .688, hit@4 .875, MRR .774, out-of-scope .875, false abstention .094:
# follow-ups pointing at what the last question asked, the asker's own past job read as the role asked about).
    "fresh31.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# A thirty-second (24 in scope from managers, founders and recruiters describing a hiring situation, 8 follow-ups, four
# pointing at the first of four turns, 8 out-of-scope), written blind and measured once (d5ef467's tree: hit@1 .750, hit@4
# .906, MRR .814, out-of-scope .875, false abstention .219: a recruiter setting the scene read as a hiring question).
    "fresh32.jsonl": {"hit_at_1": 0.75, "hit_at_k": 0.93, "mrr_at_10": 0.83, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# A thirty-third (24 terse phone-typed questions: lower case, typos, British spelling, "mle vs swe", two questions in one;
# 8 follow-ups of one to three words, 8 out-of-scope), written blind and measured once (c19f191's tree: hit@1 .906, hit@4
# .938, MRR .919, out-of-scope 1.0, false abstention .062: "why tho" and "what do staff get out of it?").
    # 1dbfb7e's ranking (BM25 0.075, a role's own section) moved two of its follow-ups from rank 1 ("and the devops lot?
    # tools", "n do they both work w others?"), among 19 over all sets, against 79 moved to rank 1.
    "fresh33.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.97, "mrr_at_10": 0.89, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A thirty-fourth (24 in scope from skeptics and contrarians, "isn't an ML engineer just a software engineer with extra
# steps?", 8 follow-ups pushing back, 8 out-of-scope), written blind and measured once (bcd4864's tree: hit@1 .719, hit@4
# .906, MRR .797, out-of-scope .875, false abstention .125: "true or nah?", "or is that a myth?", "rivals fighting over").
    "fresh34.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.97, "mrr_at_10": 0.88, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# A thirty-sixth (24 in scope from learners of English, "which tools is necessary for become data engineer", 8 follow-ups,
# 8 out-of-scope), written blind and measured once (bb9bdfd's tree: hit@1 .938, hit@4 .938, MRR .942, out-of-scope .75,
# false abstention .094: "is there a good free course", "too late to start at 45", "vacancies").
    "fresh36.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A thirty-fifth (24 in scope from parents, teachers and counsellors asking for someone else, 8 follow-ups, 8
# out-of-scope), written blind and measured once after fresh36's fixes (a0a2582's tree: hit@1 .875, hit@4 1.0, MRR .932,
# out-of-scope 1.0, false abstention .156: "nephew", "niece", "Year 12 students", "what does that span?").
    "fresh35.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A thirty-seventh (24 in scope from readers half-remembering a detail in the middle of a paragraph, "There was a bit
# about a bank app alerting you…", 8 follow-ups, 8 out-of-scope), written blind and measured once (a59e1b7's tree: hit@1
# .938, hit@4 1.0, MRR .964, out-of-scope .875, false abstention .031: "which graphics card maker", "a list of things ML
# engineers understand").
    "fresh37.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# Three more written blind and measured once at edf522b's tree. A thirty-eighth (job seekers preparing an interview, a CV
# or a cover letter: hit@1 .781, hit@4 .969, MRR .874, out-of-scope 1.0, false abstention .469: an interview that only
# sets the scene read as a hiring question), a thirty-ninth (long rambling messages, the question in the middle or at
# the end: .812, .969, .872, 1.0, 0.0) and a fortieth (practitioners asking about the roles next to theirs, "Backend dev
# here. … what am I on the hook for?": .688, .938, .784, .875, .062: the asker's own role was not whose duty "I" asks).
    "fresh38.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.97, "mrr_at_10": 0.89, "out_of_scope_rate": 0.9, "false_rate": 0.07},
    "fresh39.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.9, "mrr_at_10": 0.88, "out_of_scope_rate": 0.9, "false_rate": 0.05},
    "fresh40.jsonl": {"hit_at_1": 0.72, "hit_at_k": 0.97, "mrr_at_10": 0.82, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# A forty-second (24 in scope from high-school and university students choosing a major or a first job, 8 follow-ups, 8
# out-of-scope), written blind and measured once (95a1638's tree: hit@1 .812, hit@4 .969, MRR .885, out-of-scope .875,
# false abstention .031: "do they take high school students for summer internships?", "still matter in 10 years").
# A forty-first (the typical visitors of a career site's chat widget, everyday questions of every length), written blind
# and measured once (d9e84ab's tree: hit@1 .969, hit@4 1.0, MRR .979, out-of-scope .875, false abstention 0.0: "will AI
# replace software engineers in the next few years??").
    "fresh41.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.05},
    "fresh42.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A forty-third (24 in scope dictated by voice: no punctuation, "um", "like", "male engineer" for ML engineer, "dev
# ops", "sir tis" for Sertis, 8 follow-ups, 8 out-of-scope), written blind and measured once (0b78088's tree: hit@1 .875,
# hit@4 .938, MRR .913, out-of-scope 1.0, false abstention .094).
    "fresh43.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# A forty-fifth (24 in scope from journalists and bloggers checking facts and asking for quotable definitions, 8
# follow-ups, 8 out-of-scope), written blind and measured once (0b78088's tree: hit@1 .875, hit@4 .938, MRR .901,
# out-of-scope .875, false abstention .031: "Where should readers go…?", a gold phrase across two list items).
    "fresh45.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# A forty-fourth (24 in scope from people torn between two roles, "What is a data engineer responsible for that an ML
# engineer isn't?", 8 follow-ups, 8 out-of-scope), written blind and measured once (221d914's tree: hit@1 .719, hit@4
# .906, MRR .809, out-of-scope .875, false abstention 0.0: "that role" after "a data engineer compared to an ML engineer").
    "fresh44.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# A forty-sixth (24 in scope from people asking where one role's work stops and the next one's begins, who owns what,
# who answers when something breaks, 8 follow-ups, 8 out-of-scope), written blind and measured once (13dda88's tree:
# hit@1 .938, hit@4 1.0, MRR .969, out-of-scope .875, false abstention 0.0: "how much notice do I need to give my manager").
    "fresh46.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# A forty-seventh (24 in scope from job seekers quoting a line of a job advert, "Requirements: …", and asking what it
# means or whether it is standard, 8 follow-ups, 8 out-of-scope), written blind and measured once (49ca15b's tree: hit@1
# .844, hit@4 .969, MRR .891, out-of-scope .75, false abstention .219: a quoted "Write clean code…" read as a request to
# write, "a pretty standard ask?", "a stretch?", "does that match", "instead", roles that "blur").
    "fresh47.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# A forty-eighth (24 in scope from people already working who plan how to grow into one of the roles, 8 follow-ups, 8
# out-of-scope), written blind and measured once (99a5735's tree: hit@1 .969, hit@4 1.0, MRR .984, out-of-scope 1.0,
# false abstention .031: "a concrete example of that difference").
    "fresh48.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# A forty-ninth and a fiftieth: second writers given fresh44's and fresh45's personas (torn between two roles;
# journalists), written blind and measured once (b5943b2's tree: hit@1 .688 / .875, hit@4 .844 / .969, MRR .768 / .922,
# out-of-scope 1.0 / .875, false abstention 0.0 / .062: "define, in a sentence", "wrap up its argument", "within five years").
    "fresh49.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.93, "mrr_at_10": 0.88, "out_of_scope_rate": 0.9, "false_rate": 0.05},
    "fresh50.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.93, "mrr_at_10": 0.9, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# Four more, written blind and measured once at 718809d's tree: in-house recruiters screening candidates (fresh51: hit@1
# .906, hit@4 .969, MRR .932, out-of-scope 1.0, false abstention .062: "when interviewing ML engineers", "org-wise"),
# head-to-head comparisons typed like searches (fresh52: .813 / 1.0 / .901 / .875 / 0.0: "who gathers client
# requirements, ml engineer or swe"), questions typed on a phone (fresh53: .906 / .969 / .935 / .875 / .062: "wat", "b4",
# "w other engineers", "ml eng") and non-technical founders deciding whom to hire first (fresh54: .844 / .938 / .890 /
# 1.0 / .062: "should I be worried I hired the wrong person?", "Is hiring ML people something that'll matter more?").
    "fresh51.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.91, "out_of_scope_rate": 0.9, "false_rate": 0.06},
    "fresh52.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.97, "mrr_at_10": 0.89, "out_of_scope_rate": 0.85, "false_rate": 0.05},
    "fresh53.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.9, "false_rate": 0.05},
    "fresh54.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.06},
# Two more, written blind and measured once at 2e5ce92's tree: QA, IT, product and UX colleagues of ML people (fresh55:
# hit@1 .875, hit@4 .938, MRR .916, out-of-scope .875, false abstention .094: "…or just hype right now? wondering if I
# should learn more about it as a PM", "Any ideas?", "I do user research on the UX team") and workers over fifty
# considering a late move (fresh57: .938 / .969 / .958 / .875 / .062: "I am a 56-year-old civil engineer and I keep
# hearing about machine learning engineers. What is it they actually spend their days doing?", "Pardon my ignorance").
    "fresh55.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.06},
    "fresh57.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# HR staff planning upskilling paths, written blind and measured once at bf85456's tree (fresh56: .875 / .906 / .898 /
# 1.0 / .031: "we have some electronics engineers - is there a place for hardware people in ML work?").
    "fresh56.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# Bootcamp graduates working as junior web developers, written blind and measured once at 5d0fe6b's tree (fresh61:
# .750 / .875 / .820 / .875 / .031: "skills … I probably didn't get from a web dev bootcamp?", "who handles all the data
# stuff … collecting it and moving it around between systems? is that the ML engineer too??", "what areas do people
# usually get those in?" after certifications refused, "junior dev market as bad as reddit says?" answered).
    "fresh61.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.93, "mrr_at_10": 0.9, "out_of_scope_rate": 0.85, "false_rate": 0.06},
# Game developers (gameplay, engine and indie programmers), written blind and measured once at 3562de0's tree (fresh65:
# .875 / .938 / .905 / .625 / .125: "I'm a gameplay programmer (Unity, mostly C#) and…" and "help a game programmer break
# into ML" refused as unknown titles, "Genuine question: … different buzzwords?", "an example of that split? … how it'd
# map to an NPC body vs its brain"; answered: studios hiring right now, publishers' layoffs, crunch hours).
    "fresh65.jsonl": {"hit_at_1": 0.81, "hit_at_k": 0.97, "mrr_at_10": 0.88, "out_of_scope_rate": 0.6, "false_rate": 0.15},
# Military veterans leaving the service, written blind and measured once at 1039a5d's tree (fresh66: .781 / 1.0 / .867 /
# 1.0 / .094: "which of the two suits a more by-the-book, step-by-step type of person?", "would a narrower one, like for
# one specific framework, be worth it too?", "Does any of that carry over into machine learning work?" refused).
    "fresh66.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.12},
# Product managers and owners working beside ML teams, written blind and measured once at 3db167b's tree (fresh67: .875 /
# .969 / .901 / 1.0 / .125: "for our backend hiring what core skills would a good software engineer candidate need?",
# "What kind of problem solving should I look for in an ML engineer interview?", "is ML engineering going to stay a
# priority hire over the next few years…?" refused; "what would that person even focus on?" and "how would that look if
# it was the ML engineer's work instead?" mended since).
    "fresh67.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.16},
# iOS and Android developers eyeing ML and MLOps, written blind and measured once at 3db167b's tree (fresh68: .812 / .938 /
# .869 / .875 / .031: "what's the core of the job?" refused and "the ML engineer version of that same feature" unranked,
# both mended since; "what kinds of products do ML engineers end up powering?" rank 7; "what's the interview process like
# for ML roles at Sertis?" answered).
    "fresh68.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.8, "false_rate": 0.06},
# IT support technicians and system administrators moving up, written blind and measured once at 5b6a172's tree (fresh69:
# .906 / .938 / .922 / 1.0 / 0: "ok and for the ML engineer, what do they need to know instead of that?" after a software
# engineer's skills, "who do they work with on that stuff, or is it a solo thing?" after research skills, both unranked).
    "fresh69.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Nurses and healthcare workers eyeing tech, written blind and measured once at 7fdb2bd's tree (fresh70: .812 / .938 / .882
# / .875 / .031: "is that split the same everywhere though?" refused, "does Epic or Cerner hire nurses…? what's their
# interview process like" answered, both mended since; "who do they work with day to day?" after an ML engineer's focus
# rank 5).
    "fresh70.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.06},
# Security engineers and penetration testers, written blind and measured once at 7fdb2bd's tree (fresh71: .875 / .969 /
# .922 / .75 / .031: "and the ml engineer, what's their piece of it?" refused, the Sertis interview process answered, both
# mended since; "Is 'AI red teamer' / adversarial ML an actual job title now?" still answered).
    "fresh71.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.72, "false_rate": 0.06},
# Freelancers and contractors choosing what to pitch, written blind and measured once at 7fdb2bd's tree (fresh72: .656 /
# .906 / .775 / .875 / .031, the lowest hit@1 of any blind look: "ETL and reporting work" rank 9, mended
# since; "what would I actually be doing day to day in that, and which tools should be on my profile?" after DevOps
# refused; "should i pitch on upwork or toptal…? which one gets better paying clients" answered).
    "fresh72.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.06},
# University lecturers advising students, written blind and measured once at 32049d8's tree (fresh73: .812 / .969 / .884
# / .75 / .094: "my undergraduate CS students" refused on "CS", "how much does a software engineer really need to know…"
# as a count, and the Sertis interview process answered, all mended since; "why that is said of my discipline… a link to
# the classical methods we teach?" refused, "how do universities usually handle such joint appointments" answered).
    "fresh73.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# Sales engineers explaining who does what to customers, written blind and measured once at 32049d8's tree (fresh74:
# .812 / .938 / .873 / 1.0 / .188, six refusals, all mended since: "…their VP thinks it's the same hire. How do I explain
# what each one actually does?", "Solutions consultant here. Client keeps asking '…?' how do … split that?", "is it a
# fad?", "the software engineer's piece", a customer hiring, "who's behind that version?").
    "fresh74.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# High-school counsellors and careers teachers, written blind and measured once at 32049d8's tree (fresh75: .812 / 1.0 /
# .901 / 1.0 / .062: "do ML engineers have to present their work…?" refused, answered since; "what sort of attitude does
# a kid need to cope with that?" still refused).
    "fresh75.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# Accountants and financial analysts, written blind and measured once at fdc57d4's tree (fresh76: .906 / .969 / .937 /
# .875 / 0: "which algorithms are best for flagging suspicious journal entries - isolation forest or something else?"
# answered; "What does an ML engineer need to know, both the concepts and the software?" rank 6).
    "fresh76.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Mechanical, civil and chemical engineers, written blind and measured once at fdc57d4's tree (fresh77: .938 / 1.0 / .958
# / 1.0 / .031: "so who builds the other version, the one that just warns you…?" refused, answered since).
    "fresh77.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.05},
# UX and UI designers beside ML teams, written blind and measured once at fdc57d4's tree (fresh78: .75 / .875 / .812 / 1.0
# / .094: "What's the core distinction?" after "my PM" and "the software engineer's piece of the work" refused, both
# answered since; "ugh ok. but why is it that important for them?" after a maths question from a product designer read
# "it" as the designer; "is that normal for that role??" after an ML engineer threw out an approach rank 8).
    "fresh78.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.07},
# Hobbyist and open-source programmers, written blind and measured once at ec25a97's tree (fresh79: .844 / 1.0 / .917 /
# 1.0 / .062: "I've got a Pi logging temp and humidity from my garden… what are the steps…?" refused on "Pi", "if i joined
# Sertis would i just be stuck in my own lane…?" on "joined" and "stuck").
    "fresh79.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.9, "false_rate": 0.1},
# Lawyers and compliance officers in AI governance, written blind and measured once at ec25a97's tree (fresh80: .875 /
# 1.0 / .917 / .75 / .062: "compliance officer here - what stages…?" refused and "which engineer is legally liable…?"
# answered, both mended since; "At Google, who signs off on a model before launch? is there a separate responsible AI
# review team…?" still answered by its second question).
    "fresh80.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.72, "false_rate": 0.07},
# Retail, hospitality and warehouse workers typing on phones, written blind and measured once at ec25a97's tree (fresh81:
# .844 / .969 / .899 / .875 / 0: "im 41 … am i too old to switch into tech? will companies even hire me" answered by its
# second question; "Im a line cook… what skills would i need??" rank 5, the skills list above what ML engineers grasp).
    "fresh81.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Non-native writers of formal English, written blind and measured once at f1d2e89's tree (fresh82: .906 / .969 / .943 /
# 1.0 / 0: "Is machine learning engineer a career with good future?" rank 6, rank 1 since).
    "fresh82.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Site reliability and cloud infrastructure engineers, written blind and measured once at f1d2e89's tree (fresh83: .875 /
# .969 / .917 / 1.0 / 0: "ok and what about the other one…?" after "the difference… between an ML engineer and a plain
# software engineer" read as the ML engineer, the software engineer since).
    "fresh83.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Parents of teenagers and school librarians, written blind and measured once at f1d2e89's tree (fresh84: .875 / .969 /
# .904 / .875 / .031: "the other one" after "torn between machine learning engineering and plain software engineering"
# unresolved, "what would those engineers work on?" refused on "would engineer", and "the interview process… at Google…
# coding tests on a whiteboard?" answered; all three mended since).
    "fresh84.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Data journalists, written blind and measured once at 7659454's tree (fresh85: .875 / 1.0 / .927 / 1.0 / .094: "For an
# explainer graphic… start to shipping", "Headline-level: where exactly is the line between…?" and "how does the
# handoff between them work?" refused, all answered since).
    "fresh85.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Startup founders and CTOs planning their first hires, written blind and measured once at 7659454's tree (fresh86: .906
# / .969 / .935 / .875 / 0: "sagemaker or vertex ai for a 3 person team?…" answered, refused since; "do i need a data
# engineer on top of an ml engineer?…" rank 6).
    "fresh86.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Musicians, artists and other creative professionals, written blind and measured once at 7659454's tree (fresh87: .906 /
# 1.0 / .943 / .875 / .031: "when it just quietly blocks stuff by itself without asking me, is that them too?" refused
# and "Is 6 months enough to learn python…?" answered, both mended since).
    "fresh87.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Military veterans moving into tech, written blind and measured once at a46dfb7's tree (fresh88: .812 / .938 / .877 /
# 1.0 / .094: "…bottom line up front?", "can you break that down with a real example?" and "is that field growing or am I
# chasing a fad…?" refused, and "and the other one? the ML engineer, what's their skill list look like" rank 8; all
# mended since).
    "fresh88.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Biology and life-science researchers, written blind and measured once at a46dfb7's tree (fresh89: .844 / 1.0 / .904 /
# .875 / .031: "im on a J-1 visa…, can I switch… without leaving the country?" answered and "why is that though, what's
# driving it?" refused, both mended since).
    "fresh89.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Customer support and QA staff moving into engineering, written blind and measured once at a46dfb7's tree (fresh90: .938
# / 1.0 / .969 / .875 / .031: "what tech would i need to learn for that?" refused and "Can you help me rewrite my resume…?"
# answered, both mended since).
    "fresh90.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Game developers and technical artists, written blind and measured once at 613771d's tree (fresh91: .75 / .875 / .812 /
# 1.0 / .031: the start of a project rank 9, "what's left for the software engineer in that setup then?" rank 2 and "what
# tech stack do they usually use for that?" after a question answered "That's mostly data engineers" refused; mended
# since. Still: "what about the ML one, what do they need that i probably dont have?" after a software engineer's skills
# finds no gold, and "besides chatbots? … vision and robotics stuff" rank 10).
    "fresh91.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.93, "mrr_at_10": 0.9, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Bootcamp graduates and junior web developers, written blind and measured once at 613771d's tree (fresh92: .906 / .969 /
# .933 / .875 / 0: "how do ML projects usually get started?…" rank 10, 2 since; "good portfolio projects for a junior web
# dev…" answered, refused since).
    "fresh92.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Teachers running after-school coding clubs, written blind and measured once at 613771d's tree (fresh93: .938 / 1.0 /
# .961 / 1.0 / 0).
    "fresh93.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Economics and business students, written blind and measured once at 09f3dc7's tree (fresh94: .781 / .938 / .859 / .875
# / .031: "coursera's ML specialization or the udemy python bootcamp?" answered, refused since; "why is it that important
# for them tho?" after a maths question finds no gold, "can you give a concrete example of how they'd split that up?"
# refused).
    "fresh94.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.9, "mrr_at_10": 0.88, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Robotics and mechatronics students, written blind and measured once at 09f3dc7's tree (fresh95: .75 / .938 / .827 / .75
# / .031: the coursera-or-fast.ai choice and "a good first ML project for a 6-dof arm" answered, refused since; "ok and
# what does the other one handle then? the ML person" refused, "so do the ML guys actually work directly with them…?"
# finds no gold).
    "fresh95.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.9, "mrr_at_10": 0.87, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# People over fifty considering a late change into tech, written blind and measured once at 09f3dc7's tree (fresh96: .906
# / .969 / .931 / .875 / 0: "do tech employers discriminate against applicants over fifty? Are there laws…?" answered,
# refused since).
    "fresh96.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# High-school students choosing what to study, written blind and measured once at 3fcac81's tree (fresh103: .906 / .969 /
# .944 / .875 / 0: "will AI end up replacing software engineers in like 10 years?" answered, refused since).
    "fresh103.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# PhD researchers moving into industry, English a second language, written blind and measured once at 3fcac81's tree
# (fresh104: .938 / 1.0 / .961 / 1.0 / .031: "Are there engineers who work on the chip side…?" refused, answered since).
    # 1dbfb7e: "what do they usually do first…?" 1 -> 2, "What is the ML engineer main duty, compared to DS?" 1 -> 3.
    "fresh104.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Accountants and auditors curious about data work, written blind and measured once at 3fcac81's tree (fresh105: .875 /
# .969 / .918 / .875 / .156: "are there engineers working on the actual hardware side", "Do certs count for anything in ML
# hiring…?" and "In audit we clear exceptions one at a time. Do good ML engineers work like that too…?" refused,
# answered since; "what is overfitting and how do I stop my model from doing it" answered, refused since).
    "fresh105.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.9, "mrr_at_10": 0.9, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Military veterans moving into tech, written blind and measured once at 3fcac81's tree (fresh106: .875 / .969 / .926 /
# .875 / .031: "I was a Signal Corps guy… which ML-related role is closest to that?" refused, answered since; "I have an
# active TS/SCI. Does that actually help me land a tech job…?" still answered).
    "fresh106.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Parents returning to work after a career break, written blind and measured once at 3fcac81's tree (fresh107: .812 /
# .938 / .880 / 1.0 / .031: "Will ML engineers still be needed in ten years or so?" refused, answered since).
    "fresh107.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Mechanical and manufacturing engineers, written blind and measured once at 3fcac81's tree (fresh108: .812 / .969 / .879
# / .875 / .062: "We do FMEA before every new line. Does … ML project work start with anything like that…?" refused,
# answered since; "is Siemens or Rockwell hiring ML people…?" answered, refused since; "what tools would that person use"
# after a reply naming DevOps rank 5, 1 since).
    "fresh108.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Musicians and audio engineers, written blind and measured once as a confirmation batch at 4c3bc4a's tree (fresh109: .812
# / 1.0 / .896 / 1.0 / .062: "If I built one of these predictive models from scratch, what are the stages…? I'm used to
# tracking > mixing > mastering…" and "…another tech buzzword that'll fade like NFTs did?" refused, still refused).
    "fresh109.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.07},
# Pharmacists and lab chemists, written blind and measured once at 4c3bc4a's tree (fresh110: .875 / 1.0 / .927 / 1.0 /
# .062: "…still matter in 10 years or is it a bubble?" and "what about when junk just vanishes on its own…?" refused,
# answered since).
    "fresh110.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Retail store managers, written blind and measured once at 4c3bc4a's tree (fresh111: .812 / 1.0 / .888 / 1.0 / 0).
    "fresh111.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Journalists and copywriters, written blind and measured once at 4c3bc4a's tree (fresh112: .875 / .969 / .915 / 1.0 /
# .031: "are certifications worth paying for, or is it just a cash grab?" refused, answered since).
    "fresh112.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Secondary-school maths and science teachers, written blind and measured once at 4c3bc4a's tree (fresh113: .812 / 1.0 /
# .893 / 1.0 / 0).
    "fresh113.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Truck drivers and warehouse workers teaching themselves to code, written blind and measured once at 4c3bc4a's tree
# (fresh114: .938 / 1.0 / .961 / 1.0 / .094: "do they just use whatever language they like best…?" and "…a fad that dies
# out in 5 years?" refused, answered since; "Trying to train my first model off a youtube tutorial and its spitting out
# garbage. Is that normal…?" still refused).
    # 1dbfb7e: three from rank 1 or 2 down a rank or two, one from 4 to 2.
    "fresh114.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Farmers and agricultural technicians, written blind and measured once as a confirmation batch at ce944d2's tree
# (fresh115: .875 / .969 / .911 / 1.0 / .031: "…would I get to pick things up from my coworkers there or am I on my own?"
# refused, still refused).
    "fresh115.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Lawyers and paralegals, written blind and measured once at ce944d2's tree (fresh116: .875 / .969 / .920 / 1.0 / .062:
# "I tend to dig in on a problem forever… would that hurt me in ML work?" refused, answered since; "can you give me a
# concrete example of that kind of split?" refused, still refused).
    "fresh116.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Social workers and counsellors, written blind and measured once at ce944d2's tree (fresh117: .688 / 1.0 / .828 / 1.0 /
# .094: "…how people keep developing once they're hired at Sertis?" and "would ML be a nightmare for someone like me?"
# refused, answered since; "and how does their work actually feed into the models?" still refused).
    "fresh117.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.97, "mrr_at_10": 0.9, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Hotel, restaurant and hospitality staff, written blind and measured once at ce944d2's tree (fresh118: .906 / .969 / .941
# / 1.0 / .031: "any particular one that'd be good to prove i know my stuff?" after a certification question refused,
# answered since).
    "fresh118.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Electricians, plumbers and other tradespeople, written blind and measured once at ce944d2's tree (fresh119: .844 / .969
# / .906 / .875 / 0: "are AI robots gonna end up taking plumbing and electrical jobs?" answered, still answered).
    "fresh119.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Humanities undergraduates, written blind and measured once at ce944d2's tree (fresh120: .906 / 1.0 / .948 / 1.0 / .031:
# "i get discouraged really easily… is ML going to crush me emotionally lol" refused, answered since).
    "fresh120.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Nurses and paramedics, written blind and measured once as a confirmation batch at c123881's tree (fresh121: .812 / .906 /
# .850 / 1.0 / .031: "ok and what tools do the data ones use day to day?" rank 6, 1 since; "would that actually help me
# get hired coming from nursing?" after a certification question refused, still refused).
    "fresh121.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.87, "mrr_at_10": 0.88, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Small-business owners, written blind and measured once at c123881's tree (fresh122: .781 / .969 / .866 / 1.0 / .094:
# "If I paid someone to make a custom model for my shop, what steps…?", "is a tensorflow cert actually worth anything
# when i see it on a CV?" and "what separates a great ML engineer from an average one when stuff breaks?" refused, still
# refused).
    "fresh122.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.1},
# Graphic designers and illustrators, written blind and measured once at c123881's tree (fresh123: .781 / 1.0 / .880 /
# 1.0 / 0).
    "fresh123.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Retired people mentoring their grandchildren, written blind and measured once at c123881's tree (fresh124: .844 / 1.0 /
# .901 / 1.0 / 0).
    # 1dbfb7e: two questions from rank 4 to 5.
    "fresh124.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Call-centre workers learning to code, written blind and measured once at c123881's tree (fresh125: .938 / 1.0 / .964 /
# .625 / .031: "does sertis take on career changers without a degree?", "will AI chatbots replace customer service jobs
# like mine in the next couple years?" and "should i do an AWS cert or an Azure one first? which do employers like more"
# answered, still answered; "and what if it just binned the junk by itself without asking me first?" refused).
    "fresh125.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.6, "false_rate": 0.05},
# Chemistry and physics undergraduates, written blind and measured once at c123881's tree (fresh126: .812 / .969 / .889 /
# 1.0 / .031: "What fields do people who hold those usually focus on?" after a certification question refused).
    "fresh126.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Marketing and SEO specialists, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh127.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Warehouse and logistics workers learning to program, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh128.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Librarians and archivists, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh129.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Teenage game modders, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh130.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Civil servants in administrative roles, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh131.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Real-estate agents and property managers, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh132.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.93, "mrr_at_10": 0.89, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Dental and veterinary assistants, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh133.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.91, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Electricians and HVAC technicians, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh134.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Software sales representatives, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh135.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Linguistics PhD students, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh136.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Parents of high-school students, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh137.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.65, "false_rate": 0.05},
# Bootcamp graduates, written blind and measured once at 1dbfb7e's tree (see docs/evaluation.md's blind-look table).
    "fresh138.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Airline pilots curious about moving into tech, written blind and measured once at d45842f's tree (see docs/evaluation.md's blind-look table).
    "fresh139.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Chefs and restaurant cooks thinking of a change into software or ML, written blind and measured once at d45842f's tree (see docs/evaluation.md's blind-look table).
    "fresh140.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Professional athletes near retirement exploring a second career, written blind and measured once at d45842f's tree (see docs/evaluation.md's blind-look table).
    "fresh141.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Translators and interpreters worried and curious about AI, written blind and measured once at d45842f's tree (see docs/evaluation.md's blind-look table).
    "fresh142.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Insurance agents and claims adjusters looking at data and ML careers, written blind and measured once at d45842f's tree (see docs/evaluation.md's blind-look table).
    "fresh143.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Musicians turned producers who tinker with audio software, written blind and measured once at d45842f's tree (see docs/evaluation.md's blind-look table).
    "fresh144.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Bank tellers and branch staff, written blind and measured once at edbeeff's tree (see docs/evaluation.md's blind-look table).
    "fresh145.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Hairdressers and salon owners learning to code, written blind and measured once at edbeeff's tree (see docs/evaluation.md's blind-look table).
    "fresh146.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Competitive chess and esports players, written blind and measured once at edbeeff's tree (see docs/evaluation.md's blind-look table).
    "fresh147.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.9, "mrr_at_10": 0.89, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Flight attendants retraining for tech, written blind and measured once at edbeeff's tree (see docs/evaluation.md's blind-look table).
    "fresh148.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Construction project managers, written blind and measured once at edbeeff's tree (see docs/evaluation.md's blind-look table).
    "fresh149.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Architects returning to work after raising children, written blind and measured once at edbeeff's tree (see docs/evaluation.md's blind-look table).
    "fresh150.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Social media content creators wanting a steadier career, written blind and measured once at 110bd92's tree (see docs/evaluation.md's blind-look table).
    "fresh151.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Firefighters weighing a second career, written blind and measured once at 110bd92's tree (see docs/evaluation.md's blind-look table).
    "fresh152.jsonl": {"hit_at_1": 0.84, "hit_at_k": 0.93, "mrr_at_10": 0.88, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Rideshare and taxi drivers teaching themselves to code, written blind and measured once at 110bd92's tree (see docs/evaluation.md's blind-look table).
    "fresh153.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Museum curators curious about data and ML work, written blind and measured once at 110bd92's tree (see docs/evaluation.md's blind-look table).
    "fresh154.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Personal trainers and fitness coaches learning Python, written blind and measured once at 110bd92's tree (see docs/evaluation.md's blind-look table).
    "fresh155.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Postal workers looking into tech jobs, written blind and measured once at 110bd92's tree (see docs/evaluation.md's blind-look table).
    "fresh156.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.1},
# Photographers and videographers, written blind and measured once at 02eafc1's tree (see docs/evaluation.md's blind-look table).
    "fresh157.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Plumbers and carpenters learning to code, written blind and measured once at 02eafc1's tree (see docs/evaluation.md's blind-look table).
    "fresh158.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Hotel receptionists eyeing IT and data, written blind and measured once at 02eafc1's tree (see docs/evaluation.md's blind-look table).
    "fresh159.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Dancers and actors looking for a second career, written blind and measured once at 02eafc1's tree (see docs/evaluation.md's blind-look table).
    "fresh160.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Agricultural college students, written blind and measured once at 02eafc1's tree (see docs/evaluation.md's blind-look table).
    "fresh161.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Paralegals eyeing data careers, written blind and measured once at 02eafc1's tree (see docs/evaluation.md's blind-look table).
    "fresh162.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Bartenders teaching themselves Python, written blind and measured once at 714ecf5's tree (see docs/evaluation.md's blind-look table).
    "fresh163.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Retired police officers, written blind and measured once at 714ecf5's tree (see docs/evaluation.md's blind-look table).
    "fresh164.jsonl": {"hit_at_1": 0.81, "hit_at_k": 0.93, "mrr_at_10": 0.86, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Veterinarians eyeing data and ML, written blind and measured once at 714ecf5's tree (see docs/evaluation.md's blind-look table).
    "fresh165.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.9, "mrr_at_10": 0.88, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Wedding and event planners, written blind and measured once at 714ecf5's tree (see docs/evaluation.md's blind-look table).
    "fresh166.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Tattoo artists, written blind and measured once at 714ecf5's tree (see docs/evaluation.md's blind-look table).
    "fresh167.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Lifeguards and swim coaches at university, written blind and measured once at 714ecf5's tree (see docs/evaluation.md's blind-look table).
    "fresh168.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.93, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Real-estate agents curious about tech careers, written blind and measured once at e175899's tree, the first with the question bank (see docs/evaluation.md's blind-look table).
    "fresh169.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Social workers considering a move into tech, written blind and measured once at e175899's tree, the first with the question bank (see docs/evaluation.md's blind-look table).
    "fresh170.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.94, "out_of_scope_rate": 0.85, "false_rate": 0.1},
# Dental hygienists thinking about retraining, written blind and measured once at e175899's tree, the first with the question bank (see docs/evaluation.md's blind-look table).
    "fresh171.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Podcasters and radio hosts interested in AI jobs, written blind and measured once at e175899's tree, the first with the question bank (see docs/evaluation.md's blind-look table).
    "fresh172.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.85, "false_rate": 0.1},
# Warehouse shift supervisors looking at engineering careers, written blind and measured once at e175899's tree, the first with the question bank (see docs/evaluation.md's blind-look table).
    "fresh173.jsonl": {"hit_at_1": 0.75, "hit_at_k": 0.9, "mrr_at_10": 0.82, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Pharmacists wondering about machine learning work, written blind and measured once at e175899's tree, the first with the question bank (see docs/evaluation.md's blind-look table).
    "fresh174.jsonl": {"hit_at_1": 0.81, "hit_at_k": 0.97, "mrr_at_10": 0.89, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Archivists and records managers moving into data work, written blind and measured once at 75898c1's tree (see docs/evaluation.md's blind-look table).
    "fresh175.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.77, "false_rate": 0.05},
# Long-haul truck drivers looking for a career change, written blind and measured once at 75898c1's tree (see docs/evaluation.md's blind-look table).
    "fresh176.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.77, "false_rate": 0.1},
# Yoga instructors curious about tech, written blind and measured once at 75898c1's tree (see docs/evaluation.md's blind-look table).
    "fresh177.jsonl": {"hit_at_1": 0.78, "hit_at_k": 0.93, "mrr_at_10": 0.85, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# High-school maths teachers considering industry jobs, written blind and measured once at 75898c1's tree (see docs/evaluation.md's blind-look table).
    "fresh178.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.9, "mrr_at_10": 0.91, "out_of_scope_rate": 0.85, "false_rate": 0.1},
# Call-centre agents hoping to move into IT, written blind and measured once at 75898c1's tree (see docs/evaluation.md's blind-look table).
    "fresh179.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.93, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.1},
# Farmers' market vendors and small-shop owners learning about AI, written blind and measured once at 75898c1's tree (see docs/evaluation.md's blind-look table).
    "fresh180.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.93, "mrr_at_10": 0.92, "out_of_scope_rate": 0.77, "false_rate": 0.13},
# QA and test-automation engineers, written blind and measured once at ac7a048's tree (fresh64: .938 / 1.0 / .969 / 1.0 /
# 0; rank 2: "Which languages and frameworks should an ML engineer know? I write all my automation in python…", "what
# about hardware people, where do they fit into that?").
    "fresh64.jsonl": {"hit_at_1": 0.87, "hit_at_k": 0.97, "mrr_at_10": 0.92, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Embedded, electronics and firmware engineers curious about ML on devices, written blind and measured once at 18b6b45's
# tree (fresh62: .906 / 1.0 / .943 / 1.0 / .031: "do they do that alone or together with the ML and software folks?" after
# "I'm a hardware/electronics engineer…", "which areas do those usually cover?" after a question on certification).
    "fresh62.jsonl": {"hit_at_1": 0.9, "hit_at_k": 0.97, "mrr_at_10": 0.93, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# University career advisors asking on their students' behalf, written blind and measured once at 2cda2a9's tree
# (fresh63: .812 / .969 / .875 / 1.0 / 0: "Our data science society wants to know where data engineers fit…", "so where
# does the ML engineer come in with that?", "…? Trying to explain teamwork expectations to students.").
    "fresh63.jsonl": {"hit_at_1": 0.93, "hit_at_k": 0.97, "mrr_at_10": 0.95, "out_of_scope_rate": 0.85, "false_rate": 0.05},
# Tuned on: questions that reuse the corpus' words but ask what it never says (all 18 refused since the gate's
# hiring, "which course…" and instructions answer types), and in-scope questions with one or two synonyms.
    "near_domain.jsonl": {"hit_at_1": 0.97, "hit_at_k": 0.97, "mrr_at_10": 0.97, "out_of_scope_rate": 0.9, "false_rate": 0.06},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def paraphrase_report(request, bot):
    return request.param, evaluate(bot, load_items(FIXTURES / request.param), k=4)


def test_paraphrase_set_stays_above_its_retrieval_floors(paraphrase_report) -> None:
    name, report = paraphrase_report
    floors, retrieval = FLOORS[name], report["retrieval"]
    for metric in ("hit_at_1", "hit_at_k", "mrr_at_10"):
        assert retrieval[metric] >= floors[metric], (name, metric, retrieval[metric])


def test_paraphrase_set_abstains_out_of_scope_and_answers_in_scope(paraphrase_report) -> None:
    name, report = paraphrase_report
    floors, abstention = FLOORS[name], report["abstention"]
    if floors["out_of_scope_rate"] is not None:
        assert abstention["out_of_scope_rate"] >= floors["out_of_scope_rate"], name
    assert abstention["false_rate"] <= floors["false_rate"], name


def test_paraphrase_answers_are_faithful_and_cite_real_sources(paraphrase_report) -> None:
    name, report = paraphrase_report
    assert report["answers"]["citation_rate"] == 1.0 and report["answers"]["faithfulness"] == 1.0, name


# The lowest set (fresh6, .633) less a margin: answers that drop the facts
# they are asked for fail, whatever the retrieval.
FACT_RECALL_FLOOR = 0.55


def test_paraphrase_answers_keep_the_facts_they_are_asked_for(paraphrase_report) -> None:
    name, report = paraphrase_report
    assert report["answers"]["fact_recall"] >= FACT_RECALL_FLOOR, (name, report["answers"]["fact_recall"])
