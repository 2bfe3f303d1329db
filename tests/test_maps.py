"""The map's data: /map/plants.json from one SPARQL query, and the /map page."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from app.pictures.plants import plants_query, union_status

STATIC = Path(__file__).resolve().parent.parent / "app" / "static"


def test_plants_json_lists_every_located_plant(client):
    body = client.get("/map/plants.json").get_json()
    assert body["ok"] is True and body["as_of"] == datetime.date.today().isoformat()
    plants = body["plants"]
    assert body["count"] == len(plants) >= 100
    assert {p["kind"] for p in plants} == {"assembly", "parts", "powertrain"}
    assert {p["status"] for p in plants} == {"union", "non-union", "unknown"}
    assert {p["country"] for p in plants} == {"CA", "US", "MX"}
    for plant in plants:
        assert plant["url"] == "/id/" + plant["iri"].split("/id/", 1)[1]
        assert -170 < plant["long"] < -50 and 10 < plant["lat"] < 72


def test_union_status_follows_representation_today(client):
    body = client.get("/map/plants.json").get_json()
    plants = {p["iri"].rsplit("/", 1)[1]: p for p in body["plants"]}
    oshawa = plants["gm-oshawa-assembly"]
    assert oshawa["status"] == "union" and any("Unifor" in u for u in oshawa["unions"])
    assert plants["nissan-smyrna-assembly"]["status"] == "non-union"
    assert plants["linamar-guelph"]["status"] == "non-union"
    assert plants["linamar-guelph"]["kind"] == "parts"
    assert plants["aptiv-ciudad-juarez"]["status"] == "unknown"


def test_union_status_words():
    assert union_status("UAW", None) == "union"
    assert union_status("", "true") == "unknown"
    assert union_status(None, "false") == "non-union"


def test_plants_query_is_dated(store):
    past = store.query(plants_query(datetime.date(1990, 1, 1)))
    today = store.query(plants_query(datetime.date.today()))
    assert len(past.rows) == len(today.rows)
    assert past.rows != today.rows


def test_map_page_has_filters_and_data_links(client):
    html = client.get("/map").get_data(as_text=True)
    for name in ("country", "employer", "status", "kind"):
        assert f'name="{name}"' in html
    assert "/map/plants.json" in html and "map/north-america.json" in html
    assert 'data-format="svg"' in html and 'data-format="png"' in html


def test_base_map_is_small_north_american_natural_earth():
    path = STATIC / "map" / "north-america.json"
    assert path.stat().st_size < 600_000
    names = {f["properties"]["name"] for f in json.loads(path.read_text())["features"]}
    assert {"Canada", "Mexico", "United States of America", "states and provinces"} <= names


def test_union_status_on_a_chosen_date(client):
    then = client.get("/map/plants.json", query_string={"as_of": "2004-06-01"}).get_json()
    assert then["as_of"] == "2004-06-01"
    plants = {p["iri"].rsplit("/", 1)[1]: p for p in then["plants"]}
    assert plants["volkswagen-chattanooga-assembly"]["status"] != "union"
    today = client.get("/map/plants.json").get_json()
    now = {p["iri"].rsplit("/", 1)[1]: p for p in today["plants"]}
    assert now["volkswagen-chattanooga-assembly"]["status"] == "union"
    closed_then = sum(p["closed"] for p in then["plants"])
    assert closed_then < sum(p["closed"] for p in today["plants"])


def test_a_malformed_date_is_refused(client):
    response = client.get("/map/plants.json", query_string={"as_of": "last June"})
    assert response.status_code == 400 and response.get_json()["code"] == "bad-parameter"
