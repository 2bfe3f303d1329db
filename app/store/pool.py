"""Queries with a time limit that is enforced by stopping them.

No query engine here can be interrupted from inside Python, so the web
application runs every read in a worker process forked from the process that
holds the in-memory store: the child shares the store's memory (copy on
write), answers over a pipe, and is killed when it runs past its limit; a
fresh worker is forked in its place. Writes happen in the parent, under the
same lock that guards forking, and then every worker is replaced so that the
next reads see the new data.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from app.errors import QueryTimeout, SkgError, StoreUnavailable
from app.store import DatasetSpec, QueryResult, collector_paused
from app.store.embedded import EmbeddedStore

_FORK = multiprocessing.get_context("fork")


class StoreBusy(SkgError):
    code = "store-busy"
    status = 503


@dataclass
class _Worker:
    process: Any
    conn: Connection
    generation: int
    started: float = field(default_factory=time.monotonic)


def _serve(conn: Connection, store: EmbeddedStore) -> None:
    """The worker's loop: one request in, one answer out, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        conn.send(_answer(store, request))


def _answer(store: EmbeddedStore, request: tuple[Any, ...]) -> tuple[str, Any]:
    kind, *args = request
    try:
        if kind == "query":
            return "ok", store.query(args[0], dataset=args[1])
        if kind == "graphs":
            return "ok", store.graphs()
        if kind == "len":
            return "ok", len(store)
        if kind == "dump":
            return "ok", store.dump(format=args[0])
        return "error", SkgError(f"unknown request {kind!r}")
    except SkgError as exc:
        return "error", exc
    except Exception as exc:
        return "error", StoreUnavailable(f"The store failed: {type(exc).__name__}: {exc}")


class QueryPool:
    """A fixed number of forked workers answering reads against one store."""

    def __init__(self, store: EmbeddedStore, *, workers: int = 2, timeout: float = 10.0,
                 wait: float = 5.0,
                 on_change: Callable[[EmbeddedStore], Any] | None = None) -> None:
        self.store = store
        self.on_change = on_change  # run after every change, before workers see it
        self.timeout = timeout
        self.wait = wait
        self.size = workers
        self._lock = threading.Lock()  # guards forking and writing
        self._generation = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self.after_write: list[Callable[[], None]] = []
        for _ in range(workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent_end, child_end = _FORK.Pipe()
        process = _FORK.Process(target=_serve, args=(child_end, self.store), daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end, self._generation)

    @property
    def generation(self) -> int:
        """Goes up with every write: caches of derived facts key on it."""
        return self._generation

    def query(self, sparql: str, *, timeout: float | None = None,
              dataset: DatasetSpec | None = None) -> QueryResult:
        return self._ask(("query", sparql, dataset), timeout or self.timeout)

    def graphs(self) -> list[str]:
        return self._ask(("graphs",), self.timeout)

    def __len__(self) -> int:
        return self._ask(("len",), self.timeout)

    def dump(self, *, format: ox.RdfFormat) -> bytes:
        return self._ask(("dump", format), max(self.timeout, 60.0))

    def _ask(self, request: tuple[Any, ...], timeout: float) -> Any:
        worker = self._take()
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._replace(worker)
                worker = None
                raise QueryTimeout(
                    f"The query ran past the time limit of {timeout:g} s and was stopped. "
                    "Narrow it (fewer property paths, a LIMIT, more specific patterns) "
                    "and try again.", {"timeout_seconds": timeout})
            with collector_paused():  # unpickling a large result, as when building it
                status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if worker is not None:
                self._replace(worker)
                worker = None
            raise StoreUnavailable("A query worker stopped unexpectedly; try again.") from None
        finally:
            if worker is not None:
                self._release(worker)
        if status == "error":
            raise payload
        return payload

    def _take(self) -> _Worker:
        if self._closed:
            raise StoreUnavailable("The store is shutting down.")
        try:
            return self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise StoreBusy(
                f"All {self.size} query workers are busy; try again in a few seconds.",
                {"retry_after_seconds": 5}) from None

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self._generation:
            self._replace(worker)
            return
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        _kill(worker)
        with self._lock:
            if not self._closed:
                self._idle.put(self._spawn())

    def write(self, change: Callable[[EmbeddedStore], Any]) -> Any:
        """Apply a change to the store in this process, then renew every worker."""
        with self._lock:
            result = change(self.store)
            if self.on_change:
                self.on_change(self.store)
            self._generation += 1
        self._renew_idle()
        for listener in self.after_write:
            listener()
        return result

    def _renew_idle(self) -> None:
        stale = []
        while True:
            try:
                stale.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in stale:
            if worker.generation == self._generation:
                self._idle.put(worker)
            else:
                self._replace(worker)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                _kill(self._idle.get_nowait())
            except queue.Empty:
                return


def _kill(worker: _Worker) -> None:
    worker.conn.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)
