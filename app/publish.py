"""`skg publish`: put every curated graph, and every accepted import, on the remote server.

Every file is parsed here first (a malformed file, or an unreadable import
journal file, stops the command before anything is sent, with its name, line
and reason); then each graph replaces the server's graph of the same name,
one at a time, with progress: the curated files, then the imports accepted
into the local journal (app/imports/journal.py), so that moving to a server
loses none of them. Graphs on the server that nothing here names are left as
they are.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from app.config import Settings
from app.errors import ConfigError
from app.imports import journal
from app.loading import FORMATS, GraphFile, display_path, graph_files, load_files
from app.store.remote import RemoteStore
from app.store.remote_answers import where

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Published:
    graphs: int
    triples: int
    seconds: float


def _send(store: RemoteStore, graphs: list[tuple[str, str, bytes, ox.RdfFormat]],
          progress: Progress) -> int:
    total = 0
    for number, (name, graph, data, rdf_format) in enumerate(graphs, start=1):
        count = store.replace_graph(graph, data, format=rdf_format)
        total += count
        progress(f"[{number}/{len(graphs)}] {name} -> {graph}: {count:,} triples")
    return total


def _curated(files: list[GraphFile]) -> list[tuple[str, str, bytes, ox.RdfFormat]]:
    return [(display_path(f.path), f.graph, f.path.read_bytes(), FORMATS[f.path.suffix])
            for f in files]


def _imports(settings: Settings) -> list[tuple[str, str, bytes, ox.RdfFormat]]:
    """Each accepted import as N-Triples of its graph (read whole before anything is sent)."""
    return [(f"import {entry.path.name}", entry.graph,
             ox.serialize([q.triple for q in journal.read_entry(entry)],
                          format=ox.RdfFormat.N_TRIPLES), ox.RdfFormat.N_TRIPLES)
            for entry in journal.entries(settings)]


def publish(settings: Settings, progress: Progress,
            store: RemoteStore | None = None) -> Published:
    """Replace each curated graph on the server named by the SKG_SPARQL_* settings."""
    if not settings["SKG_SPARQL_URL"]:
        raise ConfigError("skg publish needs SKG_SPARQL_URL (the server's query endpoint) "
                          "and SKG_SPARQL_GSP_URL or SKG_SPARQL_UPDATE_URL.")
    store = store or RemoteStore.from_settings(settings)
    files = graph_files(settings)
    load_files(files, ox.Store(), lambda _: None)  # every file parses, or nothing is sent
    graphs = _curated(files) + _imports(settings)
    started = time.perf_counter()
    progress(f"Publishing {len(graphs)} graphs to {where(settings['SKG_SPARQL_URL'])}")
    # One write: the server derives the supply paths once, after the last graph.
    total = store.write(lambda s: _send(s, graphs, progress))
    seconds = time.perf_counter() - started
    progress(f"Published {total:,} triples in {len(graphs)} graphs and derived the supply "
             f"paths in {seconds:.2f} s")
    return Published(len(graphs), total, seconds)
