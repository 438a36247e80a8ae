"""declass-kg: declassified government documents -> a SHACL-checked knowledge graph.

The package is laid out by stage: `reading` (files -> Transcript), `extracting`
(Transcript -> records), `resolving` (names -> persons), `mapping` (records -> RDF),
`validating` (SHACL gate), `publishing` (dumps, store) and `querying` (kg query, kg serve).
"""
__version__ = "0.1.0"
