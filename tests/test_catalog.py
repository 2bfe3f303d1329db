"""The question catalog: every .rq file loads, is tested, and bad files are refused.

Also the typed parameters: wrong values are 400 errors that name the
parameter and give an example; injection payloads never change a query.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from app.config import PROJECT_ROOT
from app.questions import ParameterError, QueryCatalogError, load_catalog
from app.questions.catalog import load_spec
from app.questions.run import bind
from app.questions.tokens import _SCANNER

QUERY_DIR = PROJECT_ROOT / "queries"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
CATALOG = load_catalog(QUERY_DIR)
PAYLOADS = ['"', "}", ">", "a\nb", "#", "<http://x> } ; DROP ALL", '" } ; DROP ALL ; #',
            "x' . ?s ?p ?o", "?_other", "\\"]


def test_catalog_holds_every_query_file():
    files = sorted(QUERY_DIR.glob("*.rq"))
    assert len(files) > 0
    assert len(CATALOG) == len(files)
    assert sorted(CATALOG) == [f.stem for f in files]


def test_every_question_has_a_golden_answer():
    missing = [slug for slug in CATALOG if not (GOLDEN_DIR / f"{slug}.csv").is_file()]
    assert not missing, f"questions without tests/golden/<slug>.csv: {missing}"


def test_every_golden_answer_belongs_to_a_question():
    orphans = [p.stem for p in GOLDEN_DIR.glob("*.csv") if p.stem not in CATALOG]
    assert not orphans


def test_every_question_is_documented():
    for spec in CATALOG.values():
        assert spec.title and len(spec.description) > 40, spec.slug
        assert spec.tags, spec.slug
        assert all(c.meaning for c in spec.columns), spec.slug
        assert all(p.label and p.example for p in spec.params), spec.slug


GOOD_HEADER = """\
#+ title: Test
#+ description: A test question.
#+ params:
#+   - name: year
#+     type: integer
#+     example: 2004
#+ columns:
#+   - s: Subject
"""
GOOD_BODY = "SELECT ?s WHERE { ?s ?p ?_year }\nORDER BY ?s\n"


def write(tmp_path: Path, text: str, name: str = "test-question.rq") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    spec = load_spec(write(tmp_path, GOOD_HEADER + GOOD_BODY))
    assert spec.slug == "test-question"
    assert spec.form == "select"
    assert [p.name for p in spec.params] == ["year"]
    assert [c.name for c in spec.columns] == ["s"]


@pytest.mark.parametrize(("text", "words"), [
    (GOOD_HEADER + "#+ colour: red\n" + GOOD_BODY, "unknown key 'colour'"),
    (GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?o }\nORDER BY ?s\n", "not in the query"),
    (GOOD_HEADER + "SELECT ?s WHERE { ?s ?_year ?_month }\nORDER BY ?s\n", "?_month"),
    (GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?_year }\n", "ORDER BY"),
    (GOOD_HEADER + "SELECT ?s WHERE { ?s ?p ?_year \nORDER BY ?s\n", "does not parse"),
    (GOOD_HEADER + "SELECT ?s ?p WHERE { ?s ?p ?_year }\nORDER BY ?s\n", "columns"),
    (GOOD_HEADER + 'SELECT ?s WHERE { ?s ?p ?_year FILTER(?s != "?_year") }\nORDER BY ?s\n',
     "inside an IRI, string or comment"),
    ("#+ description: no title\n" + GOOD_BODY, "'title' is required"),
    (GOOD_HEADER.replace("example: 2004", "example: soon") + GOOD_BODY, "not valid"),
    (GOOD_HEADER.replace("type: integer", "type: colour") + GOOD_BODY, "type"),
])
def test_a_bad_file_is_refused_with_its_name(tmp_path, text, words):
    with pytest.raises(QueryCatalogError) as caught:
        load_spec(write(tmp_path, text))
    assert "test-question.rq" in caught.value.message
    assert words in caught.value.message


def test_a_bad_file_stops_the_app(tmp_path):
    from app.web import create_app
    from tests.conftest import clean_env

    write(tmp_path, GOOD_HEADER + "#+ colour: red\n" + GOOD_BODY)
    from app.config import load_settings
    from app.store.embedded import EmbeddedStore

    settings = load_settings(clean_env(), overrides={"SKG_QUERY_DIR": tmp_path,
                                                     "SKG_QUERY_WORKERS": 1})
    with pytest.raises(QueryCatalogError, match=r"test-question\.rq"):
        create_app({"TESTING": True}, settings=settings, store=EmbeddedStore())


ALL_TYPES = """\
#+ title: Every parameter type
#+ description: One parameter of each type, for the injection tests.
#+ params:
#+   - {name: p_iri, type: iri, example: "https://example.org/a", required: false}
#+   - {name: p_string, type: string, example: text, required: false}
#+   - {name: p_lang, type: lang-string, example: text, required: false}
#+   - {name: p_integer, type: integer, example: 3, required: false}
#+   - {name: p_decimal, type: decimal, example: 2.5, required: false}
#+   - {name: p_date, type: date, example: "2024-01-31", required: false}
#+   - {name: p_boolean, type: boolean, example: "true", required: false}
#+   - {name: p_choice, type: choice, choices: [CA, MX], example: CA, required: false}
#+ columns:
#+   - s: Subject
SELECT ?s WHERE {
  VALUES ?s { 1 }
  BIND(?_p_iri AS ?a) BIND(?_p_string AS ?b) BIND(?_p_lang AS ?c) BIND(?_p_integer AS ?d)
  BIND(?_p_decimal AS ?e) BIND(?_p_date AS ?f) BIND(?_p_boolean AS ?g) BIND(?_p_choice AS ?h)
}
ORDER BY ?s
"""


@pytest.fixture(scope="module")
def typed_spec(tmp_path_factory):
    return load_spec(write(tmp_path_factory.mktemp("typed"), ALL_TYPES))


def shape(sparql: str) -> list[str]:
    """The kinds of tokens in a query, in order: injection would change this list."""
    return [m.lastgroup or "" for m in _SCANNER.finditer(sparql)]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("name", ["p_iri", "p_string", "p_lang", "p_integer", "p_decimal",
                                  "p_date", "p_boolean", "p_choice"])
def test_injection_gives_an_error_or_a_harmless_literal(typed_spec, name, payload):
    example = typed_spec.param(name).example
    reference = bind(typed_spec, {name: example}).sparql
    try:
        bound = bind(typed_spec, {name: payload})
    except ParameterError as exc:
        assert exc.status == 400 and exc.param == name
        return
    assert shape(bound.sparql) == shape(reference)
    query = prepareQuery(bound.sparql)
    assert [str(v) for v in query.algebra["PV"]] == ["s"]
    assert bound.terms[name].value == payload.strip()


@pytest.mark.parametrize(("name", "value"), [
    ("p_iri", "ftp://example.org/a"), ("p_iri", "not an iri"), ("p_iri", "https://x/a b"),
    ("p_integer", "1.5"), ("p_integer", "ten"), ("p_decimal", "1e5x"),
    ("p_date", "2024-02-30"), ("p_date", "31/01/2024"), ("p_boolean", "maybe"),
    ("p_choice", "US"),
])
def test_a_wrong_value_names_the_parameter_and_an_example(typed_spec, name, value):
    with pytest.raises(ParameterError) as caught:
        bind(typed_spec, {name: value})
    error = caught.value
    assert error.status == 400 and error.code == "bad-parameter"
    assert f"'{name}'" in error.message
    assert error.details["example"] == typed_spec.param(name).example
    assert typed_spec.param(name).example in error.message


def test_values_become_typed_terms(typed_spec):
    bound = bind(typed_spec, {"p_integer": "+7", "p_decimal": "2.50", "p_date": "2024-01-31",
                              "p_boolean": "yes", "p_lang": "Grève"})
    terms = bound.terms
    assert str(terms["p_integer"]) == '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert terms["p_decimal"].datatype.value.endswith("#decimal")
    assert terms["p_date"].datatype.value.endswith("#date")
    assert terms["p_boolean"].value == "true"
    assert terms["p_lang"].language == "en"
    assert terms["p_iri"] is None  # optional and empty: left unbound, no filter


def test_date_default_today_is_the_current_date():
    import datetime

    spec = CATALOG["non-union-parts-plants"]
    assert spec.param("as_of").default == "today"
    bound = bind(spec, {})
    assert bound.terms["as_of"].value == datetime.date.today().isoformat()


def test_a_missing_required_parameter_is_named():
    with pytest.raises(ParameterError, match=r"'supplier'.*missing: supplier"):
        bind(CATALOG["refusal-leverage"], {})


def test_answers_longer_than_the_limit_are_cut_and_say_so(tmp_path):
    from app.questions import run_question
    from app.results import to_json
    from app.store.embedded import EmbeddedStore

    text = """\
    #+ title: Three numbers
    #+ description: Counts to three, cut at two.
    #+ limit: 2
    #+ columns:
    #+   - n: Number
    SELECT ?n WHERE { VALUES ?n { 1 2 3 } }
    ORDER BY ?n
    """
    spec = load_spec(write(tmp_path, text))
    result = run_question(EmbeddedStore(), spec, {})
    assert [row[0].value for row in result.rows] == ["1", "2"]
    assert result.truncated is True
    assert '"truncated": true' in to_json(result)


def test_optional_parameter_left_empty_stays_an_unbound_variable(typed_spec):
    bound = bind(typed_spec, {})
    assert "?_p_iri" in bound.sparql
    assert all(term is None for term in bound.terms.values())
