"""The Chroma index: passages and their sentences, embedded; embedded client or server, same code.

Two collections per index name: `<name>-passages` (one record per chunk; the embedding is of the
passage with its title and heading) and `<name>-sentences` (one record per sentence, pointing at its
passage, used for multi-granularity retrieval and for picking answer sentences; its vector blends the
sentence read under its heading and read alone). The collections
themselves are the ingest manifest: each record carries its document id, and chunk ids derive from
content, so comparing ids tells what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from langchain_chroma import Chroma

from .chunking import Chunk
from .config import Settings
from .embeddings import LocalEmbeddings

# 2: sentence vectors blend the sentence read with and without its heading.
# 3: a full stop before a lower-case sentence start ends a sentence ("…practical work. a software engineer…"), so
#    an index of 2 holds sentence vectors the code no longer splits that way.
SCHEMA_VERSION = 3
_STAGING = "-staging"
_PAGE = 1000


class IndexProblem(Exception):
    """The index cannot be used as it is (wrong model, unreachable server); the message says what to do."""


@dataclass(frozen=True)
class PassageRecord:
    """A stored passage, as retrieval reads it back."""

    id: str
    doc_id: str
    title: str
    source: str
    heading: str
    text: str
    position: int


@dataclass(frozen=True)
class SentenceHit:
    """A stored sentence found by vector search: its passage, its place there, and its similarity."""

    chunk_id: str
    index: int
    text: str
    similarity: float


def make_client(settings: Settings) -> ClientAPI:
    """PersistentClient under the data folder, or an HttpClient when a Chroma server host is set."""
    chroma_settings = chromadb.config.Settings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several types for an unreachable server
            raise IndexProblem(
                f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({exc}); "
                "start it with `chroma run --path DIR --host 127.0.0.1 --port PORT` or unset CAREER_CHROMA_HOST"
            ) from None
        return client
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.data_dir), settings=chroma_settings)


class Index:
    """Read and write access to one named index in a Chroma client."""

    def __init__(self, client: ClientAPI, name: str, embeddings: LocalEmbeddings, *, check: bool = True) -> None:
        """`check=False` opens an index built by another model or schema, only to replace it (`--rebuild`)."""
        self.client = client
        self.name = name
        self.embeddings = embeddings
        self._open(name, check=check)

    # ------------------------------------------------------------ collections

    @property
    def _metadata(self) -> dict:
        return {"embedding_model": self.embeddings.name, "dimension": self.embeddings.dimension, "schema": SCHEMA_VERSION}

    def _collection(self, full_name: str):
        return self.client.get_or_create_collection(
            full_name, metadata=self._metadata, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
        )

    def _open(self, name: str, check: bool = True) -> None:
        self.passages = self._collection(f"{name}-passages")
        self.sentences = self._collection(f"{name}-sentences")
        for collection in (self.passages, self.sentences):
            if check:
                self._check_compatible(collection)
        self.store = Chroma(client=self.client, collection_name=f"{name}-passages", embedding_function=self.embeddings,
                            create_collection_if_not_exists=False)

    def _check_compatible(self, collection) -> None:
        meta = collection.metadata or {}
        stored = (meta.get("embedding_model"), meta.get("dimension"), meta.get("schema"))
        wanted = (self.embeddings.name, self.embeddings.dimension, SCHEMA_VERSION)
        if stored != wanted:
            raise IndexProblem(
                f"the index {collection.name!r} was built with model {stored[0]} (dimension {stored[1]}, schema "
                f"{stored[2]}) but this run uses {wanted[0]} (dimension {wanted[1]}, schema {wanted[2]}); "
                "rebuild it: python ingest.py --rebuild"
            )

    # ------------------------------------------------------------ reading

    def count(self) -> int:
        return self.passages.count()

    def chunk_ids_by_doc(self) -> dict[str, set[str]]:
        """What the index holds: passage ids grouped by document id (the ingest manifest)."""
        by_doc: dict[str, set[str]] = defaultdict(set)
        for offset in range(0, self.passages.count(), _PAGE):
            page = self.passages.get(include=["metadatas"], limit=_PAGE, offset=offset)
            for pid, meta in zip(page["ids"], page["metadatas"]):
                by_doc[str(meta.get("doc_id"))].add(pid)
        return dict(by_doc)

    def all_passages(self) -> list[PassageRecord]:
        records: list[PassageRecord] = []
        for offset in range(0, self.passages.count(), _PAGE):
            page = self.passages.get(include=["metadatas", "documents"], limit=_PAGE, offset=offset)
            for pid, meta, text in zip(page["ids"], page["metadatas"], page["documents"]):
                records.append(_record(pid, meta, text))
        records.sort(key=lambda r: (r.doc_id, r.position))
        return records

    def search_passages(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Passage ids with cosine similarity, best first (through LangChain's Chroma vector store)."""
        n = min(k, self.passages.count())
        if n == 0:
            return []
        hits = self.store.similarity_search_by_vector_with_relevance_scores(vector.tolist(), k=n)
        # langchain returns the raw cosine distance as its "score" for this call.
        return [(doc.id, 1.0 - float(distance)) for doc, distance in hits]

    def search_sentences(self, vector: np.ndarray, k: int, chunk_ids: Iterable[str] | None = None) -> list[SentenceHit]:
        """The sentences nearest the vector (optionally only those of some passages), best first."""
        ids = sorted(chunk_ids) if chunk_ids is not None else None
        total = self.sentences.count()
        if total == 0 or ids == []:
            return []
        result = self.sentences.query(
            query_embeddings=[vector.tolist()], n_results=min(k, total),
            where={"chunk_id": {"$in": ids}} if ids is not None else None,
            include=["metadatas", "documents", "distances"],
        )
        return [
            SentenceHit(str(meta["chunk_id"]), int(meta["index"]), text, 1.0 - float(dist))
            for meta, text, dist in zip(result["metadatas"][0], result["documents"][0], result["distances"][0])
        ]

    # ------------------------------------------------------------ writing

    def add(self, chunks: list[Chunk], *, progress: Callable[[int], None] | None = None, batch_size: int = 64) -> int:
        """Embed and upsert passages and their sentences; returns the number of texts embedded."""
        embedded = 0
        for start in range(0, len(chunks), batch_size):
            batch = chunks[start:start + batch_size]
            sentence_rows = [(c, i, s) for c in batch for i, s in enumerate(c.sentences())]
            headed = [n for n, (c, _, _) in enumerate(sentence_rows) if c.heading]
            texts = ([c.embedding_text for c in batch] + [_sentence_embedding_text(c, s) for c, _, s in sentence_rows]
                     + [sentence_rows[n][2] for n in headed])
            vectors = self.embeddings.encode(texts)
            passage_vectors = vectors[: len(batch)]
            sentence_vectors = _blend(vectors[len(batch): len(batch) + len(sentence_rows)], headed,
                                      vectors[len(batch) + len(sentence_rows):])
            # Sentences first: a passage is only searchable once its sentences are, so an interrupted
            # run never leaves a passage without the sentences the answerer quotes.
            if sentence_rows:
                self.sentences.upsert(
                    ids=[f"{c.id}:{i}" for c, i, _ in sentence_rows],
                    embeddings=sentence_vectors.tolist(),
                    documents=[s for _, _, s in sentence_rows],
                    metadatas=[{"chunk_id": c.id, "doc_id": c.doc_id, "index": i} for c, i, _ in sentence_rows],
                )
            self.passages.upsert(
                ids=[c.id for c in batch],
                embeddings=passage_vectors.tolist(),
                documents=[c.text for c in batch],
                metadatas=[{"doc_id": c.doc_id, "title": c.title, "source": c.source, "heading": c.heading,
                            "position": c.position} for c in batch],
            )
            embedded += len(texts)
            if progress:
                progress(len(batch))
        return embedded

    def remove(self, chunk_ids: Iterable[str]) -> int:
        ids = sorted(chunk_ids)
        for start in range(0, len(ids), _PAGE):
            page = ids[start:start + _PAGE]
            # Passages first: the other order would leave searchable passages whose sentences are gone.
            self.passages.delete(ids=page)
            self.sentences.delete(where={"chunk_id": {"$in": page}})
        return len(ids)

    # ------------------------------------------------------------ rebuilding

    def staging(self) -> Index:
        """A fresh, empty index beside this one, to be filled and then swapped in by `replace_with`."""
        for suffix in ("-passages", "-sentences"):
            _drop(self.client, f"{self.name}{_STAGING}{suffix}")
        return Index(self.client, f"{self.name}{_STAGING}", self.embeddings)

    def replace_with(self, staged: Index) -> None:
        """Swap a filled staging index in under this index's name (drop old, rename new)."""
        for suffix in ("-passages", "-sentences"):
            _drop(self.client, f"{self.name}{suffix}")
            self.client.get_collection(f"{staged.name}{suffix}", embedding_function=None).modify(name=f"{self.name}{suffix}")
        self._open(self.name)

    def discard_staging(self) -> None:
        for suffix in ("-passages", "-sentences"):
            _drop(self.client, f"{self.name}{_STAGING}{suffix}")


def _drop(client: ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception:  # absent collection: chromadb raises NotFoundError/ValueError depending on mode
        pass


def _record(pid: str, meta: dict, text: str) -> PassageRecord:
    return PassageRecord(pid, str(meta["doc_id"]), str(meta["title"]), str(meta["source"]),
                         str(meta.get("heading") or ""), text, int(meta.get("position") or 0))


def _sentence_embedding_text(chunk: Chunk, sentence: str) -> str:
    # A list item such as "Debugging and testing" means little without its heading.
    return f"{chunk.heading}: {sentence}" if chunk.heading else sentence


def _blend(with_heading: np.ndarray, headed: list[int], bare: np.ndarray) -> np.ndarray:
    """Sentence vectors halfway between the sentence read under its heading and read alone.

    The heading gives a list item its meaning, but a long heading about something else ("Types of
    Engineers That Work on Machine Learning: Clean, efficient, and scalable code…") pulls a
    self-contained sentence away from the question it answers (cosine 0.56 with the heading, 0.72
    without). The normalised mean keeps both readings in one vector, so the index does not grow.
    """
    blended = with_heading.copy()
    if headed:
        mixed = with_heading[headed] + bare
        blended[headed] = mixed / np.linalg.norm(mixed, axis=1, keepdims=True)
    return blended
