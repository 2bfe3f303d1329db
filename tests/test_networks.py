"""Network pictures' data: supply neighbourhood, ownership over time, the mining alliance."""

from __future__ import annotations

import pytest

PLANT = "https://w3id.org/solidarity-graph/id/workplace/"
ORG = "https://w3id.org/solidarity-graph/id/organization/"


def test_supply_network_marks_demonstration_flows_and_union_status(client):
    body = client.get("/network/plant.json",
                      query_string={"iri": PLANT + "linamar-guelph"}).get_json()
    assert body["focus"] == PLANT + "linamar-guelph" and body["demonstration"] is True
    assert "Demonstration data" in body["notice"]
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes[PLANT + "linamar-guelph"]["status"] == "non-union"
    assert nodes[PLANT + "linamar-guelph"]["focus"] is True
    assert {n["status"] for n in body["nodes"]} <= {"union", "non-union", "unknown"}
    assert all(link["demonstration"] for link in body["links"])
    assert all(link["source"] in nodes and link["target"] in nodes for link in body["links"])
    fed = {link["target"] for link in body["links"] if link["source"] == PLANT + "linamar-guelph"}
    assert fed, "Linamar Guelph feeds someone in the demonstration graph"


def test_supply_network_page_says_demonstration(client):
    html = client.get("/network/plant", query_string={"iri": PLANT + "linamar-guelph"}).get_data(
        as_text=True)
    assert "Demonstration data." in html and 'class="demo-notice"' in html
    assert "Linamar Guelph plants" in html and 'id="network-data"' in html


def test_ownership_network_has_years(client):
    body = client.get("/network/ownership.json", query_string={"iri": ORG + "chrysler"}).get_json()
    relations = {link["relation"] for link in body["links"]}
    assert {"owned by", "became", "operates"} <= relations
    daimler = [link for link in body["links"] if link["target"] == ORG + "daimlerchrysler"
               and link["source"] == ORG + "chrysler"]
    assert daimler and daimler[0]["start"] == 1998 and daimler[0]["end"] == 2007
    assert body["demonstration"] is False and body["notice"] is None
    plants = [n for n in body["nodes"] if n["kind"] in ("assembly", "parts", "powertrain")]
    assert plants and {n["status"] for n in plants} <= {"union", "non-union", "unknown"}


def test_alliance_network_has_members_meetings_and_employers(client):
    body = client.get("/network/alliance.json").get_json()
    kinds = {n["kind"] for n in body["nodes"]}
    assert {"alliance", "union", "employer", "meeting"} <= kinds
    labels = {n["label"] for n in body["nodes"]}
    assert any("EuroMin" in label for label in labels)


@pytest.mark.parametrize("iri", ["", "http://example.org/x", PLANT + 'x"> } #', "javascript:1"])
def test_bad_iri_is_refused(client, iri):
    response = client.get("/network/plant.json", query_string={"iri": iri})
    assert response.status_code == 400
    assert response.get_json()["code"] == "bad-parameter"


def test_unknown_plant_or_kind_is_not_found(client):
    assert client.get("/network/plant.json",
                      query_string={"iri": PLANT + "no-such-plant"}).status_code == 404
    assert client.get("/network/nothing.json").status_code == 404


def test_network_index_offers_plants_and_employers(client):
    html = client.get("/network/").get_data(as_text=True)
    assert "Linamar Guelph plants" in html and "Chrysler" in html


def test_entity_pages_link_to_their_pictures(client):
    plant = client.get("/id/workplace/linamar-guelph").get_data(as_text=True)
    assert "/network/plant?iri=" + PLANT + "linamar-guelph" in plant
    employer = client.get("/id/organization/chrysler").get_data(as_text=True)
    assert "/network/ownership?iri=" + ORG + "chrysler" in employer
    alliance = client.get("/id/organization/north-south-mining-alliance").get_data(as_text=True)
    assert 'href="/network/alliance"' in alliance
