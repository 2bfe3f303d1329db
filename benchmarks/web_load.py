"""Concurrent clients against the web application and Oxigraph server, on 127.0.0.1.

Throughput of /sparql and of one question's JSON API with 8 and 32 client
threads for a bounded time and number of requests each, next to the same
query sent straight to Oxigraph server; and the web layer's overhead: a
trivial question through the JSON API against the same query run directly on
the store (medians of sequential requests).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import SUPPLIER
from benchmarks.questions import bench_settings, load_files, question_texts
from benchmarks.servers import free_port, start_oxigraph, wait_ready

QUESTION, TRIVIAL = "production-vs-market-share", "sources-of-a-fact"
SECONDS, MAX_REQUESTS, CLIENTS, SEQUENTIAL = 10.0, 20_000, (8, 32), 200
JSON = "application/sparql-results+json"
Request = Callable[[], urllib.request.Request]


@dataclass
class Tally:
    answered: int = 0
    refused: int = 0
    failed: int = 0
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _client(make: Request, tally: Tally, stop_at: float) -> None:
    while time.monotonic() < stop_at:
        with tally.lock:
            if tally.answered + tally.refused + tally.failed >= MAX_REQUESTS:
                return
        started = time.perf_counter()
        outcome = "answered"
        try:
            with urllib.request.urlopen(make(), timeout=30) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            outcome = "refused" if exc.code in (429, 503) else "failed"
        except OSError:
            outcome = "failed"
        with tally.lock:
            setattr(tally, outcome, getattr(tally, outcome) + 1)
            if outcome == "answered":
                tally.latencies.append(time.perf_counter() - started)


def throughput(make: Request, clients: int) -> str:
    """'answered/s (refused/s), median latency' for `clients` threads."""
    tally, started = Tally(), time.monotonic()
    threads = [threading.Thread(target=_client, args=(make, tally, started + SECONDS))
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 60)
    elapsed = time.monotonic() - started
    median = statistics.median(tally.latencies) * 1000 if tally.latencies else float("nan")
    return (f"{tally.answered / elapsed:.0f}/s ({tally.refused / elapsed:.0f}/s refused, "
            f"{tally.failed} failed), median {median:.0f} ms")


def post(url: str, sparql: str) -> Request:
    body = urllib.parse.urlencode({"query": sparql}).encode()
    headers = {"Accept": JSON, "Content-Type": "application/x-www-form-urlencoded"}
    return lambda: urllib.request.Request(url, data=body, headers=headers, method="POST")


def get(url: str) -> Request:
    return lambda: urllib.request.Request(url, headers={"Accept": "application/json"})


def start_app(data: Path, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKG_")}
    env.update(SKG_DATA_DIR=str(data), SKG_INCLUDE_DEMO="false", SKG_RATE_LIMIT="100000000",
               SKG_STATE_DIR=str(work / "state"))
    process = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", str(port)],
                               cwd=Path(__file__).resolve().parent.parent, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base + "/questions/index.json", process)
    return process, base


def sequential_median(action: Callable[[], object]) -> float:
    times = []
    for _ in range(SEQUENTIAL):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def overhead_lines(data: Path, base: str) -> list[str]:
    from app.loading import build_store

    store = build_store(bench_settings(data))
    sparql = question_texts(bench_settings(data))[TRIVIAL]
    direct = sequential_median(lambda: store.query(sparql))
    url = f"{base}/questions/{TRIVIAL}.json?" + urllib.parse.urlencode({"fact": SUPPLIER})
    via_api = sequential_median(lambda: urllib.request.urlopen(get(url)(), timeout=30).read())
    verdict = "met" if via_api - direct <= 2 else "missed"
    return [f"Web-layer overhead, `{TRIVIAL}` ({SEQUENTIAL} sequential requests): directly "
            f"on the store {direct:.2f} ms, through the JSON API over HTTP {via_api:.2f} ms "
            f"median: {via_api - direct:.2f} ms added (target within 2 ms: {verdict}).", ""]


def web_section(data: Path, work: Path, size: str) -> list[str]:
    sparql = question_texts(bench_settings(data))[QUESTION]
    app, base = start_app(data, work)
    server = start_oxigraph(load_files(bench_settings(data)), work)
    try:
        targets = {"app /sparql (POST)": post(f"{base}/sparql", sparql),
                   f"app /questions/{QUESTION}.json": get(f"{base}/questions/{QUESTION}.json"),
                   "Oxigraph server /query (POST)": post(server.endpoint, sparql)}
        rows = [f"| {name} | " + " | ".join(throughput(make, n) for n in CLIENTS) + " |"
                for name, make in targets.items()]
        lines = overhead_lines(data, base)
    finally:
        app.terminate()
        app.wait(timeout=30)
        server.stop()
    head = " | ".join(f"{n} clients" for n in CLIENTS)
    return [f"## Web throughput at {size} triples (`{QUESTION}`, {SECONDS:g} s per cell, "
            f"at most {MAX_REQUESTS:,} requests)", "", f"| target | {head} |",
            "| --- |" + " --- |" * len(CLIENTS), *rows, "", *lines]
