"""Typed parameters: a request string becomes one validated RDF term, or an error.

Each type has a converter (click's convert/fail pattern). The term, never the
raw text, is what reaches the query: `term_n3` gives its N-Triples form, in
which quotes, newlines and backslashes of literals are escaped, and IRIs have
passed the checks below.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import NoReturn

import pyoxigraph as ox

from app.questions.errors import ParameterError

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("iri", "string", "lang-string", "integer", "decimal", "date", "boolean", "choice")
IRI_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\]')
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
LANGUAGE = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
MAX_LENGTH = 500
TRUE_WORDS = {"true", "1", "yes", "on"}
FALSE_WORDS = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter of a question."""

    name: str
    type: str
    label: str
    description: str = ""
    required: bool = True
    default: str | None = None
    example: str = ""
    choices: tuple[str, ...] = ()
    multiple: bool = False
    lang: str = "en"

    def convert(self, raw: str | None) -> ox.NamedNode | ox.Literal | None:
        """The typed term for `raw`; None when an optional parameter is left empty."""
        text = (raw or "").strip()
        if not text:
            text = self.default_text()
        if not text:
            if self.required:
                self.fail("a value is required")
            return None
        if len(text) > MAX_LENGTH:
            self.fail(f"the value is longer than {MAX_LENGTH} characters")
        return CONVERTERS[self.type](self, text)

    def default_text(self) -> str:
        if self.default == "today" and self.type == "date":
            return datetime.date.today().isoformat()
        return self.default or ""

    def fail(self, message: str) -> NoReturn:
        raise ParameterError(self.name, message, self.example or None)


def _literal(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def _iri(spec: ParamSpec, text: str) -> ox.NamedNode:
    if not text.lower().startswith(("http://", "https://")) or IRI_FORBIDDEN.search(text):
        spec.fail("expected an http or https IRI without spaces or any of <>\"{}|^`\\")
    try:
        return ox.NamedNode(text)
    except ValueError as exc:
        spec.fail(f"not a valid IRI ({exc})")


def _string(spec: ParamSpec, text: str) -> ox.Literal:
    return ox.Literal(text)


def _lang_string(spec: ParamSpec, text: str) -> ox.Literal:
    return ox.Literal(text, language=spec.lang)


def _integer(spec: ParamSpec, text: str) -> ox.Literal:
    if not re.fullmatch(r"[+-]?\d{1,18}", text):
        spec.fail(f"expected a whole number, got {text!r}")
    return _literal(str(int(text)), "integer")


def _decimal(spec: ParamSpec, text: str) -> ox.Literal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not re.fullmatch(r"[+-]?[\d.]+", text):
        spec.fail(f"expected a decimal number such as 12.5, got {text!r}")
    return _literal(str(value), "decimal")


def _date(spec: ParamSpec, text: str) -> ox.Literal:
    try:
        value = datetime.date.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        spec.fail(f"expected a date as YYYY-MM-DD, got {text!r}")
    return _literal(value.isoformat(), "date")


def _boolean(spec: ParamSpec, text: str) -> ox.Literal:
    word = text.lower()
    if word not in TRUE_WORDS | FALSE_WORDS:
        spec.fail(f"expected true or false, got {text!r}")
    return _literal("true" if word in TRUE_WORDS else "false", "boolean")


def _choice(spec: ParamSpec, text: str) -> ox.Literal:
    values = [v.strip() for v in text.split(",")] if spec.multiple else [text]
    wrong = [v for v in values if v not in spec.choices]
    if wrong or not values:
        allowed = ", ".join(spec.choices)
        spec.fail(f"{wrong[0] if wrong else text!r} is not one of {allowed}")
    return ox.Literal(",".join(dict.fromkeys(values)))


CONVERTERS: dict[str, Callable[[ParamSpec, str], ox.NamedNode | ox.Literal]] = {
    "iri": _iri, "string": _string, "lang-string": _lang_string, "integer": _integer,
    "decimal": _decimal, "date": _date, "boolean": _boolean, "choice": _choice,
}


def term_n3(term: ox.NamedNode | ox.Literal) -> str:
    """The term in N-Triples syntax, which SPARQL accepts as is."""
    return str(term)
