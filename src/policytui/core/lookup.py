"""Find a clause or a rule by what a person types: its full id, a local id, or its name.

One lookup for both: a full id (wuxi-draft/m4, wuxi-draft:hq-landing) finds its item; a
local id (m4, hq-landing) finds it when one policy has it, and lists every match when
several do; anything else gets the closest ids, full ids always. The calculator's picker
ranks rules by name here too, and finds the rule for the clause being read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from policytui.core.calc.rules import Rule
from policytui.core.closest import closest_keys
from policytui.core.model import Clause, Library

T = TypeVar("T")
CLAUSE_SEPARATOR = "/"
RULE_SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """The item, or else the ids a local id matches in several policies, or else the closest ids."""

    item: T | None
    matches: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()


def find_by_id(
    query: str,
    items: Mapping[str, T],
    separator: str,
    by_words: Mapping[str, str] | None = None,
    limit: int = 5,
) -> Found[T]:
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


def closest_ids(
    query: str, ids: Iterable[str], separator: str, by_words: Mapping[str, str] | None = None, limit: int = 5
) -> list[str]:
    """The ids nearest to `query`, best first: a local query against local ids, a Chinese one by words.

    An id is matched whole (a typo'd id); words in part (a phrase of a heading)."""
    if by_words is not None and any("\u3400" <= ch <= "\u9fff" for ch in query):
        return closest_keys(query, by_words, limit=limit)
    if separator in query:
        return closest_keys(query, {key: key for key in ids}, limit=limit, whole=True)
    return closest_keys(query, {key: key.partition(separator)[2] for key in ids}, limit=limit, whole=True)


def find_clause(library: Library, query: str) -> Found[Clause]:
    clauses = {c.id: c for c in library.clauses()}
    return find_by_id(query, clauses, CLAUSE_SEPARATOR, {key: c.heading for key, c in clauses.items()})


def find_rule(library: Library, query: str) -> Found[Rule]:
    found = find_by_id(
        query, library.rules, RULE_SEPARATOR, {key: r.name for key, r in library.rules.items()}
    )
    if found.item is None and not found.matches and not found.closest:  # by name, in either language
        return Found(None, closest=tuple(r.id for r in rank_rules(library, query, limit=5)))
    return found


# below closest()'s cutoff: the picker ranks as a person types against id + both names,
# and WRatio scales a short query against so long a text down (落地奖 scores 54 against
# "wuxi-draft:hq-landing 总部落地奖励 HQ landing"); the best still come first
PICK_CUTOFF = 30


def rank_rules(library: Library, query: str, limit: int | None = None) -> list[Rule]:
    """Rules best matching `query` (id, Chinese or English name), best first; all of them for ""."""
    rules = list(library.rules.values())
    if not query.strip():
        return rules[:limit]
    names = {r.id: f"{r.id} {r.name} {r.name_en}" for r in rules}
    return [library.rules[key] for key in closest_keys(query, names, limit=limit, cutoff=PICK_CUTOFF)]


def rule_for_clause(library: Library, selected: str | None) -> Rule | None:
    """The rule for what is being read (a clause id, or a policy id): the clause's own rule,
    else a rule of a clause under it, else the policy's first rule, else the first rule."""
    rules = list(library.rules.values())
    clause = library.clause(selected or "")
    if clause is not None:
        policy = library.policy_of(clause)
        own = [r for r in rules if r.clause_id == clause.id]
        below = [
            r
            for r in rules
            if r.policy_id == policy.id
            and (own_clause := policy.clause(r.clause)) is not None
            and clause in policy.ancestors(own_clause)
        ]
        if own or below:
            return (own or below)[0]
    policy_id = (selected or "").partition("/")[0]
    return next((r for r in rules if r.policy_id == policy_id), rules[0] if rules else None)
