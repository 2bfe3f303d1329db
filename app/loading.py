"""Load the curated files into a store: all of them, or none.

Every file in `ontology/` and `data/curated/` (and `data/demo/` when demo
data is wanted) becomes one named graph whose IRI is stable:
`<base>graph/<file stem>` (the ontology file `skg.ttl` is `graph/ontology`).
A file that does not parse stops the load with its name, line and reason, and
the store that was serving stays as it was.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from app import derived
from app.config import PROJECT_ROOT, Settings
from app.errors import DataFileError
from app.namespaces import GRAPH
from app.store.embedded import EmbeddedStore

Progress = Callable[[str], None]
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES}
_PARSER_POSITION = re.compile(r"line (\d+) (?:between )?columns? (\d+)")
_TRAILING_LINE = re.compile(r"\s*\(line \d+\)$")


@dataclass(frozen=True)
class GraphFile:
    path: Path
    graph: str
    demo: bool = False


def graph_files(settings: Settings) -> list[GraphFile]:
    """The files to load, in a stable order, each with its graph IRI."""
    files = [GraphFile(p, _graph_iri(p, ontology=True)) for p in _rdf_files(settings.ontology_dir)]
    files += [GraphFile(p, _graph_iri(p)) for p in _rdf_files(settings.data_dir / "curated")]
    if settings["SKG_INCLUDE_DEMO"]:
        demo = _rdf_files(settings.data_dir / "demo")
        files += [GraphFile(p, _graph_iri(p), demo=True) for p in demo]
    _refuse_duplicate_graphs(files)
    return files


def _rdf_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in FORMATS and p.is_file())


def _graph_iri(path: Path, *, ontology: bool = False) -> str:
    stem = "ontology" if ontology and path.stem == "skg" else path.stem
    return str(GRAPH[stem])


def _refuse_duplicate_graphs(files: list[GraphFile]) -> None:
    seen: dict[str, Path] = {}
    for f in files:
        if f.graph in seen:
            raise DataFileError(
                f"{display_path(f.path)} and {display_path(seen[f.graph])} would both load "
                f"into the graph {f.graph}; rename one of them."
            )
        seen[f.graph] = f.path


def display_path(path: Path) -> str:
    """A path as the user knows it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        try:
            return str(path.resolve().relative_to(Path.cwd()))
        except ValueError:
            return path.name


def load_files(files: list[GraphFile], store: ox.Store, progress: Progress) -> int:
    """Load every file into its graph of `store`; stop at the first bad file."""
    started = time.perf_counter()
    for number, graph_file in enumerate(files, start=1):
        before = len(store)
        load_file(graph_file, store)
        progress(
            f"[{number}/{len(files)}] {display_path(graph_file.path)}: "
            f"{len(store) - before:,} triples"
        )
    progress(f"Loaded {len(store):,} triples in {len(files)} graphs "
             f"in {time.perf_counter() - started:.2f} s")
    return len(store)


def load_file(graph_file: GraphFile, store: ox.Store) -> None:
    try:
        store.load(path=str(graph_file.path), format=FORMATS[graph_file.path.suffix],
                   to_graph=ox.NamedNode(graph_file.graph))
    except SyntaxError as exc:
        raise DataFileError(
            f"{display_path(graph_file.path)}: {describe_parse_error(str(exc))}",
            {"file": display_path(graph_file.path), **parse_error_position(str(exc))},
        ) from None
    except OSError as exc:
        raise DataFileError(f"{display_path(graph_file.path)}: cannot read: {exc}") from None


def describe_parse_error(message: str) -> str:
    """'Parser error between line 3 column 9 and ...: reason' -> 'line 3, column 9: reason'."""
    position = parse_error_position(message)
    reason = _TRAILING_LINE.sub("", message.split(": ", 1)[-1].strip())
    if not position:
        return reason
    return f"line {position['line']}, column {position['column']}: {reason}"


def parse_error_position(message: str) -> dict[str, int]:
    match = _PARSER_POSITION.search(message)
    return {"line": int(match.group(1)), "column": int(match.group(2))} if match else {}


def build_store(settings: Settings, progress: Progress = lambda _: None) -> EmbeddedStore:
    """A new in-memory store holding every curated graph and every accepted import."""
    from app.imports.journal import replay

    memory = ox.Store()
    load_files(graph_files(settings), memory, progress)
    imports = replay(settings, memory)  # accepted imports, after the curated files
    if imports:
        progress(f"Replayed {imports} accepted import(s); {len(memory):,} triples in all")
    store = EmbeddedStore.wrap(memory, row_limit=settings["SKG_ROW_LIMIT"])
    started = time.perf_counter()
    paths = derived.refresh(store)
    progress(f"Derived {paths:,} supply paths in {time.perf_counter() - started:.2f} s")
    return store
