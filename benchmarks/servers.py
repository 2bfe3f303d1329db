"""Start, load and stop the SPARQL servers the benchmark compares, on 127.0.0.1 only.

Oxigraph server (the `oxigraph` CLI from PyPI): loaded offline with
`oxigraph load` into an on-disk store, then `oxigraph serve`. Virtuoso
(Debian's virtuoso-opensource): a temporary database and virtuoso.ini, loaded
with its bulk loader (ld_add, rdf_loader_run). Each server is a child process
of the runner; its peak memory is read from /proc before it is stopped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import peak_rss_mb

READY_SECONDS = 60.0


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    endpoint: str
    load_seconds: float
    load_rss_mb: float

    def peak_rss_mb(self) -> float:
        return max(self.load_rss_mb, peak_rss_mb(self.process.pid))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_measured(command: list[str], timeout: float = 1800) -> float:
    """Run a command to its end; returns its peak memory in MB (from wait4)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            raise TimeoutError(f"{command[0]} ran past {timeout:g} s")
        time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        message = process.stderr.read().decode(errors="replace")[-500:] if process.stderr else ""
        raise RuntimeError(f"{' '.join(command[:2])} failed: {message}")
    return usage.ru_maxrss / 1024


def wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"no answer from {url} within {READY_SECONDS:g} s")


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise FileNotFoundError("the oxigraph CLI is missing: pip install oxigraph")
    return found


def start_oxigraph(files: list[tuple[Path, str]], work: Path) -> Server:
    binary, location = oxigraph_binary(), work / "oxigraph"
    shutil.rmtree(location, ignore_errors=True)
    location.mkdir(parents=True)
    started, load_rss = time.perf_counter(), 0.0
    for path, graph in files:
        load_rss = max(load_rss, run_measured(
            [binary, "load", "--location", str(location), "--file", str(path),
             "--graph", graph]))
    load_seconds = time.perf_counter() - started
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}/query"
    wait_ready(f"{endpoint}?query=ASK%7B%7D", process)
    return Server("Oxigraph server", process, endpoint, load_seconds, load_rss)
