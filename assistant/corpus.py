"""Reading source articles (Markdown with front matter, plain text, HTML) and cleaning page boilerplate.

Articles copied from web pages carry navigation words, image credits, alt-text lines, comment
prompts and job-board footers. `clean_text` removes those while keeping every sentence of the
article, and recovers section headings (plain short lines in copied text) as Markdown headings.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}

_URL = re.compile(r"https?://\S+")
_NAV_WORDS = {
    "comment", "comments", "technology", "tech", "share", "home", "news", "blog", "menu", "search",
    "business", "career", "careers", "jobs", "tweet", "email", "print", "facebook", "twitter",
    "linkedin", "subscribe", "login", "signup", "advertisement", "tags", "categories", "related",
    "posts", "readmore", "next", "previous", "prev",
}
_NAV_LINE = re.compile(
    r"^(comments?|share( this)?|tweet|menu|home|search|subscribe|advertisement|related posts|read more"
    r"|tags|categories|skip to (main )?content|back to top|previous( post)?|next( post)?)\s*:?$",
    re.I,
)
_GLUED_CAPS = re.compile(r"[a-z][A-Z]{3,}[a-z]?")
_CREDIT_LINE = re.compile(
    r"^((image|photo|picture|illustration|graphic|header image|featured image)s?"
    r"(\s+credits?)?\s*(:|from|by|via|courtesy of|source:?)\s*\S"
    r"|(photo |image )?credits?:\s*\S"
    r"|(source|via):\s*(adobe stock|shutterstock|getty|istock|unsplash|pexels|pixabay)"
    r"|(adobe stock|shutterstock|getty images|istock(photo)?|unsplash|pexels|pixabay)\.?$)",
    re.I,
)
_COMMENT_TAIL = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)"
    r"|\d+\s+comments?|comments \(\d+\)|your email address will not be published)",
    re.I,
)
_JOB_WORDS = re.compile(r"\b(jobs?|positions?|careers?|hiring|vacanc(y|ies)|apply|opportunit(y|ies))\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = {
    "a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "with", "by", "at", "from", "as",
    "is", "are", "be", "it", "its", "this", "that", "what", "which", "who", "how", "why", "does",
    "do", "your", "you", "we", "our", "their", "they", "vs", "s",
}


class CorpusError(Exception):
    """A corpus problem the user must fix (missing folder, no articles); printed without a traceback."""


@dataclass(frozen=True)
class Document:
    """One article: `doc_id` is its path relative to the corpus folder, `text` is Markdown."""

    doc_id: str
    title: str
    text: str
    url: str | None = None
    publisher: str | None = None

    @property
    def source(self) -> str:
        """What a citation points at: the article's URL when known, else its corpus file."""
        return self.url or self.doc_id


@dataclass
class CleanedArticle:
    """The result of cleaning copied page text."""

    title: str | None
    markdown: str
    links: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class LoadReport:
    """Documents read from a corpus folder and the files skipped, each with the reason."""

    documents: list[Document]
    skipped: list[tuple[Path, str]]


# ---------------------------------------------------------------- line classification


def _content_words(text: str) -> set[str]:
    return {w.lower().strip("'’-")[:6] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def _is_nav(line: str) -> bool:
    if _NAV_LINE.match(line):
        return True
    if " " in line or not line.isalpha():
        return False
    if _GLUED_CAPS.search(line):
        return True
    return _segments_into_nav_words(line.lower())


def _segments_into_nav_words(token: str) -> bool:
    """True when a glued token such as 'commentstechnologytech' is two or more navigation words."""
    reachable = {0: 0}
    for start in range(len(token)):
        if start not in reachable:
            continue
        for word in _NAV_WORDS:
            if token.startswith(word, start):
                end = start + len(word)
                reachable[end] = max(reachable.get(end, 0), reachable[start] + 1)
    return reachable.get(len(token), 0) >= 2


def _is_job_footer(line: str) -> bool:
    return bool(_URL.search(line)) and bool(_JOB_WORDS.search(line)) and len(line) < 200


def _is_url_only(line: str) -> bool:
    return bool(_URL.fullmatch(line))


def _is_heading_like(line: str) -> bool:
    """Short lines without sentence-final punctuation: headings, list items, captions, titles.

    A line holding a web address is a sentence pointing somewhere ("Find open positions at: URL"), not a heading.
    """
    if len(line) > 120 or len(line.split()) > 16 or _URL.search(line):
        return False
    return not re.search(r"[.!;:,\"”)]$", line)


def _normalize(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


# ---------------------------------------------------------------- cleaning


def strip_boilerplate(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Drop navigation words, image credits with their alt text, bare links and the comment tail.

    Returns the kept lines (blank lines preserved as ''), the removed lines and the links of job-board
    footers ("Find open positions at: URL"), which stay in the text. Works line by line so it serves plain
    text, HTML text and Markdown alike.
    """
    lines = [_normalize(l) for l in lines]
    removed: list[str] = []
    links: list[str] = []
    seen_paragraph = False
    cut = len(lines)
    for i, line in enumerate(lines):
        if _COMMENT_TAIL.match(line.lstrip("#* ")) and seen_paragraph:
            cut = i
            break
        if line and not _is_heading_like(line):
            seen_paragraph = True
    removed.extend(l for l in lines[cut:] if l)
    lines = lines[:cut]

    drop = [False] * len(lines)
    for i, line in enumerate(lines):
        if not line:
            continue
        if _is_nav(line) or _is_url_only(line):
            drop[i] = True
        elif _is_job_footer(line):
            # The publisher's careers link is the article's answer to "where can I apply?": kept as text, and
            # its address also goes to the front matter.
            links.extend(_URL.findall(line))
        elif _CREDIT_LINE.match(line):
            drop[i] = True
            # Alt text sits next to its credit: the nearest non-blank caption-like line on either side.
            for j in (_neighbour(lines, i, -1), _neighbour(lines, i, +1)):
                if j is not None and _is_heading_like(lines[j]) and not lines[j].startswith("#"):
                    if j < i or not _looks_like_section_heading(lines, j):
                        drop[j] = True
    kept: list[str] = []
    for line, dropped in zip(lines, drop):
        if dropped:
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed, links


def _looks_like_section_heading(lines: list[str], j: int) -> bool:
    """A caption-like line after a credit is a heading when the paragraph that follows shares its words."""
    k = _neighbour(lines, j, +1)
    return k is not None and not _is_heading_like(lines[k]) and bool(_content_words(lines[j]) & _content_words(lines[k]))


def _neighbour(lines: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j]:
            return j
        j += step
    return None


def clean_text(raw: str) -> CleanedArticle:
    """Clean text copied from a web page into Markdown: title, `##` headings, paragraphs, `-` lists.

    Headings are recovered from their shape: a short line without sentence punctuation opens a
    section; further short lines directly after it are its list items, unless they end with '?'
    (question headings such as "What does a software engineer do?").
    """
    kept, removed, links = strip_boilerplate(raw.splitlines())
    lines = [l for l in kept if l]
    title: str | None = None
    first_paragraph = next((i for i, l in enumerate(lines) if not _is_heading_like(l)), len(lines))
    if first_paragraph > 0:
        title = lines[0]
        # Lines between the title and the first paragraph that share no word with either are
        # captions of a featured image, not headings.
        context = _content_words(title) | (_content_words(lines[first_paragraph]) if first_paragraph < len(lines) else set())
        intro = lines[1:first_paragraph]
        captions = [l for l in intro if not (_content_words(l) & context)]
        removed.extend(captions)
        lines = [l for l in intro if l not in captions] + lines[first_paragraph:]

    blocks: list[str] = []
    previous_heading_like = False
    for line in lines:
        if _is_heading_like(line):
            if previous_heading_like and not line.endswith("?"):
                blocks.append(f"- {line}")
            else:
                blocks.append(f"## {line}")
            previous_heading_like = True
        else:
            blocks.append(line)
            previous_heading_like = False
    return CleanedArticle(title=title, markdown=_join_blocks(blocks), links=links, removed=removed)


def _join_blocks(blocks: list[str]) -> str:
    out: list[str] = []
    for block in blocks:
        if out and not (block.startswith("- ") and out[-1].startswith("- ")):
            out.append("")
        out.append(block)
    return "\n".join(out).strip() + "\n"


def html_to_lines(html: str) -> tuple[str | None, list[str]]:
    """Visible article text of an HTML page as lines, headings marked with '##', list items with '-'."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("h1") or soup.find("title")
    title = _normalize(title_tag.get_text(" ")) if title_tag else None
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "iframe", "svg", "button"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    lines: list[str] = []
    for el in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre"]):
        if el.find_parent(["li", "blockquote"]) and el.name != "li":
            continue
        text = _normalize(el.get_text(" "))
        if not text or (el.name == "h1" and text == title):
            continue
        if el.name.startswith("h"):
            lines.append(f"## {text}")
        elif el.name == "li":
            lines.append(f"- {text}")
        else:
            lines.append(text)
        lines.append("")
    return title, lines


# ---------------------------------------------------------------- loading


def read_document(path: Path, corpus_dir: Path) -> Document:
    """Read one article; raises ValueError with a readable reason when it cannot be used."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if "\x00" in raw:
        raise ValueError("binary content (NUL bytes)")
    doc_id = path.relative_to(corpus_dir).as_posix()
    suffix = path.suffix.lower()
    meta: dict = {}
    if suffix in {".md", ".markdown"}:
        try:
            post = frontmatter.loads(raw)
        except (yaml.YAMLError, ValueError) as exc:
            raise ValueError(f"front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
        meta = dict(post.metadata)
        kept, _, _ = strip_boilerplate(post.content.splitlines())
        text = "\n".join(kept).strip()
        title = meta.get("title") or _first_markdown_heading(text)
    elif suffix in {".html", ".htm"}:
        title, lines = html_to_lines(raw)
        kept, _, _ = strip_boilerplate(lines)
        text = "\n".join(kept).strip()
    else:
        cleaned = clean_text(raw)
        title, text = cleaned.title, cleaned.markdown.strip()
    if not text.strip():
        raise ValueError("no article text after cleaning")
    return Document(
        doc_id=doc_id,
        title=str(title or path.stem.replace("_", " ").replace("-", " ").strip()),
        text=text,
        url=_str_or_none(meta.get("url") or meta.get("source_url")),
        publisher=_str_or_none(meta.get("publisher")),
    )


def _str_or_none(value: object) -> str | None:
    return str(value) if value else None


def _first_markdown_heading(text: str) -> str | None:
    match = re.search(r"^#\s+(.+)$", text, re.M)
    return match.group(1).strip() if match else None


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Article files under the corpus folder, sorted; hidden files and unknown suffixes are ignored."""
    if not corpus_dir.exists():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus path {corpus_dir} is not a folder")
    return sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and p.name.lower() != "readme.md"
    )


def load_corpus(corpus_dir: Path) -> LoadReport:
    """All readable articles of a folder; unreadable files are reported, not fatal."""
    files = corpus_files(corpus_dir)
    if not files:
        raise CorpusError(
            f"corpus folder {corpus_dir} holds no articles ({', '.join(sorted(SUPPORTED_SUFFIXES))})"
        )
    documents: list[Document] = []
    skipped: list[tuple[Path, str]] = []
    for path in files:
        try:
            documents.append(read_document(path, corpus_dir))
        except (ValueError, OSError) as exc:
            log.warning("skipped %s: %s", path, exc)
            skipped.append((path, str(exc)))
    return LoadReport(documents=documents, skipped=skipped)


def to_markdown_file(article: CleanedArticle, *, title: str | None = None, publisher: str | None = None,
                     url: str | None = None, extra: dict | None = None) -> str:
    """A corpus Markdown file (front matter + body) for a cleaned article."""
    meta: dict = {"title": title or article.title or "Untitled"}
    if publisher:
        meta["publisher"] = publisher
    if url:
        meta["url"] = url
    meta.update(extra or {})
    return frontmatter.dumps(frontmatter.Post(article.markdown, **meta), sort_keys=False) + "\n"
