"""Lexicon: what the documents' language and the project's data say, for every stage to share.

The words and tables of the genre, and pure lookups over them: name shapes and how names are
folded and compared (`names`, `matching`), ordinary English words told from names and
from OCR debris by published lexicons (`words`), titles and their abbreviations (`titles`), the
sides of a conversation and the forms that name them (`nations`), the vocabulary of reported
speech (`speech`), and the authority tables - persons, office-holders with their terms, the
chief of mission at a post (`authority`, from kg/data/persons.csv, offices.csv, posts.csv).
The tables are data files under kg/data/, read once (`data`).

Both the extractors and the resolver use it; it uses neither of them, nor any later stage
(tests/test_architecture.py checks the imports).  It decides nothing about a document: "who
held the office of President on 6 November 1962" is a lookup here, "whom does 'the President'
in this document refer to" is the resolver's question.
"""
