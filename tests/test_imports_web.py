"""The import pages on a real server: login, upload, report, confirm, revert, limits."""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, clean_env, run_skg, start_server, stop_server

PLANTS = (ROOT / "data" / "templates" / "plants.csv").read_bytes()


@dataclass
class Reply:
    status: int
    body: str
    headers: dict[str, str]

    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.body, "html.parser")


class Browser:
    """A cookie-keeping client that does not follow redirects."""

    def __init__(self, base: str, token: str | None = None) -> None:
        self.base = base
        self.headers = {"Accept": "text/html,application/xhtml+xml"}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar),
                                                  _NoRedirect)

    def get(self, path: str, **headers: str) -> Reply:
        return self._send(urllib.request.Request(self.base + path,
                                                 headers={**self.headers, **headers}))

    def post(self, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]]
             | None = None, **headers: str) -> Reply:
        body, kind = _multipart(fields, files or {})
        request = urllib.request.Request(self.base + path, data=body, headers={
            **self.headers, "Content-Type": kind, **headers})
        return self._send(request)

    def csrf(self, path: str) -> str:
        field = self.get(path).soup().find("input", attrs={"name": "csrf_token"})
        return field["value"]

    def _send(self, request: urllib.request.Request) -> Reply:
        try:
            with self.opener.open(request, timeout=60) as response:
                return Reply(response.status, response.read().decode(), dict(response.headers))
        except urllib.error.HTTPError as exc:
            return Reply(exc.code, exc.read().decode(), dict(exc.headers))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "testboundary7f3a"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
             .encode() for k, v in fields.items()]
    for key, (name, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
                     f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), \
        f"multipart/form-data; boundary={boundary}"


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    return tmp_path_factory.mktemp("state")


@pytest.fixture(scope="module")
def server(state):
    env = clean_env(SKG_STATE_DIR=str(state), SKG_MAX_UPLOAD_MB="1")
    tokens = {role: run_skg("tokens", "create", "--role", role, "--name", f"{role}-1",
                            env=env).stdout.strip() for role in ("member", "curator")}
    process, base = start_server(env)
    yield base, tokens
    stop_server(process)


def logged_in(base: str, token: str) -> Browser:
    browser = Browser(base)
    reply = browser.post("/login", {"csrf_token": browser.csrf("/login"), "token": token})
    assert reply.status == 302
    return browser


def test_the_import_page_asks_for_a_login(server):
    base, _ = server
    reply = Browser(base).get("/import")
    assert reply.status == 302 and reply.headers["Location"].startswith("/login")


def test_a_member_may_not_import(server):
    base, tokens = server
    reply = Browser(base, tokens["member"]).post("/import", {}, {"file": ("plants.csv", PLANTS)},
                                                 Accept="application/json")
    assert reply.status == 403 and json.loads(reply.body)["code"] == "forbidden"


def test_a_wrong_token_is_refused(server):
    base, _ = server
    browser = Browser(base)
    reply = browser.post("/login", {"csrf_token": browser.csrf("/login"), "token": "nope"})
    assert reply.status == 401 and "That token is not valid." in reply.body


def test_a_form_without_its_csrf_token_is_refused(server):
    base, tokens = server
    browser = logged_in(base, tokens["curator"])
    reply = browser.post("/import", {}, {"file": ("plants.csv", PLANTS)})
    assert reply.status == 403 and "did not come from this site" in reply.body


def test_the_html_report_lists_every_problem_by_row_and_column(server):
    base, tokens = server
    browser = logged_in(base, tokens["curator"])
    header = PLANTS.decode().splitlines()[0]
    bad = f"{header}\nbad-plant,Bad <b>Plant</b>,parts,XX,,Windsor,,,,,,many,,,,,,,\n"
    reply = browser.post("/import", {"csrf_token": browser.csrf("/import")},
                         {"file": ("plants.csv", bad.encode())})
    assert reply.status == 200
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")[:3]]
            for tr in reply.soup().select("section.violations tbody tr")]
    assert ["row 2, column country", "A workplace needs exactly one country (skg:country).",
            "XX"] in rows
    assert ["row 2, column workers", "The number of workers is one whole number, zero or more.",
            "many"] in rows
    assert reply.soup().find("button", attrs={"name": "confirm"}) is None
    assert "Nothing was imported" in reply.body


def test_upload_confirm_show_and_revert(server):
    base, tokens = server
    browser = logged_in(base, tokens["curator"])
    reply = browser.post("/import", {"csrf_token": browser.csrf("/import")},
                         {"file": ("plants.csv", PLANTS)})
    form = reply.soup().find("button", attrs={"name": "confirm"}).find_parent("form")
    csrf = form.find("input", attrs={"name": "csrf_token"})["value"]
    done = browser.post(form["action"], {"csrf_token": csrf})
    assert done.status == 302 and done.headers["Location"] == "/imports"
    listing = browser.get("/imports")
    assert "Imported 44 triples from plants.csv" in listing.body
    page = browser.get("/id/workplace/example-seating-windsor")
    assert page.status == 200 and "Import of plants.csv by curator-1" in page.body
    question = browser.get("/questions/non-union-parts-plants.json?as_of=2024-06-01")
    assert "example-seating-windsor" in question.body
    graph = listing.soup().find("input", attrs={"name": "graph"})["value"]
    csrf = listing.soup().find("input", attrs={"name": "csrf_token"})["value"]
    assert browser.post("/imports/revert", {"csrf_token": csrf, "graph": graph}).status == 302
    assert browser.get("/id/workplace/example-seating-windsor").status == 404


def test_an_upload_left_unconfirmed_for_a_week_is_removed(server, state):
    base, tokens = server
    curator = Browser(base, tokens["curator"])
    sent = {"template": "plants"}, {"file": ("my-plants.csv", PLANTS)}
    old_confirm = json.loads(curator.post("/import.json", *sent).body)["confirm"]
    old_id = old_confirm.split("/")[2]
    eight_days_ago = time.time() - 8 * 24 * 3600
    for path in (state / "staged").glob(f"{old_id}.*"):
        os.utime(path, (eight_days_ago, eight_days_ago))
    new_confirm = json.loads(curator.post("/import.json", *sent).body)["confirm"]
    assert list((state / "staged").glob(f"{old_id}.*")) == []
    reply = curator.post(old_confirm, {}, Accept="application/json")
    assert reply.status == 404 and "not confirmed within 7 days" in reply.body
    new_id = new_confirm.split("/")[2]
    assert len(list((state / "staged").glob(f"{new_id}.*"))) == 2


def test_the_json_report_for_clients(server):
    base, tokens = server
    reply = Browser(base, tokens["curator"]).post(
        "/import.json", {"template": "plants"}, {"file": ("my-plants.csv", PLANTS)})
    body = json.loads(reply.body)
    assert reply.status == 200 and body["ok"] is True and body["template"] == "plants"
    assert body["confirm"].startswith("/import/") and body["violations"] == []


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_an_upload_over_the_cap_gets_413(server, accept):
    base, tokens = server
    reply = Browser(base, tokens["curator"]).post(
        "/import", {}, {"file": ("plants.csv", b"x" * (2 * 1024 * 1024))}, Accept=accept)
    assert reply.status == 413
    message = "The upload is larger than the limit of 1 MB (SKG_MAX_UPLOAD_MB)"
    if accept == "application/json":
        assert json.loads(reply.body)["code"] == "file-too-large"
    assert message in reply.body


def test_a_remote_json_ld_context_is_never_fetched(server):
    base, tokens = server
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(2)
    port = listener.getsockname()[1]
    hits: list[object] = []
    threading.Thread(target=lambda: _accept(listener, hits), daemon=True).start()
    document = json.dumps({"@context": f"http://127.0.0.1:{port}/context.jsonld",
                           "@id": "https://w3id.org/solidarity-graph/id/workplace/x"})
    reply = Browser(base, tokens["curator"]).post(
        "/import", {}, {"file": ("x.jsonld", document.encode())}, Accept="application/json")
    assert reply.status == 400 and "remote contexts are never fetched" in reply.body
    listener.close()
    assert hits == []


def _accept(listener: socket.socket, hits: list[object]) -> None:
    with contextlib.suppress(OSError):  # closed without a connection: nothing came
        hits.append(listener.accept())


def test_an_imported_label_with_a_script_tag_is_escaped(server):
    base, tokens = server
    client = Browser(base, tokens["curator"])
    header = PLANTS.decode().splitlines()[0]
    row = '<script>alert(1)</script> Works,"<script>alert(1)</script> Works",parts,CA'
    csv = f"{header}\n{row}{',' * (header.count(',') - 3)}\n".encode()
    report = json.loads(client.post("/import.json", {}, {"file": ("plants.csv", csv)}).body)
    assert report["ok"], report
    confirmed = json.loads(client.post(report["confirm"], {}, Accept="application/json").body)
    page = client.get("/id/workplace/script-alert-1-script-works")
    assert page.status == 200
    assert "<script>alert(1)</script>" not in page.body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Works" in page.body
    client.post("/imports/revert", {"graph": confirmed["graph"]}, Accept="application/json")
