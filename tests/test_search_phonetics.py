"""Readings, sound codes and typed pinyin."""

from __future__ import annotations

import pytest

from policytui.core.search.phonetics import SoundTable, fold, readings_of, split_pinyin


def test_readings_are_toneless_with_heteronyms_the_common_first():
    assert readings_of("行")[:2] == ("xing", "hang")
    assert readings_of("绿")[0] == "lv"
    assert readings_of("A") == ()


def test_sounds_line_up_with_the_text_one_to_one():
    table = SoundTable("开源软件")
    text = "支持开源：CMMI５级"
    sounds = table.sounds(text)
    assert len(sounds) == len(text)
    assert sounds.endswith(":cmmi5级")  # codes for the Chinese it knows, the rest folded
    assert sounds[2:4] == table.sounds("开源")


def test_homophones_share_a_code():
    table = SoundTable("新心")
    assert table.sounds("新") == table.sounds("心")
    assert table.codes_for_char("心") == table.codes_for_char("新")


def test_a_syllable_matches_characters_that_can_be_read_so():
    table = SoundTable("银行")
    # 行 is stored under its first reading, xing; hang still reaches it
    assert table.sounds("行") in table.codes_for_reading("hang")


def test_fold_makes_full_width_and_capitals_plain():
    assert fold("ＣＭＭＩ　Ab１") == "cmmi ab1"


@pytest.mark.parametrize(
    ("typed", "pieces"),
    [
        ("kaiyuan", [("kai", True), ("yuan", True)]),
        ("zhuanjingtexin", [("zhuan", True), ("jing", True), ("te", True), ("xin", True)]),
        ("zjtx", [("z", False), ("j", False), ("t", False), ("x", False)]),
        ("zhjtx", [("zh", False), ("j", False), ("t", False), ("x", False)]),
        ("kaiyua", [("kai", True), ("yua", False)]),  # still typing
        ("xian", [("xian", True)]),  # fewest pieces
        ("fangan", [("fang", True), ("an", True)]),
    ],
)
def test_split_pinyin(typed, pieces):
    assert split_pinyin(typed) == pieces


@pytest.mark.parametrize("typed", ["ipo", "cmm1", "", "a b", "x" * 61])
def test_what_cannot_be_pinyin(typed):
    assert split_pinyin(typed) is None
