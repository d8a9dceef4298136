"""Incremental ingest into a real embedded Chroma with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.index import IndexProblem, make_client
from conftest import make_assistant, make_settings


@pytest.fixture
def fresh(tmp_path: Path, corpus_dir: Path, embeddings):
    return make_assistant(make_settings(tmp_path), embeddings)


def test_first_ingest_adds_every_passage(fresh) -> None:
    report = fresh.ingest()
    assert report.documents == 2 and report.added == report.chunks > 10 and report.removed == 0
    assert fresh.index.count() == report.chunks


def test_second_ingest_embeds_nothing_and_says_so(fresh) -> None:
    fresh.ingest()
    report = fresh.ingest()
    assert (report.added, report.removed, report.embedded_texts) == (0, 0, 0)
    assert report.unchanged == report.chunks
    assert "nothing to embed" in report.summary()


def test_edited_article_has_its_passages_replaced(fresh, corpus_dir: Path) -> None:
    fresh.ingest()
    before = fresh.index.chunk_ids_by_doc()
    path = corpus_dir / "which-engineer-works-on-machine.md"
    path.write_text(path.read_text().replace("Docker, Kubernetes, and Jenkins", "Docker, Kubernetes, Jenkins and Terraform"))
    report = fresh.ingest()
    after = fresh.index.chunk_ids_by_doc()
    assert report.added == 1 and report.removed == 1
    assert after["machine-learning-engineer-vs-software-engineer.md"] == before["machine-learning-engineer-vs-software-engineer.md"]
    assert len(after["which-engineer-works-on-machine.md"] - before["which-engineer-works-on-machine.md"]) == 1
    assert "Terraform" in fresh.retrieve("Which tools do DevOps engineers use?", k=1)[0].text


def test_shortened_article_leaves_no_stale_passages(fresh, corpus_dir: Path) -> None:
    fresh.ingest()
    path = corpus_dir / "which-engineer-works-on-machine.md"
    path.write_text(path.read_text().split("## Hardware Engineer")[0])
    fresh.ingest()
    texts = " ".join(p.text for p in fresh.index.all_passages())
    assert "Hardware engineers play" not in texts and "Docker" not in texts
    stale = fresh.index.sentences.get(where={"doc_id": "which-engineer-works-on-machine.md"}, include=["documents"])
    assert not any("Hardware engineers play" in s for s in stale["documents"])


def test_deleted_article_loses_all_its_passages(fresh, corpus_dir: Path) -> None:
    fresh.ingest()
    (corpus_dir / "which-engineer-works-on-machine.md").unlink()
    report = fresh.ingest()
    assert report.removed > 0
    assert set(fresh.index.chunk_ids_by_doc()) == {"machine-learning-engineer-vs-software-engineer.md"}
    assert fresh.index.sentences.get(where={"doc_id": "which-engineer-works-on-machine.md"})["ids"] == []


def test_unreadable_file_is_skipped_and_keeps_its_previous_passages(fresh, corpus_dir: Path) -> None:
    fresh.ingest()
    before = fresh.index.chunk_ids_by_doc()["which-engineer-works-on-machine.md"]
    (corpus_dir / "which-engineer-works-on-machine.md").write_bytes(b"\xff\xfe broken \xe9")
    (corpus_dir / "new.txt").write_text("Cloud engineers run infrastructure on AWS. They automate deployments.")
    report = fresh.ingest()
    assert [p.name for p, _ in report.skipped] == ["which-engineer-works-on-machine.md"]
    assert fresh.index.chunk_ids_by_doc()["which-engineer-works-on-machine.md"] == before
    assert "new.txt" in fresh.index.chunk_ids_by_doc()


def test_rebuild_replaces_the_index_under_a_live_client(fresh) -> None:
    fresh.ingest()
    count = fresh.index.count()
    report = fresh.ingest(rebuild=True)
    assert report.rebuilt and report.added == count
    assert fresh.index.count() == count
    assert fresh.ask("What does a data engineer do?").sources


def test_interrupted_rebuild_leaves_the_previous_index_usable(fresh, monkeypatch) -> None:
    fresh.ingest()
    count = fresh.index.count()

    def interrupted(texts, **kw):
        raise KeyboardInterrupt  # what Ctrl-C does in the middle of embedding, after staging began

    monkeypatch.setattr(fresh.index.embeddings, "encode", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fresh.ingest(rebuild=True)
    monkeypatch.undo()
    assert fresh.index.count() == count
    assert not any("staging" in c.name for c in fresh.index.client.list_collections())
    assert not fresh.ask("What does a DevOps engineer do?").abstained


def test_index_built_with_another_model_is_refused_with_a_rebuild_hint(tmp_path: Path, embeddings) -> None:
    settings = make_settings(tmp_path)
    client = make_client(settings)
    client.create_collection(f"{settings.collection}-passages", metadata={"embedding_model": "other-model", "dimension": 768, "schema": 1})
    with pytest.raises(IndexProblem, match="rebuild"):
        make_assistant(settings, embeddings)


def test_rebuild_replaces_an_index_built_with_another_model_or_schema(tmp_path: Path, corpus_dir: Path, embeddings) -> None:
    from assistant.ingestion import ingest
    from assistant.service import open_index

    settings = make_settings(tmp_path, corpus_dir=corpus_dir)
    client = make_client(settings)
    for suffix in ("-passages", "-sentences"):
        client.create_collection(f"{settings.collection}{suffix}",
                                 metadata={"embedding_model": embeddings.name, "dimension": embeddings.dimension, "schema": 0})
    report = ingest(open_index(settings, embeddings, for_rebuild=True), corpus_dir, chunk_size=settings.chunk_size,
                    chunk_overlap=settings.chunk_overlap, rebuild=True)
    assert report.added == report.chunks > 10
    assert not make_assistant(settings, embeddings).ask("What does a DevOps engineer do?").abstained
