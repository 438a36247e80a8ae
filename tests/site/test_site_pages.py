"""`kg site` on the seed: every highlight sits at its evidence's offsets, every link resolves,
the pages say where their data comes from, and the same store gives the same bytes."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from click.testing import CliRunner

from kg.site.commands import site_command
from kg.site.pages import write_site
from test_site_text import elements

DOC_PAGE = "doc/000_518769ec419a4fc7.html"


def source_block(html: str) -> str:
    """The inside of <pre id="source">, less the newline HTML drops after the start tag."""
    start = html.index('<pre id="source" class="text">\n') + len('<pre id="source" class="text">\n')
    return html[start:html.index("</pre>", start)]


def test_every_evidence_of_the_graph_is_highlighted_at_its_exact_offsets(seed_site, seed_evidence) -> None:
    raw = (Path(__file__).resolve().parents[2] / "seeds" / "000_518769ec419a4fc7.txt").read_text("utf-8")
    fragments: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
    for _tag, attrs, start, end in elements(source_block((seed_site / DOC_PAGE).read_text("utf-8"))):
        if "data-start" in attrs:
            key = (attrs["data-item"], int(attrs["data-start"]), int(attrs["data-end"]))
            fragments.setdefault(key, []).append((start, end))
    shown = {}
    for (item, start, end), pieces in fragments.items():
        pieces.sort()
        # the fragments of one evidence cover exactly [start, end), in order, without gaps
        assert pieces[0][0] == start and pieces[-1][1] == end, (item, start, end, pieces)
        assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:])), (item, pieces)
        shown.setdefault(item, set()).add((start, end, raw[start:end]))
    assert shown == seed_evidence
    assert sum(len(v) for v in shown.values()) > 900


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if name in attrs and tag in ("a", "link", "img", "script"):
                self.links.append(attrs[name])


def parsed(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_link_between_pages_resolves_to_a_file_and_an_anchor(seed_site) -> None:
    pages = sorted(seed_site.rglob("*.html"))
    assert len(pages) >= 1 + 16 + 5
    checked = 0
    for page in pages:
        for href in parsed(page).links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue       # Wikidata and the endpoint: outside the site
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.name}: {href} leads nowhere"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parsed(target).ids, f"{page.name}: {href} has no anchor"
            checked += 1
    assert checked > 500


def test_the_document_page_names_its_graph_source_and_checksum_and_links_its_rdf(seed_site) -> None:
    html = (seed_site / DOC_PAGE).read_text("utf-8")
    assert "https://w3id.org/declass-kg/id/graph/000_518769ec419a4fc7" in html
    assert "3e6b7ebe5a5f11193969b3c50158655f4adcf1db6b391c42c9a574c3c3ba680d" in html
    assert 'href="../rdf/000_518769ec419a4fc7.ttl"' in html and 'href="../query.html"' in html
    turtle = (seed_site / "rdf" / "000_518769ec419a4fc7.ttl").read_text("utf-8")
    assert turtle.startswith("@prefix") and "oa:exact" in turtle


def test_the_metadata_panel_shows_labels_not_iris(seed_site) -> None:
    html = (seed_site / DOC_PAGE).read_text("utf-8")
    panel = html[html.index('<aside class="meta"'):html.index("</aside>")]
    for shown in ("memorandum of conversation", "1962-11-06", "SECRET", "EYES ONLY", "CUBA", "01080"):
        assert shown in panel
    assert "vocab/" not in panel
    assert re.search(r"<dt>USSR</dt>\s*<dd><ul>.*Vasily V. Kuznetsov", panel, re.S)


def test_proposals_link_to_their_response_and_show_their_status(seed_site) -> None:
    html = source_block((seed_site / DOC_PAGE).read_text("utf-8"))
    badges = re.findall(r'<a class="badge" href="#(i-proposal-[0-9-]+-response)" data-label="(\w+)"', html)
    assert len(badges) >= 10
    assert {status for _, status in badges} <= {"accepted", "rejected", "deferred", "countered", "none"}
    for target, _ in badges:
        assert f' id="{target}"' in html


def test_a_person_page_lists_documents_role_side_spellings_and_wikidata(seed_site) -> None:
    html = (seed_site / "person" / "stevenson-adlai-e.html").read_text("utf-8")
    assert "<h1>Adlai E. Stevenson</h1>" in html
    assert re.search(r"participant \(Ambassador\).*</td><td>US</td>", html)
    assert "Ambassador Stevenson" in html                      # a spelling the seed prints
    assert html.count('<span class="kind">claim</span>') >= 5
    khrushchev = (seed_site / "person" / "khrushchev-nikita-s.html").read_text("utf-8")
    assert '<a href="http://www.wikidata.org/entity/Q35314" rel="external">Q35314</a>' in khrushchev


def test_the_index_pages_list_documents_persons_cited_documents_and_reviews(seed_site) -> None:
    assert "1962-11-06" in (seed_site / "index.html").read_text("utf-8")
    assert (seed_site / "persons.html").read_text("utf-8").count('href="person/') == 16
    cited = (seed_site / "cited.html").read_text("utf-8")
    assert cited.count('<section class="cited"') == 19
    reviews = (seed_site / "reviews.html").read_text("utf-8")
    assert "1988-03-03" in reviews and "DDK/ML" in reviews


def test_the_same_store_gives_the_same_site(seed_build, seed_site, tmp_path) -> None:
    again = tmp_path / "again"
    write_site(seed_build / "store", again, [Path(__file__).resolve().parents[2] / "seeds"])
    for page in sorted(seed_site.rglob("*")):
        if page.is_file():
            assert (again / page.relative_to(seed_site)).read_bytes() == page.read_bytes(), page.name


def test_a_missing_source_gives_a_page_without_text_and_a_warning(seed_build, tmp_path) -> None:
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    store = tmp_path / "out" / "store"      # a copy of the store without the build's manifest
    import shutil
    shutil.copytree(seed_build / "store", store)
    result = CliRunner().invoke(site_command, ["--store", str(store), "--out", str(tmp_path / "site"),
                                               "--sources", str(empty)])
    assert result.exit_code == 1
    assert "000_518769ec419a4fc7.txt" in result.stderr and "--sources" in result.stderr
    page = (tmp_path / "site" / DOC_PAGE).read_text("utf-8")
    assert 'id="source"' not in page and "source text not shown" in page


def test_the_store_holds_the_vocabulary_labels_the_pages_show(seed_build) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(seed_build / "store"))
    query = """SELECT DISTINCT ?label WHERE {
      ?doc <https://w3id.org/declass-kg/ontology#securityClassification> ?c .
      ?c <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"""
    assert [s["label"].value for s in store.query(query)] == ["SECRET"]
