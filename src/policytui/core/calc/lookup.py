"""Rank rules by what a person types into the picker: fuzzily, by id or name (core.lookup finds one by id)."""

from __future__ import annotations

from policytui.core.calc.rules import Rule
from policytui.core.model import Library


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



def rule_for_clause(library: Library, selected: str | None) -> Rule | None:
    """The rule for what is being read (a clause id, or a policy id): the clause's own rule,
    else a rule of a clause under it, else the policy's first rule, else the first rule."""
    rules = list(library.rules.values())
    clause = library.clause(selected or "")
    if clause is not None:
        policy = library.policy_of(clause)
        own = [r for r in rules if r.clause_id == clause.id]
        below = [r for r in rules if r.policy_id == policy.id
                 and clause in policy.ancestors(policy.clause(r.clause))]
        if own or below:
            return (own or below)[0]
    policy_id = (selected or "").partition("/")[0]
    return next((r for r in rules if r.policy_id == policy_id), rules[0] if rules else None)
