"""Splitting articles into passages that keep their article title and section heading, with stable ids.

Sections come from the Markdown headings; a section longer than the passage size is split at
paragraph, line and sentence boundaries (LangChain's RecursiveCharacterTextSplitter), so a list stays
with its heading and no sentence is cut in half. Flat headings get a parent when a short prose
section introduces the ones that follow ("Types of engineers…" → "Data Engineer").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from .corpus import Document
from .text import is_link_line, split_sentences

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# A prose section this short that opens a run of sections reads as their introduction.
_INTRO_MAX_CHARS = 260


@dataclass(frozen=True)
class Chunk:
    """One passage: `text` is the article text itself; `heading` is the section path it sits under."""

    id: str
    doc_id: str
    title: str
    source: str
    heading: str
    text: str
    position: int

    @property
    def embedding_text(self) -> str:
        """What gets embedded: the passage with its title and heading, so a short list keeps its topic."""
        context = " — ".join(part for part in (self.title, self.heading) if part)
        return f"{context}\n{self.text}" if context else self.text

    def sentences(self) -> list[str]:
        return split_sentences(self.text)


@dataclass(frozen=True)
class Section:
    heading: str
    body: str


def sections(markdown: str) -> list[Section]:
    """Sections of a Markdown body with their heading paths; text before the first heading has ''."""
    raw: list[tuple[int, str, list[str]]] = [(0, "", [])]
    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match:
            raw.append((len(match.group(1)), match.group(2).strip(), []))
        else:
            raw[-1][2].append(line)
    top_level = min((level for level, heading, _ in raw if heading), default=1)
    result: list[Section] = []
    stack: list[tuple[int, str]] = []
    intro_parent: str | None = None
    for level, heading, lines in raw:
        body = "\n".join(lines).strip()
        while stack and stack[-1][0] >= level:
            stack.pop()
        path = [h for _, h in stack]
        if heading and level == top_level:
            if _is_intro(body):
                intro_parent = heading  # an introduction is itself top level and parents what follows
            elif intro_parent:
                path = [intro_parent]
        full = " › ".join([*path, heading]) if heading else ""
        if body:
            result.append(Section(full, body))
        if heading:
            stack.append((level, heading))
    return result


def _is_intro(body: str) -> bool:
    """One short prose sentence (or a line ending in ':') that announces the sections after it."""
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines or any(line.lstrip().startswith(("-", "*")) for line in lines):
        return False
    return len(body) <= _INTRO_MAX_CHARS and (len(split_sentences(body)) == 1 or body.endswith(":"))


def chunk_id(doc: Document, heading: str, text: str) -> str:
    """Content-derived id: the same passage of the same article keeps its id across ingests."""
    key = "\x1f".join((doc.doc_id, doc.title, doc.source, heading, text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def make_splitter(chunk_size: int, chunk_overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=min(chunk_overlap, chunk_size // 4),
        separators=["\n\n", "\n", r"(?<=[.!?])\s+", r"(?<=[;,])\s+", " "],
        is_separator_regex=True,
        # Separators stay attached to their text: with regex separators LangChain would otherwise
        # re-join the pieces with the pattern itself.
        keep_separator="end",
        strip_whitespace=True,
    )


def _pieces(body: str, splitter: RecursiveCharacterTextSplitter) -> list[str]:
    """The section's passages. A paragraph that is one link line stands alone: it speaks of where it points (a careers page), not of
    what the section says, and would otherwise lend its words to the section's last passage."""
    pieces: list[str] = []
    prose: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        if is_link_line(paragraph):
            pieces += splitter.split_text("\n\n".join(prose)) if prose else []
            pieces.append(paragraph.strip())
            prose = []
        else:
            prose.append(paragraph)
    return pieces + (splitter.split_text("\n\n".join(prose)) if prose else [])


def chunk_document(doc: Document, *, chunk_size: int = 900, chunk_overlap: int = 120) -> list[Chunk]:
    """Passages of one article, in reading order, each at most `chunk_size` characters."""
    splitter = make_splitter(chunk_size, chunk_overlap)
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for section in sections(doc.text):
        for piece in _pieces(section.body, splitter):
            cid = chunk_id(doc, section.heading, piece)
            if cid in seen:
                continue
            seen.add(cid)
            chunks.append(Chunk(cid, doc.doc_id, doc.title, doc.source, section.heading, piece, len(chunks)))
    return chunks
