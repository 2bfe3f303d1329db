"""`skg validate`, `skg import`, `skg imports`, `skg revert`."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from app.config import Settings, load_settings
from app.imports import service
from app.imports.report import print_report
from app.imports.staging import Staged, Upload, check_size, stage
from app.loading import build_store
from app.store.remote import RemoteStore

FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
TEMPLATE = click.option("--template", "-t", default=None,
                        help="Template the CSV follows (default: from the file name or header).")


def _progress(message: str) -> None:
    click.echo(message, err=True)


def _stage(path: Path, template: str | None, who: str = "unknown"
           ) -> tuple[Settings, Staged, service.Apply | None]:
    settings = load_settings()
    check_size(path.stat().st_size, path.name, settings)
    upload = Upload(path.read_bytes(), path.name, template, who)
    remote = _remote(settings)
    raw = remote.raw if remote else build_store(settings, lambda _: None).raw
    _progress(f"Validating {path.name} against the shapes and quality checks ...")
    return settings, stage(upload, raw, settings), remote.write if remote else None


def _remote(settings: Settings) -> RemoteStore | None:
    """The SPARQL server (SKG_STORE=remote) that imports are checked against and written to
    besides the journal; None for the embedded store, where the journal is the data (a
    running server applies it at its next request)."""
    return RemoteStore.from_settings(settings) if settings["SKG_STORE"] == "remote" else None


@click.command()
@click.argument("file", type=FILE)
@TEMPLATE
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def validate(file: Path, template: str | None, fmt: str) -> None:
    """Check a file (CSV template or RDF) without importing it; exit 1 on violations."""
    _, staged, _ = _stage(file, template)
    if fmt == "json":
        click.echo(json.dumps(staged.report.to_json(), indent=2))
    else:
        print_report(staged.report, click.echo)
    sys.exit(0 if staged.report.ok else 1)


@click.command("import")
@click.argument("file", type=FILE)
@TEMPLATE
@click.option("--who", default=None, help="Who imports (default: your user name).")
def import_file(file: Path, template: str | None, who: str | None) -> None:
    """Validate a file and, without violations, import it as a new named graph."""
    settings, staged, apply = _stage(file, template, who or getpass.getuser())
    print_report(staged.report, click.echo)
    summary = service.commit(settings, staged, apply=apply)
    click.echo(f"Imported {summary.triples} triples as {summary.graph}.")
    if apply is None:
        click.echo("A running server (`skg serve` on this data folder) shows it from its next "
                   "request.")


@click.command("imports")
def list_imports() -> None:
    """List accepted imports, oldest first."""
    found = service.list_imports(load_settings())
    if not found:
        click.echo("No imports yet.")
    for s in found:
        click.echo(f"{s.graph}\t{s.when}\t{s.who}\t{s.file}\t{s.triples} triples")


@click.command()
@click.argument("graph")
def revert(graph: str) -> None:
    """Take an import out again, by its graph IRI."""
    settings = load_settings()
    remote = _remote(settings)
    summary = service.revert(settings, graph, apply=remote.write if remote else None)
    click.echo(f"Reverted {summary.graph} ({summary.title}).")


COMMANDS = (validate, import_file, list_imports, revert)
