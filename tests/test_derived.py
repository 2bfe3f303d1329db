"""Supply paths derived from the flows (app/derived.py): what they hold, and that
every write brings them up to date before any query worker sees the change.

That the supply-chain questions answer from them exactly as the plain joins do
is tested in tests/test_benchmark.py (against benchmarks/reference/).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from app import derived
from app.config import load_settings
from app.loading import build_store
from app.store.pool import QueryPool
from tests.conftest import FIXTURES, clean_env

SKG = "https://w3id.org/solidarity-graph/ontology#"
ID = "https://w3id.org/solidarity-graph/id/workplace/"


def flow(supplier: str, customer: str, start: str | None = None, end: str | None = None, *,
         assembly: bool = False, demonstration: bool = False) -> derived.Flow:
    return derived.Flow(supplier, customer, start, end, demonstration, False, assembly, False)


def test_a_path_holds_while_every_flow_of_it_holds() -> None:
    paths = derived.supply_paths([
        flow("tier2", "tier1", "2010-01-01", "2020-12-31"),
        flow("tier1", "assembly", "2015-06-01", None, assembly=True, demonstration=True),
    ])
    assert {(p.supplier, p.steps, p.start, p.end, p.demonstration) for p in paths} == {
        ("tier1", 1, "2015-06-01", None, True),
        ("tier2", 2, "2015-06-01", "2020-12-31", True),
    }


def test_chains_that_never_hold_or_run_past_three_flows_are_left_out() -> None:
    paths = derived.supply_paths([
        flow("a", "b", None, "2000-12-31"),
        flow("b", "c", "2001-01-01", None),
        flow("c", "d"),
        flow("d", "assembly", assembly=True),
    ])
    assert {(p.supplier, p.steps) for p in paths} == {("d", 1), ("c", 2), ("b", 3)}


def test_a_path_ends_only_at_an_assembly_plant() -> None:
    assert derived.supply_paths([flow("a", "warehouse")]) == set()


TURTLE = f"""
@prefix skg: <{SKG}> .
<https://w3id.org/solidarity-graph/id/fact/test-flow> a skg:SupplyFlow ;
    skg:supplierPlant <{ID}fx-seatsco-frames> ; skg:customerPlant <{ID}fx-north-assembly> ;
    skg:from "2030-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
"""
PATHS_FROM = f"""
SELECT ?steps ?from WHERE {{ ?p a <{SKG}SupplyPath> ; <{SKG}pathSupplier> <{ID}fx-seatsco-frames> ;
  <{SKG}steps> ?steps . OPTIONAL {{ ?p <{SKG}from> ?from }} }}"""


@pytest.fixture()
def pool():
    settings = load_settings(clean_env(), overrides={"SKG_DATA_DIR": FIXTURES / "questions",
                                                     "SKG_INCLUDE_DEMO": True})
    pool = QueryPool(build_store(settings), workers=1, on_change=derived.refresh)
    yield pool
    pool.close()


def test_an_import_and_its_revert_update_the_paths_workers_read(pool: QueryPool) -> None:
    graph = "https://w3id.org/solidarity-graph/graph/test-import"
    before = set(pool.query(PATHS_FROM).rows)
    pool.write(lambda s: s.replace_graph(graph, TURTLE.encode(), format=ox.RdfFormat.TURTLE))
    added = set(pool.query(PATHS_FROM).rows) - before
    assert [(steps.value, start.value) for steps, start in added] == [("1", "2030-01-01")]
    pool.write(lambda s: s.drop_graph(graph))
    assert set(pool.query(PATHS_FROM).rows) == before
