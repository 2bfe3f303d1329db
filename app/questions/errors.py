"""Errors of the question catalog and of parameters given by users."""

from __future__ import annotations

from pathlib import Path

from app.errors import SkgError


class QueryCatalogError(SkgError):
    """A `.rq` file is not a valid question; the application refuses to start."""

    code = "query-catalog-error"
    status = 500
    exit_code = 2

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path.name}: {message}", {"file": path.name})
        self.path = path


class ParameterError(SkgError):
    """A parameter value is missing or wrong; names the parameter and a valid example."""

    code = "bad-parameter"
    status = 400

    def __init__(self, param: str, message: str, example: str | None = None) -> None:
        hint = f" Example of a valid value: {example}" if example else ""
        details = {"parameter": param}
        if example:
            details["example"] = example
        super().__init__(f"Parameter '{param}': {message}.{hint}", details)
        self.param = param


class UnknownQuestion(SkgError):
    code = "unknown-question"
    status = 404

    def __init__(self, slug: str, known: list[str]) -> None:
        shown = ", ".join(known[:30])
        super().__init__(f"There is no question '{slug}'. Known questions: {shown}.",
                         {"question": slug})
