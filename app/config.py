"""Settings, read from environment variables with the prefix SKG_.

Every setting is declared once in SETTINGS with its type, default and a
sentence of documentation; the README's table is checked against it by a test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    parse: Callable[[str], Any]
    default: str
    doc: str


def _bool(text: str) -> bool:
    value = text.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise ValueError("expected a number above 0")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError("expected a whole number above 0")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 < value < 65536:
        raise ValueError("expected a port number between 1 and 65535")
    return value


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip().lower()
        if value not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}")
        return value
    return parse


def _url(text: str) -> str:
    """An http(s) URL, or empty for 'not set'."""
    value = text.strip()
    if value and not re.fullmatch(r"https?://[^/\s?#]+(/\S*)?", value):
        raise ValueError("expected an http:// or https:// URL")
    return value


def _optional_seconds(text: str) -> float | None:
    return _positive_float(text) if text.strip() else None


def _path(text: str) -> Path:
    path = Path(text)
    return path if path.is_absolute() else (Path.cwd() / path)


REMOTE_SETTINGS: tuple[Setting, ...] = (
    Setting("SKG_STORE", _choice("memory", "remote"), "memory",
            "Where the graph lives: `memory` (embedded, loaded from the files at start) or "
            "`remote` (a SPARQL 1.1 server; see Remote SPARQL servers)."),
    Setting("SKG_SPARQL_URL", _url, "",
            "Query endpoint of the remote server; required when `SKG_STORE=remote`."),
    Setting("SKG_SPARQL_UPDATE_URL", _url, "",
            "SPARQL Update endpoint of the remote server; writes use it when "
            "`SKG_SPARQL_GSP_URL` is empty."),
    Setting("SKG_SPARQL_GSP_URL", _url, "",
            "Graph Store Protocol endpoint of the remote server; whole graphs are replaced "
            "with PUT and dropped with DELETE."),
    Setting("SKG_SPARQL_USER", str, "", "User name for the remote server (empty: none)."),
    Setting("SKG_SPARQL_PASSWORD", str, "", "Password for the remote server."),
    Setting("SKG_SPARQL_AUTH", _choice("basic", "digest"), "basic",
            "HTTP authentication the remote server asks for (Virtuoso's `-auth` "
            "endpoints use `digest`)."),
    Setting("SKG_SPARQL_TIMEOUT", _optional_seconds, "",
            "Seconds a remote query may take (empty: `SKG_QUERY_TIMEOUT`); writes may "
            "take ten times as long."),
    Setting("SKG_SPARQL_DATASET", _choice("explicit", "union"), "explicit",
            "`explicit`: every query names the app's graphs as its dataset (exact on any "
            "server); `union`: the server's default graph already is the union of its named "
            "graphs (Oxigraph server with `--union-default-graph`), which is faster there."),
    Setting("SKG_SPARQL_TIMEOUT_PARAM", _choice("none", "seconds", "milliseconds"), "none",
            "Also send the time limit to the server as its `timeout` parameter, in "
            "`seconds` (Fuseki, GraphDB) or `milliseconds` (Virtuoso)."),
)


SETTINGS: tuple[Setting, ...] = (
    Setting("SKG_HOST", str, "127.0.0.1", "Address `skg serve` binds to."),
    Setting("SKG_PORT", _port, "8000", "Port `skg serve` listens on."),
    Setting("SKG_DATA_DIR", _path, str(PROJECT_ROOT / "data"),
            "Folder of curated data (`curated/`, `demo/`)."),
    Setting("SKG_ONTOLOGY_DIR", _path, str(PROJECT_ROOT / "ontology"),
            "Folder of the ontology, code lists and SHACL shapes."),
    Setting("SKG_QUERY_DIR", _path, str(PROJECT_ROOT / "queries"),
            "Folder of prepared questions (`*.rq`) and quality checks (`checks/`)."),
    Setting("SKG_INCLUDE_DEMO", _bool, "true",
            "Load the demonstration graphs in `data/demo/` (always labelled as such)."),
    Setting("SKG_QUERY_TIMEOUT", _positive_float, "10",
            "Seconds a query may run before it is stopped."),
    Setting("SKG_QUERY_WORKERS", _positive_int, "2",
            "Worker processes that answer queries in the web application; at most this "
            "many queries run at once."),
    Setting("SKG_RATE_LIMIT", _positive_int, "600",
            "Requests per minute one client address may make (static files exempt); "
            "past it the answer is 429 with Retry-After."),
    Setting("SKG_ROW_LIMIT", _positive_int, "10000",
            "Most rows a result returns; longer results are cut and say so."),
    Setting("SKG_STATE_DIR", _path, str(PROJECT_ROOT / "var"),
            "Folder of what the application writes: accepted imports (`imports/`), "
            "tokens, the generated secret key."),
    Setting("SKG_MAX_UPLOAD_MB", _positive_float, "20",
            "Largest file, in megabytes, that `skg validate`/`skg import` and the web "
            "upload accept; a larger upload gets 413."),
    Setting("SKG_SECRET_KEY", str, "",
            "Key that signs session cookies; when empty, one is generated once into "
            "`SKG_STATE_DIR`."),
    *REMOTE_SETTINGS,
)


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def data_dir(self) -> Path:
        return self.values["SKG_DATA_DIR"]

    @property
    def ontology_dir(self) -> Path:
        return self.values["SKG_ONTOLOGY_DIR"]

    @property
    def query_dir(self) -> Path:
        return self.values["SKG_QUERY_DIR"]

    @property
    def state_dir(self) -> Path:
        return self.values["SKG_STATE_DIR"]


def load_settings(
    environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
) -> Settings:
    """Read every setting from `environ` (default: the process environment).

    A value that does not parse raises ConfigError naming the variable.
    `overrides` (used by tests) replace parsed values.
    """
    environ = os.environ if environ is None else environ
    unknown = sorted(k for k in environ if k.startswith("SKG_") and k not in _NAMES)
    if unknown:
        raise ConfigError(
            f"Unknown setting {unknown[0]}. Known settings: {', '.join(sorted(_NAMES))}."
        )
    values = {s.name: _parse(s, environ.get(s.name, s.default)) for s in SETTINGS}
    values.update(overrides or {})
    _check_store(values)
    return Settings(values)


def _check_store(values: Mapping[str, Any]) -> None:
    if values.get("SKG_STORE") == "remote" and not values.get("SKG_SPARQL_URL"):
        raise ConfigError("SKG_STORE=remote needs SKG_SPARQL_URL: the query endpoint of "
                          "the SPARQL server (for example http://127.0.0.1:7878/query).")


def _parse(setting: Setting, text: str) -> Any:
    try:
        return setting.parse(text)
    except ValueError as exc:
        raise ConfigError(f"{setting.name}={text!r} is not valid: {exc}.") from None


_NAMES = frozenset(s.name for s in SETTINGS)
