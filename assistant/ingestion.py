"""Bringing the index in line with the corpus: only changed articles are embedded.

For each article the passage ids (content hashes) are compared with what the index holds: new ids
are embedded and added, ids no longer produced are removed, the rest is left alone. Articles that
left the corpus lose all their passages. `--rebuild` fills a staging index and swaps it in, so an
interrupted run always leaves the previous index usable.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .chunking import Chunk, chunk_document
from .corpus import load_corpus
from .index import Index


@dataclass
class IngestReport:
    documents: int = 0
    chunks: int = 0
    added: int = 0
    removed: int = 0
    unchanged: int = 0
    embedded_texts: int = 0
    seconds: float = 0.0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    rebuilt: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)

    def summary(self) -> str:
        if not self.changed and not self.rebuilt:
            head = f"index up to date: nothing to embed ({self.documents} documents, {self.chunks} chunks unchanged)"
        else:
            head = (f"{'rebuilt' if self.rebuilt else 'updated'} index: {self.documents} documents, {self.chunks} chunks; "
                    f"added {self.added}, removed {self.removed}, unchanged {self.unchanged}; "
                    f"embedded {self.embedded_texts} texts")
        skipped = f"; skipped {len(self.skipped)} unreadable file(s)" if self.skipped else ""
        return f"{head} in {self.seconds:.1f} s{skipped}"


def plan_chunks(corpus_dir: Path, chunk_size: int, chunk_overlap: int) -> tuple[dict[str, list[Chunk]], list[tuple[Path, str]], int]:
    """Chunks of every readable article keyed by document id, the skipped files, and the document count."""
    report = load_corpus(corpus_dir)
    by_doc = {doc.doc_id: chunk_document(doc, chunk_size=chunk_size, chunk_overlap=chunk_overlap) for doc in report.documents}
    return by_doc, report.skipped, len(report.documents)


def ingest(index: Index, corpus_dir: Path, *, chunk_size: int, chunk_overlap: int, rebuild: bool = False,
           show_progress: bool | None = None) -> IngestReport:
    """Update (or with `rebuild`, replace) the index from the corpus folder; raises CorpusError on a bad folder."""
    started = time.perf_counter()
    by_doc, skipped, n_docs = plan_chunks(corpus_dir, chunk_size, chunk_overlap)
    report = IngestReport(documents=n_docs, skipped=skipped, rebuilt=rebuild)
    report.chunks = sum(len(chunks) for chunks in by_doc.values())
    skipped_ids = {p.relative_to(corpus_dir).as_posix() for p, _ in skipped}

    target = index.staging() if rebuild else index
    held = {} if rebuild else target.chunk_ids_by_doc()
    to_add: list[Chunk] = []
    to_remove: set[str] = set()
    for doc_id, chunks in by_doc.items():
        have = held.get(doc_id, set())
        want = {c.id for c in chunks}
        to_add.extend(c for c in chunks if c.id not in have)
        to_remove |= have - want
        report.unchanged += len(have & want)
    for doc_id, ids in held.items():
        # A file that failed to parse this time keeps its previous passages rather than vanishing.
        if doc_id not in by_doc and doc_id not in skipped_ids:
            to_remove |= ids

    if show_progress is None:
        show_progress = sys.stderr.isatty()
    with tqdm(total=len(to_add), desc="embedding passages", unit="passage", disable=not show_progress or not to_add) as bar:
        try:
            report.embedded_texts = target.add(to_add, progress=bar.update)
        except BaseException:
            if rebuild:
                index.discard_staging()
            raise
    report.added = len(to_add)
    report.removed = target.remove(to_remove) if to_remove else 0
    if rebuild:
        index.replace_with(target)
    report.seconds = time.perf_counter() - started
    return report
