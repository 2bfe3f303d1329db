"""Errors users see. Each has a code, an HTTP status and a message that says
what is wrong and where; none carries a stack trace to the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SkgError(Exception):
    """Base of every error the application reports to a person or client."""

    message: str
    details: dict[str, Any] = field(default_factory=dict)
    code = "error"
    status = 500
    exit_code = 1

    def __str__(self) -> str:
        return self.message


class ConfigError(SkgError):
    code = "config-error"
    exit_code = 2


class DataFileError(SkgError):
    """A file in data/ or ontology/ cannot be read or parsed."""

    code = "data-file-error"
    status = 400


class SparqlSyntaxError(SkgError):
    code = "sparql-syntax-error"
    status = 400


class QueryRefused(SkgError):
    """A query asks for something the public endpoint does not allow."""

    code = "query-refused"
    status = 400


class QueryTimeout(SkgError):
    code = "query-timeout"
    status = 504


class StoreUnavailable(SkgError):
    code = "store-unavailable"
    status = 502


class StoreRefused(SkgError):
    """The remote SPARQL server refused the app's request (HTTP 401 or 403)."""

    code = "store-refused"
    status = 502


class NotFound(SkgError):
    code = "not-found"
    status = 404
