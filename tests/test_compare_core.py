"""The comparison core on small hand-made clauses: topics, selection, alignment, phrases, awards."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policytui.core.compare.alignment import align
from policytui.core.compare.awards import summarise_awards
from policytui.core.compare.phrases import common_substrings, find_spans, shared_wording
from policytui.core.compare.selection import printed_heading_length, topic_clauses
from policytui.core.compare.similarity import best_counterparts
from policytui.core.compare.topics import UnknownTopic, resolve_topic
from policytui.core.model import Amount, Clause, Library, Policy
from policytui.render.compare.wording import describe_offer, in_wan, summary_lines


def clause(policy: str, local_id: str, text: str, topics=("t",), parent=None, label="", title="", amounts=()):
    return Clause(
        policy,
        local_id,
        "section",
        text,
        label=label,
        title=title,
        parent=parent,
        topics=tuple(topics),
        amounts=tuple(amounts),
    )


def policy(policy_id: str, *clauses: Clause) -> Policy:
    return Policy(policy_id, policy_id, policy_id, policy_id, Path(f"{policy_id}.toml"), tuple(clauses))


def money(
    role, value, unit="万元", qualifiers=(), period="unspecified", level=None, subject="奖励", base=None
):
    return Amount(
        role,
        quote="q",
        value=None if value is None else Decimal(value),
        unit=None if value is None else unit,
        qualifiers=tuple(qualifiers),
        period=period,
        level=level,
        subject=subject,
        base=base,
    )


# -- topics


def test_topic_by_id_name_english_name_and_fuzzy(library):
    assert resolve_topic(library, "open-source").id == "open-source"
    assert resolve_topic(library, "  专精特新 ").id == "specialised-smes"
    assert resolve_topic(library, "Data elements").id == "data"
    assert resolve_topic(library, "专精特心").id == "specialised-smes"  # a typo
    assert resolve_topic(library, "opensource").id == "open-source"
    assert resolve_topic(library, "信创").id == "xinchuang"
    assert resolve_topic(library, "园区").id == "parks"  # part of one name only


def test_unknown_topic_carries_the_closest(library):
    with pytest.raises(UnknownTopic) as caught:
        resolve_topic(library, "人材")
    assert caught.value.closest[0].id == "talent"
    with pytest.raises(UnknownTopic) as caught:
        resolve_topic(library, "")
    assert caught.value.closest == ()


def test_ambiguous_query_is_not_guessed(library):
    # "资金" is as close to 专项资金 (organisation) as to finance words: ask rather than pick
    with pytest.raises(UnknownTopic) as caught:
        resolve_topic(library, "资金")
    assert {t.id for t in caught.value.closest} >= {"organisation", "finance"}


# -- selection


def test_bare_headings_give_way_to_their_items_but_introductions_stay():
    p = policy(
        "p",
        clause("p", "part", "一、总则", label="一、", title="总则"),
        clause("p", "s1", "（一）开源。支持开源社区。", parent="part", label="（一）", title="开源"),
        clause("p", "intro", "二、人才\n加强人才队伍建设。", label="二、", title="人才"),
        clause("p", "s2", "（一）培训。开展人才实训。", parent="intro", label="（一）", title="培训"),
        clause("p", "lonely", "三、场景", label="三、", title="场景"),
    )
    assert [c.local_id for c in topic_clauses(p, "t")] == ["s1", "intro", "s2", "lonely"]


def test_printed_heading_length():
    assert printed_heading_length(clause("p", "a", "（一）开源。支持。", label="（一）", title="开源")) == 5
    assert printed_heading_length(clause("p", "b", "支持开源。", title="开源项目")) == 0
    assert printed_heading_length(clause("p", "c", "本政策适用。")) == 0


# -- alignment


def test_alignment_keeps_each_column_in_order_and_puts_counterparts_on_one_row():
    left = [
        clause("a", "1", "建设数据交易市场，推动数据要素流通。"),
        clause("a", "2", "支持开源社区运营，建设开源项目，繁荣开源生态。"),
        clause("a", "3", "加强软件人才培养，建设实训基地。"),
    ]
    right = [
        clause("b", "x", "鼓励开源社区运营，面向操作系统建设开源项目。"),
        clause("b", "y", "支持校企共建实训基地，加强软件人才培养。"),
    ]
    rows = align([left, right])
    as_ids = [tuple(c.local_id if c else None for c in row) for row in rows]
    assert as_ids == [("1", None), ("2", "x"), ("3", "y")]
    for k, column in enumerate([left, right]):
        assert [row[k] for row in rows if row[k] is not None] == column


def test_alignment_of_three_columns_and_of_an_empty_one():
    a = [clause("a", "1", "支持开源社区运营，建设开源项目。")]
    b: list[Clause] = []
    c = [
        clause("c", "9", "培育人才。", topics=("other",)),
        clause("c", "1", "支持开源社区运营，建设开源项目。"),
    ]
    rows = align([a, b, c])
    assert [tuple(x.id if x else None for x in row) for row in rows] == [
        (None, None, "c/9"),
        ("a/1", None, "c/1"),
    ]
    assert align([[], []]) == []


def test_dissimilar_clauses_are_not_paired():
    rows = align(
        [[clause("a", "1", "甲乙丙丁", topics=("x",))], [clause("b", "1", "戊己庚辛", topics=("y",))]]
    )
    assert len(rows) == 2


# -- shared phrases


def test_common_substrings_are_maximal_and_trimmed():
    a = "鼓励企业基于自主技术软件的开源社区运营，面向操作系统建设开源项目。"
    b = "持续繁荣开源社区。培育壮大开源操作系统生态，主导的开源项目超过100项。"
    assert common_substrings(a, b) == {"开源社区", "操作系统", "开源项目"}


def test_common_substrings_ignore_punctuation_particles_short_runs_and_half_numbers():
    assert common_substrings("，。、；：", "，。、；：") == set()
    assert common_substrings("对的软件企业", "和的软件企业") == {"软件企业"}
    assert common_substrings("支持园区", "园区支持") == set()
    assert common_substrings("建设软件园区", "软件园的建设") == set()  # 软件园: three characters
    assert common_substrings("最高100万元的补助", "不低于2000万元的投资") == set()
    assert common_substrings("最高500万元奖励", "总额不超过500万元。") == {"500万元"}


def test_find_spans_merges_overlaps():
    assert find_spans("开源社区和开源社区项目", ["开源社区", "社区项目"]) == ((0, 4), (5, 11))


def test_shared_wording_spans_in_both_columns_and_drops_boilerplate():
    left = [clause("a", "1", "支持软件企业建设开源社区。")]
    right = [clause("b", "1", "鼓励软件企业参与开源社区运营。"), clause("b", "2", "无关的内容。")]
    corpus = ["软件企业"] * 10 + ["其他"] * 10
    shared = shared_wording([left, right], corpus)
    assert shared.phrases == ("开源社区",)
    assert shared.spans_of(left[0]) == ((8, 12),)
    assert shared.spans_of(right[0]) == ((8, 12),)
    assert shared.spans_of(right[1]) == ()
    without_corpus = shared_wording([left, right])
    assert set(without_corpus.phrases) == {"开源社区", "软件企业"}


def test_shared_phrase_list_holds_no_phrase_inside_another():
    left = [clause("a", "1", "获评国家级软件名园。"), clause("a", "2", "建设中国软件名园。")]
    right = [clause("b", "1", "首次获评国家级软件名园的园区。")]
    shared = shared_wording([left, right])
    assert shared.phrases == ("获评国家级软件名园",)
    # but the shorter match still lights up where it occurs alone
    assert shared.spans_of(left[1]) == ((4, 8),)


# -- awards


def test_summary_pairs_rates_with_their_cap_and_finds_the_largest():
    c = clause(
        "w",
        "m2",
        "…",
        label="（二）",
        amounts=[
            money("rate", "10", "%", ["不超过"], base="直接相关投资额", subject="开源项目补助"),
            money("cap", "100", qualifiers=["分档择优", "最高"], subject="开源项目补助"),
            money("threshold", "2000", qualifiers=["不低于"]),
            money(
                "rate", "10", "%", ["最高", "分档"], period="one-off", base="实际投资额", subject="一次性补助"
            ),
            money("cap", "500", qualifiers=["不超过"], period="one-off", subject="一次性补助"),
        ],
    )
    summary = summarise_awards([c])
    assert len(summary.offers) == 2
    assert summary.largest.yuan == Decimal(5_000_000)
    assert [describe_offer(o) for o in summary.offers] == [
        "（二）开源项目补助：不超过直接相关投资额10%、最高100万元（上限）",
        "（二）一次性补助：最高实际投资额10%、不超过500万元（上限，一次性）",
    ]
    assert summary_lines(summary, True)[0] == "最大金额：不超过500万元（上限，一次性）"


def test_summary_says_unspecified_and_never_makes_up_a_figure():
    c = clause(
        "n",
        "att.5",
        "…",
        label="五、",
        amounts=[money("award", None, subject="实训补助"), money("target", "800", "亿元")],
    )
    summary = summarise_awards([c])
    assert summary.largest is None and len(summary.unspecified) == 1
    assert summary_lines(summary, True) == ["五、实训补助：金额未明确"]
    assert summary_lines(summarise_awards([clause("n", "x", "…")]), True) == ["未列明奖补"]
    assert summary_lines(summarise_awards([]), False) == ["无对应条款"]


def test_summary_normalises_to_wan_and_says_per_year_and_level():
    c = clause(
        "w",
        "m",
        "…",
        amounts=[
            money("award", "1", "亿元", ["最高"], period="per-year", subject="经营贡献奖励"),
            money("award", "5000", qualifiers=["最高"], period="one-off", level="national", subject="国家级"),
            money("award", "20", qualifiers=[], subject="固定"),
        ],
    )
    lines = summary_lines(summarise_awards([c]), True)
    assert lines[0] == "最大金额：最高10000万元（上限，每年）"
    assert lines[2] == "国家级：最高5000万元（上限，国家级，一次性）"
    assert lines[3] == "固定：20万元"  # no 最高 printed: not an upper bound
    assert in_wan(c.amounts[0]).value == Decimal(10000)


def test_an_uncapped_rate_is_an_offer_without_a_figure_in_yuan():
    c = clause(
        "w",
        "m10",
        "…",
        label="（十）",
        amounts=[money("rate", "50", "%", ["不低于"], period="multi-year", base="租金", subject="租金补贴")],
    )
    summary = summarise_awards([c])
    assert summary.largest is None and summary.unspecified == ()
    assert describe_offer(summary.offers[0]) == "（十）租金补贴：不低于50%（多年，租金）"


# -- best counterpart


def test_best_counterparts_come_from_other_policies_best_first():
    mine = clause("a", "1", "支持开源社区运营，建设开源项目。", topics=("open-source",))
    lib = Library(
        policies={
            "a": policy(
                "a", mine, clause("a", "2", "支持开源社区运营，建设开源项目。", topics=("open-source",))
            ),
            "b": policy(
                "b",
                clause("b", "1", "培育软件人才。", topics=("talent",)),
                clause("b", "2", "鼓励开源社区运营，建设开源项目。", topics=("open-source",)),
                clause("b", "3", "二、开源", label="二、", title="开源", topics=("open-source",)),
            ),
        }
    )
    found = best_counterparts(lib, mine)
    assert [c.clause.id for c in found] == ["b/2", "b/1"]  # never its own policy; bare headings left out
    assert found[0].score > found[1].score and found[0].shared_topics == ("open-source",)
    assert best_counterparts(lib, mine, policy_ids=["a"]) == []
