"""The one "did you mean" helper: the known names nearest to what a person typed.

rapidfuzz is imported inside the function, so a command that never needs a
suggestion never loads it.
"""

from __future__ import annotations

from collections.abc import Iterable

CUTOFF = 60  # WRatio out of 100: below it a "suggestion" is mostly noise


def closest(word: str, choices: Iterable[str], limit: int = 3, cutoff: float = CUTOFF,
            whole: bool = False) -> list[str]:
    """The choices nearest to `word`, best first, case and punctuation ignored; [] when none is near.

    By default a choice that contains `word`, or is contained in it, counts as near (WRatio:
    `rent` finds `rent subsidy`); with `whole`, only a choice near as a whole does (ratio: a
    typo'd word against a vocabulary of short words, where every part would be "near").
    """
    from rapidfuzz import fuzz, process, utils

    matches = process.extract(word, list(dict.fromkeys(choices)), scorer=fuzz.ratio if whole else fuzz.WRatio,
                              processor=utils.default_process, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _, _ in matches]
