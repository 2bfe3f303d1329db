"""The map of plants (/map) and the JSON it draws from (/map/plants.json)."""

from __future__ import annotations

import datetime

from flask import Blueprint, Response, jsonify, render_template, url_for

from app.pictures import select
from app.pictures.plants import plant_records, plants_query
from app.web import store

bp = Blueprint("maps", __name__)


@bp.get("/map")
def index() -> str:
    return render_template("pictures/map.html",
                           data_url=url_for("maps.plants_json"),
                           basemap_url=url_for("static", filename="map/north-america.json"))


@bp.get("/map/plants.json")
def plants_json() -> Response:
    today = datetime.date.today()
    plants = plant_records(select(store(), plants_query(today)))
    return jsonify({"ok": True, "as_of": today.isoformat(), "count": len(plants),
                    "plants": plants})
