"""The SPARQL 1.1 Protocol endpoint and query page. (Being built.)"""

from flask import Blueprint

bp = Blueprint("sparql", __name__)


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> str:
    return "The SPARQL endpoint is being built."
