"""`skg bench`: the benchmark runner as a subcommand (options as for `python -m benchmarks`)."""

from __future__ import annotations

import click


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("options", nargs=-1, type=click.UNPROCESSED)
def bench(options: tuple[str, ...]) -> None:
    """Measure load time, memory and question latency on every backend (--help for options)."""
    from benchmarks.runner import main

    main(list(options))
