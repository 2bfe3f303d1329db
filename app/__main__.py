"""`python -m app` is the same as the `skg` command."""

from app.cli import main

main()
