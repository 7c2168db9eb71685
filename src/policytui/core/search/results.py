"""A search result, its snippet around the best hit, and its JSON shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypedDict

from policytui.core.model import Clause
from policytui.core.status import PolicyStatus, StatusJson

SNIPPET_WIDTH = 48  # characters: one line of a terminal at 96 columns of Chinese
SNIPPET_LEAD = 12  # characters shown before the best hit
ELLIPSIS = "…"
# A figure with its unit (or an id, a Latin word): a snippet's ends move out of one, so that
# it never shows `…00万元` or `最高5…`.
_WHOLE = re.compile(r"[0-9A-Za-z.．%％]+[万亿千百]*[元%％]?")


class SearchResultJson(TypedDict):
    id: str
    policy: str
    label: str
    title: str
    score: int
    snippet: str
    spans: list[list[int]]  # [start, end) in the snippet
    status: StatusJson


@dataclass(frozen=True, slots=True)
class SearchResult:
    clause: Clause
    score: int  # 0 to 100; see match.py for what the tiers mean
    snippet: str  # the text around the best hit, on one line
    spans: tuple[tuple[int, int], ...]  # the hits, as [start, end) in `snippet`
    status: PolicyStatus  # the policy's, as of the search's date

    @property
    def id(self) -> str:
        return self.clause.id

    def as_json(self) -> SearchResultJson:
        return {
            "id": self.clause.id,
            "policy": self.clause.policy_id,
            "label": self.clause.label,
            "title": self.clause.title,
            "score": self.score,
            "snippet": self.snippet,
            "spans": [list(span) for span in self.spans],
            "status": self.status.as_json(),
        }


def group_by_policy(results: list[SearchResult]) -> list[list[SearchResult]]:
    """The results in groups of one policy each, in the order of each policy's best result."""
    groups: dict[str, list[SearchResult]] = {}
    for result in results:
        groups.setdefault(result.clause.policy_id, []).append(result)
    return list(groups.values())


def make_snippet(
    text: str, spans: tuple[tuple[int, int], ...], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters of `text` around the first span, and the spans within it."""
    best = next((span for span in spans if span[1] > span[0]), (0, 0))
    start = max(0, min(best[0] - SNIPPET_LEAD, len(text) - width))
    end = min(len(text), start + width)
    for piece in _WHOLE.finditer(text):
        if piece.start() < start < piece.end():
            start = piece.start()
        if piece.start() < end < piece.end():
            end = piece.end()
    lead = ELLIPSIS if start > 0 else ""
    snippet = lead + text[start:end].replace("\n", " ") + (ELLIPSIS if end < len(text) else "")
    shift = len(lead) - start
    inside = sorted(
        {(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start and e > s}
    )
    return snippet, tuple(_merge(inside))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
