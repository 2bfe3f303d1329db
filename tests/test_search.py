"""Search by label: ranking, JSON, messages for bad input, and harmless payloads."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from app.pages.search import MATCHES

PAYLOADS = [
    '"',
    "'",
    '") } UNION { ?s ?p ?o } #',
    "x\" . } SELECT * WHERE { ?s ?p ?o } #",
    "\\",
    "\\\" }",
    "a\nb",
    "}}}{{{",
    "<https://example.org/x>",
    "%",
]


def hits(client, q: str) -> list[dict]:
    response = client.get("/search.json", query_string={"q": q})
    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is True
    return body["results"]


def test_exact_match_comes_first(client):
    results = hits(client, "canmin1 (PSEUDONYM)")
    assert results[0]["iri"].endswith("/organization/canmin1")
    assert results[0]["match"] == "exact"


def test_ranking_is_exact_then_starts_with_then_contains(client):
    results = hits(client, "canmin")
    ranks = [MATCHES.index(r["match"]) for r in results]
    assert ranks == sorted(ranks)
    assert {"starts-with", "contains"} <= {r["match"] for r in results}
    labels = [r["label"].lower() for r in results]
    assert all("canmin" in label for label in labels)


def test_results_are_capped_at_fifty_and_say_so(client):
    body = client.get("/search.json?q=a").get_json()
    assert body["count"] == len(body["results"]) == 50
    assert body["truncated"] is True


def test_results_have_type_and_link(client):
    result = hits(client, "CanMin2 (pseudonym)")[0]
    assert result["url"].endswith("/id/organization/canmin2")
    assert [t["label"] for t in result["types"]] == ["mining company"]


def test_search_page_lists_label_type_and_link(client):
    response = client.get("/search?q=canmin1")
    page = BeautifulSoup(response.data, "html.parser")
    first = page.select_one("ol.search-hits li")
    assert first.a["href"] == "/id/organization/canmin1"
    assert "mining company" in first.get_text()
    assert page.select_one("#site-search")["value"] == "canmin1"
    assert 'type="application/json"' in response.headers["Link"]


@pytest.mark.parametrize("q", ["", "   "])
def test_empty_search_asks_for_text(client, q):
    response = client.get("/search", query_string={"q": q})
    assert response.status_code == 200
    assert "Type a name" in BeautifulSoup(response.data, "html.parser").get_text()
    assert client.get("/search.json", query_string={"q": q}).get_json()["results"] == []


def test_too_long_search_says_so_on_the_page(client):
    response = client.get("/search", query_string={"q": "x" * 201})
    assert response.status_code == 200
    assert "at most 200" in BeautifulSoup(response.data, "html.parser").get_text()


def test_too_long_search_is_a_400_in_json(client):
    response = client.get("/search.json", query_string={"q": "x" * 201})
    assert response.status_code == 400
    body = response.get_json()
    assert (body["ok"], body["status"], body["code"]) == (False, 400, "bad-parameter")
    assert body["details"] == {"parameter": "q", "max_length": 200}


@pytest.mark.parametrize("q", PAYLOADS)
def test_injection_payloads_are_just_text(client, q):
    assert all(q.lower() in r["label"].lower() for r in hits(client, q))
    response = client.get("/search", query_string={"q": q})
    assert response.status_code == 200
    page = BeautifulSoup(response.data, "html.parser")
    assert page.select_one("#q")["value"] == q.strip()
