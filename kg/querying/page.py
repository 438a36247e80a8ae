"""The SPARQL query page: an editor opened with the project's prefixes and a sample query, the
competency questions as ready queries, and a results table (one small inline script, no
framework, nothing fetched but the endpoint).  ``kg serve`` serves it at ``/query.html`` (and at
``/`` when there is no site); ``kg site`` writes it as ``query.html``."""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from kg.querying.query import list_queries, prefix_declarations

SAMPLE = """SELECT ?doc ?type ?date WHERE {
  ?doc dk:sourceFile ?source .
  OPTIONAL { ?doc rico:hasDocumentaryFormType/skos:prefLabel ?type }
  OPTIONAL { ?doc dcterms:created ?date }
} ORDER BY ?date LIMIT 50
"""


def query_page(endpoint: str, site_root: str | None = None, stylesheet: str | None = None) -> bytes:
    """The page's HTML; ``site_root`` ("" or "/") links the site's pages when there is one."""
    env = Environment(loader=PackageLoader("kg.querying", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    queries = [{"id": cq.id, "name": cq.name, "question": cq.question,
                "text": cq.path.read_text("utf-8")} for cq in list_queries()]
    html = env.get_template("query.html").render(
        endpoint=endpoint, queries=queries, start=prefix_declarations() + "\n" + SAMPLE,
        site_link=None if site_root is None else site_root + "index.html",
        site_root=site_root or "", stylesheet=stylesheet)
    return html.encode("utf-8")
