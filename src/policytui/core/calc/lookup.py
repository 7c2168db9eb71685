"""Find a rule by what a person types: its id, a unique local name, or fuzzily by name."""

from __future__ import annotations

from policytui.core.calc.rules import Rule
from policytui.core.model import Library


def find_rule(library: Library, query: str) -> Rule | None:
    query = query.strip().lower()
    if query in library.rules:
        return library.rules[query]
    local = [r for r in library.rules.values() if r.local_id == query]
    return local[0] if len(local) == 1 else None


def rank_rules(library: Library, query: str, limit: int | None = None, score_cutoff: float = 30) -> list[Rule]:
    """Rules best matching `query` (id, Chinese or English name), best first; all of them for ""."""
    from rapidfuzz import fuzz, process, utils  # only to rank: `calc RULE` with a known id stays light

    rules = list(library.rules.values())
    if not query.strip():
        return rules[:limit]
    choices = {r.id: f"{r.id} {r.name} {r.name_en}" for r in rules}
    matches = process.extract(query, choices, scorer=fuzz.WRatio, processor=utils.default_process,
                              limit=limit or len(rules), score_cutoff=score_cutoff)
    return [library.rules[key] for _, _, key in matches]


def suggest_rule_ids(library: Library, query: str, limit: int = 5) -> list[str]:
    return [rule.id for rule in rank_rules(library, query, limit=limit)]
