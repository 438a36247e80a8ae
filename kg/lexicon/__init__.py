"""Lexicons shared by the stages: words, names, nations, titles, offices, as data and lookups.

Nothing here reads a document; extractors and resolvers import from here, never from each
other's internals.
"""
