"""`skg tokens create|list|revoke`: manage access tokens (administrators)."""

from __future__ import annotations

import click

from app.auth import ROLES, TokenStore
from app.config import load_settings


def _tokens() -> TokenStore:
    return TokenStore(load_settings().state_dir)


@click.group()
def tokens() -> None:
    """Create, list and revoke access tokens (stored hashed in SKG_STATE_DIR)."""


@tokens.command()
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", required=True, help="Who the token is for.")
def create(role: str, name: str) -> None:
    """Create a token and print it (the only time it is shown)."""
    token, secret = _tokens().create(name, role)
    click.echo(secret)
    click.echo(f"Token {token.id} for {name} ({role}). Keep it secret: it is not shown "
               "again.", err=True)


@tokens.command("list")
def list_tokens() -> None:
    """List tokens: id, name, role, created, revoked."""
    for t in _tokens().all():
        click.echo(f"{t.id}\t{t.name}\t{t.role}\t{t.created}\t{t.revoked or 'active'}")


@tokens.command()
@click.argument("token_id")
def revoke(token_id: str) -> None:
    """Revoke a token by its id."""
    token = _tokens().revoke(token_id)
    click.echo(f"Revoked token {token.id} ({token.name}).")
