"""Render a query result: SPARQL results JSON, XML, CSV, TSV, or a text table.

One result, many formats: a Table is rendered per format, never re-run.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from app.store import Table, Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def term_json(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def to_json(result: Table | bool) -> str:
    if isinstance(result, bool):
        return json.dumps({"head": {}, "boolean": result})
    bindings = [
        {
            name: term_json(term)
            for name, term in zip(result.variables, row, strict=True)
            if term is not None
        }
        for row in result.rows
    ]
    body = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    if result.truncated:
        body["truncated"] = True
    return json.dumps(body, ensure_ascii=False)


def plain(term: Term | None) -> str:
    """The lexical value a person reads: IRIs and literals without decoration."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def to_csv(result: Table | bool, *, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if isinstance(result, bool):
        writer.writerow(["boolean"])
        writer.writerow(["true" if result else "false"])
        return out.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([plain(term) for term in row])
    return out.getvalue()


def to_tsv(result: Table | bool) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax, variables with '?'."""
    if isinstance(result, bool):
        return "?boolean\n" + ("true" if result else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else _tsv_term(t) for t in row))
    return "\n".join(lines) + "\n"


def _tsv_term(term: Term) -> str:
    return str(term).replace("\t", "\\t").replace("\n", "\\n")


def to_xml(result: Table | bool) -> str:
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if isinstance(result, bool):
        return head + f"<head/><boolean>{'true' if result else 'false'}</boolean></sparql>\n"
    parts = [head, "<head>"]
    parts += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    parts.append("</head>\n<results>\n")
    for row in result.rows:
        parts.append("<result>")
        for name, term in zip(result.variables, row, strict=True):
            if term is not None:
                parts.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        parts.append("</result>\n")
    parts.append("</results>\n</sparql>\n")
    return "".join(parts)


def _xml_term(term: Term) -> str:
    info = term_json(term)
    if info["type"] == "uri":
        return f"<uri>{escape(info['value'])}</uri>"
    if info["type"] == "bnode":
        return f"<bnode>{escape(info['value'])}</bnode>"
    attrs = ""
    if "xml:lang" in info:
        attrs = f" xml:lang={quoteattr(info['xml:lang'])}"
    elif "datatype" in info:
        attrs = f" datatype={quoteattr(info['datatype'])}"
    return f"<literal{attrs}>{escape(info['value'])}</literal>"


def to_text_table(result: Table | bool, *, width: int = 60) -> str:
    """A fixed-width table for the terminal; long cells are shortened with '…'."""
    if isinstance(result, bool):
        return "true\n" if result else "false\n"
    header = list(result.variables)
    cells = [[_shorten(plain(t), width) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(r, widths) for r in cells]
    footer = f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    footer += ", cut at the row limit)" if result.truncated else ")"
    return "\n".join([*lines, footer]) + "\n"


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
