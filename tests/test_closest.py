"""One "did you mean" (core/closest.py) and one id lookup (core/lookup.py)."""

from __future__ import annotations

import pytest

from policytui.core.closest import closest, closest_keys
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.core.lookup import find_clause, find_rule, rank_rules, rule_for_clause
from policytui.render.problems import worded
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def three_cities():
    return load_library(dirs=data_dirs([str(FIXTURES / "city3")], user=False, env={}))


def test_closest_suggests_only_what_is_near():
    assert closest("polciy", ["policy", "topics", "rules"]) == ["policy"]
    assert closest("xyz", ["policy", "topics"]) == []


def test_a_part_is_near_unless_the_whole_is_asked_for():
    assert closest("rent", ["rent subsidy", "office space"]) == ["rent subsidy"]
    assert closest("rent", ["rent subsidy", "office space"], whole=True) == []


def test_closest_keys_returns_what_the_text_names():
    assert closest_keys("总部", {"a:hq": "总部落地奖励", "b:talent": "人才引进"}) == ["a:hq"]


def test_a_short_chinese_typo_needs_a_lower_cutoff():
    # why compare.topics suggests at 34: one wrong character of two scores 50
    assert closest("人材", ["人才", "资金"], whole=True) == []
    assert closest("人材", ["人才", "资金"], whole=True, cutoff=34) == ["人才"]


def test_an_unknown_rule_id_gets_the_closest_ids_first(three_cities):
    found = find_rule(three_cities, "revenue-stpe")
    assert found.item is None and found.closest[0] == "hewan-2025:revenue-step"


def test_an_unknown_clause_id_gets_its_neighbours(three_cities):
    found = find_clause(three_cities, "hewan-2025/m22")
    assert found.item is None and found.closest[0] == "hewan-2025/m2"


def test_a_local_id_finds_its_rule(three_cities):
    assert find_rule(three_cities, "revenue-growth").item.id == "hewan-2025:revenue-growth"


def test_the_picker_ranks_by_name_in_either_language(three_cities):
    assert [r.id for r in rank_rules(three_cities, "营收")][:2] == [
        "hewan-2025:revenue-step",
        "hewan-2025:revenue-growth",
    ]
    assert rank_rules(three_cities, "stats")[0].id == "hewan-2025:stats-entry"
    assert len(rank_rules(three_cities, "")) == len(three_cities.rules)


def test_the_rule_for_what_is_being_read(three_cities):
    assert rule_for_clause(three_cities, "hewan-2025/m2").id == "hewan-2025:revenue-growth"
    assert rule_for_clause(three_cities, "hewan-2025").id == "hewan-2025:revenue-step"  # the policy's first


def test_an_unknown_key_is_suggested_its_neighbour_only_when_near(tmp_path):
    from policytui.core.schema import DocumentReader

    reader = DocumentReader(tmp_path / "x.toml", "valid_untl = 1\nzzz = 2\n")
    reader.unknown_keys({"valid_untl": 1, "zzz": 2}, (), {"valid_until", "title"})
    typo, noise = (worded(p, "en").message for p in reader.problems)
    assert typo == "unknown key 'valid_untl' is ignored; did you mean 'valid_until'?"
    assert noise == "unknown key 'zzz' is ignored"
