"""Imports and reverts made on the command line while the server runs.

`skg import` and `skg revert` write the journal (app/imports/journal.py) in
their own process. Before each request the server lists the journal folder
(a few microseconds); when the listing changed, it compares the journal with
its store and applies what differs in one write: an accepted import the
store lacks is loaded, an import graph no longer in the journal is dropped
(a journal file that cannot be read is left out, with a line in the log).
The query workers, the public copy and the derived paths follow, as after an
upload on the web. A web import or revert is already in the store, so the
comparison finds nothing left to do for it.
"""

from __future__ import annotations

import logging
import os
import threading

import pyoxigraph as ox

from app.config import Settings
from app.errors import DataFileError
from app.imports import journal
from app.imports.provenance import IMPORT_PREFIX
from app.store.embedded import EmbeddedStore
from app.store.pool import QueryPool

log = logging.getLogger(__name__)


class JournalWatch:
    """Keeps a query pool's store in step with the import journal."""

    def __init__(self, settings: Settings, pool: QueryPool) -> None:
        self._settings = settings
        self._pool = pool
        self._lock = threading.Lock()
        self._listing: tuple[str, ...] | None = None  # compare once at the first request

    def _list(self) -> tuple[str, ...]:
        try:
            return tuple(sorted(os.listdir(journal.journal_dir(self._settings))))
        except FileNotFoundError:
            return ()

    def sync(self) -> None:
        """Apply the journal's changes, if its folder changed since the last look."""
        if self._list() == self._listing:
            return
        with self._lock:
            listing = self._list()
            if listing == self._listing:
                return
            self._apply_differences()
            self._listing = listing

    def _apply_differences(self) -> None:
        entries = journal.entries(self._settings)
        present = set(self._pool.store.graphs())
        missing = [e for e in entries if e.graph not in present]
        kept = {e.graph for e in entries}
        gone = [g for g in present if g.startswith(IMPORT_PREFIX) and g not in kept]
        quads = [q for entry in missing for q in _readable(entry)]
        if quads or gone:
            self._pool.write(lambda store: _apply(store, quads, gone))
            log.info("Applied %d quad(s) of new imports and %d revert(s) made on the "
                     "command line", len(quads), len(gone))


def _readable(entry: journal.JournalEntry) -> list[ox.Quad]:
    """The entry's quads; none (and a line in the log) when its file cannot be read."""
    try:
        return journal.read_entry(entry)
    except DataFileError as exc:
        log.error("Not applied: %s", exc)
        return []


def _apply(store: EmbeddedStore, quads: list[ox.Quad], gone: list[str]) -> None:
    store.raw.extend(quads)  # one transaction
    for graph in gone:
        store.drop_graph(graph)
