"""Names from the fixture in tests/fixtures/querying (imported by the tests): two small
memoranda mapped by the real pipeline (tests/fixtures/querying/regenerate.py writes the
N-Quads from sources/), so the tests query the vocabulary the build publishes."""
from __future__ import annotations

import socket
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "querying"
GRAPH = "https://w3id.org/declass-kg/id/graph/"
ID = "https://w3id.org/declass-kg/id/"
DK = "https://w3id.org/declass-kg/ontology#"

MEMCON = "memcon-1962-10-18"
TELCON = "telcon-1962-10-22"
DOCUMENTS = {GRAPH + MEMCON: FIXTURES / f"{MEMCON}.nq", GRAPH + TELCON: FIXTURES / f"{TELCON}.nq"}

PREFIXES = (f"PREFIX dk: <{DK}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX rico: <https://www.ica.org/standards/RiC/ontology#>\n"
            "PREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
            "PREFIX owl: <http://www.w3.org/2002/07/owl#>\nPREFIX oa: <http://www.w3.org/ns/oa#>\n")
# ?d took part ... : a document records a conversation whose participations name the persons.
TOOK_PART = "?d rico:documents/prov:qualifiedAssociation ?pa . ?pa a dk:Participation ; prov:agent ?p ."


def doc(slug: str) -> str:
    return f"{ID}doc/{slug}"


def person(slug: str) -> str:
    """A person of the authority file: its key (surname first, "kennedy-john-f")."""
    return f"{ID}person/{slug}"


def free_loopback_port() -> int:
    """A port nothing listens on right now (the OS picks it for a socket bound to port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
