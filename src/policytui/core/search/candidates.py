"""Narrow a query to the few clauses worth scoring, from the index alone.

Each clause earns a point for every posting of the query it is in (pairs of
sounds or initials, in the body and again in the title, figures, topics);
those with the most points, earlier clauses first, are the candidates.
A posting that holds a large share of all clauses tells almost nothing and
costs the most to count, so it is not counted; it only fills up the list
when too few clauses earned a point (a query like 软件, which is everywhere).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence

from policytui.core.search.index import Admitted, SearchIndex
from policytui.core.search.plan import Plan

CANDIDATES = 200  # clauses scored in full for one query
BROAD_SHARE = 0.2  # a posting holding more than this share of all clauses is not counted


def candidates(index: SearchIndex, plans: Sequence[Plan], admitted: Admitted,
               limit: int = CANDIDATES) -> list[int]:
    """The clause numbers to score, at most `limit` of them."""
    if not any(plan.evidence for plan in plans):
        return _scan(index, [plan for plan in plans if plan.needs_scan], admitted, limit)
    broad_size = max(limit, int(len(index) * BROAD_SHARE))
    points: Counter[int] = Counter()
    broad: list[tuple[bool, Sequence[int]]] = []  # (in the body, posting)
    for plan in plans:
        for body, title in plan.evidence:
            for in_body, posting in ((True, body), (False, title)):
                posting = admitted.within(posting)
                if len(posting) <= broad_size:
                    points.update(posting)
                else:
                    broad.append((in_body, posting))
    if admitted.only is not None:
        points = Counter({number: points[number] for number in points.keys() & admitted.only})
    chosen = _most_points(points, limit)
    if len(chosen) < limit:
        # titles before bodies, the narrowest first
        for _, posting in sorted(broad, key=lambda item: (item[0], len(item[1]))):
            _fill(chosen, posting, admitted, limit)
    return chosen


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
    in_title, in_body = [], []
    for number in admitted.numbers():
        entry = index.entries[number]
        if any(plan.pattern.search(entry.sounds, 0, entry.title_end) for plan in plans):
            in_title.append(number)
        elif any(plan.pattern.search(entry.sounds) for plan in plans):
            in_body.append(number)
    return (in_title + in_body)[:limit]
