"""The knowledge graph as pages a historian reads: a static, offline HTML site from the store.

``kg site`` (``kg.site.commands``) writes it; ``kg.site.pages.write_site`` is the entry point.
Stages: ``data`` reads the store with SPARQL into small records, ``sources`` finds each
document's source file and checks its checksum, ``text`` renders the source as printed with the
items highlighted at their offsets, ``pages`` fills the Jinja2 templates (``templates/``).

It reads the store and the source files and writes only into the output folder; it never changes
the graph.
"""
