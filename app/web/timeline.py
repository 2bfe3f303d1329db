"""The timeline (/timeline) and its data (/timeline.json)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template

from app.pictures.timeline import timeline
from app.web import store

bp = Blueprint("timeline", __name__)


@bp.get("/timeline")
def index() -> str:
    return render_template("pictures/timeline.html", data=timeline(store()))


@bp.get("/timeline.json")
def data_json() -> Response:
    return jsonify(timeline(store()))
