"""Network pictures: a plant's supply chain, an employer's ownership, the mining alliance."""

from __future__ import annotations

import datetime
from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from app.errors import NotFound
from app.pictures import checked_iri
from app.pictures.alliance import alliance_network
from app.pictures.choices import employer_choices, plant_choices
from app.pictures.graph import Network
from app.pictures.ownership import ownership_network
from app.pictures.supply import supply_network
from app.web import store

bp = Blueprint("networks", __name__)
KINDS = {
    "plant": lambda iri: supply_network(store(), checked_iri(iri), datetime.date.today()),
    "ownership": lambda iri: ownership_network(store(), checked_iri(iri)),
    "alliance": lambda iri: alliance_network(store()) if not iri else
    alliance_network(store(), checked_iri(iri)),
}


@bp.get("/network/")
def index() -> str:
    return render_template("pictures/networks.html", plants=plant_choices(store()),
                           employers=employer_choices(store()))


@bp.get("/network/<kind>")
def show(kind: str) -> str:
    network = _build(kind)
    data = network.as_json()
    json_url = url_for("networks.show_json", kind=kind, **request.args)
    return render_template("pictures/network.html", kind=kind, network=data, json_url=json_url,
                           years=_years(data), file_name=f"network-{kind}")


@bp.get("/network/<kind>.json")
def show_json(kind: str) -> Response:
    return jsonify(_build(kind).as_json())


def _build(kind: str) -> Network:
    if kind not in KINDS:
        raise NotFound(f"No network '{kind}'; try plant, ownership or alliance.")
    return KINDS[kind](request.args.get("iri"))


def _years(data: dict[str, Any]) -> list[int]:
    found = {y for link in data["links"] for y in (link.get("start"), link.get("end")) if y}
    return [min(found), max(found)] if found else []
