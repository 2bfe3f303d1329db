"""Shared fixtures: the real store, the real app, the real CLI, a real server.

The app and store are built from the project's own files (ontology/ and
data/), read-only, once per session. Tests that change data build their own.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from app.config import load_settings
from app.loading import build_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


STATE_DIR = tempfile.mkdtemp(prefix="skg-test-state-")
"""Tests never read or write the project's var/ (a developer's own imports, tokens)."""


def clean_env(**extra: str) -> dict[str, str]:
    """The process environment without SKG_ settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKG_")}
    env["SKG_STATE_DIR"] = STATE_DIR
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def settings():
    """Project settings; the rate limit is lifted because every test client shares one address."""
    return load_settings(clean_env(), overrides={"SKG_RATE_LIMIT": 10**9})


@pytest.fixture(scope="session")
def store(settings):
    """The whole curated graph in the embedded store (read-only for tests)."""
    return build_store(settings)


@pytest.fixture(scope="session")
def app(settings, store):
    from app.web import create_app

    application = create_app({"TESTING": True}, settings=settings, store=store)
    yield application
    application.extensions["skg.pool"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def run_skg(*args: str, env: dict[str, str] | None = None, timeout: float = 120,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `skg` command in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True,
        env=env or clean_env(), timeout=timeout, cwd=ROOT, input=input, check=False,
    )


@pytest.fixture()
def skg():
    return run_skg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer at {url} within {seconds} s")


def start_server(env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env or clean_env(SKG_RATE_LIMIT="1000000"), text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/health", process)
    return process, base


def stop_server(process: subprocess.Popen, *, seconds: float = 10) -> None:
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          timeout: float = 30) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """A real `skg serve` process on 127.0.0.1 with the curated data; yields its base URL."""
    process, base = start_server()
    yield base
    stop_server(process)


def pytest_addoption(parser):
    """`--update-golden` rewrites tests/golden/<slug>.csv from the current answers."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite the golden answers of the prepared questions.")
