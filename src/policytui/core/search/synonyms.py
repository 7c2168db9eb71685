"""Read [[synonyms]] files: a search term and the document words it stands for.

Checked the way core/schema.py checks the other data files: every problem
names its key path and line, and a bad entry is skipped, never fatal. A
user's own file is also checked against the loaded policies, once they are
all in: a synonym none of whose words any text holds can find nothing, which
is most likely a typo, so it is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policytui.core.loader import ParsedFile
from policytui.core.model import Library, Problem, Synonym
from policytui.core.schema import DocumentReader
from policytui.core.toml_lines import format_path, line_of

SYNONYM_KEYS = {"term", "means"}


def read_synonyms(doc: dict[str, Any], reader: DocumentReader) -> list[Synonym]:
    synonyms = []
    for path, entry in reader.tables(doc, "synonyms", (), SYNONYM_KEYS, required=True):
        term = reader.string(entry, "term", path, required=True, expected="synonym_term")
        means = tuple(m.strip() for m in reader.string_list(entry, "means", path, "document_words"))
        if not means or not all(means):
            reader.problem(path + ("means",), "synonym.no_words")
            continue
        if term.strip():
            synonyms.append(Synonym(term.strip(), means))
    return synonyms


def add_synonyms(library: Library, parsed_file: ParsedFile) -> None:
    """The loader's reader of a synonyms file (core/file_kinds.py)."""
    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    library.synonyms += read_synonyms(parsed_file.doc, reader)
    library.problems += reader.problems


def unused_synonyms(library: Library, files: Iterable[ParsedFile]) -> list[Problem]:
    """A warning for each synonym of `files` that names no word of any loaded policy's text."""
    files = list(files)
    if not files or not library.policies:  # no text loaded: nothing to check against
        return []
    texts = "\n".join(
        text
        for policy in library.policies.values()
        for text in (policy.title, *(clause.text for clause in policy.clauses))
    ).casefold()
    problems = []
    for file in files:
        for number, entry in enumerate(file.doc.get("synonyms", [])):
            means = entry.get("means") if isinstance(entry, dict) else None
            words = (
                [m.strip() for m in means if isinstance(m, str) and m.strip()]
                if isinstance(means, list)
                else []
            )
            if words and not any(word.casefold() in texts for word in words):
                path = ("synonyms", number, "means")
                problems.append(
                    Problem(
                        str(file.path),
                        "synonym.finds_nothing",
                        {"words": tuple(words)},
                        where=format_path(path),
                        line=line_of(file.raw, path),
                        severity="warning",
                    )
                )
    return problems
