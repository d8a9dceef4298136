"""Command line: turn an article copied from a web page (text or HTML) into a clean corpus Markdown file.

    python -m assistant.importer PAGE.txt [--title T] [--publisher P] [--url U] [--out corpus/]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .corpus import CleanedArticle, clean_text, html_to_lines, strip_boilerplate, to_markdown_file


def slugify(text: str) -> str:
    """A file name for a title: lowercase words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "article"


def import_page(raw: str, *, is_html: bool) -> CleanedArticle:
    """Clean one page; HTML keeps its own heading markup, plain text has headings recovered."""
    if not is_html:
        return clean_text(raw)
    title, lines = html_to_lines(raw)
    kept, removed, links = strip_boilerplate(lines)
    body = "\n".join(kept).strip() + "\n"
    return CleanedArticle(title=title, markdown=body, links=links, removed=removed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--title", help="article title when the page text has none")
    parser.add_argument("--publisher")
    parser.add_argument("--url", help="the article's own address")
    parser.add_argument("--out", type=Path, default=Path("corpus"))
    args = parser.parse_args(argv)
    try:
        raw = args.page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.page}: {exc}", file=sys.stderr)
        return 2
    article = import_page(raw, is_html=args.page.suffix.lower() in {".html", ".htm"})
    title = args.title or article.title
    if not title:
        print(f"error: {args.page} names no title; pass --title", file=sys.stderr)
        return 2
    extra = {"publisher_links": article.links} if article.links else {}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{slugify(title)}.md"
    target.write_text(to_markdown_file(article, title=title, publisher=args.publisher, url=args.url, extra=extra), encoding="utf-8")
    print(f"wrote {target} ({len(article.markdown)} characters; removed {len(article.removed)} boilerplate lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
