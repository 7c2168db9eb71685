"""Matching and ranking on small made-up libraries, where the right order is plain."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from policytui.core.model import Amount, Clause, Library, Policy, Topic
from policytui.core.search.index import SearchIndex
from policytui.core.search.query import QueryError
from policytui.core.search.rank import search
from policytui.core.search.results import make_snippet


def clause(local_id: str, text: str, title: str = "", policy: str = "alpha", topics=("misc",), amounts=()):
    return Clause(policy, local_id, "section", text, title=title, topics=topics, amounts=amounts)


def index_of(*clauses: Clause, cities=None) -> SearchIndex:
    cities = cities or {"alpha": ("甲市", "Jia"), "beta": ("乙市", "Yi")}
    policies = {}
    for policy_id, (city, city_en) in cities.items():
        own = tuple(c for c in clauses if c.policy_id == policy_id)
        if own:
            policies[policy_id] = Policy(
                policy_id, f"{city}政策", city, city_en, Path(f"{policy_id}.toml"), own
            )
    topics = {"misc": Topic("misc", "其他", "Miscellaneous"), "talent": Topic("talent", "人才", "Talent")}
    return SearchIndex(Library(policies=policies, topics=topics))


def ids(index: SearchIndex, query: str, limit: int = 10) -> list[str]:
    return [result.clause.local_id for result in search(index, query, limit)]


def money(value: str, unit: str = "万元", role: str = "award") -> Amount:
    return Amount(role, quote=f"{value}{unit}", value=Decimal(value), unit=unit)


def test_the_exact_phrase_before_a_similar_one():
    index = index_of(clause("typo", "培育专精持新企业。"), clause("exact", "培育专精特新企业。"))
    assert ids(index, "专精特新") == ["exact", "typo"]


def test_the_title_before_the_body():
    index = index_of(
        clause("body", "一、支持发展。对总部企业给予奖励。", title="支持发展"),
        clause("title", "二、支持总部。给予奖励。", title="支持总部"),
    )
    assert ids(index, "总部") == ["title", "body"]


def test_typed_characters_before_pinyin_before_similar_text():
    index = index_of(
        clause("similar", "支持开放社区。"),
        clause("homophone", "支持凯源社区。"),
        clause("exact", "支持开源社区。"),
    )
    assert ids(index, "开源社区") == ["exact", "homophone", "similar"]
    assert ids(index, "kaiyuanshequ") == ["homophone", "exact", "similar"]  # same sounds: library order


def test_equal_scores_keep_library_order_every_time():
    index = index_of(*(clause(f"c{n}", f"第{n}条，支持开源项目。") for n in range(12)))
    first = ids(index, "开源", limit=12)
    assert first == [f"c{n}" for n in range(12)]
    assert all(ids(index, "开源", limit=12) == first for _ in range(3))


def test_words_in_any_order_and_a_missing_character():
    index = index_of(clause("hq", "对总部企业予以奖励。"), clause("other", "支持园区建设。"))
    assert ids(index, "奖励总部") == ["hq"]
    assert ids(index, "总部业") == ["hq"]


def test_pinyin_reaches_a_heteronym_by_its_other_reading():
    index = index_of(clause("bank", "引导银行加大信贷支持。"), clause("delta", "推动长三角协同发展。"))
    assert ids(index, "yinhang") == ["bank"]  # 行 is first read xing
    assert ids(index, "changsanjiao") == ["delta"]  # 长 is first read zhang


def test_initials_and_mixed():
    index = index_of(clause("smes", "支持专精特新企业。"), clause("other", "支持总部企业。"))
    assert ids(index, "zjtx") == ["smes"]
    assert ids(index, "zj特新") == ["smes"]
    assert ids(index, "zhuanjtx") == ["smes"]


def test_latin_text_matches_whatever_its_case_or_width():
    index = index_of(clause("cmmi", "对通过ＣＭＭＩ５级认证的企业。"), clause("other", "其他。"))
    assert ids(index, "cmmi5") == ["cmmi"]
    assert ids(index, "CMMI") == ["cmmi"]


def test_amounts_equal_in_any_spelling_and_never_part_of_a_larger_figure():
    five = clause("five", "给予最高500万元奖励。", amounts=(money("500"),))
    fifteen = clause("fifteen", "给予最高1500万元奖励。", amounts=(money("1500"),))
    index = index_of(five, fifteen)
    for query in ("500万", "500万元", "5000000", "0.05亿", "五百万"):
        assert ids(index, query) == ["five"], query


def test_amount_filters():
    index = index_of(
        clause("small", "给予50万元。", amounts=(money("50"),)),
        clause("big", "给予5,000万元。", amounts=(money("5,000".replace(",", "")),)),
        clause("rate", "给予10%补贴。", amounts=(money("10", "%", "rate"),)),
        clause("none", "给予支持。", amounts=(Amount("award", quote="给予支持"),)),
    )
    assert ids(index, "has:amount") == ["small", "big"]
    assert ids(index, "amount>=100万") == ["big"]
    assert ids(index, "amount>=5,000万") == ["big"]
    assert ids(index, "amount<100万 给予") == ["small"]
    assert ids(index, "amount>10万 amount<=50万") == ["small"]
    assert ids(index, "amount>100万 amount<50万") == []


def test_policy_and_topic_filters_combine_with_text():
    index = index_of(
        clause("a1", "支持人才引进。", topics=("talent",)),
        clause("a2", "支持园区。"),
        clause("b1", "支持人才培养。", policy="beta", topics=("talent",)),
        clause("b2", "支持园区。", policy="beta"),
    )
    assert ids(index, "policy:beta 支持") == ["b1", "b2"]
    assert ids(index, "乙市 园区") == ["b2"]
    assert ids(index, "topic:人才") == ["a1", "b1"]
    assert ids(index, "topic:talent policy:alpha") == ["a1"]


def test_the_snippet_centres_on_the_hit_and_marks_it():
    filler = "这是一段很长的前文，" * 10
    index = index_of(clause("long", f"{filler}对总部企业给予奖励。{filler}"))
    (result,) = search(index, "总部")
    assert result.snippet.startswith("…") and result.snippet.endswith("…")
    assert [result.snippet[start:end] for start, end in result.spans] == ["总部"]
    assert len(result.snippet) <= 50


def test_a_snippet_never_begins_or_ends_inside_a_figure():
    text = "对符合条件的企业给予最高5000万元奖励，从业人员84万人，" * 8
    for hit in range(len(text) - 2):
        snippet, _spans = make_snippet(text, ((hit, hit + 2),))
        for figure in re.findall(r"[\d万元]+", snippet):
            assert figure in ("5000万元", "84万"), snippet


def test_pinyin_hits_are_marked_on_the_characters():
    index = index_of(clause("oss", "鼓励开源社区运营。"))
    (result,) = search(index, "kaiyuan")
    assert [result.snippet[start:end] for start, end in result.spans] == ["开源"]


def test_a_query_of_filters_alone_lists_every_clause_that_passes():
    index = index_of(*(clause(f"c{n}", "文字。") for n in range(3)))
    results = search(index, "policy:alpha")
    assert [r.clause.local_id for r in results] == ["c0", "c1", "c2"]
    assert {r.score for r in results} == {100}


def test_nothing_found_is_an_empty_list():
    index = index_of(clause("one", "支持开源。"))
    assert search(index, "区块链") == []


@pytest.mark.parametrize(
    "query",
    [
        "\x1b[31m总部\x1b[0m",
        "(((",
        "[a-z]+",
        "\\d",
        "总" * 200,
        "a",
        "amount>=1万亿亿",
        "🙂",
        "\u200b",
        "\ue000\ue001",
    ],
)
def test_odd_input_never_crashes(query):
    index = index_of(clause("one", "支持总部企业。"), clause("two", "支持开源。"))
    try:
        results = search(index, query)
    except QueryError:
        return
    assert all(0 < result.score <= 100 for result in results)
