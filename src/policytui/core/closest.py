"""The one "did you mean" helper: the known names nearest to what a person typed.

rapidfuzz is imported inside the function, so a command that never needs a
suggestion never loads it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

CUTOFF = 60  # out of 100: below it a "suggestion" is mostly noise

K = TypeVar("K", bound=Hashable)


def closest(
    word: str, choices: Iterable[str], limit: int | None = 3, cutoff: float = CUTOFF, whole: bool = False
) -> list[str]:
    """The choices nearest to `word`, best first, case and punctuation ignored; [] when none is near.

    By default a choice that contains `word`, or is contained in it, counts as near (WRatio:
    `rent` finds `rent subsidy`); with `whole`, only a choice near as a whole does (ratio: a
    typo'd word against a vocabulary of short words, where every part would be "near").
    `limit=None` returns every choice above the cutoff.
    """
    return closest_keys(word, {choice: choice for choice in choices}, limit, cutoff, whole)


def closest_keys(
    word: str, texts: Mapping[K, str], limit: int | None = 3, cutoff: float = CUTOFF, whole: bool = False
) -> list[K]:
    """closest() for things known by a text (an id by its heading): the keys of the nearest texts."""
    from rapidfuzz import fuzz, process, utils

    matches = process.extract(
        word,
        texts,
        scorer=fuzz.ratio if whole else fuzz.WRatio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=cutoff,
    )
    return [key for _, _, key in matches]
