"""Prepared questions: one `.rq` file each, answered as a web page, JSON, CSV and CLI.

`load_catalog` reads and checks every file once; `run_question` binds typed
parameters, runs the query once and returns a Table that is rendered per format.
"""

from app.questions.catalog import Column, QuerySpec, load_catalog
from app.questions.errors import ParameterError, QueryCatalogError, UnknownQuestion
from app.questions.params import ParamSpec
from app.questions.run import run_question

__all__ = [
    "Column", "ParamSpec", "ParameterError", "QueryCatalogError", "QuerySpec",
    "UnknownQuestion", "load_catalog", "run_question",
]
