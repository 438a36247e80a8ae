"""The site's pages: records from ``kg.site.data`` -> HTML files from the Jinja2 templates.

``write_site(store_dir, out)`` writes a static, offline site (no server, no script, nothing
fetched at view time):

    index.html           documents by date (the home page)
    persons.html         every person, with the documents that name them
    cited.html           the documents cited, with the phrases that cite them
    reviews.html         declassification review events by date
    doc/<name>.html      a document: metadata, the source text as printed with every item
                         highlighted at its offsets, claims by speaker, proposals and their
                         responses, citations, the review and marking timeline
    person/<key>.html    a person: names and spellings, Wikidata, documents with role and
                         side, claims and proposals
    rdf/<name>.ttl       the document's named graph as Turtle (what the page is made of)
    query.html           the SPARQL page: the project's prefixes and the competency questions
    site.css

Every page says where its data comes from (store, graph, source file and checksum; each
highlight carries its offsets) and links the RDF and the SPARQL page.  The output is
deterministic: the same store and sources give the same bytes.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape

from kg.querying.page import query_page
from kg.querying.query import project_prefixes
from kg.querying.store import open_store
from kg.site.data import Document, Item, SiteData, read_graph
from kg.site.sources import SourceFinder
from kg.site.text import Span, layout_spans, render

DEFAULT_ENDPOINT = "http://127.0.0.1:7878/query"
SPEAKER_COLOURS = 8
LAYERS = (  # (kind, legend label, shown by default)
    ("claim", "claims, coloured by speaker", True),
    ("proposal", "proposals (status after them)", True),
    ("response", "responses", True),
    ("mention", "persons", True),
    ("citation", "documents cited", True),
    ("quotation", "quotations", True),
    ("review", "review stamps", True),
    ("marking", "markings", True),
    ("header", "header fields and participants", True),
    ("turn", "speaker turns", False),
)
HEADER_KINDS = {"field", "participant", "drafter"}


@dataclass
class SiteReport:
    documents: int
    persons: int
    with_source: int
    notes: list[str]


def environment() -> Environment:
    env = Environment(loader=PackageLoader("kg.site", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    return env


def anchor(item_iri: str, doc_iri: str) -> str:
    """A fragment id for an item: its IRI after the document's ("claim-10189-10311")."""
    local = item_iri[len(doc_iri):] if item_iri.startswith(doc_iri) else item_iri
    text = "".join(ch if ch.isalnum() else "-" for ch in local).strip("-")
    return "i-" + (text or hashlib.sha1(item_iri.encode()).hexdigest()[:12])


def person_file(iri: str) -> str:
    return "person/" + _safe(iri.rstrip("/").rsplit("/", 1)[-1]) + ".html"


def doc_file(doc: Document) -> str:
    return f"doc/{doc.page}.html"


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in name) or "x"


class Site:
    """Builds the page contexts of one graph; ``write`` renders them into a folder."""

    def __init__(self, graph: SiteData, store: ox.Store, endpoint: str, store_label: str) -> None:
        self.g = graph
        self.store = store
        self.endpoint = endpoint
        self.store_label = store_label
        self.env = environment()
        self.doc_by_iri = {d.iri: d for d in graph.documents}
        # A cited document that is itself in the graph: its number is one document's number.
        numbered: dict[str, list[Document]] = defaultdict(list)
        for doc in graph.documents:
            for number in doc.fields.get("rico:identifier", []):
                numbered[number].append(doc)
        self.cited_page = {iri: numbered[n][0] for iri, props in graph.cited.items()
                           for n in props.get("dcterms:identifier", []) if len(numbered[n]) == 1}
        # Each person's items, document by document (built once: a person page reads only its own).
        self.by_person: dict[str, list[tuple[Document, Item]]] = defaultdict(list)
        for doc in graph.documents:
            for item in doc.items:
                for who in {item.first(p) for p in _PERSON_PROPS} | {_speaker(item)}:
                    if who in graph.persons:
                        self.by_person[who].append((doc, item))

    # -- labels and links ---------------------------------------------------------------

    def label(self, iri: str) -> str:
        if iri in self.g.labels:
            return self.g.labels[iri]
        if iri in self.g.persons:
            return self.g.persons[iri].name
        return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")

    def link(self, iri: str, here: str) -> str | None:
        """A relative link to the page of ``iri`` from the page ``here``, if it has one."""
        up = "../" * here.count("/")
        if iri in self.g.persons:
            return up + person_file(iri)
        if iri in self.doc_by_iri:
            return up + doc_file(self.doc_by_iri[iri])
        if iri in self.cited_page:
            return up + doc_file(self.cited_page[iri])
        if iri in self.g.cited:
            return up + "cited.html#" + cited_anchor(iri)
        return None

    # -- a document page -------------------------------------------------------------------

    def speakers(self, doc: Document) -> dict[str, int]:
        """Colour index of each speaker, in the order they first speak."""
        colours: dict[str, int] = {}
        for item in doc.items:
            who = _speaker(item)
            if who and item.kind in ("claim", "turn", "proposal", "response") and who not in colours:
                colours[who] = len(colours) % SPEAKER_COLOURS
        return colours

    def highlights(self, doc: Document, here: str) -> list[Span]:
        colours = self.speakers(doc)
        ids = {item.iri: anchor(item.iri, doc.iri) for item in doc.items}
        proposal_of = {resp: item.iri for item in doc.items for resp in item.props.get("dk:hasResponse", [])}
        spans = []
        for item in doc.items:
            kind = "header" if item.kind in HEADER_KINDS else item.kind
            tag, href, after = "mark", None, ""
            classes = f"hl hl-{kind}"
            who = _speaker(item)
            if who in colours and item.kind in ("claim", "turn", "proposal", "response"):
                classes += f" sp-{colours[who]}"
            title = self.describe(item)
            if item.kind == "mention":
                target = item.first("dk:mentionOf")
                href = self.link(target, here) if target else None
            elif item.kind == "citation":
                target = item.first("cito:hasCitedEntity")
                href = self.link(target, here) if target else None
            elif item.kind in ("turn", "deletion", "insertion", "redaction", "page"):
                tag = "span"
            if item.kind == "proposal":
                status = self.label(item.first("dk:responseStatus") or "") or "none"
                response = item.first("dk:hasResponse")
                target = f"#{ids[response]}" if response in ids else None
                after = _badge(status, target, f"status: {status}" + ("; go to the response" if target else ""))
            elif item.kind == "response" and item.iri in proposal_of:
                after = _badge("↩ proposal", f"#{ids[proposal_of[item.iri]]}", "go to the proposal")
            if href:
                tag = "a"
            for n, ev in enumerate(item.evidence):
                attrs = [("data-item", ids[item.iri]),
                         ("data-kind", item.kind), ("data-start", str(ev.start)),
                         ("data-end", str(ev.end)),
                         ("title", f"{title} (characters {ev.start}–{ev.end} of {doc.file_name})")]
                if href:
                    attrs.append(("href", href))
                last = n == len(item.evidence) - 1
                spans.append(Span(ev.start, ev.end, tag, classes, tuple(attrs),
                                  order=_ORDER.get(item.kind, 3), after=after if last else ""))
        return spans

    def describe(self, item: Item) -> str:
        """The tooltip of a highlight, in words."""
        who = _speaker(item)
        name = self.label(who) if who else ""
        if item.kind == "claim":
            return f"claim by {name or 'an unknown speaker'}"
        if item.kind == "proposal":
            status = self.label(item.first("dk:responseStatus") or "") or "none"
            return f"proposal by {name or 'an unknown speaker'} — {status}"
        if item.kind == "response":
            return f"response by {name or 'an unknown speaker'}"
        if item.kind == "turn":
            return f"turn of {name or item.first('dk:speakerAsPrinted') or 'an unknown speaker'}"
        if item.kind == "mention":
            target = item.first("dk:mentionOf")
            return f"person: {self.label(target)}" if target else "person"
        if item.kind == "citation":
            target = item.first("cito:hasCitedEntity")
            return f"cites: {self.label(target)}" if target else "citation"
        if item.kind == "review":
            return "review: " + ", ".join(self.label(k) for k in item.props.get("rico:hasActivityType", []))
        return item.kind

    def document_context(self, doc: Document, transcript, source_note: str) -> dict:
        here = doc_file(doc)
        colours = self.speakers(doc)
        text = None
        if transcript is not None:
            text = render(transcript.raw, layout_spans(transcript) + self.highlights(doc, here))
        ids = {item.iri: anchor(item.iri, doc.iri) for item in doc.items}
        by_kind: dict[str, list[Item]] = defaultdict(list)
        for item in doc.items:
            by_kind[item.kind].append(item)
        claims_by_speaker: dict[str, list[Item]] = defaultdict(list)
        for item in by_kind["claim"]:
            claims_by_speaker[_speaker(item) or ""].append(item)
        return {
            "doc": doc, "here": here, "up": "../", "text": text, "source_note": source_note,
            "ids": ids, "colours": colours, "by_kind": by_kind,
            "fields": self.metadata(doc, here),
            "participants": self.participants(doc, here),
            "claims_by_speaker": sorted(claims_by_speaker.items(),
                                        key=lambda kv: (kv[0] not in colours, colours.get(kv[0], 0))),
            "timeline": self.timeline(doc),
            "layers": LAYERS,
            "counts": {kind: len(items) for kind, items in by_kind.items()},
        }

    def metadata(self, doc: Document, here: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
        """The metadata panel: (label, [(text, link)]) in a fixed order."""
        order = (("Type", "rico:hasDocumentaryFormType"), ("Title", "rico:title"),
                 ("Date", "dcterms:created"), ("Place", "rico:isAssociatedWithPlace"),
                 ("Place as printed", "dk:placePrinted"), ("Subject", "dk:subjectLine"),
                 ("Classification", "dk:securityClassification"), ("Handling", "dk:handlingCaveat"),
                 ("Record number", "rico:identifier"), ("Originator", "dk:originatingAgency"),
                 ("Sender", "dk:sender"), ("Addressee", "dk:addressedTo"),
                 ("Drafted by", "dk:draftedBy"), ("Author", "rico:hasCreator"),
                 ("State", "rico:hasRecordState"), ("Release status", "dk:releaseStatus"))
        rows = []
        for label, prop in order:
            values = doc.fields.get(prop, [])
            if values:
                rows.append((label, [(self.label(v) if v.startswith("http") else v,
                                      self.link(v, here) if v.startswith("http") else None)
                                     for v in values]))
        return rows

    def participants(self, doc: Document, here: str) -> list[tuple[str, list[tuple[str, str | None, str]]]]:
        """Participants by side: (side, [(name, link, title as printed)])."""
        sides: dict[str, list] = defaultdict(list)
        for item in doc.items:
            if item.kind != "participant":
                continue
            person = item.first("prov:agent")
            side = self.label(item.first("dk:delegation")) if item.first("dk:delegation") else "side not printed"
            if person:
                sides[side].append((self.label(person), self.link(person, here),
                                    item.first("dk:titleAsPrinted") or ""))
        return sorted(sides.items())

    def timeline(self, doc: Document) -> list[dict]:
        """Review events and markings, by date (undated after, in the order printed)."""
        events = []
        for item in doc.items:
            if item.kind == "review":
                events.append({
                    "date": item.first("dk:reviewDate") or "", "kind": "review",
                    "what": ", ".join(self.label(k) for k in item.props.get("rico:hasActivityType", [])),
                    "who": self.label(item.first("dk:reviewer")) if item.first("dk:reviewer") else "",
                    "offered": [self.label(a) for a in item.props.get("dk:offersAction", [])],
                    "decided": [self.label(a) for a in item.props.get("dk:decidedAction", [])],
                    "item": item})
            elif item.kind == "marking":
                levels = item.props.get("dk:classificationLevel", []) + item.props.get("dk:handlingCaveat", [])
                events.append({
                    "date": "", "kind": "marking",
                    "what": item.first("dk:markingText") or item.reading,
                    "who": ", ".join(self.label(v) for v in levels),
                    "offered": [], "decided": [],
                    "struck": item.first("dk:struck") == "true",
                    "position": self.label(item.first("dk:markingPosition") or ""),
                    "item": item})
        return sorted(events, key=lambda e: (e["date"] == "", e["date"], e["item"].start))

    # -- a person page -----------------------------------------------------------------------

    def person_context(self, iri: str) -> dict:
        person = self.g.persons[iri]
        here = person_file(iri)
        rows = []          # (doc, roles, sides, surfaces)
        said = []          # (doc, item)
        items_of: dict[str, list[Item]] = defaultdict(list)
        for doc, item in self.by_person.get(iri, []):
            items_of[doc.iri].append(item)
        for doc in self.g.documents:
            if doc.iri not in items_of:
                continue
            roles, sides, surfaces = [], [], []
            for item in items_of[doc.iri]:
                if item.kind == "participant" and item.first("prov:agent") == iri:
                    roles.append("participant" + (f" ({item.first('dk:titleAsPrinted')})"
                                                  if item.first("dk:titleAsPrinted") else ""))
                    if item.first("dk:delegation"):
                        sides.append(self.label(item.first("dk:delegation")))
                elif item.kind == "drafter" and item.first("rico:creationRelationHasTarget") == iri:
                    roles.append("drafter")
                elif item.kind == "mention" and item.first("dk:mentionOf") == iri:
                    surfaces.append(item.first("dk:surface") or item.reading)
                    role = item.first("dk:mentionRole")
                    if role in ("speaker", "reviewer"):
                        roles.append(role)
                elif item.kind in ("claim", "proposal") and _speaker(item) == iri:
                    said.append((doc, item))
            if roles or surfaces:
                rows.append((doc, sorted(set(roles)), sorted(set(sides)),
                             sorted(set(surfaces), key=str.casefold)))
        spellings = sorted({s for _, _, _, surfaces in rows for s in surfaces}, key=str.casefold)
        return {"person": person, "here": here, "up": "../", "rows": rows, "said": said,
                "spellings": spellings,
                "wikidata": [s for s in person.same_as if "wikidata.org/entity/" in s]}

    # -- index pages ------------------------------------------------------------------------

    def persons_index(self) -> list[tuple]:
        counts: dict[str, set[str]] = defaultdict(set)
        for doc in self.g.documents:
            for item in doc.items:
                for prop in ("dk:mentionOf", "prov:agent", "rico:creationRelationHasTarget"):
                    for p in item.props.get(prop, []):
                        counts[p].add(doc.iri)
        return sorted(((p, len(counts[p.iri])) for p in self.g.persons.values()),
                      key=lambda pc: (_sort_name(pc[0].name), pc[0].iri))

    def cited_index(self) -> list[dict]:
        citing: dict[str, list[tuple[Document, Item]]] = defaultdict(list)
        for doc in self.g.documents:
            for item in doc.items:
                for target in item.props.get("cito:hasCitedEntity", []) + item.props.get("dk:quotedFrom", []):
                    citing[target].append((doc, item))
        rows = []
        for iri, props in self.g.cited.items():
            rows.append({
                "iri": iri, "anchor": cited_anchor(iri),
                "kind": ", ".join(self.label(k) for k in props.get("dk:documentKind", [])),
                "date": (props.get("dcterms:created") or [""])[0],
                "authors": [(self.label(a), self.link(a, "cited.html")) for a in props.get("rico:hasCreator", [])],
                "recipients": [(self.label(a), self.link(a, "cited.html")) for a in props.get("rico:hasAddressee", [])],
                "numbers": props.get("dcterms:identifier", []),
                "page": doc_file(self.cited_page[iri]) if iri in self.cited_page else None,
                "citing": citing.get(iri, []),
            })
        return sorted(rows, key=lambda r: (r["date"] or "9999", r["kind"], r["iri"]))

    def reviews_index(self) -> list[tuple[Document, dict]]:
        rows = [(doc, event) for doc in self.g.documents for event in self.timeline(doc)
                if event["kind"] == "review"]
        return sorted(rows, key=lambda de: (de[1]["date"] == "", de[1]["date"], de[0].file_name,
                                            de[1]["item"].start))

    # -- writing ------------------------------------------------------------------------------

    def common(self, here: str) -> dict:
        up = "../" * here.count("/")
        return {"up": up, "endpoint": self.endpoint, "store_label": self.store_label,
                "label": self.label, "link": lambda iri: self.link(iri, here),
                "doc_file": doc_file, "person_file": person_file, "anchor": anchor,
                "speaker": _speaker}

    def page(self, template: str, page_path: str, **context) -> bytes:
        values = self.common(page_path) | context | {"here": page_path}
        html = self.env.get_template(template).render(**values)
        return html.encode("utf-8")

    def graph_turtle(self, doc: Document) -> bytes:
        return self.store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(doc.graph),
                               prefixes=project_prefixes())


def write_site(store_dir: Path, out: Path, sources: list[Path] = (), endpoint: str = DEFAULT_ENDPOINT,
               progress: Callable[[str, int], None] | None = None) -> SiteReport:
    """Write the static site of the store in ``store_dir`` into ``out``.

    The pages are written into a staging folder beside ``out`` that replaces it when whole, so
    a reader (or ``kg serve``) never sees half a site, and no page of a document gone since the
    last run stays behind.
    """
    store = open_store(store_dir, read_only=True)
    graph = read_graph(store)
    site = Site(graph, store, endpoint, str(store_dir))
    # The manifest is beside the store the link out/store leads to (out/.kg/builds/N/).
    finder = SourceFinder(list(sources), Path(os.path.realpath(store_dir)).parent / "manifest.json")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        report = _write_pages(site, graph, finder, stage, progress)
        _swap(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return report


def _write_pages(site: "Site", graph: SiteData, finder: SourceFinder, out: Path,
                 progress: Callable[[str, int], None] | None) -> SiteReport:
    def write(relative: str, data: bytes) -> None:
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    notes, with_source = [], 0
    for doc in graph.documents:
        transcript, note = finder.find(doc.file_name, doc.sha256)
        if transcript is None:
            notes.append(f"{doc.file_name}: {note}")
        else:
            with_source += 1
        context = site.document_context(doc, transcript, note if transcript is None else "")
        write(doc_file(doc), site.page("document.html", doc_file(doc), **context))
        write(f"rdf/{doc.page}.ttl", site.graph_turtle(doc))
        if progress:
            progress(doc.file_name, len(graph.documents))   # a document page done, of all
    for iri in graph.persons:
        write(person_file(iri), site.page("person.html", person_file(iri), **site.person_context(iri)))
    write("index.html", site.page("documents.html", "index.html", documents=graph.documents))
    write("persons.html", site.page("persons.html", "persons.html", persons=site.persons_index()))
    write("cited.html", site.page("cited.html", "cited.html", cited=site.cited_index()))
    write("reviews.html", site.page("reviews.html", "reviews.html", reviews=site.reviews_index()))
    write("query.html", query_page(site.endpoint, site_root="", stylesheet="site.css"))
    write("site.css", (Path(__file__).parent / "templates" / "site.css").read_bytes())
    return SiteReport(len(graph.documents), len(graph.persons), with_source, notes)


def _swap(stage: Path, out: Path) -> None:
    """Put the finished ``stage`` folder in the place of ``out`` (two renames)."""
    os.chmod(stage, 0o755)
    old = None
    if out.exists():
        if not (out / "index.html").is_file() and any(out.iterdir()):
            raise SiteError(f"{out} exists and is not a site written by `kg site`; "
                            "choose another --out")
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(stage, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


class SiteError(Exception):
    """The site cannot be written where asked; the message says why."""


_PERSON_PROPS = ("prov:agent", "rico:creationRelationHasTarget", "dk:mentionOf")


def cited_anchor(iri: str) -> str:
    return "c-" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12]


def _speaker(item: Item) -> str | None:
    return (item.first("prov:wasAttributedTo") or item.first("dk:speaker")
            or item.first("dk:proposedBy") or item.first("dk:respondedBy"))


def _sort_name(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].casefold() if parts else "", name.casefold())


def _badge(text: str, href: str | None, label: str) -> str:
    from markupsafe import escape
    if href:
        return (f'<a class="badge" href="{escape(href)}" data-label="{escape(text)}" '
                f'aria-label="{escape(label)}"></a>')
    return f'<span class="badge" data-label="{escape(text)}" role="note" aria-label="{escape(label)}"></span>'


# Outer first among spans of the same extent: a turn around a claim around a proposal.
_ORDER = {"turn": 0, "claim": 1, "proposal": 2, "response": 2, "quotation": 2, "citation": 3,
          "mention": 4}
