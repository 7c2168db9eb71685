"""Find a clause or a rule by what a person types: its full id, or a local id.

One lookup for both: a full id (wuxi-draft/m4, wuxi-draft:hq-landing) finds its item; a
local id (m4, hq-landing) finds it when one policy has it, and lists every match when
several do; anything else gets the closest ids, full ids always.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from policytui.core.calc.lookup import rank_rules
from policytui.core.calc.rules import Rule
from policytui.core.model import Clause, Library

T = TypeVar("T")
CLOSE_SCORE = 50  # below this a suggestion is noise (rapidfuzz ratio, 0-100)
CLAUSE_SEPARATOR = "/"
RULE_SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """The item, or else the ids a local id matches in several policies, or else the closest ids."""

    item: T | None
    matches: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()


def find_by_id(query: str, items: Mapping[str, T], separator: str,
               by_words: Mapping[str, str] | None = None, limit: int = 5) -> Found[T]:
    """`by_words`: id -> its words (heading, name), to suggest ids for a query in Chinese."""
    query = query.strip()
    for key in (query, query.lower()):
        if key in items:
            return Found(items[key])
    local = [key for key in items if key.partition(separator)[2] == query.lower()]
    if len(local) == 1:
        return Found(items[local[0]])
    if local:
        return Found(None, matches=tuple(local))
    return Found(None, closest=tuple(closest_ids(query, items, separator, by_words, limit)))


def closest_ids(query: str, ids: Iterable[str], separator: str, by_words: Mapping[str, str] | None = None,
                limit: int = 5) -> list[str]:
    """The ids nearest to `query`, best first: a local query against local ids, a Chinese one by words."""
    from rapidfuzz import fuzz, process  # only when an id is not found: a look-up stays light

    if by_words is not None and any("\u3400" <= ch <= "\u9fff" for ch in query):
        choices, scorer = dict(by_words), fuzz.WRatio
    elif separator in query:
        choices, scorer = {key: key for key in ids}, fuzz.ratio
    else:
        choices, scorer = {key: key.partition(separator)[2] for key in ids}, fuzz.ratio
    return [key for _, _, key in process.extract(query, choices, scorer=scorer, limit=limit, score_cutoff=CLOSE_SCORE)]


def find_clause(library: Library, query: str) -> Found[Clause]:
    clauses = {c.id: c for c in library.clauses()}
    return find_by_id(query, clauses, CLAUSE_SEPARATOR, {key: c.heading for key, c in clauses.items()})


def find_rule(library: Library, query: str) -> Found[Rule]:
    found = find_by_id(query, library.rules, RULE_SEPARATOR, {key: r.name for key, r in library.rules.items()})
    if found.item is None and not found.matches and not found.closest:  # by name, in either language
        return Found(None, closest=tuple(r.id for r in rank_rules(library, query, limit=5)))
    return found
