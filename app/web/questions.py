"""Prepared questions: one page, JSON, CSV and CLI per .rq file. (Being built.)"""

from flask import Blueprint

bp = Blueprint("questions", __name__, url_prefix="/questions")


@bp.get("/")
def index() -> str:
    return "Questions are being built."
