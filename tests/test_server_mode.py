"""The same code against a real Chroma server (`chroma run` on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.index import IndexProblem, make_client
from conftest import free_port, make_assistant, make_settings


@pytest.fixture
def server_bot(tmp_path: Path, corpus_dir: Path, embeddings, chroma_server):
    host, port = chroma_server
    collection = f"t{tmp_path.name[-12:].replace('_', '')}"
    return make_assistant(make_settings(tmp_path, chroma_host=host, chroma_port=port, collection=collection), embeddings)


def test_settings_with_a_host_use_an_http_client(tmp_path: Path, chroma_server) -> None:
    host, port = chroma_server
    client = make_client(make_settings(tmp_path, chroma_host=host, chroma_port=port))
    assert type(client).__name__ != "PersistentClient" and client.heartbeat() > 0
    assert not (tmp_path / "data").exists()


def test_ingest_and_answer_through_the_server(server_bot) -> None:
    report = server_bot.ingest()
    assert report.added == report.chunks > 10
    answer = server_bot.ask("Which tools do DevOps engineers use?")
    assert not answer.abstained and "Kubernetes" in answer.text


def test_second_ingest_through_the_server_embeds_nothing(server_bot) -> None:
    server_bot.ingest()
    report = server_bot.ingest()
    assert (report.added, report.removed, report.embedded_texts) == (0, 0, 0)


def test_rebuild_through_the_server_swaps_collections(server_bot) -> None:
    server_bot.ingest()
    count = server_bot.index.count()
    server_bot.ingest(rebuild=True)
    assert server_bot.index.count() == count
    assert not server_bot.ask("What does a data engineer do?").abstained


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexProblem, match="cannot reach the Chroma server"):
        make_client(make_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=free_port()))
