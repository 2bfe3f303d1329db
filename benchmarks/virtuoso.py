"""Virtuoso (Debian's virtuoso-opensource) for the benchmark: a temporary database.

Installed with `apt-get install -y virtuoso-opensource` (virtuoso-t, isql-vt).
The server listens on two free ports of 127.0.0.1 (SQL and HTTP) with a
virtuoso.ini written into the work folder; data is loaded with the bulk
loader (ld_add per file and graph, rdf_loader_run, checkpoint). The SPARQL
limits that would cut results short (ResultSetMaxRows, execution time) are
lifted: the benchmark stops slow queries itself.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from benchmarks.servers import Server, free_port, run_measured, wait_ready

INI = """[Database]
DatabaseFile = {work}/virtuoso.db
ErrorLogFile = {work}/virtuoso.log
LockFile = {work}/virtuoso.lck
TransactionFile = {work}/virtuoso.trx
xa_persistent_file = {work}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {work}/virtuoso-temp.db
TransactionFile = {work}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
ThreadsPerQuery = 2
DirsAllowed = {dirs}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {work}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {seconds}
MaxQueryCostEstimationTime = 0
"""


def virtuoso_ini(work: Path, sql_port: int, http_port: int, *, dirs: list[str],
                 buffers: int = 170_000, max_rows: int = 100_000_000, seconds: int = 0) -> str:
    """A virtuoso.ini on 127.0.0.1 only. The benchmark's defaults lift the limits that
    would cut results short (it stops slow queries itself); the tests set their own."""
    return INI.format(work=work, sql_port=sql_port, http_port=http_port, dirs=", ".join(dirs),
                      buffers=buffers, dirty_buffers=buffers * 3 // 4, max_rows=max_rows,
                      seconds=seconds)


def virtuoso_binaries() -> tuple[str, str]:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        raise FileNotFoundError(
            "Virtuoso is not installed: apt-get install -y virtuoso-opensource")
    return server, isql


def start_virtuoso(files: list[tuple[Path, str]], work: Path) -> Server:
    server, isql = virtuoso_binaries()
    folder = work / "virtuoso"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sql_port, http_port = free_port(), free_port()
    dirs = sorted({str(folder)} | {str(path.parent.resolve()) for path, _ in files})
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(folder, sql_port, http_port, dirs=dirs), encoding="utf-8")
    process = subprocess.Popen([server, "+configfile", str(ini), "+foreground"],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_ready(f"{endpoint}?query=ASK%7B%7D", process)
        started = time.perf_counter()
        statements = [f"ld_add('{path.resolve()}', '{graph}');" for path, graph in files]
        statements += ["rdf_loader_run();", "checkpoint;"]
        run_measured([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                      "exec=" + " ".join(statements)])
        load_seconds = time.perf_counter() - started
    except Exception:
        process.kill()
        process.wait(timeout=10)
        raise
    return Server("Virtuoso", process, endpoint, load_seconds, 0.0)
