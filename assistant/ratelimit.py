"""Per-client rate limiting: a token bucket per key (the client IP), in memory, bounded in size.

Each client may burst up to `per_minute` requests, then gets one more every 60/per_minute seconds.
`check` answers how long to wait (0 when the request may proceed), which becomes HTTP 429 with a
Retry-After header. State lives in one process: with several app workers each enforces its own limit.

Written here rather than taken from slowapi/limits: the job is 40 lines, needs exact Retry-After
values and a hard bound on memory, and a middleware keeps the limit off the widget's static files.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """Token buckets keyed by client; the least recently seen clients are forgotten beyond `max_clients`."""

    def __init__(self, per_minute: int, *, max_clients: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, last update)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def check(self, key: str) -> int:
        """Take one request from `key`'s allowance: 0 when allowed, else the whole seconds to wait."""
        if not self.enabled:
            return 0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill_per_second)
            if tokens >= 1.0:
                tokens -= 1.0
                wait = 0
            else:
                wait = max(1, math.ceil((1.0 - tokens) / self.refill_per_second))
            self._buckets[key] = (tokens, now)  # re-inserted last: most recently seen
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        return wait
