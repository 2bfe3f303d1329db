"""The map of plants (/map) and the JSON it draws from (/map/plants.json)."""

from __future__ import annotations

import datetime

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from app.pictures import PictureParameterError, select
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
    day = _as_of(request.args.get("as_of"))
    plants = plant_records(select(store(), plants_query(day)))
    return jsonify({"ok": True, "as_of": day.isoformat(), "count": len(plants),
                    "plants": plants})


def _as_of(value: str | None) -> datetime.date:
    """The date union status is read on: `as_of` (YYYY-MM-DD), today when absent."""
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PictureParameterError(f"'as_of' must be a date like 2004-06-01, not '{value}'.",
                                    {"parameter": "as_of"}) from None
