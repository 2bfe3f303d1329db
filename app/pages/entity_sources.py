"""On a source's page: the facts that cite it, grouped by the section they cite."""

from __future__ import annotations

import re
from collections import defaultdict

from app.pages.citations import LOCATOR, flags_of
from app.pages.entity_parts import Card, Group, Node, Row
from app.pages.terms import Labels, Value

_LINE = re.compile(r"line (\d+)")


def citing_groups(rows: list[tuple], nodes: dict[str, Node],
                  labels: Labels) -> tuple[Group, ...]:
    """Facts citing the source directly first, then each section in document order."""
    facts: dict[str | None, set[str]] = defaultdict(set)
    order: dict[str | None, tuple[int, str]] = {None: (-1, "")}
    for n, section, section_locator, _ in rows:
        key = section.value if section is not None else None
        facts[key].add(n.value)
        if key is not None:
            order[key] = (_line(section_locator), labels.text(key).lower())
    groups = []
    for key in sorted(facts, key=lambda k: order[k]):
        cards = tuple(_card(nodes.get(f, Node(f)), labels)
                      for f in sorted(facts[key], key=lambda f: labels.text(f).lower()))
        if key is None:
            groups.append(Group("Cited directly", cards))
        else:
            groups.append(Group(labels.text(key), cards, labels.value(key)))
    return tuple(groups)


def _card(node: Node, labels: Labels) -> Card:
    locators = sorted({t.value for t in node.values.get(LOCATOR, [])})
    details = (Row(labels.value(LOCATOR), tuple(Value(x) for x in locators)),) if locators else ()
    return Card(node=Value(labels.text(node.iri), node.iri, "entity"),
                kinds=tuple(labels.value(t, kind="class") for t in node.types()),
                details=details, flags=flags_of(node.values, demo=node.demo))


def _line(locator: object) -> int:
    """The line a section starts at, from its locator ('Introduction (line 57)')."""
    match = _LINE.search(getattr(locator, "value", "") or "")
    return int(match.group(1)) if match else 10**9
