"""Charts: the production-versus-market-share and parts union density questions drawn,
and the chart every question whose header asks for one gets on its page."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from app.errors import NotFound
from app.pictures.charts import (
    DENSITY_QUESTION,
    SHARE_QUESTION,
    charted,
    share_years,
    shares_over_time,
)
from app.questions import QuerySpec
from app.web import store
from app.web.questions import catalog

bp = Blueprint("charts", __name__)


def _spec(slug: str) -> QuerySpec:
    spec = catalog().get(slug)
    if spec is None:
        raise NotFound(f"The question '{slug}' is not in the catalog.")
    return spec


@bp.get("/charts/")
def index() -> str:
    return render_template("pictures/charts.html", questions=charted(catalog()))


@bp.get("/charts/production-vs-market-share")
def shares() -> str:
    years = share_years(store())
    year = request.args.get("year", type=int)
    year = year if year in years else (2004 if 2004 in years else years[-1])
    return render_template("pictures/shares.html", spec=_spec(SHARE_QUESTION), years=years,
                           year=year, question_json=url_for(
                               "questions.show", name=SHARE_QUESTION + ".json", year=year),
                           over_time_json=url_for("charts.shares_json"))


@bp.get("/charts/production-vs-market-share/over-time.json")
def shares_json() -> Response:
    return jsonify(shares_over_time(store(), _spec(SHARE_QUESTION)))


@bp.get("/charts/parts-union-density")
def density() -> str:
    return render_template("pictures/density.html", spec=_spec(DENSITY_QUESTION),
                           question_json=url_for("questions.show",
                                                 name=DENSITY_QUESTION + ".json"))
