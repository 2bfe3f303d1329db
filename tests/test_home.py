"""From the home page a person reaches every area in one click (issue 4, done when)."""

from __future__ import annotations

from bs4 import BeautifulSoup


def links(client, path: str = "/") -> list[str]:
    soup = BeautifulSoup(client.get(path, headers={"Accept": "text/html"}).data, "html.parser")
    return [a["href"] for a in soup.select("main a[href], nav a[href]")]


def test_home_links_to_questions_endpoint_ontology_pictures_and_entities(client):
    found = links(client)
    for wanted in ("/questions/", "/sparql", "/ontology", "/map", "/timeline",
                   "/questions/non-union-parts-plants", "/questions/alliance-phases",
                   "/questions/case-linkage", "/id/organization/canmin1"):
        assert any(href.startswith(wanted) for href in found), wanted


def test_every_link_on_the_home_page_works(client):
    answers = {href: client.get(href, headers={"Accept": "text/html"})
               for href in set(links(client)) if href.startswith("/")}
    broken = [href for href, r in answers.items() if r.status_code != 200
              and not (r.status_code == 302 and "/login" in r.headers["Location"])]
    assert broken == []


def test_every_question_is_one_click_from_the_question_index(client, app):
    catalog = app.extensions["skg.catalog"]
    found = set(links(client, "/questions/"))
    assert all(any(h.rstrip("/").endswith("/questions/" + slug) for h in found)
               for slug in catalog)


def test_home_lists_the_graphs_and_marks_demonstration_data(client):
    soup = BeautifulSoup(client.get("/").data, "html.parser")
    rows = soup.select("table.graphs tbody tr")
    assert len(rows) >= 10
    demo = [r for r in rows if r.select_one(".flag-demo")]
    assert any("supply flows" in r.get_text().lower() for r in demo)
