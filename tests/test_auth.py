"""Tokens and roles: `skg tokens`, stored hashed, revocable; a secret key made once."""

from __future__ import annotations

import hashlib
import json
import stat

from app.auth import TokenStore, secret_key
from tests.conftest import clean_env


def test_tokens_are_shown_once_stored_hashed_listed_and_revoked(skg, tmp_path):
    env = clean_env(SKG_STATE_DIR=str(tmp_path))
    created = skg("tokens", "create", "--role", "curator", "--name", "Ana", env=env)
    assert created.returncode == 0
    secret = created.stdout.strip()
    assert secret.startswith("skg_") and len(secret) > 40
    saved = (tmp_path / "tokens.json").read_text()
    assert secret not in saved
    assert json.loads(saved)[0]["sha256"] == hashlib.sha256(secret.encode()).hexdigest()
    assert stat.S_IMODE((tmp_path / "tokens.json").stat().st_mode) == 0o600
    token_id, name, role, _, state = skg("tokens", "list", env=env).stdout.split("\t")
    assert (name, role, state.strip()) == ("Ana", "curator", "active")
    assert TokenStore(tmp_path).verify(secret).name == "Ana"
    assert skg("tokens", "revoke", token_id, env=env).returncode == 0
    assert TokenStore(tmp_path).verify(secret) is None
    assert "active" not in skg("tokens", "list", env=env).stdout


def test_an_unknown_role_is_refused(skg, tmp_path):
    result = skg("tokens", "create", "--role", "king", "--name", "x",
                 env=clean_env(SKG_STATE_DIR=str(tmp_path)))
    assert result.returncode != 0 and "king" in result.stderr


def test_roles_are_ordered(tmp_path):
    tokens = TokenStore(tmp_path)
    admin, _ = tokens.create("a", "admin")
    member, _ = tokens.create("m", "member")
    assert admin.allows("curator") and admin.allows("member")
    assert member.allows("member") and not member.allows("curator")


def test_the_secret_key_is_generated_once_unless_set(tmp_path):
    first = secret_key(tmp_path, "")
    assert len(first) == 64 and secret_key(tmp_path, "") == first
    assert secret_key(tmp_path, "configured") == "configured"
