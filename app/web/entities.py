"""Entity pages, search and the ontology documentation. (Being built.)"""

from flask import Blueprint

bp = Blueprint("entities", __name__)


@bp.get("/search")
def search() -> str:
    return "Search is being built."


@bp.get("/ontology")
def ontology() -> str:
    return "Ontology documentation is being built."
