"""The import pages (curators): upload, report, confirm, list, revert.

`POST /import` validates (a dry run) and shows the report, as HTML or as JSON
(`/import.json`, or Accept: application/json); a file without violations gets
a confirm button. `POST /import/<id>/confirm` commits it: journal first, then
the running store. Uploads over SKG_MAX_UPLOAD_MB get 413.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    Response,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import RequestEntityTooLarge

from app.imports import service, uploads
from app.imports.errors import BadImportFile
from app.imports.staging import Staged, Upload, stage
from app.imports.templates import load_templates
from app.web import settings, store
from app.web.auth import check_csrf, current_token, require
from app.web.errors import error_response, wants_json

bp = Blueprint("imports", __name__)
MULTIPART_ALLOWANCE = 64 * 1024  # form fields and boundaries around the file


def init_app(app: Flask) -> None:
    limit_mb = app.extensions["skg.settings"]["SKG_MAX_UPLOAD_MB"]
    app.config["MAX_CONTENT_LENGTH"] = int(limit_mb * 1024 * 1024) + MULTIPART_ALLOWANCE
    app.register_blueprint(bp)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_: RequestEntityTooLarge) -> Response:
        return error_response(413, "file-too-large",
                              f"The upload is larger than the limit of {limit_mb:g} MB "
                              "(SKG_MAX_UPLOAD_MB); nothing was imported. Split the file "
                              "into smaller ones.", {"limit_mb": limit_mb})


@bp.get("/import")
def form() -> Response | str:
    if current_token() is None:
        return redirect(url_for("auth.login", next=request.path))
    require("curator")
    return render_template("imports/form.html", templates=load_templates(settings().data_dir))


@bp.post("/import")
@bp.post("/import.json")
def upload() -> Response | str:
    token = require("curator")
    check_csrf()
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        raise BadImportFile("Choose a file to upload.")
    data = Upload(sent.read(), sent.filename, request.form.get("template") or None, token.name)
    staged = stage(data, store().store.raw, settings())
    upload_id = uploads.save(settings(), data, token.id) if staged.report.ok else None
    return _report(staged, upload_id)


def _report(staged: Staged, upload_id: str | None) -> Response | str:
    confirm = url_for("imports.confirm", upload_id=upload_id) if upload_id else None
    if wants_json():
        return jsonify({**staged.report.to_json(), "confirm": confirm})
    return render_template("imports/report.html", report=staged.report, confirm=confirm,
                           keep_days=uploads.KEEP_DAYS,
                           templates=load_templates(settings().data_dir))


@bp.post("/import/<upload_id>/confirm")
def confirm(upload_id: str) -> Response:
    token = require("curator")
    check_csrf()
    data = uploads.load(settings(), upload_id, token.id, token.name)
    staged = stage(data, store().store.raw, settings())
    summary = service.commit(settings(), staged, apply=store().write)
    uploads.discard(settings(), upload_id)
    if wants_json():
        return jsonify({"ok": True, "graph": summary.graph, "triples": summary.triples})
    flash(f"Imported {summary.triples} triples from {summary.file} as {summary.graph}.")
    return redirect(url_for("imports.index"))


@bp.get("/imports")
def index() -> Response | str:
    require("curator")
    found = service.list_imports(settings())
    if wants_json():
        return jsonify([s.__dict__ for s in found])
    return render_template("imports/list.html", imports=found)


@bp.post("/imports/revert")
def revert() -> Response:
    require("curator")
    check_csrf()
    summary = service.revert(settings(), request.form.get("graph", ""), apply=store().write)
    if wants_json():
        return jsonify({"ok": True, "graph": summary.graph})
    flash(f"Reverted {summary.graph} ({summary.title}).")
    return redirect(url_for("imports.index"))
