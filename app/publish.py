"""`skg publish`: put every curated graph on the remote SPARQL server.

Every file is parsed here first (a malformed file stops the command before
anything is sent, with its name, line and reason); then each graph replaces
the server's graph of the same name, one at a time, with progress. Graphs on
the server that no file names are left as they are.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from app.config import Settings
from app.errors import ConfigError
from app.loading import FORMATS, GraphFile, display_path, graph_files, load_files
from app.store.remote import RemoteStore
from app.store.remote_answers import where

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Published:
    graphs: int
    triples: int
    seconds: float


def _send(store: RemoteStore, files: list[GraphFile], progress: Progress) -> int:
    total = 0
    for number, graph_file in enumerate(files, start=1):
        data, rdf_format = graph_file.path.read_bytes(), FORMATS[graph_file.path.suffix]
        count = store.replace_graph(graph_file.graph, data, format=rdf_format)
        total += count
        progress(f"[{number}/{len(files)}] {display_path(graph_file.path)} -> "
                 f"{graph_file.graph}: {count:,} triples")
    return total


def publish(settings: Settings, progress: Progress,
            store: RemoteStore | None = None) -> Published:
    """Replace each curated graph on the server named by the SKG_SPARQL_* settings."""
    if not settings["SKG_SPARQL_URL"]:
        raise ConfigError("skg publish needs SKG_SPARQL_URL (the server's query endpoint) "
                          "and SKG_SPARQL_GSP_URL or SKG_SPARQL_UPDATE_URL.")
    store = store or RemoteStore.from_settings(settings)
    files = graph_files(settings)
    load_files(files, ox.Store(), lambda _: None)  # every file parses, or nothing is sent
    started = time.perf_counter()
    progress(f"Publishing {len(files)} graphs to {where(settings['SKG_SPARQL_URL'])}")
    # One write: the server derives the supply paths once, after the last graph.
    total = store.write(lambda s: _send(s, files, progress))
    seconds = time.perf_counter() - started
    progress(f"Published {total:,} triples in {len(files)} graphs and derived the supply "
             f"paths in {seconds:.2f} s")
    return Published(len(files), total, seconds)
