"""Speed and memory of career-assistant, printed as a Markdown table.

    python benchmarks/run.py [--questions FILE.jsonl] [--repeat 5] [--json]

Measures, on a private copy of the corpus in a temporary folder (the real index is not touched):
cold start (imports in a fresh interpreter, model load), first and no-change ingest, retrieve and
ask p50/p95 over the question file, the bare cost of embedding a question (the floor every answer
pays), the ratio ask p50 / floor (target <= 3), and peak RSS of a process that holds the model, the
index and the web app (target < 1 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

DEFAULT_QUESTIONS = ROOT / "tests" / "fixtures" / "dev.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def import_seconds(module: str) -> float:
    """Import time of a module in a fresh interpreter (what a cold start pays)."""
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    return float(out.stdout.strip().splitlines()[-1])


def timed(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the question file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    rows: list[tuple[str, str, str]] = []
    results: dict[str, float] = {}

    def record(name: str, value: float, unit: str, target: str = "") -> None:
        results[name] = value
        shown = f"{value:.1f}" if unit in ("ms", "MB") else f"{value:.2f}"
        rows.append((name, f"{shown} {unit}", target))

    for module in ("sentence_transformers", "chromadb", "gradio"):
        record(f"import {module} (fresh interpreter)", import_seconds(module), "s")

    from assistant.config import get_settings
    from assistant.eval import load_items
    from assistant.index import Index, make_client
    from assistant.service import Assistant
    from assistant.embeddings import LocalEmbeddings

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "corpus", Path(tmp) / "corpus")
        settings = get_settings(corpus_dir=Path(tmp) / "corpus", data_dir=Path(tmp) / "data", chroma_host="")
        start = time.perf_counter()
        embeddings = LocalEmbeddings(settings.model_path, expected_sha256=settings.model_sha256,
                                     threads=settings.torch_threads)
        record("model load (torch import + sha256 check + weights)", time.perf_counter() - start, "s")

        bot = Assistant(settings, Index(make_client(settings), settings.collection, embeddings))
        start = time.perf_counter()
        report = bot.ingest()
        record(f"first ingest ({report.chunks} passages)", time.perf_counter() - start, "s")
        start = time.perf_counter()
        bot.ingest()
        record("second ingest (nothing changed)", time.perf_counter() - start, "s")

        items = load_items(args.questions)
        questions = [(i.question, [{"role": "user", "content": u} for u, _ in i.history]) for i in items]
        for q, h in questions:  # warm-up: first calls allocate
            bot.ask(q, h)

        def each(fn):
            samples: list[float] = []
            for _ in range(args.repeat):
                for q, h in questions:
                    samples.extend(timed(lambda: fn(q, h), 1))
            return samples

        # The floor is the model's forward pass: `encode` serves a question it has seen from its cache (4b74630), which
        # made the floor 0.0 ms and the ratio meaningless; ask's own encoding (with token vectors) is never cached.
        floor = each(lambda q, h: embeddings.model.encode([q], normalize_embeddings=True, convert_to_numpy=True,
                                                          show_progress_bar=False))
        retrieve = each(lambda q, h: bot.retrieve(q, h))
        ask = each(lambda q, h: bot.ask(q, h))
        floor_p50 = statistics.median(floor) * 1000
        record("embed question p50 (the floor)", floor_p50, "ms")
        record("retrieve p50", statistics.median(retrieve) * 1000, "ms")
        record("retrieve p95", percentile(retrieve, 0.95) * 1000, "ms")
        record("ask p50", statistics.median(ask) * 1000, "ms")
        record("ask p95", percentile(ask, 0.95) * 1000, "ms")
        record("ask p50 / floor", statistics.median(ask) * 1000 / floor_p50, "x", "<= 3")

        from assistant.web import create_app  # the serving process also holds gradio and the app

        create_app(bot)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        record("peak RSS (model + index + web app)", peak, "MB", "< 1024")

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"career-assistant benchmark — {len(questions)} questions × {args.repeat} passes, "
          f"torch threads {settings.torch_threads}\n")
    print("| measure | value | target |\n| --- | ---: | --- |")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
