"""Thumbs up/down on answers, stored in SQLite with the question, the answer and the cited source ids."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

MAX_COMMENT_CHARS = 2000


@dataclass(frozen=True)
class Feedback:
    question: str
    answer: str
    source_ids: tuple[str, ...]
    rating: int  # +1 thumbs up, -1 thumbs down
    comment: str = ""
    channel: str = "chat"


class FeedbackStore:
    """An append-only table; one connection per call so threads never share a cursor."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, created REAL NOT NULL, channel TEXT NOT NULL,"
                " rating INTEGER NOT NULL CHECK (rating IN (-1, 1)), question TEXT NOT NULL, answer TEXT NOT NULL,"
                " source_ids TEXT NOT NULL, comment TEXT NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, item: Feedback) -> int:
        if item.rating not in (-1, 1):
            raise ValueError("rating must be 1 (up) or -1 (down)")
        with self._lock, self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created, channel, rating, question, answer, source_ids, comment) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (time.time(), item.channel, item.rating, item.question, item.answer, json.dumps(list(item.source_ids)),
                 item.comment[:MAX_COMMENT_CHARS]),
            )
            return int(cursor.lastrowid)

    def all(self) -> list[dict]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        return [{**dict(r), "source_ids": json.loads(r["source_ids"])} for r in rows]
