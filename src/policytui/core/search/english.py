"""English words as people type them: one key for a word's inflections and spellings.

headquarters and headquarter, parks and park, financing, financed and finance,
subsidies and subsidy, organisation and organization, centre and center all
get the same key. The same function keys the lexicon and the query, so a rule
that joins two words too eagerly only ever merges, it never loses a match.
Words of fewer than four letters are left alone (IPO, AI, HQ, bus).
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_LENGTH = 4
# British spellings, as the American ones
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"([^aeiou])our(s?)$"), r"\1or\2"),  # labour, colours; not four, hour
    (re.compile(r"([^aeiou])tre(s?)$"), r"\1ter\2"),  # centre, metres
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"amme(s?)$"), r"am\1"),  # programme
    (re.compile(r"ence$"), "ense"),
)  # licence, defence (offense, license)
_SIBILANT = ("s", "x", "z", "ch", "sh")
_VOWELS = set("aeiouy")


@lru_cache(maxsize=4096)  # the lexicon asks for the same few words at every keystroke
def english_key(word: str) -> str:
    """The word's key: lower case, American spelling, no plural, -ing, -ed or final e."""
    word = word.lower()
    if len(word) < MIN_LENGTH or not word.isascii() or not word.isalpha():
        return word
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    word = _singular(word)
    for suffix in ("ing", "ed"):
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3 and _VOWELS & set(stem):
            word = stem[:-1] + "y" if suffix == "ed" and stem.endswith("i") else stem  # certified
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # planned, shipping
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # finance, financ(ing), financ(ed)
    return word


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(_SIBILANT):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def phrase_key(phrase: str) -> str:
    """Every word of a phrase keyed (software parks -> software park); spacing and case ignored."""
    return " ".join(english_key(word) for word in phrase.split())
