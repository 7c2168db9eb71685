"""Search: parse the query, narrow by the index, score the candidates, rank them.

A clause's score is the mean of its terms' scores, each the best of the
term's alternatives (match.py). Higher scores first; of equal scores, the
clause tagged with more of the topics the terms name (headquarters: a clause
on headquarters before one that mentions 总部 in passing), then library
order, so the same query always gives the same list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import islice

from policytui.core.search.candidates import CANDIDATES, candidates
from policytui.core.search.index import Entry, SearchIndex
from policytui.core.search.match import ceiling, score
from policytui.core.search.plan import Plan, make_plan
from policytui.core.search.query import Alternative, parse_query
from policytui.core.search.results import SearchResult, make_snippet
from policytui.core.status import PolicyStatus, Validity

FILTER_ONLY = 100  # a query of filters alone: every clause that passes, in library order


def search(
    index: SearchIndex,
    text: str,
    limit: int = 10,
    policy: str | None = None,
    as_of: date | None = None,
    in_force_first: bool = False,
) -> list[SearchResult]:
    """The best `limit` clauses for `text` (in `policy`, if given), each with its policy's status
    as of `as_of` (today if None); with `in_force_first`, clauses of policies in force rank before
    the others, and those of expired policies last. Raises QueryError when the query cannot be read."""
    query = parse_query(text, index.lexicon, policy)
    statuses = index.statuses(as_of or date.today())
    admitted = index.admitted(query.filters, statuses)
    if not query.terms:
        numbers: Iterable[int] = admitted.numbers()
        if in_force_first:
            numbers = sorted(numbers, key=lambda n: _standing(statuses[index.entries[n].clause.policy_id]))
        return [_result(index, n, FILTER_ONLY, (), statuses) for n in islice(numbers, limit)]
    # the most promising alternatives first, so that scoring can stop at one nothing else beats
    plans: dict[Alternative, Plan] = {}  # the words of a phrase share its alternatives: each is planned once
    plans_by_term = [
        sorted(
            (plans.get(a) or plans.setdefault(a, make_plan(a, index)) for a in term.alternatives),
            key=ceiling,
            reverse=True,
        )
        for term in query.terms
    ]
    numbers = candidates(index, plans_by_term, admitted, max(CANDIDATES, 2 * limit))
    topics_by_term = [{a.topic for a in term.alternatives if a.topic} for term in query.terms]
    ranked = []
    for number in numbers:
        entry = index.entries[number]
        best = [_best_plan(plans, entry) for plans in plans_by_term]
        total = round(sum(value for value, _ in best) / len(best))
        if total > 0:
            standing = _standing(statuses[entry.clause.policy_id]) if in_force_first else 0
            tagged = sum(not topics.isdisjoint(entry.clause.topics) for topics in topics_by_term)
            ranked.append((standing, -total, -tagged, number, best))
    ranked.sort(key=lambda item: item[:4])
    return [
        _result(index, number, -negative, _spans(index.entries[number], best), statuses)
        for _, negative, _, number, best in ranked[:limit]
    ]


def _standing(status: PolicyStatus) -> int:
    """In force first, expired last, the rest (not yet in force, drafts, unknown) between."""
    return 0 if status.usable else 2 if status.validity is Validity.EXPIRED else 1


def _best_plan(plans: list[Plan], entry: Entry) -> tuple[float, Plan | None]:
    """The term's score on the clause: its best alternative's, and that alternative."""
    best: tuple[float, Plan | None] = (0.0, None)
    for plan in plans:
        if best[0] >= ceiling(plan):
            break
        hit = score(plan, entry)
        if hit is not None and hit.score > best[0]:
            best = (hit.score, plan)
    return best


def _spans(entry: Entry, best: list[tuple[float, Plan | None]]) -> tuple[tuple[int, int], ...]:
    """Where the terms are, the best-scoring term's places first (the snippet centres on it)."""
    spans: list[tuple[int, int]] = []
    for _, plan in sorted(best, key=lambda item: -item[0]):
        if plan is not None and (hit := score(plan, entry, spans=True)):
            spans += hit.spans
    return tuple(spans)


def _result(
    index: SearchIndex,
    number: int,
    total: int,
    spans: tuple[tuple[int, int], ...],
    statuses: dict[str, PolicyStatus],
) -> SearchResult:
    entry = index.entries[number]
    snippet, snippet_spans = make_snippet(entry.text, spans)
    return SearchResult(entry.clause, total, snippet, snippet_spans, statuses[entry.clause.policy_id])
