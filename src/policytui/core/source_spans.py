"""Where each clause stands in its policy's source text (no UI here).

A clause's text is the source's words without the PDF's line breaks and page
marks, so it is matched with white space ignored; a clause broken by a page
mark is found by its beginning and its end. Clauses come in reading order, so
each is looked for after the one before: a title that the notice also quotes
is found in its own place.
"""

from __future__ import annotations

from collections.abc import Sequence

EDGE = 24  # characters of a clause's beginning or end that identify it


def _squeezed(text: str) -> tuple[str, list[int]]:
    """`text` without white space, and the index in `text` of each character kept."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _find(source: str, quoted: str, start: int) -> tuple[int, int] | None:
    """(start, end) of `quoted` in `source` from `start`, by its whole or by its two ends."""
    found = source.find(quoted, start)
    if found >= 0:
        return found, found + len(quoted)
    edge = max(1, min(EDGE, len(quoted) // 2))
    found = source.find(quoted[:edge], start)
    if found < 0:
        return None
    tail = quoted[-edge:]
    end = source.find(tail, found + edge)
    return (found, end + len(tail)) if end >= 0 else (found, found + edge)


def locate_clauses(source: str, texts: Sequence[str]) -> list[tuple[int, int] | None]:
    """For each text, in reading order, its (start, end) offsets in `source`, or None."""
    squeezed_source, where = _squeezed(source)
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for text in texts:
        quoted, _ = _squeezed(text)
        found = (
            (_find(squeezed_source, quoted, cursor) or _find(squeezed_source, quoted, 0)) if quoted else None
        )
        if found is None:
            spans.append(None)
            continue
        start, end = found
        cursor = end
        spans.append((where[start], where[end - 1] + 1))
    return spans
