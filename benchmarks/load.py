"""Load test of a real server on 127.0.0.1: concurrent clients, mixed work, one import.

Run the full test (issue 6): python -m benchmarks.load --clients 50 --seconds 30
The suite runs a smaller one (tests/test_load.py). Every loop is bounded in
requests and seconds; the server is started here and stopped at the end.
Prints p50/p95 per kind of request and the count of each status; exits 1 on
any error other than an intended 429 (rate limit or query cap).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from app.auth import TokenStore
from tests.conftest import clean_env, fetch, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
WORK = [
    ("question", "/questions/production-vs-market-share.json?year=2004"),
    ("question", "/questions/parts-union-density.json"),
    ("question", "/questions/employer-succession.json"),
    ("page", "/id/organization/euromin"),
    ("page", "/"),
    ("search", "/search.json?q=plant"),
    ("sparql", "/sparql?" + urllib.parse.urlencode({"query": (
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 20")})),
]
PLANT_CSV = (
    "slug,name,type,country,region,locality,lat,long,opening_year,closing_year,status,workers,"
    "workers_year,operator,operator_from,source,locator,unverified,estimate\n"
    "load-test-{tag},Load Test Plant {tag},parts,CA,CA-ON,Windsor,42.30,-83.02,2015,,operating,"
    "10,2023,magna-international,2015-01-01,,,true,true\n")


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    graph: str | None = None

    def add(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            self.statuses[status] += 1


def client_loop(base: str, tally: Tally, deadline: float, max_requests: int, offset: int) -> None:
    for number in range(max_requests):
        if time.monotonic() > deadline:
            return
        kind, path = WORK[(number + offset) % len(WORK)]
        started = time.monotonic()
        status, _, _ = fetch(base + path, headers={"Accept": "application/json"})
        tally.add(kind, status, time.monotonic() - started)


def multipart(fields: dict[str, str], file_name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
             for k, v in fields.items()]
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{file_name}"\r\nContent-Type: text/csv\r\n\r\n')
    body = "".join(parts).encode() + head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def one_import(base: str, token: str, tally: Tally) -> str | None:
    """Upload a one-row plants CSV, confirm it; returns the new graph's IRI."""
    auth = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    body, ctype = multipart({"template": "plants"}, "plants.csv",
                            PLANT_CSV.format(tag=uuid.uuid4().hex[:6]).encode())
    started = time.monotonic()
    status, _, answer = fetch(base + "/import.json", data=body,
                           headers={**auth, "Content-Type": ctype})
    confirm = json.loads(answer).get("confirm") if status == 200 else None
    if confirm:
        status, _, answer = fetch(base + confirm, data=b"", headers=auth)
    tally.add("import", status, time.monotonic() - started)
    return json.loads(answer).get("graph") if status == 200 else None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(tally: Tally) -> list[str]:
    lines = ["| kind | requests | p50 ms | p95 ms |", "| --- | --- | --- | --- |"]
    for kind, times in sorted(tally.times.items()):
        lines.append(f"| {kind} | {len(times)} | {statistics.median(times) * 1000:.0f} | "
                     f"{percentile(times, 0.95) * 1000:.0f} |")
    lines.append("statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(tally.statuses.items())))
    return lines


def run(base: str, token: str, *, clients: int, seconds: float) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(base, tally, deadline, 10_000, i))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(min(1.0, seconds / 3))
    tally.graph = one_import(base, token, tally)
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return tally


def failures(tally: Tally) -> int:
    return sum(n for status, n in tally.statuses.items() if status >= 400 and status != 429)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as state:
        _, token = TokenStore(Path(state)).create("load-test", "curator")
        process, base = start_server(clean_env(SKG_STATE_DIR=state, SKG_QUERY_WORKERS="3",
                                               SKG_RATE_LIMIT="100000"))
        try:
            tally = run(base, token, clients=args.clients, seconds=args.seconds)
        finally:
            stop_server(process)
    print("\n".join(report(tally)))
    print(f"import: {'committed ' + tally.graph if tally.graph else 'FAILED'}")
    return 1 if failures(tally) or not tally.graph else 0


if __name__ == "__main__":
    sys.exit(main())
