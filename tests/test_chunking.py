"""Passages: bounded in size, carrying title and heading, lists kept with their heading, ids stable."""

from __future__ import annotations

import re

from assistant.chunking import chunk_document, sections
from assistant.corpus import Document, load_corpus
from assistant.text import split_sentences
from conftest import CORPUS

DOCS = load_corpus(CORPUS).documents


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_passage_is_at_most_the_chunk_size() -> None:
    for doc in DOCS:
        assert all(len(c.text) <= 400 for c in chunk_document(doc, chunk_size=400, chunk_overlap=60))


def test_every_sentence_of_an_article_lands_in_some_passage() -> None:
    for doc in DOCS:
        passages = " ".join(_norm(c.text) for c in chunk_document(doc, chunk_size=300, chunk_overlap=40))
        body = "\n".join(l for l in doc.text.splitlines() if not l.startswith("#"))
        missing = [s for s in split_sentences(body) if _norm(s) not in passages]
        assert missing == []


def test_passages_keep_article_title_and_section_heading() -> None:
    doc = next(d for d in DOCS if d.title == "Which Engineer Works on Machine?")
    devops = next(c for c in chunk_document(doc) if "Docker, Kubernetes, and Jenkins" in c.text)
    assert devops.title == "Which Engineer Works on Machine?"
    assert devops.heading.endswith("DevOps Engineer")
    assert devops.embedding_text.startswith("Which Engineer Works on Machine? — ")


def test_a_list_stays_in_one_passage_with_its_heading() -> None:
    doc = next(d for d in DOCS if d.publisher == "Sertis")
    skills = [c for c in chunk_document(doc) if "Strong foundation in mathematics" in c.text]
    assert len(skills) == 1
    assert skills[0].heading == "Essential skills for a machine learning engineer"
    assert "Model deployment and fine-tuning" in skills[0].text


def test_short_introductory_section_becomes_parent_of_the_sections_after_it() -> None:
    md = "## Types of engineers\n\nLet us look at the roles.\n\n## Data Engineer\n\nBuilds pipelines. Runs Spark jobs.\n"
    assert [s.heading for s in sections(md)] == ["Types of engineers", "Types of engineers › Data Engineer"]


def test_chunk_ids_are_stable_and_follow_content() -> None:
    doc = DOCS[0]
    first = [c.id for c in chunk_document(doc)]
    assert first == [c.id for c in chunk_document(doc)]
    edited = Document(doc.doc_id, doc.title, doc.text.replace("computer science", "computing"), doc.url, doc.publisher)
    changed = [c.id for c in chunk_document(edited)]
    assert changed[0] != first[0] and changed[1:] == first[1:]


def test_identical_text_in_two_articles_gets_distinct_ids() -> None:
    a = Document("a.md", "A", "Same sentence here.")
    b = Document("b.md", "B", "Same sentence here.")
    assert chunk_document(a)[0].id != chunk_document(b)[0].id


def test_a_sentence_started_in_lower_case_after_a_full_stop_is_a_sentence_of_its_own() -> None:
    text = "They can collaborate to deliver practical work. a software engineer is responsible for the software."
    assert split_sentences(text) == ["They can collaborate to deliver practical work.",
                                     "a software engineer is responsible for the software."]


def test_a_short_form_before_a_lower_case_word_does_not_end_a_sentence() -> None:
    for text in ("Tools, e.g. a scheduler, help.", "Docker, Kubernetes, etc. and more.", "It runs on the U.S. market."):
        assert split_sentences(text) == [text], text


def test_a_link_line_is_a_passage_of_its_own() -> None:
    # Its words ("positions", "opportunities") are about where it points, not about the section it ends.
    doc = next(d for d in DOCS if d.publisher == "Sertis")
    passages = [c.text for c in chunk_document(doc)]
    assert "Find open positions and job opportunities at: https://www.careers.sertiscorp.com/jobs" in passages
    assert any(p.startswith("At Sertis, we believe") and "https://" not in p for p in passages)
