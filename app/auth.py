"""Access tokens and roles: member < curator < admin.

Tokens are random (256 bits) and shown once when created; only their SHA-256
is kept, in SKG_STATE_DIR/tokens.json (written atomically, readable by the
owner only). A token authenticates a client (Authorization: Bearer <token>)
or a person (the login form sets a signed session cookie).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from app.errors import SkgError

ROLES = ("member", "curator", "admin")


class Unauthorized(SkgError):
    code = "unauthorized"
    status = 401


class Forbidden(SkgError):
    code = "forbidden"
    status = 403


@dataclass(frozen=True)
class Token:
    id: str
    name: str
    role: str
    sha256: str
    created: str
    revoked: str | None = None

    def allows(self, role: str) -> bool:
        """Whether this token's role is `role` or above it."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class TokenStore:
    """The tokens file of one state folder."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / "tokens.json"

    def all(self) -> list[Token]:
        if not self.path.exists():
            return []
        return [Token(**t) for t in json.loads(self.path.read_text(encoding="utf-8"))]

    def create(self, name: str, role: str) -> tuple[Token, str]:
        """A new token; the secret is returned once and never stored."""
        if role not in ROLES:
            raise SkgError(f"Unknown role {role!r}; the roles are {', '.join(ROLES)}.")
        secret = "skg_" + secrets.token_urlsafe(32)
        token = Token(secrets.token_hex(4), name, role, _digest(secret),
                      dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat())
        self._save([*self.all(), token])
        return token, secret

    def revoke(self, token_id: str) -> Token:
        tokens = self.all()
        for index, token in enumerate(tokens):
            if token.id == token_id and token.revoked is None:
                now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
                tokens[index] = Token(**{**asdict(token), "revoked": now})
                self._save(tokens)
                return tokens[index]
        raise SkgError(f"There is no active token with the id {token_id!r}; "
                       "`skg tokens list` shows them.")

    def verify(self, secret: str) -> Token | None:
        """The active token with this secret, if any (compared in constant time)."""
        digest = _digest(secret)
        for token in self.all():
            if token.revoked is None and hmac.compare_digest(token.sha256, digest):
                return token
        return None

    def find(self, token_id: str) -> Token | None:
        return next((t for t in self.all() if t.id == token_id and t.revoked is None), None)

    def _save(self, tokens: list[Token]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(".tokens.json.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump([asdict(t) for t in tokens], handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)


def secret_key(state_dir: Path, configured: str) -> str:
    """The session signing key: the setting, or one generated once into the state folder."""
    if configured:
        return configured
    path = state_dir / "secret_key"
    if not path.exists():
        state_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text(encoding="utf-8").strip()
