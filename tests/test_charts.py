"""Charts: the pages, the over-time data, and the chart a question's header asks for."""

from __future__ import annotations

from bs4 import BeautifulSoup


def test_shares_over_time_asks_the_question_for_every_year(client):
    body = client.get("/charts/production-vs-market-share/over-time.json").get_json()
    years = sorted({p["year"] for p in body["points"]})
    assert years[0] <= 2004 and years[-1] >= 2020 and len(years) >= 15
    in_2004 = {p["country"]: p for p in body["points"] if p["year"] == 2004}
    assert set(in_2004) == {"CA", "US", "MX"}
    assert abs(sum(p["production_share"] for p in in_2004.values()) - 100) < 0.5
    assert abs(sum(p["market_share"] for p in in_2004.values()) - 100) < 0.5
    question = client.get("/questions/production-vs-market-share.json",
                          query_string={"year": "2004"}).get_json()
    us = next(b for b in question["results"]["bindings"] if b["country"]["value"].endswith("/US"))
    assert float(us["production_share"]["value"]) == in_2004["US"]["production_share"]


def test_shares_page_draws_two_charts_from_json(client):
    html = client.get("/charts/production-vs-market-share", query_string={"year": "2010"})
    page = BeautifulSoup(html.get_data(as_text=True), "html.parser")
    figures = page.select("figure[data-chart]")
    assert [f["data-src"] for f in figures] == [
        "/questions/production-vs-market-share.json?year=2010",
        "/charts/production-vs-market-share/over-time.json"]
    assert page.select_one("#year option[selected]").get_text() == "2010"


def test_density_page_draws_the_question(client):
    page = BeautifulSoup(client.get("/charts/parts-union-density").get_data(as_text=True),
                         "html.parser")
    figure = page.select_one("figure[data-chart]")
    assert figure["data-src"] == "/questions/parts-union-density.json"


def test_question_with_chart_hint_gets_a_drawn_chart(client):
    html = client.get("/questions/production-vs-market-share",
                      query_string={"year": "2004"}).get_data(as_text=True)
    page = BeautifulSoup(html, "html.parser")
    figure = page.select_one("figure#question-chart")
    assert figure is not None and "year=2004" in figure["data-src"]
    assert page.select_one("figure#question-chart [data-format=png]") is not None


def test_charts_index_lists_questions_with_hints(client):
    html = client.get("/charts/").get_data(as_text=True)
    assert "production-vs-market-share" in html
