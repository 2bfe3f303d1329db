"""Commit, list and revert imports: the journal first, then the live store.

`commit` takes a staged import without violations, makes it durable in the
journal, then (in the web application) applies it to the running store in
one transaction. `revert` does the reverse. The CLI has no running store:
a server on the same state folder applies its changes at its next request
(app/imports/watch.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from app.config import Settings
from app.imports import journal
from app.imports.errors import ImportRefused
from app.imports.provenance import PROV
from app.imports.staging import Staged
from app.store.embedded import EmbeddedStore

_COMMITTING = threading.Lock()
Apply = Callable[[Callable[[EmbeddedStore], object]], object]


@dataclass(frozen=True)
class ImportSummary:
    graph: str
    title: str
    who: str
    when: str
    file: str
    sha256: str
    triples: int


def to_nquads(staged: Staged) -> bytes:
    data = staged.graph.serialize(format="nt", encoding="utf-8")
    graph = ox.NamedNode(staged.name.graph)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
             for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def commit(settings: Settings, staged: Staged, apply: Apply | None = None) -> ImportSummary:
    """Accept a staged import: all of it, or (with violations) none of it."""
    with _COMMITTING:  # one commit at a time: the duplicate check then holds
        return _commit(settings, staged, apply)


def _commit(settings: Settings, staged: Staged, apply: Apply | None) -> ImportSummary:
    report = staged.report
    if not report.ok:
        raise ImportRefused(f"{report.file} has {len(report.violations)} violation(s); "
                            "nothing was imported. Fix them and try again.",
                            {"violations": len(report.violations)})
    for existing in list_imports(settings):
        if existing.sha256 == report.sha256:
            raise ImportRefused(f"{report.file} was imported already, as {existing.graph} "
                                f"({existing.title}).", {"graph": existing.graph})
    nquads = to_nquads(staged)
    entry = journal.write_entry(settings, staged.name.slug, nquads)
    if apply is not None:
        quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
        apply(lambda store: store.raw.extend(quads))
    return summarize(entry)


def revert(settings: Settings, graph: str, apply: Apply | None = None) -> ImportSummary:
    entry = next((e for e in journal.entries(settings) if e.graph == graph), None)
    summary = summarize(entry) if entry else None
    journal.remove_entry(settings, graph)
    if apply is not None:
        apply(lambda store: store.drop_graph(graph))
    assert summary is not None  # remove_entry raised ImportNotFound otherwise
    return summary


def list_imports(settings: Settings) -> list[ImportSummary]:
    return [summarize(entry) for entry in journal.entries(settings)]


SUMMARY = f"""SELECT ?title ?who ?when ?file ?checksum WHERE {{
  ?g <http://purl.org/dc/terms/title> ?title ;
     <{PROV.wasAttributedTo}> [ <http://www.w3.org/2000/01/rdf-schema#label> ?who ] ;
     <{PROV.generatedAtTime}> ?when ;
     <http://purl.org/dc/terms/source> [ <http://www.w3.org/2000/01/rdf-schema#label> ?file ;
                                         <http://purl.org/dc/terms/identifier> ?checksum ] .
}}"""


def summarize(entry: journal.JournalEntry) -> ImportSummary:
    store = ox.Store()
    store.load(path=str(entry.path), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query(SUMMARY, use_default_graph_as_union=True))
    if not rows:
        return ImportSummary(entry.graph, entry.path.name, "", "", "", "", len(store))
    row = rows[0]
    return ImportSummary(entry.graph, row["title"].value, row["who"].value, row["when"].value,
                         row["file"].value, row["checksum"].value.removeprefix("sha256:"),
                         len(store))
