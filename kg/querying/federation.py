"""Which remote endpoints a SPARQL query would make the server call (``SERVICE``), and whether
they are allowed.

``service_targets(query)`` finds every ``SERVICE`` clause and the endpoint IRI it names
(``<...>`` or a prefixed name, resolved against the query's PREFIX and BASE); ``check_services``
refuses a query that names an endpoint outside the allowlist, or a variable endpoint, with a
``ServiceRefused`` that says so in words.

How: a tokenizer that knows the parts of SPARQL a keyword can hide in (comments, the four kinds of
string, IRIs, variables, prefixed names), not a full parser.  It errs on the side of refusing:
the query is also scanned a second time with ``\\uXXXX`` escapes decoded (the SPARQL
specification lets them stand anywhere), and a SERVICE seen by either scan counts.  A query that
only *mentions* the word (in a string, a comment, an IRI, ``?service``, ``ex:service``) is not
refused.

What it does not do: run queries or talk to the network.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

_PN = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D" \
      r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
_TOKEN = re.compile(
    r'(?P<comment>#[^\n\r]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    rf'|(?P<var>[?$][{_PN}0-9_\u00B7\u0300-\u036F\u203F-\u2040]+)'
    rf'|(?P<pname>(?:[{_PN}][{_PN}0-9_.\-\u00B7]*)?:(?:[{_PN}0-9_:%\\\-.\u00B7]|\\.)*)'
    rf'|(?P<word>[{_PN}_][{_PN}0-9_]*)'
    r'|(?P<space>\s+)'
    r'|(?P<other>.)',
    re.DOTALL)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class ServiceRefused(Exception):
    """A query asks for a remote endpoint the server may not call; the message says which."""


@dataclass(frozen=True)
class ServiceTarget:
    endpoint: str | None        # the resolved IRI, or None for a variable (``SERVICE ?x``)
    printed: str                # as written in the query


def service_targets(query: str) -> list[ServiceTarget]:
    """Every SERVICE clause of ``query`` (from both scans, without repeats, in order)."""
    found: list[ServiceTarget] = []
    for text in (query, _decode_escapes(query)):
        for target in _scan(text):
            if target not in found:
                found.append(target)
    return found


def check_services(query: str, allowed: frozenset[str] | set[str] = frozenset()) -> None:
    """Raise ``ServiceRefused`` unless every SERVICE of ``query`` names an allowed endpoint."""
    for target in service_targets(query):
        if target.endpoint is None:
            raise ServiceRefused(
                f"SERVICE {target.printed}: a variable endpoint cannot be checked against the "
                "allowlist; name the endpoint IRI")
        if target.endpoint not in allowed:
            hint = ("this server makes no outbound requests; start it with "
                    f"`kg serve --allow-service {target.endpoint}` to federate with that endpoint"
                    if not allowed else
                    f"allowed endpoints: {', '.join(sorted(allowed))}")
            raise ServiceRefused(f"SERVICE <{target.endpoint}> is not allowed: {hint}")


def _decode_escapes(text: str) -> str:
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)), text)


def _scan(text: str) -> list[ServiceTarget]:
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)
              if m.lastgroup not in ("space", "comment")]
    prefixes: dict[str, str] = {}
    base = ""
    targets = []
    for i, (kind, value) in enumerate(tokens):
        upper = value.upper() if kind == "word" else ""
        if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname" \
                and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1][:-1]] = urljoin(base, tokens[i + 2][1][1:-1])
        elif upper == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = urljoin(base, tokens[i + 1][1][1:-1])
        elif upper == "SERVICE":
            j = i + 1
            if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
                j += 1
            kind_j, value_j = tokens[j] if j < len(tokens) else ("other", "")
            if kind_j == "iri":
                targets.append(ServiceTarget(urljoin(base, value_j[1:-1]), value_j))
            elif kind_j == "pname" and value_j.split(":", 1)[0] in prefixes:
                prefix, local = value_j.split(":", 1)
                targets.append(ServiceTarget(prefixes[prefix] + local, value_j))
            else:
                # a variable, an undeclared prefix or something odd: nothing to check it against
                targets.append(ServiceTarget(None, value_j or "(nothing)"))
    return targets
