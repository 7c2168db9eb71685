"""The bundled data quotes its shipped sources verbatim and covers them (the domain's first rule)."""

from __future__ import annotations

import tomllib

import pytest

from policytui.core.fidelity import check_fidelity, normalize

BUNDLED = ["nanjing-2021", "wuxi-draft"]


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_every_text_is_verbatim_and_the_source_is_covered(library, policy_id):
    policy = library.policies[policy_id]
    document = tomllib.loads(policy.file.read_text(encoding="utf-8"))
    report = check_fidelity(document, policy.read_source())
    assert report.not_verbatim == []
    assert report.checked > 15
    assert report.coverage >= 0.97


def test_a_changed_character_is_caught(library):
    policy = library.policies["wuxi-draft"]
    document = tomllib.loads(policy.file.read_text(encoding="utf-8"))
    document["clauses"][7]["text"] = document["clauses"][7]["text"].replace("6000", "8000")
    report = check_fidelity(document, policy.read_source())
    assert [key for key, _ in report.not_verbatim] == ["clauses[7].text"]
    assert "8000" in report.not_verbatim[0][1]


def test_coverage_drops_when_clauses_are_missing(library):
    policy = library.policies["wuxi-draft"]
    document = tomllib.loads(policy.file.read_text(encoding="utf-8"))
    full = check_fidelity(document, policy.read_source()).coverage
    document["clauses"] = document["clauses"][:5]
    assert check_fidelity(document, policy.read_source()).coverage < full - 0.3


def test_normalize_drops_white_space_and_page_marks():
    assert normalize("甲 乙\n丙— 26 —丁") == "甲乙丙丁"


def test_coverage_counts_the_chinese_characters_quoted():
    source = "第一条 总部奖励。\n— 2 —\nABC 第二条 人才。"  # 12 Chinese characters; page marks and Latin not counted
    assert check_fidelity({"text": "第一条总部奖励"}, source).coverage == 7 / 12
    assert (
        check_fidelity({"a": {"text": "奖励。ABC第二"}, "b": {"text": "第一条"}}, source).coverage == 7 / 12
    )
    assert check_fidelity({"text": "没有"}, source).coverage == 0
