"""Check that a data file quotes its source verbatim, and how much of the source it quotes.

The same rule as the project's reference checker: every string under a key named
`text` must appear in the source once white space and page marks are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_WHITESPACE = re.compile(r"\s+")
_PAGE_MARK = re.compile(r"—\s*\d+\s*—")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_COVERED_RUN = re.compile(rb"\x01+")


def normalize(text: str) -> str:
    """Text with page marks and all white space removed, as the comparison sees it."""
    return _WHITESPACE.sub("", _PAGE_MARK.sub("", text))


def iter_texts(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(key path, string) for every value stored under a key named `text`."""
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}" if path else key
            if key == "text":
                if isinstance(value, str):
                    yield sub, value
                elif isinstance(value, list):
                    yield from ((f"{sub}[{i}]", v) for i, v in enumerate(value) if isinstance(v, str))
            else:
                yield from iter_texts(value, sub)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from iter_texts(item, f"{path}[{i}]")


@dataclass(frozen=True, slots=True)
class FidelityReport:
    not_verbatim: list[tuple[str, str]]  # (key path, where it departs from the source)
    coverage: float  # share of the source's Chinese characters quoted by some `text`
    checked: int


def check_fidelity(document: dict[str, Any], source: str) -> FidelityReport:
    """Compare every `text` of a parsed TOML document with its source."""
    normalized_source = normalize(source)
    covered = bytearray(len(normalized_source))
    not_verbatim = []
    checked = 0
    for key, value in iter_texts(document):
        quoted = normalize(value)
        if not quoted:
            continue
        checked += 1
        start = _first_uncovered_occurrence(normalized_source, quoted, covered)
        if start < 0:
            not_verbatim.append((key, _departure(quoted, normalized_source)))
            continue
        covered[start : start + len(quoted)] = b"\x01" * len(quoted)
    cjk = _cjk_count(normalized_source, 0, len(normalized_source))
    quoted_cjk = sum(_cjk_count(normalized_source, *run.span()) for run in _COVERED_RUN.finditer(covered))
    coverage = quoted_cjk / cjk if cjk else 1.0
    return FidelityReport(not_verbatim=not_verbatim, coverage=coverage, checked=checked)


def _cjk_count(text: str, start: int, end: int) -> int:
    """Chinese characters in text[start:end], counted by runs (a regex per character is slow)."""
    return sum(map(len, _CJK_RUN.findall(text, start, end)))


def _first_uncovered_occurrence(source: str, quoted: str, covered: bytearray) -> int:
    """Where `quoted` stands in `source`, preferring a place not yet covered; -1 if nowhere."""
    first = start = source.find(quoted)
    while start != -1 and covered[start]:
        start = source.find(quoted, start + 1)
    return first if start == -1 else start


def _departure(quoted: str, source: str) -> str:
    """The point where `quoted` stops matching the source, as "…before⟨after⟩…"."""
    lo, hi = 0, len(quoted)
    while lo < hi:  # longest prefix of `quoted` found in the source
        mid = (lo + hi + 1) // 2
        if quoted[:mid] in source:
            lo = mid
        else:
            hi = mid - 1
    return f"…{quoted[max(0, lo - 12) : lo]}⟨{quoted[lo : lo + 24]}⟩…"
