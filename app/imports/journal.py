"""The journal of accepted imports: one N-Quads file per import in SKG_STATE_DIR/imports/.

The store lives in memory and is rebuilt at every start, so an accepted
import is durable once its file is: it is written to a hidden temporary file,
fsynced, renamed into place (atomic) and the folder fsynced. A crash before
the rename leaves only the temporary file, which is never replayed; after it,
the whole import is there. `build_store` replays the files in name (time)
order after the curated files. A revert renames the file to `.reverted`.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from app.config import Settings
from app.errors import DataFileError
from app.imports.errors import ImportNotFound
from app.imports.provenance import IMPORT_PREFIX

PAUSE_VARIABLE = "SOLIDARITY_GRAPH_TEST_PAUSE_AT"
"""Test hook: `<step>:<marker file>` makes an import stop at `step` (written,
renamed), touch the marker and sleep, so a test can kill it there."""


@dataclass(frozen=True)
class JournalEntry:
    graph: str
    path: Path


def journal_dir(settings: Settings) -> Path:
    return settings.state_dir / "imports"


def entries(settings: Settings) -> list[JournalEntry]:
    """Accepted imports that are not reverted, oldest first."""
    folder = journal_dir(settings)
    if not folder.is_dir():
        return []
    return [JournalEntry(IMPORT_PREFIX + p.stem.removeprefix("import-"), p)
            for p in sorted(folder.glob("import-*.nq"))]


def write_entry(settings: Settings, slug: str, nquads: bytes) -> JournalEntry:
    """Make one import durable: temporary file, fsync, atomic rename, fsync folder."""
    folder = journal_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{slug}.nq"
    temporary = folder / f".{slug}.nq.tmp"
    with temporary.open("wb") as handle:
        handle.write(nquads)
        handle.flush()
        os.fsync(handle.fileno())
    _pause("written")
    os.replace(temporary, final)
    _fsync_folder(folder)
    _pause("renamed")
    return JournalEntry(IMPORT_PREFIX + slug.removeprefix("import-"), final)


def remove_entry(settings: Settings, graph: str) -> JournalEntry:
    """Take an import out of the journal (renamed, kept for the record)."""
    for entry in entries(settings):
        if entry.graph == graph:
            os.replace(entry.path, entry.path.with_name(entry.path.name + ".reverted"))
            _fsync_folder(entry.path.parent)
            return entry
    raise ImportNotFound(f"There is no accepted import with the graph {graph}; "
                         "`skg imports` lists them.", {"graph": graph})


def replay(settings: Settings, store: ox.Store) -> int:
    """Load every accepted import into `store`; returns how many."""
    found = entries(settings)
    for entry in found:
        load_entry(entry, store)
    return len(found)


def load_entry(entry: JournalEntry, store: ox.Store) -> None:
    try:
        store.load(path=str(entry.path), format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, OSError) as exc:
        raise _unreadable(entry, exc) from None


def read_entry(entry: JournalEntry) -> list[ox.Quad]:
    """The quads of one accepted import, read apart from any store."""
    try:
        return list(ox.parse(path=str(entry.path), format=ox.RdfFormat.N_QUADS))
    except (SyntaxError, OSError) as exc:
        raise _unreadable(entry, exc) from None


def _unreadable(entry: JournalEntry, exc: Exception) -> DataFileError:
    return DataFileError(f"The import journal file {entry.path.name} cannot be read: {exc}",
                         {"file": entry.path.name})


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _pause(step: str) -> None:
    wanted = os.environ.get(PAUSE_VARIABLE, "")
    if not wanted.startswith(step + ":"):
        return
    Path(wanted.split(":", 1)[1]).touch()
    print(f"paused after step {step!r} (test hook)", file=sys.stderr, flush=True)
    time.sleep(120)
