"""Read [[synonyms]] files: a search term and the document words it stands for.

Checked the way core/schema.py checks the other data files: every problem
names its key path and line, and a bad entry is skipped, never fatal.
"""

from __future__ import annotations

from policytui.core.model import Synonym
from policytui.core.schema import DocumentReader

SYNONYM_KEYS = {"term", "means"}


def read_synonyms(doc: dict, reader: DocumentReader) -> list[Synonym]:
    synonyms = []
    for path, entry in reader.tables(doc, "synonyms", (), SYNONYM_KEYS, required=True):
        term = reader.string(entry, "term", path, required=True, expected="the word people type, such as IPO")
        means = tuple(m.strip() for m in reader.string_list(entry, "means", path, "words of the documents"))
        if not means or not all(means):
            reader.problem(path + ("means",), "no words to search for",
                           'one or more non-empty words, such as means = ["上市"]')
            continue
        if term.strip():
            synonyms.append(Synonym(term.strip(), means))
    return synonyms
