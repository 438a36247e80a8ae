"""Which endpoints a query would make the server call: SERVICE clauses found however written,
the word itself ignored where it is only text."""
from __future__ import annotations

import pytest

from kg.querying.federation import ServiceRefused, check_services, service_targets

A = "http://127.0.0.1:9/sparql"


def endpoints(query: str) -> list[str | None]:
    return [t.endpoint for t in service_targets(query)]


@pytest.mark.parametrize("query", [
    f"SELECT * {{ SERVICE <{A}> {{ ?s ?p ?o }} }}",
    f"select * {{ service silent <{A}> {{ ?s ?p ?o }} }}",
    "PREFIX e: <http://127.0.0.1:9/> SELECT * { SERVICE e:sparql { ?s ?p ?o } }",
    "BASE <http://127.0.0.1:9/x/> SELECT * { SERVICE <../sparql> { ?s ?p ?o } }",
    f"SELECT * {{ ?s ?p ?o FILTER(?o<?p) SERVICE<{A}>{{}} }}",
    f"SELECT * {{ \\u0053ERVICE <{A}> {{ }} }}",                 # an escape the spec allows anywhere
    f"# a comment\nSELECT * {{ OPTIONAL {{ SERVICE <{A}> {{ ?s ?p ?o }} }} }}",
])
def test_a_service_clause_is_found_however_it_is_written(query: str) -> None:
    assert endpoints(query) == [A]


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?s <http://x/SERVICE> "SERVICE <http://127.0.0.1:9/>" }',
    "SELECT * WHERE { ?s ex:service ?o } # SERVICE <http://127.0.0.1:9/> { }",
    'SELECT * WHERE { ?s ?p """ many\nSERVICE <http://127.0.0.1:9/> { } lines""" }',
    "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1:9/>' }",
])
def test_the_word_in_a_string_comment_iri_variable_or_name_is_no_service(query: str) -> None:
    assert endpoints(query) == []


def test_a_variable_endpoint_is_refused_even_with_an_allowlist() -> None:
    with pytest.raises(ServiceRefused, match="variable endpoint"):
        check_services("SELECT * { SERVICE ?where { ?s ?p ?o } }", {A})


def test_without_an_allowlist_every_service_is_refused_and_the_message_says_how_to_allow_it() -> None:
    with pytest.raises(ServiceRefused, match=r"--allow-service http://127\.0\.0\.1:9/sparql"):
        check_services(f"SELECT * {{ SERVICE <{A}> {{ ?s ?p ?o }} }}")


def test_an_allowed_endpoint_passes_and_another_is_refused() -> None:
    check_services(f"SELECT * {{ SERVICE <{A}> {{ ?s ?p ?o }} }}", {A})
    with pytest.raises(ServiceRefused, match="not allowed"):
        check_services(f"SELECT * {{ SERVICE <{A}> {{ }} SERVICE <http://10.0.0.1/> {{ }} }}", {A})
