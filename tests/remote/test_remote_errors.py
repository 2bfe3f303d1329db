"""What goes wrong on a remote server becomes the app's own clear error.

A small HTTP server on 127.0.0.1 answers the way real servers misbehave (a
cut-off body with HTTP 200, Virtuoso's S1TAT header, 401, 403, an HTML 400,
a slow answer), so each mapping is pinned; the real servers are used for the
cases they produce on demand (syntax errors, refused credentials).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.config import load_settings
from app.errors import ConfigError, QueryTimeout, SparqlSyntaxError, StoreRefused, StoreUnavailable
from app.store import Table
from app.store.remote import RemoteConfig, RemoteStore
from tests.conftest import clean_env, free_port

JSON = "application/sparql-results+json"
ANSWERS: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/cut": (200, {"Content-Type": JSON},
             b'{"head":{"vars":["a"]},"results":{"bindings":[The SPARQL operation has been '
             b"cancelled"),
    "/partial": (200, {"Content-Type": JSON, "X-SQL-State": "S1TAT"},
                 b'{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"literal",'
                 b'"value":"1"}}]}}'),
    "/whole": (200, {"Content-Type": JSON},
               b'{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"bnode",'
               b'"value":"nodeID://b1"}}]}}'),
    "/unauthorized": (401, {"Content-Type": "text/plain"}, b"who are you"),
    "/forbidden": (403, {"Content-Type": "text/plain"}, b"no"),
    "/html-400": (400, {"Content-Type": "text/html"},
                  b"<html><body><script>alert(1)</script>bad</body></html>"),
    "/broken": (500, {"Content-Type": "text/plain"}, b"Internal error: disk on fire"),
    "/html-200": (200, {"Content-Type": "text/html"}, b"<html>a query page</html>"),
}
GRAPH_LIST = (200, {"Content-Type": JSON},
              b'{"head":{"vars":["g"]},"results":{"bindings":[{"g":{"type":"uri",'
              b'"value":"https://w3id.org/solidarity-graph/graph/a"}}]}}')
ANSWERS |= {"/graphs": GRAPH_LIST, "/graphs-slow": GRAPH_LIST}
ASKED: Counter[str] = Counter()  # requests per path


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ASKED[self.path] += 1
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/graphs-slow":
            time.sleep(0.4)
        status, headers, body = ANSWERS.get(self.path, ANSWERS["/whole"])
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def stub() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def ask(url: str, timeout: float = 5.0) -> object:
    return RemoteStore(RemoteConfig(url, timeout=timeout, dataset="union")).query(
        "SELECT ?a WHERE { ?a ?b ?c }")


@pytest.mark.parametrize("path", ["/cut", "/partial"])
def test_a_timeout_reported_as_success_is_a_timeout_never_rows(stub, path):
    with pytest.raises(QueryTimeout) as caught:
        ask(stub + path)
    assert caught.value.status == 504


def test_a_slow_server_is_stopped_at_the_time_limit(stub):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"0\.5 s"):
        ask(stub + "/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_a_whole_answer_gives_pyoxigraph_terms(stub):
    result = ask(stub + "/whole")
    assert isinstance(result, Table) and result.variables == ("a",)
    assert result.rows[0][0].value == "nodeIDb1"  # Virtuoso's label, made a valid one


@pytest.mark.parametrize("path", ["/unauthorized", "/forbidden"])
def test_refused_credentials_are_a_clear_error(stub, path):
    with pytest.raises(StoreRefused, match="SKG_SPARQL_USER") as caught:
        ask(stub + path)
    assert caught.value.status == 502


def test_html_in_an_error_is_never_echoed(stub):
    with pytest.raises(SparqlSyntaxError) as caught:
        ask(stub + "/html-400")
    assert "<" not in caught.value.message and "alert" not in caught.value.message


def test_a_server_failure_does_not_echo_its_text(stub):
    with pytest.raises(StoreUnavailable) as caught:
        ask(stub + "/broken")
    assert "disk on fire" not in caught.value.message


def test_a_web_page_instead_of_results_names_the_setting(stub):
    with pytest.raises(StoreUnavailable, match="SKG_SPARQL_URL"):
        ask(stub + "/html-200")


def test_unreachable_server_names_host_and_port_only():
    port = free_port()
    with pytest.raises(StoreUnavailable) as caught:
        ask(f"http://127.0.0.1:{port}/secret/path?key=x")
    assert f"127.0.0.1:{port}" in caught.value.message
    assert "secret" not in caught.value.message and caught.value.status == 502


def test_remote_store_without_url_is_refused_by_name():
    with pytest.raises(ConfigError, match="SKG_SPARQL_URL"):
        load_settings(clean_env(SKG_STORE="remote"))


@pytest.mark.parametrize("name", ["SKG_SPARQL_URL", "SKG_SPARQL_GSP_URL"])
def test_a_url_that_is_not_http_is_refused_by_name(name):
    with pytest.raises(ConfigError, match=name):
        load_settings(clean_env(**{name: "file:///etc/passwd"}))


@pytest.mark.parametrize(("path", "requests"), [("/graphs", 2), ("/graphs-slow", 1)])
def test_a_graph_list_that_was_slow_to_get_is_kept_longer(stub, path, requests):
    """Kept for the cache period (0.1 s here), or 20 times what getting it took."""
    store = RemoteStore(RemoteConfig(stub + path, dataset="union"), cache_seconds=0.1)
    before = ASKED[path]
    assert store.graphs() == ["https://w3id.org/solidarity-graph/graph/a"]
    time.sleep(0.3)
    assert store.graphs() == ["https://w3id.org/solidarity-graph/graph/a"]
    assert ASKED[path] - before == requests


def test_writing_without_a_write_endpoint_is_refused_by_name(stub):
    store = RemoteStore(RemoteConfig(stub + "/whole"))
    with pytest.raises(ConfigError, match="SKG_SPARQL_GSP_URL"):
        store.write(lambda s: s.drop_graph("https://w3id.org/solidarity-graph/graph/x"))


def test_a_syntax_error_carries_the_servers_message(server):
    remote = RemoteStore.from_settings(server.load())
    with pytest.raises(SparqlSyntaxError) as caught:
        remote.query("SELECT ?x WHERE { ?x ?y }")
    assert caught.value.status == 400
    assert len(caught.value.message) > len("The SPARQL server refused the query: ")


@pytest.mark.virtuoso
def test_wrong_password_is_refused(virtuoso_server):
    wrong = {"SKG_SPARQL_PASSWORD": "not-the-password"}
    remote = RemoteStore.from_settings(virtuoso_server.load(**wrong))
    with pytest.raises(StoreRefused):
        remote.write(lambda s: s.drop_graph("https://w3id.org/solidarity-graph/graph/none"))
