"""The `skg` command: serve, load, query, check, export.

Commands only parse their input, call one service and print; errors are
SkgError messages on stderr with a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
import pyoxigraph as ox

from app.config import Settings, load_settings
from app.errors import SkgError
from app.loading import build_store
from app.questions.cli import ask
from app.results import to_csv, to_json, to_text_table
from app.store import Table, Triples
from app.store.embedded import EmbeddedStore
from app.store.remote import RemoteStore
from benchmarks.cli import bench

EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def progress(message: str) -> None:
    click.echo(message, err=True)


class SkgGroup(click.Group):
    """Turns SkgError into a clear message and exit status."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except SkgError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=SkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """Solidarity Graph: a knowledge graph of cross-border union solidarity."""
    ctx.obj = None


def settings() -> Settings:
    return load_settings()


@main.command()
@click.option("--host", default=None, help="Address to bind (default SKG_HOST, 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(1, 65535),
              help="Port (default SKG_PORT, 8000).")
def serve(host: str | None, port: int | None) -> None:
    """Load the curated graph and serve the web application."""
    from app.web import create_app, run_server

    config = settings()
    app = create_app(settings=config, progress=progress)
    run_server(app, host or config["SKG_HOST"], port or config["SKG_PORT"], progress)


@main.command()
def load() -> None:
    """Parse every curated file and load it into the store, all or nothing."""
    store = build_store(settings(), progress)
    click.echo(f"{len(store):,} triples in {len(store.graphs())} graphs.")


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
def query(sparql: str | None, query_file: Path | None, fmt: str) -> None:
    """Run a SPARQL query (given inline or with --file) over every graph (or the server's)."""
    if (sparql is None) == (query_file is None):
        raise click.UsageError("Give the query either inline or with --file, not both.")
    text = query_file.read_text(encoding="utf-8") if query_file else str(sparql)
    result = queried_store(settings()).query(text)
    click.echo(render(result, fmt), nl=False)


def _quiet(_: str) -> None:
    return None


def queried_store(config: Settings,
                  report: Callable[[str], None] = _quiet) -> EmbeddedStore | RemoteStore:
    """The remote server when SKG_STORE=remote, else the curated files loaded here."""
    if config["SKG_STORE"] == "remote":
        return RemoteStore.from_settings(config)
    return build_store(config, report)


def render(result: Table | bool | Triples, fmt: str) -> str:
    if isinstance(result, Triples):
        return ox.serialize(result.triples, format=ox.RdfFormat.TURTLE).decode()
    if fmt == "csv":
        return to_csv(result)
    if fmt == "json":
        return to_json(result) + "\n"
    return to_text_table(result)


@main.command()
@click.option("--no-reasoner", is_flag=True, help="Skip the (slow) HermiT reasoner step.")
def check(no_reasoner: bool) -> None:
    """Check the ontology is consistent, the data conforms and the checks are empty."""
    from app.checks.report import print_summary
    from app.checks.run import run_all

    config = settings()
    store = build_store(config, progress)
    summary = run_all(config, store, progress, reasoner=not no_reasoner)
    print_summary(summary, click.echo)
    sys.exit(0 if summary.ok else 1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="trig",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def export(fmt: str, output: Path | None) -> None:
    """Export every graph (or the server's, with SKG_STORE=remote) as TriG or N-Quads."""
    data = queried_store(settings(), progress).dump(format=EXPORT_FORMATS[fmt])
    if output is None:
        sys.stdout.buffer.write(data)
        return
    output.write_bytes(data)
    progress(f"Wrote {len(data):,} bytes to {output.name}")


@main.command()
def publish() -> None:
    """Load every curated graph into the remote SPARQL server (SKG_SPARQL_* settings)."""
    from app.publish import publish as publish_graphs

    published = publish_graphs(settings(), progress)
    click.echo(f"{published.triples:,} triples in {published.graphs} graphs on the server.")


main.add_command(ask)
main.add_command(bench)


def _register_import_commands() -> None:
    from app.auth_cli import tokens
    from app.imports.cli import COMMANDS

    for command in (*COMMANDS, tokens):
        main.add_command(command)


_register_import_commands()
