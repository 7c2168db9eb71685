"""Find a clause by what a person types: its full id, or a local id that is unique."""

from __future__ import annotations

from policytui.core.model import Clause, Library


def find_clause(library: Library, query: str) -> Clause | None:
    query = query.strip()
    clause = library.clause(query) or library.clause(query.lower())
    if clause is not None:
        return clause
    local = [c for c in library.clauses() if c.local_id == query.lower()]
    return local[0] if len(local) == 1 else None


def suggest_clause_ids(library: Library, query: str, limit: int = 5) -> list[str]:
    """The ids nearest to `query`, best first: by id, or by heading for Chinese queries."""
    from rapidfuzz import fuzz, process  # only when an id is not found: a look-up stays light

    if any("\u3400" <= ch <= "\u9fff" for ch in query):
        choices = {c.id: c.heading for c in library.clauses()}
        scorer = fuzz.WRatio
    else:
        choices = {c.id: c.id for c in library.clauses()}
        scorer = fuzz.ratio
    matches = process.extract(query, choices, scorer=scorer, limit=limit, score_cutoff=30)
    return [key for _, _, key in matches]
