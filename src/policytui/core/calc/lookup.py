"""Rank rules by what a person types into the picker: fuzzily, by id or name (core.lookup finds one by id)."""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from policytui.core.calc.rules import Rule
from policytui.core.model import Library


def rank_rules(library: Library, query: str, limit: int | None = None, score_cutoff: float = 30) -> list[Rule]:
    """Rules best matching `query` (id, Chinese or English name), best first; all of them for ""."""
    rules = list(library.rules.values())
    if not query.strip():
        return rules[:limit]
    choices = {r.id: f"{r.id} {r.name} {r.name_en}" for r in rules}
    matches = process.extract(query, choices, scorer=fuzz.WRatio, processor=utils.default_process,
                              limit=limit or len(rules), score_cutoff=score_cutoff)
    return [library.rules[key] for _, _, key in matches]

