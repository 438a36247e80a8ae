"""declass-kg: declassified government documents -> a SHACL-checked knowledge graph.

The package is laid out by stage, and data flows one way through them: `reading` (files ->
Transcript), `extracting` (Transcript -> records, as printed), `resolving` (printed names ->
persons, cited documents -> keys), `mapping` (records -> RDF), `validating` (SHACL gate),
`publishing` (dumps, store) and `querying` (kg query, kg serve).  Shared by all and importing
none of them: `records` (the typed records), `lexicon` (words and tables of the genre, as
data) and `registry` (how readers, extractors and mappers register themselves).
"""
__version__ = "0.1.0"
