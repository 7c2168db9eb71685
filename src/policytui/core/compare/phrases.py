"""Wording two policies share: maximal common phrases of at least four characters.

A phrase is maximal when it cannot be extended on either side and still occur
in both clauses. Punctuation, joining particles and half numbers at either end
are trimmed off, and the phrases
every software policy uses ("软件企业") are dropped when the corpus shows them
to be common, so what is left marks provisions worded alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from policytui.core.model import Clause

MIN_CHARS = 4
# A phrase found in more than this share of all clauses is boilerplate, not a shared provision.
COMMON_SHARE = 0.125
COMMON_FLOOR = 3  # but a phrase in only this many clauses is never "common"

Span = tuple[int, int]


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "PZC"


# Particles that only join words: a phrase starting or ending in one is cut back to the words.
_EDGE_PARTICLES = set("的和及与对等在了或并")


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without punctuation or particles at its ends, and without half a number."""

    def loose(i: int, outward: int) -> bool:
        ch = text[i]
        if not _is_word_char(ch) or ch in _EDGE_PARTICLES:
            return True
        neighbour = i + outward
        # "00万元" cut from "2000万元" is not a phrase of either text
        return ch.isdigit() and 0 <= neighbour < len(text) and text[neighbour].isdigit()

    while start < end and loose(start, -1):
        start += 1
    while end > start and loose(end - 1, +1):
        end -= 1
    return start, end


def common_substrings(a: str, b: str, min_chars: int = MIN_CHARS) -> set[str]:
    """The maximal substrings of `a` that occur in `b`, trimmed of punctuation, of min_chars or more."""
    found: set[str] = set()
    covered_to = 0
    for start in range(len(a)):
        end = start
        while end < len(a) and a[start : end + 1] in b:
            end += 1
        # a match ending where an earlier one ended is a suffix of it, not maximal
        if end > covered_to and end - start >= min_chars:
            lo, hi = _trimmed_span(a, start, end)
            phrase = a[lo:hi]
            if sum(map(_is_word_char, phrase)) >= min_chars:
                found.add(phrase)
        covered_to = max(covered_to, end)
    return found


def find_spans(text: str, phrases: Iterable[str]) -> tuple[Span, ...]:
    """Every occurrence of any phrase in `text`, merged where they touch or overlap."""
    spans = sorted((i, i + len(p)) for p in phrases for i in range(len(text)) if text.startswith(p, i))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


@dataclass(frozen=True, slots=True)
class SharedWording:
    phrases: tuple[str, ...]  # longest first; none is part of another
    spans: dict[str, tuple[Span, ...]] = field(default_factory=dict)  # by clause id

    def spans_of(self, clause: Clause) -> tuple[Span, ...]:
        return self.spans.get(clause.id, ())


def _common_in(corpus: Sequence[str], phrases: set[str]) -> set[str]:
    limit = max(COMMON_FLOOR, COMMON_SHARE * len(corpus))
    return {p for p in phrases if sum(p in text for text in corpus) > limit}


def shared_wording(columns: Sequence[Sequence[Clause]], corpus: Sequence[str] = ()) -> SharedWording:
    """Phrases found in clauses of at least two columns, and where they occur in each clause.

    `corpus` (every clause text loaded) tells boilerplate from shared provisions.
    """
    by_clause: dict[str, set[str]] = {}
    for i, left in enumerate(columns):
        for right in columns[i + 1 :]:
            for a in left:
                for b in right:
                    if a.policy_id == b.policy_id:
                        continue
                    common = common_substrings(a.text, b.text)
                    by_clause.setdefault(a.id, set()).update(common)
                    by_clause.setdefault(b.id, set()).update(common)
    everything = set().union(*by_clause.values()) if by_clause else set()
    boilerplate = _common_in(corpus, everything)
    texts = {c.id: c.text for column in columns for c in column}
    spans = {
        clause_id: found
        for clause_id, phrases in by_clause.items()
        if (found := find_spans(texts[clause_id], phrases - boilerplate))
    }
    kept = everything - boilerplate
    maximal = [p for p in kept if not any(p != q and p in q for q in kept)]
    return SharedWording(tuple(sorted(maximal, key=lambda p: (-len(p), p))), spans)
