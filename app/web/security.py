"""Defences every response shares: security headers, per-client rate limits,
and a cap on concurrent free-form queries so that pages keep answering.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Response, request

from app.errors import SkgError

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
        "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
EXEMPT_PREFIXES = ("/static/", "/health")


class RateLimited(SkgError):
    code = "rate-limited"
    status = 429


class TooManyQueries(SkgError):
    code = "too-many-queries"
    status = 429


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per client address: `per_minute` requests, bursts up to that."""

    def __init__(self, per_minute: int, *, max_clients: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds until it may."""
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.pop(client, None) or _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            self._buckets[client] = bucket
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate


class QueryGate:
    """At most `limit` free-form queries at once; the rest are told to come back."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots = threading.BoundedSemaphore(limit)

    def __enter__(self) -> QueryGate:
        if not self._slots.acquire(timeout=1.0):
            raise TooManyQueries(
                f"{self.limit} free-form queries are already running; try again in a moment.",
                {"retry_after_seconds": 2})
        return self

    def __exit__(self, *exc: object) -> None:
        self._slots.release()


def register(app: Flask, *, per_minute: int, query_slots: int) -> None:
    limiter = RateLimiter(per_minute)
    app.extensions["skg.query_gate"] = QueryGate(query_slots)

    @app.before_request
    def limit_rate() -> None:
        if request.path.startswith(EXEMPT_PREFIXES):
            return
        wait = limiter.take(request.remote_addr or "unknown")
        if wait:
            raise RateLimited(
                f"Too many requests from your address; try again in {math.ceil(wait)} s.",
                {"retry_after_seconds": math.ceil(wait)})

    @app.after_request
    def add_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
