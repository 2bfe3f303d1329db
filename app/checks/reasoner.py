"""Ontology consistency with owlready2's HermiT reasoner (needs Java).

owlready2 does not read Turtle, so the ontology and code lists are converted
to N-Triples with rdflib first. HermiT does not know xsd:date (not in the
OWL 2 datatype map); it is told to ignore such datatypes. This runs from the
CLI and tests, never per request.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import rdflib

from app.errors import SkgError


class ReasonerUnavailable(SkgError):
    code = "reasoner-unavailable"


@dataclass(frozen=True)
class ReasonerReport:
    consistent: bool
    unsatisfiable: tuple[str, ...]
    message: str

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable


def check_consistency(files: list[Path]) -> ReasonerReport:
    """Run HermiT over the given Turtle files, as one ontology."""
    import owlready2  # imported here: loading it is slow and only this needs it

    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerUnavailable(
            "The reasoner needs Java, which was not found. Install a Java runtime "
            "(for example Debian's default-jre-headless) and run `skg check` again."
        )
    graph = rdflib.Graph()
    for path in files:
        graph.parse(path, format="turtle")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "ontology.nt"
        graph.serialize(source, format="nt", encoding="utf-8")
        return _reason(owlready2, source)


def _reason(owlready2, source: Path) -> ReasonerReport:  # type: ignore[no-untyped-def]
    world = owlready2.World()
    world.get_ontology(source.as_uri()).load()
    try:
        owlready2.sync_reasoner_hermit(
            world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
        )
    except owlready2.OwlReadyInconsistentOntologyError:
        return ReasonerReport(False, (), "The ontology is inconsistent: no model satisfies it.")
    except owlready2.OwlReadyJavaError as exc:
        raise ReasonerUnavailable(f"The reasoner failed: {str(exc).splitlines()[-1]}") from None
    nothing = "http://www.w3.org/2002/07/owl#Nothing"
    bad = tuple(sorted(c.iri for c in world.inconsistent_classes() if c.iri != nothing))
    if bad:
        return ReasonerReport(True, bad, f"Unsatisfiable classes: {', '.join(bad)}")
    return ReasonerReport(True, (), "The ontology is consistent; every class is satisfiable.")
