"""A term's alternative made ready for one index: the pattern to find it and the postings to narrow by."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise, product
from typing import Protocol

from policytui.core.search.index import SearchIndex
from policytui.core.search.phonetics import code_of, sound_of
from policytui.core.search.query import CHAR, INITIAL, SYLLABLE, Alternative, Unit

Posting = Sequence[int]


class Postings(Protocol):
    """Pair of sounds or of initials -> clause numbers: a dict, or the index's ByInitials."""

    def __contains__(self, key: str) -> bool: ...

    def __getitem__(self, key: str) -> Posting: ...


@dataclass(frozen=True, slots=True)
class Plan:
    alternative: Alternative
    pattern: re.Pattern[str] | None  # where its units can be in an entry's sounds (None: nowhere)
    literal: str  # the same, when each unit has one code: str.find is much quicker than a pattern
    evidence: tuple[tuple[Posting, Posting], ...]  # (body, title) postings a match makes likely
    sounds: str  # the units as sound codes, for similarity ("" when they have none)
    chars: str  # the units as characters, when all are characters: the quick test for exact

    def places(self, sounds: str) -> Iterator[tuple[int, int]]:
        """Every [start, end) of `sounds` where the units may stand, overlapping places included."""
        if self.literal:
            at = sounds.find(self.literal)
            while at >= 0:
                yield at, at + len(self.literal)
                at = sounds.find(self.literal, at + 1)
        elif self.pattern is not None:
            match = self.pattern.search(sounds)
            while match:
                yield match.span()
                match = self.pattern.search(sounds, match.start() + 1)

    @property
    def needs_scan(self) -> bool:
        """A single character or syllable: no pair to look up, so clauses are scanned."""
        return not self.evidence and self.pattern is not None


def make_plan(alternative: Alternative, index: SearchIndex) -> Plan:
    if alternative.topic is not None:
        return Plan(alternative, None, "", ((index.by_topic.get(alternative.topic, ()), ()),), "", "")
    if alternative.amount is not None:
        return Plan(alternative, None, "", ((index.by_amount.get(alternative.amount, ()), ()),), "", "")
    units = alternative.units
    classes = [_codes(unit, index, alternative.homophones) for unit in units]
    # A figure is matched whole: 500万 is not in 1500万元.
    starts_with_figure, ends_with_figure = (
        unit.kind == CHAR and unit.value.isdigit() for unit in (units[0], units[-1])
    )
    pattern = None
    if all(classes):
        pattern = re.compile(
            (r"(?<![\d.])" if starts_with_figure else "")
            + _pattern(classes)
            + (r"(?![\d.])" if ends_with_figure else "")
        )
    single = all(len(codes) == 1 for codes in classes) and not (starts_with_figure or ends_with_figure)
    literal = "".join(next(iter(codes)) for codes in classes) if single else ""
    evidence = tuple(_pair_postings(first, second, index) for first, second in pairwise(units))
    chars = "".join(unit.value for unit in units) if all(unit.kind == CHAR for unit in units) else ""
    return Plan(alternative, pattern, literal, evidence, _sounds(units), chars)


def _codes(unit: Unit, index: SearchIndex, homophones: bool) -> frozenset[str]:
    """The sound codes a unit can stand on, heteronyms (and homophones, if they count) included."""
    table = index.sound_table
    if unit.kind == CHAR:
        return table.codes_for_char(unit.value) if homophones else frozenset(sound_of(unit.value))
    if unit.kind == SYLLABLE:
        return table.codes_for_reading(unit.value)
    return table.codes_for_prefix(unit.value)


def _pattern(classes: Sequence[frozenset[str]]) -> str:
    return "".join("[" + "".join(re.escape(code) for code in sorted(codes)) + "]" for codes in classes)


def _key_codes(unit: Unit, index: SearchIndex) -> frozenset[str]:
    """The codes looked up to narrow: a character's own (homophones share it), a syllable's
    readings. Rarer matches through another reading are still found among the candidates."""
    if unit.kind == CHAR:
        return frozenset(sound_of(unit.value))
    return index.sound_table.codes_for_reading(unit.value)


def _pair_postings(first: Unit, second: Unit, index: SearchIndex) -> tuple[Posting, Posting]:
    body_sounds, title_sounds, body_letters, title_letters = index.postings
    if INITIAL in (first.kind, second.kind):
        letter = index.sound_table.letter_of
        keys = {
            a + b
            for a, b in product(
                *(
                    {letter(code) for code in _key_codes(unit, index)}
                    if unit.kind != INITIAL
                    else {unit.value[0]}
                    for unit in (first, second)
                )
            )
        }
        return _union(body_letters, keys), _union(title_letters, keys)
    keys = {a + b for a, b in product(_key_codes(first, index), _key_codes(second, index))}
    return _union(body_sounds, keys), _union(title_sounds, keys)


def _union(postings: Postings, keys: set[str]) -> Posting:
    found = [postings[key] for key in keys if key in postings]
    if len(found) <= 1:
        return found[0] if found else ()
    return sorted(set().union(*found))


def _sounds(units: Sequence[Unit]) -> str:
    """The units as sound codes, when each has one (characters and whole syllables)."""
    codes = []
    for unit in units:
        if unit.kind == CHAR:
            codes.append(sound_of(unit.value))
        elif unit.kind == SYLLABLE:
            codes.append(code_of(unit.value))
        else:
            return ""
    return "".join(codes)
