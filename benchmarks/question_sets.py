"""The question sets in tests/fixtures, found on disk and put in the order the benchmarks print them.

Listing the sets by hand in every benchmark meant each new blind set had to be added in three places; a set
forgotten in one of them silently dropped out of that benchmark's table. The order is the one docs/evaluation.md's
tables use: the sets tuned on first, then the blind sets by number, then the held-out ones.
"""

from __future__ import annotations

import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
_LEADING = ("dev", "tune", "validation", "near_domain")
_NUMBERED = re.compile(r"(?P<family>[a-z_]+?)(?P<number>\d*)")


def _order(name: str) -> tuple[int, str, int, str]:
    if name in _LEADING:
        return (0, "", _LEADING.index(name), name)
    m = _NUMBERED.fullmatch(name)
    if m is None:  # a name with other characters sorts after every family, alphabetically
        return (2, name, 0, name)
    # "fresh" is the first of its family: it predates "fresh2"; held-out sets come last.
    return (1 if m["family"] != "held_out" else 2, m["family"], int(m["number"] or 1), name)


def question_sets(fixtures: Path = FIXTURES) -> list[str]:
    """Stems of every `*.jsonl` question set under `fixtures`, tuned-on sets first, then numbered families."""
    return sorted((p.stem for p in fixtures.glob("*.jsonl")), key=_order)
