"""Build or update the career-assistant index from the corpus folder.

    python ingest.py [--corpus DIR] [--rebuild]

Incremental: unchanged articles are not embedded again; edited articles have their passages
replaced; deleted articles have theirs removed. Exits non-zero with a one-line message on bad input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build or update the career-assistant index from the corpus.")
    parser.add_argument("--corpus", type=Path, help="folder of articles (default: CAREER_CORPUS_DIR or ./corpus)")
    parser.add_argument("--rebuild", action="store_true", help="re-embed everything into a fresh index, then swap it in")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s: %(message)s")

    from assistant.config import SettingsError, get_settings
    from assistant.corpus import CorpusError, corpus_files
    from assistant.embeddings import ModelError
    from assistant.index import IndexProblem

    try:
        settings = get_settings(corpus_dir=args.corpus)
        # Checked before the model loads, so a wrong folder fails in a second, not after torch starts.
        if not corpus_files(settings.corpus_dir):
            raise CorpusError(f"corpus folder {settings.corpus_dir} holds no articles (.md, .txt, .html)")
        from assistant.ingestion import ingest
        from assistant.service import open_index

        index = open_index(settings, for_rebuild=args.rebuild)
        report = ingest(index, settings.corpus_dir, chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap,
                        rebuild=args.rebuild, show_progress=False if args.quiet else None)
    except (SettingsError, CorpusError, ModelError, IndexProblem) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous index is still usable; run ingest again to finish", file=sys.stderr)
        return 130
    for path, reason in report.skipped:
        print(f"warning: skipped {path}: {reason}", file=sys.stderr)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
