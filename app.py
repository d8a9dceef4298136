"""Serve career-assistant: the Gradio chat at /, the HTTP API under /api.

    python app.py [--host 127.0.0.1] [--port 7860]

Builds the index first when it is empty.
"""

from __future__ import annotations

import argparse
import logging
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the career-assistant chat and API.")
    parser.add_argument("--host", help="address to listen on (default: CAREER_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: CAREER_PORT or 7860)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from assistant.config import SettingsError, get_settings
    from assistant.corpus import CorpusError
    from assistant.embeddings import ModelError
    from assistant.eval import QuestionFileError
    from assistant.index import IndexProblem

    try:
        settings = get_settings(host=args.host, port=args.port)
        from assistant.service import Assistant

        bot = Assistant.from_settings(settings)
        report = bot.ensure_index()
        if report:
            print(report.summary(), flush=True)
    except (SettingsError, CorpusError, ModelError, IndexProblem, QuestionFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    import uvicorn

    from assistant.web import create_app

    print(f"career-assistant: http://{settings.host}:{settings.port}/", flush=True)
    # proxy_headers=False: uvicorn would otherwise take X-Forwarded-For from local peers as the client address;
    # the app reads it itself, only when CAREER_TRUST_PROXY_HEADERS is set (see assistant/guards.py).
    uvicorn.run(create_app(bot), host=settings.host, port=settings.port, log_level="warning", proxy_headers=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
