"""`skg ask`: answer a prepared question in the terminal."""

from __future__ import annotations

import click

from app.config import load_settings
from app.loading import build_store
from app.questions.catalog import load_catalog
from app.questions.errors import UnknownQuestion
from app.questions.params import ParamSpec
from app.questions.run import bind, run_question


def _pairs(values: tuple[str, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not name=value", param_hint="--param")
        out.setdefault(name.strip(), []).append(value)
    return out


@click.command()
@click.argument("slug", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the question; repeat for several.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@click.option("--list", "list_all", is_flag=True, help="List the questions and stop.")
def ask(slug: str | None, params: tuple[str, ...], fmt: str, list_all: bool) -> None:
    """Answer a prepared question (see --list) over every graph."""
    from app.cli import render

    settings = load_settings()
    catalog = load_catalog(settings.query_dir)
    if list_all or slug is None:
        for spec in catalog.values():
            click.echo(f"{spec.slug:32}  {spec.title}")
        return
    if slug not in catalog:
        raise UnknownQuestion(slug, sorted(catalog))
    spec = catalog[slug]
    values = _pairs(params)
    unknown = sorted(set(values) - {p.name for p in spec.params})
    if unknown:
        raise click.BadParameter(f"'{slug}' has no parameter '{unknown[0]}' "
                                 f"(it has: {_names(spec.params)})", param_hint="--param")
    def get(name: str) -> list[str]:
        return values.get(name, [])

    bind(spec, get)  # wrong values fail here, before the graph is loaded
    result = run_question(build_store(settings), spec, get)
    click.echo(render(result, fmt), nl=False)


def _names(params: tuple[ParamSpec, ...]) -> str:
    return ", ".join(p.name for p in params) or "none"
