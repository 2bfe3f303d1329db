"""The prepared questions as the benchmark runs them, and the data folder they run on.

Every question in `queries/` with its default parameters; a required
parameter without a default (refusal-leverage's supplier) gets a plant of the
synthetic data that feeds union plants.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.config import Settings, load_settings
from app.questions import load_catalog
from app.questions.run import bind
from benchmarks.generate import AUTOMAKER, SUPPLIER, write_file

# Values for required parameters that have no default: nodes of the synthetic data.
OVERRIDES = {"supplier": SUPPLIER, "employer": AUTOMAKER, "fact": SUPPLIER}
GRAPH_NAME = "bench"


def bench_settings(data_dir: Path) -> Settings:
    """The project's ontology and questions with only the synthetic data, no demo graphs."""
    env = {"SKG_DATA_DIR": str(data_dir), "SKG_INCLUDE_DEMO": "false",
           "SKG_ROW_LIMIT": "100000000"}
    return load_settings(env)


REFERENCES = Path(__file__).resolve().parent / "reference"
REFERENCE_SUFFIX = " (reference)"


def question_texts(settings: Settings, *, rewrites: bool = False) -> dict[str, str]:
    """slug -> query text with default parameters bound (and the slower reference forms
    of the supply-chain questions, when asked)."""
    texts = bound_texts(settings.query_dir)
    if rewrites and REFERENCES.is_dir():
        texts |= {slug + REFERENCE_SUFFIX: text for slug, text in bound_texts(REFERENCES).items()}
    return texts


def bound_texts(folder: Path) -> dict[str, str]:
    catalog = load_catalog(folder)
    texts = {}
    for slug, spec in catalog.items():
        values = {p.name: OVERRIDES.get(p.name, p.example) for p in spec.params
                  if p.required and not p.default}
        texts[slug] = bind(spec, values).sparql
    return texts


def prepare_data(folder: Path, triples: int) -> Path:
    """Generate `folder/curated/bench.nt` (once per size); returns the data folder."""
    data_file = folder / "curated" / f"{GRAPH_NAME}.nt"
    if not data_file.exists():
        shutil.rmtree(folder, ignore_errors=True)
        data_file.parent.mkdir(parents=True)
        write_file(data_file, triples)
    return folder


def data_file(folder: Path) -> Path:
    return folder / "curated" / f"{GRAPH_NAME}.nt"


def load_files(settings: Settings) -> list[tuple[Path, str]]:
    """(file, graph IRI) of everything a backend must load: ontology files, the data,
    and the supply paths the embedded store derives when it loads (app/derived.py),
    computed once here so that the other stores answer from the same paths."""
    from app.derived import PUBLIC_GRAPH
    from app.loading import graph_files

    files = [(f.path, f.graph) for f in graph_files(settings)]
    return [*files, (derived_file(settings), PUBLIC_GRAPH)]


def derived_file(settings: Settings) -> Path:
    """The derived supply paths of the data folder, as N-Triples (written once)."""
    import pyoxigraph as ox

    from app.derived import PUBLIC_GRAPH
    from app.loading import build_store

    path = settings.data_dir / "derived-supply-paths.nt"
    if not path.exists():
        store = build_store(settings)
        path.write_bytes(store.raw.dump(format=ox.RdfFormat.N_TRIPLES,
                                        from_graph=ox.NamedNode(PUBLIC_GRAPH)))
    return path
