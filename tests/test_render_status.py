"""One status formatter: every badge joined one way per medium, with the language's punctuation."""

from __future__ import annotations

from datetime import date

import pytest

from policytui.core.status import PolicyStatus, Validity
from policytui.render.status import short_status, status_badges, status_text

AS_OF = date(2026, 11, 22)


def _status(draft: bool, validity: Validity, until: str = "2025-12-31") -> PolicyStatus:
    return PolicyStatus(AS_OF, draft, validity, None, date.fromisoformat(until) if until else None, until)


LAPSED_DRAFT = _status(True, Validity.EXPIRED)
EXPIRED = _status(False, Validity.EXPIRED)
OPEN_ENDED = _status(False, Validity.IN_FORCE, until="")


@pytest.mark.parametrize(
    ("status", "lang", "expected"),
    [
        (LAPSED_DRAFT, "zh", "征求意见稿，拟定有效期已过（拟至2025-12-31）"),
        (LAPSED_DRAFT, "en", "Draft for comments, proposed validity has passed (proposed until 2025-12-31)"),
        (EXPIRED, "zh", "已失效（有效期至2025-12-31）"),
        (EXPIRED, "en", "Expired (valid until 2025-12-31)"),
        (OPEN_ENDED, "en", "In force"),
    ],
)
def test_status_text_joins_with_the_languages_comma(status, lang, expected):
    assert status_text(status, lang) == expected


def test_badges_are_bracketed_one_by_one():
    assert status_badges(LAPSED_DRAFT, "zh") == "[征求意见稿] [拟定有效期已过（拟至2025-12-31）]"
    assert status_badges(EXPIRED, "en") == "[Expired (valid until 2025-12-31)]"


def test_short_status_is_one_bracket_of_few_words():
    assert short_status(LAPSED_DRAFT, "zh") == "[征求意见稿 拟定有效期已过]"
    assert short_status(EXPIRED, "en") == "[expired]"


@pytest.mark.parametrize("status", [LAPSED_DRAFT, EXPIRED, OPEN_ENDED])
def test_no_chinese_punctuation_in_english(status):
    assert not any(
        mark in text
        for mark in "，、；（）"
        for text in (status_text(status, "en"), status_badges(status, "en"), short_status(status, "en"))
    )
