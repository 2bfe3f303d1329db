"""Register the picture areas: the map, the networks, the timeline, the charts."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from app.web import charts, maps, networks, timeline

    for module in (maps, networks, timeline, charts):
        app.register_blueprint(module.bp)
