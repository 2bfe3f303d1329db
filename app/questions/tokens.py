"""Find parameter tokens (`?_name`) in SPARQL text and replace them safely.

The scanner knows IRIs, string literals and comments, so a `?_name` inside
one of them is never taken for a parameter (the catalog refuses such files)
and replacement only ever touches whole variable tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

_SCANNER = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<string>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<comment>\#[^\n]*)
      | (?P<param>[?$]_[A-Za-z0-9_]+)
    """,
    re.VERBOSE,
)
PARAM_IN_TEXT = re.compile(r"[?$]_[A-Za-z0-9_]")


def _tokens(text: str) -> Iterator[re.Match[str]]:
    return _SCANNER.finditer(text)


def param_names(text: str) -> set[str]:
    """Names of the `?_name` tokens outside IRIs, strings and comments."""
    return {m.group("param")[2:] for m in _tokens(text) if m.group("param")}


def hidden_params(text: str) -> list[str]:
    """`?_`-tokens inside IRIs, strings or comments (which substitution would miss)."""
    return [m.group(0) for m in _tokens(text)
            if not m.group("param") and PARAM_IN_TEXT.search(m.group(0))]


def substitute(text: str, values: Mapping[str, str]) -> str:
    """Replace each whole `?_name` token whose name is in `values` with its N3 text."""
    parts: list[str] = []
    last = 0
    for match in _tokens(text):
        token = match.group("param")
        if token and token[2:] in values:
            parts.append(text[last:match.start()])
            parts.append(values[token[2:]])
            last = match.end()
    parts.append(text[last:])
    return "".join(parts)
