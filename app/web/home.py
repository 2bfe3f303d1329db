"""The home page: what the graph holds, and where to go from here."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from app.web import store

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    return render_template("home.html", graphs=store().graphs(), triples=len(store()))


@bp.get("/health")
def health():  # type: ignore[no-untyped-def]
    return jsonify({"ok": True, "triples": len(store()), "graphs": len(store().graphs())})
