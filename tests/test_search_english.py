"""english_key: one key for a word's inflections and British or American spelling."""

from __future__ import annotations

import pytest

from policytui.core.search.english import english_key, phrase_key


@pytest.mark.parametrize(
    "words",
    [
        ("park", "parks"),
        ("subsidy", "subsidies"),
        ("tax", "taxes"),
        ("finance", "financing", "financed"),
        ("train", "training", "trained"),
        ("plan", "planned", "planning"),
        ("certify", "certified"),
        ("organization", "organisation", "organisations"),
        ("center", "centre", "centres"),
        ("program", "programme"),
        ("labor", "labour"),
        ("catalog", "catalogue"),
        ("license", "licence"),
    ],
)
def test_inflections_and_spellings_share_a_key(words):
    assert len({english_key(word) for word in words}) == 1, {word: english_key(word) for word in words}


@pytest.mark.parametrize("pair", [("park", "part"), ("list", "last"), ("fund", "fun"), ("data", "date")])
def test_different_words_keep_different_keys(pair):
    assert english_key(pair[0]) != english_key(pair[1])


def test_short_words_and_non_letters_are_left_alone():
    assert [english_key(w) for w in ("IPO", "AI", "bus", "5G", "R&D", "开源")] == [
        "ipo",
        "ai",
        "bus",
        "5g",
        "r&d",
        "开源",
    ]


def test_a_phrase_is_keyed_word_by_word():
    assert phrase_key("Software  Parks") == phrase_key("software park") == "softwar park"
