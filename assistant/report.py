"""The evaluation report on disk: a Markdown summary and a PNG plot of where the first relevant
passage ranked for each question (`python -m assistant.eval FILE --report DIR`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MISS_RANK = 11  # drawn for questions whose gold passage is not in the top 10


def plot_ranks(report: dict[str, Any], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and in CI
    import matplotlib.pyplot as plt

    rows = [r for r in report["items"] if r.get("ndcg_at_10") is not None]
    ids = [r["id"] for r in rows]
    ranks = [r["rank"] or MISS_RANK for r in rows]
    colours = ["#2e7d32" if r == 1 else "#f9a825" if r <= report["retrieval"]["k"] else "#c62828" for r in ranks]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.32 * len(rows) + 2), 3.6))
    ax.bar(range(len(rows)), ranks, color=colours)
    ax.set_xticks(range(len(rows)), ids, rotation=90, fontsize=7)
    ax.set_yticks(range(1, MISS_RANK + 1), [str(n) for n in range(1, MISS_RANK)] + ["miss"])
    ax.invert_yaxis()  # rank 1 at the top: short bars are good
    ax.set_ylabel("rank of first relevant passage")
    ax.set_title(title, fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def markdown(report: dict[str, Any], title: str, plot_name: str) -> str:
    from .eval import format_table

    misses = [r for r in report["items"] if r.get("ndcg_at_10") is not None and r["rank"] != 1]
    unsupported = [r for r in report["items"] if r.get("unsupported")]
    lines = [f"# Evaluation: {title}", "", format_table(report), "", f"![Rank of the first relevant passage]({plot_name})", ""]
    if misses:
        lines += ["## Questions whose best passage was not ranked first", ""]
        lines += [f"- **{r['id']}** (rank {r['rank'] or 'miss'}): {r['question']}" +
                  (f" — read as: _{r['standalone_question']}_" if r["standalone_question"] != r["question"] else "")
                  for r in misses]
        lines.append("")
    if unsupported:
        lines += ["## Answer sentences without support from the passage they cite", ""]
        for r in unsupported:
            lines += [f"- **{r['id']}** {u['sentence']} — {u['reason']}" for u in r["unsupported"]]
        lines.append("")
    return "\n".join(lines)


def write_report(report: dict[str, Any], directory: Path, title: str) -> list[Path]:
    """Write report.md and ranks.png into `directory`; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    plot = directory / "ranks.png"
    plot_ranks(report, plot, title)
    summary = directory / "report.md"
    summary.write_text(markdown(report, title, plot.name), encoding="utf-8")
    return [summary, plot]
