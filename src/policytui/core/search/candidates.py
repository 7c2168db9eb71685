"""Narrow a query to the few clauses worth scoring, from the index alone.

For each term, each clause gets an estimate of the term's score from the
postings alone: the share of each reading's pairs (of sounds or initials,
or a figure) it holds, in the body and in the title, at what that reading
would score. Exact readings count only where every pair is there; the typed
words, which may hold a typo, from a third. The clauses with the highest sum
of estimates, earlier clauses first, are the candidates. A posting holding a
large share of all clauses tells almost nothing and costs the most to count,
so it is not counted; like topic tags, which score below any text found, it
only fills up the list when too few clauses have an estimate (软件 is everywhere).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from policytui.core.search.index import Admitted, SearchIndex
from policytui.core.search.match import ceiling
from policytui.core.search.plan import Plan

CANDIDATES = 100  # clauses scored in full for one query (the top 10 are the same as with 400)
BROAD_SHARE = 0.2  # a posting holding more than this share of all clauses is not counted
REFINE_MAX = 50  # a term everywhere is looked up in at most this many times `limit` clauses
LOOKUP_SHARE = 20  # a posting this many times longer than the clauses left: look each up, not walk it
FILL_TITLE, FILL_BODY, FILL_TOPIC = range(3)  # what fills the list up when too few clauses earned points


def candidates(
    index: SearchIndex, plans_by_term: Sequence[Sequence[Plan]], admitted: Admitted, limit: int = CANDIDATES
) -> list[int]:
    """The clause numbers to score, at most `limit` of them."""
    plans = [plan for plans in plans_by_term for plan in plans]
    if not any(plan.evidence for plan in plans):
        return _scan(index, [plan for plan in plans if plan.needs_scan], admitted, limit)
    broad_size = max(limit, int(len(index) * BROAD_SHARE))
    points: Counter[int] = Counter()
    fillers: list[tuple[int, Sequence[int]]] = []  # (order of use, posting)
    broad_terms = []
    # Of clauses holding every pair of a common term, the first `limit` are all a lone term
    # needs (equal estimates go to the earlier clauses); with other terms, points add up.
    holders = limit if len(plans_by_term) == 1 else REFINE_MAX * limit
    for term_plans in plans_by_term:
        estimates: dict[int, float] = {}  # clause number -> the term's likely score there
        for plan in term_plans:
            _estimate(plan, admitted, broad_size, holders, limit, estimates, fillers)
        if estimates:
            points.update(estimates)
        else:
            broad_terms.append(term_plans)
    if admitted.only is not None:
        points = Counter({number: points[number] for number in points.keys() & admitted.only})
    if broad_terms and len(points) <= REFINE_MAX * limit:
        # 园区 租金: 园区 is everywhere, so it is looked up only in the clauses 租金 found
        for term_plans in broad_terms:
            points.update(_estimate_within(list(points), term_plans))
    chosen = _most_points(points, limit)
    for _, posting in sorted(fillers, key=lambda item: (item[0], len(item[1]))):
        if len(chosen) >= limit:
            break
        _fill(chosen, posting, admitted, limit)
    return chosen


def _estimate(
    plan: Plan,
    admitted: Admitted,
    broad_size: int,
    holders: int,
    limit: int,
    estimates: dict[int, float],
    fillers: list[tuple[int, Sequence[int]]],
) -> None:
    """Raise `estimates` to what the alternative would likely score, from the share of its
    pairs each clause holds (a title hit adds its bonus); queue what is too broad to count."""
    if plan.alternative.topic is not None:  # a tag scores below any text found: it only fills
        fillers.append((FILL_TOPIC, admitted.within(plan.evidence[0][0])))
        return
    bodies, titles, broad = [], [], []
    for body, title in plan.evidence:
        body, title = admitted.within(body), admitted.within(title)
        if len(body) > broad_size:
            fillers.append((FILL_BODY, body))
            broad.append(body)
            continue
        bodies.append(body)
        if len(title) > broad_size:
            fillers.append((FILL_TITLE, title))
        else:
            titles.append(title)
    body_score = ceiling(plan, in_title=False)
    if not bodies:
        if len(broad) > 1:  # zczzyszhzx: every pair of initials is common, all of them together rare
            _raise(estimates, _holding_all(broad, holders), body_score)
        return
    # Every pair: the clauses in all the postings, found at C speed. When most pairs are
    # broad (one initial after another is common) and the rest leave more clauses than could
    # be chosen, the broad postings are looked up for those clauses.
    common = _common(bodies)
    if len(broad) > len(bodies) and len(common) > holders:
        common = _holding_all([sorted(common), *broad], holders)
    _raise(estimates, common, body_score)
    if len(titles) == len(bodies):
        _raise(estimates, _common(titles), ceiling(plan))
    if not plan.alternative.similar or len(bodies) == 1:
        return
    # The typed words may have lost pairs to a typo: count them, and keep a clause with a
    # third of them, among the `limit` clauses with the most.
    in_body: Counter[int] = Counter()
    in_title: Counter[int] = Counter()
    for body in bodies:
        in_body.update(body)
    for title in titles:
        in_title.update(title)
    need, title_bonus = max(1, len(bodies) // 3), ceiling(plan) - body_score
    for number in _most_points(in_body, limit):
        n = in_body[number]
        if n >= need:
            estimate = (body_score * n + title_bonus * in_title.get(number, 0)) / len(bodies)
            if estimate > estimates.get(number, 0.0):
                estimates[number] = estimate


def _estimate_within(numbers: list[int], plans: Sequence[Plan]) -> dict[int, float]:
    """A broad term's estimate on a few clauses, by looking each up in its postings."""
    estimates: dict[int, float] = {}
    for plan in plans:
        if plan.alternative.topic is not None or not plan.evidence:
            continue
        for in_title, score in ((False, ceiling(plan, in_title=False)), (True, ceiling(plan))):
            postings = [title if in_title else body for body, title in plan.evidence]
            for number in numbers:
                if score > estimates.get(number, 0.0) and all(_holds(p, number) for p in postings):
                    estimates[number] = score
    return estimates


def _holding_all(postings: list[Sequence[int]], most: int) -> set[int]:
    """The first `most` clauses in every posting: the two shortest intersected at C speed,
    then each other posting intersected too, or looked up once few clauses are left."""
    shortest, second, *others = sorted(postings, key=len)
    found = set(shortest).intersection(second)
    for posting in others:
        if len(found) * LOOKUP_SHARE < len(posting):
            found = {number for number in found if _holds(posting, number)}
        else:
            found.intersection_update(posting)
    return set(heapq.nsmallest(most, found)) if len(found) > most else found


def _holds(posting: Sequence[int], number: int) -> bool:
    at = bisect_left(posting, number)
    return at < len(posting) and posting[at] == number


def _common(postings: list[Sequence[int]]) -> set[int]:
    postings = sorted(postings, key=len)
    return set(postings[0]).intersection(*postings[1:])


def _raise(estimates: dict[int, float], numbers: set[int], value: float) -> None:
    """estimates[n] = max(estimates[n], value) for each n, with the loop only where both have n."""
    fresh = dict.fromkeys(numbers, value)
    for number in fresh.keys() & estimates.keys():
        if estimates[number] > value:
            fresh[number] = estimates[number]
    estimates.update(fresh)


def _most_points(points: Counter[int], limit: int) -> list[int]:
    """The `limit` clauses with the most points; of equal points, the earlier clauses."""
    if len(points) <= limit:
        return list(points)
    remaining, threshold = limit, 0
    for value, count in sorted(Counter(points.values()).items(), reverse=True):
        threshold = value
        if count >= remaining:
            break
        remaining -= count
    above = [number for number, n in points.items() if n > threshold]
    tied = (number for number, n in points.items() if n == threshold)
    return above + heapq.nsmallest(limit - len(above), tied)


def _fill(chosen: list[int], posting: Sequence[int], admitted: Admitted, limit: int) -> None:
    seen = set(chosen)
    for number in posting:
        if len(chosen) >= limit:
            return
        if number not in seen and (admitted.only is None or number in admitted.only):
            chosen.append(number)
            seen.add(number)


def _scan(index: SearchIndex, plans: Sequence[Plan], admitted: Admitted, limit: int) -> list[int]:
    """One character or syllable: look at every clause, titles first."""
    patterns = [plan.pattern for plan in plans if plan.pattern is not None]  # needs_scan: every one
    in_title, in_body = [], []
    for number in admitted.numbers():
        entry = index.entries[number]
        if any(pattern.search(entry.sounds, 0, entry.title_end) for pattern in patterns):
            in_title.append(number)
        elif any(pattern.search(entry.sounds) for pattern in patterns):
            in_body.append(number)
    return (in_title + in_body)[:limit]
