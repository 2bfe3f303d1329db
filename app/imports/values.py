"""Cell values to RDF terms, following docs/data-conventions.md.

A cell that does not fit its column's type is kept as plain text, so that the
shapes report it with their own message (for example "The number of workers
is one whole number") instead of the importer guessing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from app.namespaces import BASE

ID = BASE + "id/"
ENTITY_BASES = {
    "plant": ID + "workplace/",
    "workplace": ID + "workplace/",
    "organization": ID + "organization/",
    "fact": ID + "fact/",
    "source": ID + "source/",
    "section": ID + "section/",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}


def slugify(text: str) -> str:
    """'Magna Integram (Windsor)' -> 'magna-integram-windsor'; an IRI -> its last segment."""
    if text.startswith(ID):
        text = text.rstrip("/").rsplit("/", 1)[-1]
    elif ":" in text and text.split(":", 1)[0] in ENTITY_BASES:
        text = text.split(":", 1)[1]
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def entity(value: str, kind: str) -> URIRef:
    """A reference to a node: a full IRI of ours, prefix:slug, or a slug of `kind`."""
    if value.startswith(ID):
        return URIRef(value)
    prefix, _, rest = value.partition(":")
    if rest and prefix in ENTITY_BASES:
        return URIRef(ENTITY_BASES[prefix] + slugify(rest))
    return URIRef(ENTITY_BASES[kind] + slugify(value))


def to_term(value: str, kind: str) -> URIRef | Literal:
    """The RDF term for a non-empty cell of the given kind."""
    if kind.startswith("entity:"):
        return entity(value, kind.split(":", 1)[1])
    if kind.startswith("concept:"):
        scheme = kind.split(":", 1)[1]
        return URIRef(f"{ID}concept/{scheme}/{slugify(value)}") if SLUG.match(value) \
            else Literal(value)
    return _CONVERTERS[kind](value)


def _integer(value: str) -> Literal:
    return Literal(int(value)) if _INTEGER.match(value) else Literal(value)


def _decimal(value: str) -> Literal:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return Literal(value)
    return Literal(number, datatype=XSD.decimal) if number.is_finite() else Literal(value)


def _date(value: str) -> Literal:
    try:
        if _DATE.match(value):
            dt.date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
    except ValueError:
        pass
    return Literal(value)


def _boolean(value: str) -> Literal:
    lowered = value.lower()
    if lowered in _TRUE | _FALSE:
        return Literal(lowered in _TRUE)
    return Literal(value)


def _country(value: str) -> URIRef | Literal:
    code = value.upper()
    return URIRef(f"{ID}country/{code}") if _COUNTRY.match(code) else Literal(value)


def _region(value: str) -> URIRef | Literal:
    code = value.upper()
    return URIRef(f"{ID}region/{code}") if _REGION.match(code) else Literal(value)


def _area(value: str) -> URIRef | Literal:
    return _region(value) if "-" in value else _country(value)


_CONVERTERS = {
    "text": Literal,
    "text-en": lambda v: Literal(v, lang="en"),
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "gyear": lambda v: Literal(v, datatype=XSD.gYear) if re.match(r"^\d{4}$", v) else Literal(v),
    "boolean": _boolean,
    "url": lambda v: Literal(v, datatype=XSD.anyURI) if re.match(r"^https?://\S+$", v)
    else Literal(v),
    "country": _country,
    "region": _region,
    "area": _area,
}
