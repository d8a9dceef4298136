"""Extractive answers vs. a local chat model (llama.cpp in-process), printed as a Markdown table.

    python benchmarks/answerers.py [--model FILE.gguf] [--questions FILE.jsonl] [--max-tokens 128] [--json]

For every question of the file that the gate lets through, streams the answer and measures the time to
the first text delta and to the final Answer (p50 and p95), for the extractive answerer and for the
GGUF model (default: SmolLM2-135M-Instruct from `make model`). For the model it also counts the
generated sentences verification kept and removed, and the answers that fell back to quoting.
Runs on a private copy of the corpus in a temporary folder; one warm-up question loads everything first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from run import percentile  # noqa: E402  (benchmarks/run.py, beside this file)

DEFAULT_QUESTIONS = ROOT / "tests" / "fixtures" / "dev.jsonl"


def timed_stream(bot, question: str, history) -> tuple[float, float, object]:
    """Seconds to the first delta, seconds to the final Answer, and the Answer."""
    start = time.perf_counter()
    first = None
    answer = None
    for item in bot.stream(question, history):
        if isinstance(item, str):
            if first is None:
                first = time.perf_counter() - start
        else:
            answer = item
    total = time.perf_counter() - start
    return (first if first is not None else total), total, answer


def main(argv: list[str] | None = None) -> int:
    from assistant.local_model import DEFAULT_PATH

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--model", type=Path, default=DEFAULT_PATH, help="GGUF file")
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--top-k", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.model.is_file():
        parser.error(f"{args.model} does not exist: run `make model` (or pass --model)")

    from assistant.config import get_settings
    from assistant.eval import load_items
    from assistant.service import Assistant

    items = load_items(args.questions)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "corpus", Path(tmp) / "corpus")
        base = dict(corpus_dir=Path(tmp) / "corpus", data_dir=Path(tmp) / "data", chroma_host="", top_k=args.top_k)
        extractive = Assistant.from_settings(get_settings(**base))
        extractive.ingest()
        local = Assistant(get_settings(**base, answerer="llamacpp", llm_model_path=args.model,
                                       llm_max_tokens=args.max_tokens), extractive.index)
        for name, bot in (("extractive", extractive), (f"local LLM ({args.model.name}, llama.cpp)", local)):
            timed_stream(bot, items[0].question, items[0].history)  # warm-up: loads the model
            first, total = [], []
            kept = removed = fallbacks = gated = 0
            for item in items:
                ttft, seconds, answer = timed_stream(bot, item.question, item.history)
                if answer.abstained:
                    gated += 1
                    continue
                first.append(ttft)
                total.append(seconds)
                report = answer.verification
                if report:
                    kept += len(report["kept"])
                    removed += len(report["removed"])
                    fallbacks += report["status"] == "fallback"
            results[name] = {
                "answered": len(total), "abstained": gated,
                "first_token_p50_s": statistics.median(first), "first_token_p95_s": percentile(first, 0.95),
                "total_p50_s": statistics.median(total), "total_p95_s": percentile(total, 0.95),
                "generated_sentences": kept + removed if bot is local else None,
                "kept_share": (kept / (kept + removed) if kept + removed else 0.0) if bot is local else None,
                "fallbacks": fallbacks if bot is local else None,
            }

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"answerers — {len(items)} questions from {args.questions.name}, top_k {args.top_k}, "
          f"max tokens {args.max_tokens}; times over the answered (not abstained) questions\n")
    print("| answerer | answered | first token p50 | first token p95 | total p50 | total p95 | "
          "generated sentences kept by verification | fell back to quotes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        kept = "—" if r["kept_share"] is None else f"{r['kept_share']:.0%} of {r['generated_sentences']}"
        fell = "—" if r["fallbacks"] is None else f"{r['fallbacks']} of {r['answered']}"
        print(f"| {name} | {r['answered']} | {r['first_token_p50_s'] * 1000:.0f} ms | {r['first_token_p95_s'] * 1000:.0f} ms | "
              f"{r['total_p50_s'] * 1000:.0f} ms | {r['total_p95_s'] * 1000:.0f} ms | {kept} | {fell} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
