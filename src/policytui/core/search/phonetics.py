"""How characters sound: the readings behind pinyin and homophone search.

A Chinese character has one or more toneless readings (行: xing, hang). The
index keeps one *sound code* per character, a private-use character standing
for its first reading, so that a clause's sounds line up one to one with its
characters and a hit in the sounds is a hit at the same place in the text.
A typed syllable then matches the codes of every character that can be read
that way, and the reading is checked against the character itself. Initials
(zjtx) follow first readings only. The readings come from a cached table
(pinyin_table.py), so a search does not import pypinyin.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from policytui.core.search.pinyin_table import readings_table, syllables

_FIRST_CODE = 0xE000  # the start of the Private Use Area: never in a policy text
_FULL_WIDTH_OFFSET = 0xFEE0  # Ａ (U+FF21) - A (U+0041)
_INITIALS = ("zh", "ch", "sh")  # initials of two letters, typed as a unit


@cache
def readings_of(char: str) -> tuple[str, ...]:
    """A character's toneless readings, the most common first; () for anything not Chinese."""
    readings = readings_table().get(char)
    return tuple(readings.split(",")) if readings else ()


@cache
def code_of(syllable: str) -> str:
    return chr(_FIRST_CODE + syllables().index(syllable))  # syllables are sorted: codes are stable


def sound_of(char: str) -> str:
    """A character's sound code (its first reading), or the character folded when it has none."""
    readings = readings_of(char)
    return code_of(readings[0]) if readings else fold(char)


@cache
def _typeable_syllables() -> frozenset[str]:
    """The syllables a person can type: Latin letters with a vowel (not m, ng, hm…)."""
    return frozenset(s for s in syllables() if s.isascii() and s.isalpha() and any(v in s for v in "aeiouv"))


@cache
def _syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:i] for s in _typeable_syllables() for i in range(1, len(s)))


@cache
def fold_table() -> dict[int, str]:
    """Full-width ASCII to ASCII and capitals to small letters: how text and queries are compared."""
    table = {code: chr(code - _FULL_WIDTH_OFFSET).lower() for code in range(0xFF01, 0xFF5F)}
    table.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})
    table[0x3000] = " "
    return table


def fold(text: str) -> str:
    return text.translate(fold_table())


class SoundTable:
    """Sound codes for the characters of one index, and which codes a reading can match."""

    def __init__(self, chars: Iterable[str]) -> None:
        self._translate: dict[int, str] = dict(fold_table())
        self._codes_by_reading: dict[str, set[str]] = {}
        self._codes_by_prefix: dict[str, frozenset[str]] = {}
        self._first_readings: set[str] = set()
        for char in chars:
            readings = readings_of(char)
            if readings:
                code = code_of(readings[0])
                self._translate[ord(char)] = code
                self._first_readings.add(readings[0])
                for reading in readings:
                    self._codes_by_reading.setdefault(reading, set()).add(code)
        self._letters = {ord(code_of(s)): s[0] for s in syllables() if s}

    def sounds(self, text: str) -> str:
        """`text` with each Chinese character replaced by its sound code, the rest folded."""
        return text.translate(self._translate)

    def letters(self, sounds: str) -> str:
        """The first letter of each sound code (what people type as initials: zjtx)."""
        return sounds.translate(self._letters)

    def letter_of(self, code: str) -> str:
        return self._letters.get(ord(code), code)

    def codes_for_reading(self, reading: str) -> frozenset[str]:
        return frozenset(self._codes_by_reading.get(reading, ()))

    def codes_for_prefix(self, prefix: str) -> frozenset[str]:
        """Codes of the first readings that start with `prefix` (z: zhuan, zi…). Initials are
        typed fast and loosely; a character's other readings would only add noise."""
        if prefix not in self._codes_by_prefix:
            self._codes_by_prefix[prefix] = frozenset(
                code_of(reading) for reading in self._first_readings if reading.startswith(prefix)
            )
        return self._codes_by_prefix[prefix]

    def codes_for_char(self, char: str) -> frozenset[str]:
        """The char's own code and its homophones' (心 for 新): one wrong character of the same sound."""
        readings = readings_of(char)
        return frozenset({sound_of(char)}.union(*(self._codes_by_reading.get(r, ()) for r in readings)))


def split_pinyin(typed: str) -> list[tuple[str, bool]] | None:
    """Typed pinyin as pieces: (syllable, True) or (initial or unfinished syllable, False).

    kaiyuan -> kai yuan; zjtx -> z j t x; zhuanjtx -> zhuan j t x; kaiyu -> kai yu;
    kaiyua -> kai + "yua" (still being typed). None when it cannot be pinyin.
    Fewest pieces win, whole syllables before initials; fangan reads fang an.
    """
    typed = typed.lower()
    if not typed.isascii() or not typed.isalpha() or len(typed) > 60:
        return None
    typeable, prefixes = _typeable_syllables(), _syllable_prefixes()
    # best[i]: (cost, pieces) for typed[:i]
    best: list[tuple[float, list[tuple[str, bool]]] | None] = [None] * (len(typed) + 1)
    best[0] = (0.0, [])
    for start in range(len(typed)):
        reached = best[start]
        if reached is None:
            continue
        cost, pieces = reached
        for end in range(min(len(typed), start + 6), start, -1):
            piece = typed[start:end]
            if piece in typeable:
                option = (cost + 1.0, pieces + [(piece, True)])
            elif piece in _INITIALS or (len(piece) == 1 and piece in prefixes):
                option = (cost + 1.5, pieces + [(piece, False)])
            elif end == len(typed) and piece in prefixes:
                option = (cost + 1.2, pieces + [(piece, False)])
            else:
                continue
            known = best[end]
            if known is None or option[0] <= known[0]:  # ties: the longer first piece
                best[end] = option
    return best[-1][1] if best[-1] is not None else None
