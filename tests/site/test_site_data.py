"""Reading the store for the pages: each document gets a page name of its own."""
from __future__ import annotations

from kg.site.data import Document, _name_pages


def test_two_documents_of_the_same_name_in_different_folders_get_pages_of_their_own() -> None:
    base = "https://w3id.org/declass-kg/id/doc/"
    docs = [Document(base + "a/dup", "g1", "dup.md", "0"), Document(base + "b/dup", "g2", "dup.md", "1"),
            Document(base + "memo", "g3", "memo.md", "2")]
    _name_pages(docs)
    assert [d.page for d in docs] == ["a--dup", "b--dup", "memo"]
    clash = [Document(base + "a b", "g1", "x", "0"), Document(base + "a-b", "g2", "x", "1")]
    _name_pages(clash)
    assert clash[0].page != clash[1].page and all(d.page.startswith("a-b-") for d in clash)
