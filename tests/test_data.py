"""What the bundled data must hold: structure, metadata as printed, every figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policytui.core.model import Amount
from policytui.core.status import Validity, policy_status
from tests.conftest import AS_OF


def test_both_policies_load_without_problems(library):
    assert sorted(library.policies) == ["nanjing-2021", "wuxi-draft"]
    assert library.problems == []


def test_wuxi_metadata_stores_nothing_the_draft_does_not_print(library):
    wuxi = library.policies["wuxi-draft"]
    assert wuxi.draft and wuxi.draft_label == "征求意见稿"
    assert wuxi.issued is None and wuxi.issuer == "" and wuxi.printed is None
    assert str(wuxi.valid_until) == "2025-12-31"
    assert "江阴、宜兴可参照执行" in wuxi.scope
    assert "就高不重复" in wuxi.non_stacking


def test_nanjing_metadata_as_printed(library):
    nanjing = library.policies["nanjing-2021"]
    assert (str(nanjing.issued), str(nanjing.printed)) == ("2021-12-23", "2021-12-24")
    assert nanjing.valid_until_printed == "2025-12" and str(nanjing.valid_until) == "2025-12-31"
    assert nanjing.issuer == "南京市人民政府"
    assert "就高原则" in nanjing.non_stacking


def test_wuxi_has_twelve_measures_with_labels_titles_and_departments(library):
    wuxi = library.policies["wuxi-draft"]
    labels = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    for n, label in enumerate(labels, start=1):
        clause = wuxi.clause(f"m{n}")
        assert clause.label == f"（{label}）"
        assert clause.text.startswith(clause.label + clause.title)
        assert clause.departments, clause.id
    assert wuxi.clause("m4").departments == ("市发展改革委", "市财政局")
    assert [c.local_id for c in wuxi.children("p2")] == ["m4", "m5", "m6", "m7"]


def test_nanjing_structure_reaches_every_level(library):
    nanjing = library.policies["nanjing-2021"]
    item = nanjing.clause("p2.1.1.1")
    assert (item.label, item.title) == ("（1）", "聚力突破关键软件")
    assert [a.local_id for a in nanjing.ancestors(item)] == ["plan", "p2", "p2.1", "p2.1.1"]
    assert len(nanjing.children("att")) >= 11  # preamble, nine measures, 附则
    assert [c.label for c in nanjing.children("att.rules")] == ["（一）", "（二）", "（三）", "（四）"]
    assert nanjing.clause("cc").text.startswith("抄送")


def test_nanjing_indicator_table_rows(library):
    table = library.policies["nanjing-2021"].indicator_table
    assert (table.baseline_year, table.target_year) == (2020, 2025)
    assert len(table.rows) == 21
    first = table.rows[0]
    assert (first.level1, first.level2, first.baseline, first.target) == (
        "规模指标",
        "软件和信息服务产业规模",
        "6200亿元",
        "超1万亿元",
    )
    assert (first.baseline_value, first.target_value, first.target_qualifier) == (
        Decimal(6200),
        Decimal(1),
        "超",
    )
    empty = [r for r in table.rows if r.baseline == "—"]
    assert empty and all(r.baseline_value is None for r in empty)


def test_every_clause_has_a_known_topic(library):
    for clause in library.clauses():
        assert clause.topics and all(t in library.topics for t in clause.topics), clause.id


def test_headquarters_figures_of_wuxi(library):
    m4 = library.policies["wuxi-draft"].clause("m4")
    rates = [a for a in m4.amounts if a.role == "rate"]
    assert [a.value for a in rates] == [1, 2, 3] and all(a.unit == "%" for a in rates)
    cap = next(a for a in m4.amounts if a.role == "cap")
    assert cap.yuan == Decimal(60_000_000) and cap.upper_bound
    yearly = next(a for a in m4.amounts if a.role == "award")
    assert (yearly.yuan, yearly.period) == (Decimal(20_000_000), "per-year")


def test_nanjing_attachment_promises_are_recorded_without_figures(library):
    att = library.policies["nanjing-2021"]
    promises = [a for c in att.clauses if c.local_id.startswith("att.") for a in c.awards]
    assert len(promises) >= 8
    assert all(a.unspecified and a.yuan is None for a in promises)


def test_amount_upper_bound_follows_the_wording():
    assert Amount("award", "最高500万元", Decimal(500), "万元", ("最高",)).upper_bound
    assert Amount("rate", "不超过10%", Decimal(10), "%", ("不超过",)).upper_bound
    assert not Amount("threshold", "不低于2000万元", Decimal(2000), "万元", ("不低于",)).upper_bound


@pytest.mark.parametrize(
    "policy_id, when, validity",
    [
        ("nanjing-2021", AS_OF, Validity.EXPIRED),
        ("wuxi-draft", AS_OF, Validity.EXPIRED),
        ("nanjing-2021", "2021-12-22", Validity.NOT_YET),
        ("nanjing-2021", "2021-12-23", Validity.IN_FORCE),
        ("nanjing-2021", "2025-12-31", Validity.IN_FORCE),
        ("nanjing-2021", "2026-01-01", Validity.EXPIRED),
        ("wuxi-draft", "2025-06-01", Validity.NOT_YET),
    ],
)
def test_status_as_of_a_date(library, policy_id, when, validity):
    from datetime import date

    when = when if isinstance(when, date) else date.fromisoformat(when)
    status = policy_status(library.policies[policy_id], when)
    assert status.validity is validity
    assert status.draft is (policy_id == "wuxi-draft")


# -- issue 13: nothing filled in that the text leaves open ---------------------------------


def test_wuxi_figures_without_yici_have_no_period(library):
    """Only a figure whose words say 一次性 is one-off; the other twelve are unspecified."""
    wuxi = library.policies["wuxi-draft"]
    figures = [(c.local_id, a) for c in wuxi.clauses for a in c.amounts if a.value is not None]
    for clause_id, amount in figures:
        if amount.period == "one-off":
            sentence = next(s for s in wuxi.clause(clause_id).text.split("。") if amount.quote in s)
            assert "一次性" in sentence, (clause_id, amount.quote)
    unmarked = {
        (c, str(a.value))
        for c, a in figures
        if a.period == "unspecified" and a.role in ("award", "rate", "cap")
    }
    assert {
        ("m3", "5000"),
        ("m3", "1000"),
        ("m3", "300"),
        ("m3", "100"),
        ("m4", "1"),
        ("m4", "2"),
        ("m4", "3"),
        ("m4", "6000"),
        ("m5", "300"),
        ("m5", "250"),
        ("m9", "50"),
        ("m9", "20"),
    } <= unmarked


def test_wuxi_m1_carries_the_district_governments_to_every_later_measure(library):
    wuxi = library.policies["wuxi-draft"]
    for n in range(2, 13):
        [(source, standing)] = wuxi.carried_departments(wuxi.clause(f"m{n}"))
        assert source.local_id == "m1" and standing.departments == ("各市（县）、区人民政府",)
        assert standing.quote == "以下均需各市（县）、区人民政府落实，不再列出"
    assert wuxi.carried_departments(wuxi.clause("m1")) == []


@pytest.mark.parametrize(
    "policy_id, clause_id, topic",
    [
        ("wuxi-draft", "m2", "headquarters"),  # 鼓励开源创新企业和机构落地无锡
        ("wuxi-draft", "m9", "headquarters"),  # 引进……生态企业
        ("nanjing-2021", "p3.2", "parks"),  # 加大对省级以上软件园区转移支付比例
        ("nanjing-2021", "p3.3", "talent"),  # 强化软件基础教育
        ("nanjing-2021", "att.9", "products"),  # 优质软件产品在云上软件产业博览馆展示
    ],
)
def test_topics_the_audit_found_missing(library, policy_id, clause_id, topic):
    assert topic in library.policies[policy_id].clause(clause_id).topics


def test_nanjing_2020_value_is_no_target_and_5000_is_an_aspiration(library):
    nanjing = library.policies["nanjing-2021"]
    table = {a.value: a for a in nanjing.clause("p1.table").amounts}
    assert table[Decimal(6200)].role == "baseline" and table[Decimal(1)].role == "target"
    valley = next(a for a in nanjing.clause("p2.7.1").amounts if a.value == 5000)
    assert valley.qualifiers == ("力争", "达")


def test_wuxi_draft_past_its_proposed_validity_is_not_called_expired(library):
    from policytui.i18n import status_labels

    status = policy_status(library.policies["wuxi-draft"], AS_OF)
    assert status_labels(status) == ["征求意见稿", "拟定有效期已过（拟至2025-12-31）"]
    assert status.wording == "draft-lapsed"


# -- issue 13: the bundled example's estimate, every reading labelled ---------------------


@pytest.fixture(scope="module")
def example_estimate(library):
    from policytui.core.calc.estimate import estimate
    from policytui.core.calc.profile import load_profile
    from policytui.core.locations import bundled_data_dir

    profile, problems = load_profile(
        bundled_data_dir() / "profiles" / "example.toml", list(library.rules.values())
    )
    assert problems == []
    return estimate(library, profile, AS_OF)


def test_example_estimate_keeps_the_two_cities_apart(example_estimate):
    assert example_estimate.totals is None  # 南京 and 无锡 are never added up unasked
    (wuxi,) = [p.totals for p in example_estimate.parts if p.policy.id == "wuxi-draft"]
    # 960+500+500+600+80 万 counted everywhere; 50+20+50+50 万 of first-time awards only leniently
    assert (wuxi.plain_yuan, wuxi.lenient_yuan, wuxi.strict_yuan) == (
        Decimal(33_100_000),
        Decimal(33_100_000),
        Decimal(31_400_000),
    )
    assert wuxi.upper_bound
    (nanjing,) = [p.totals for p in example_estimate.parts if p.policy.id == "nanjing-2021"]
    assert nanjing.figures == 0  # every Nanjing award is 金额未明确


def test_wuxi_groups_quote_only_what_supports_them(library, example_estimate):
    groups = {r.stacking.id: r.stacking for r in library.rules.values() if r.stacking}
    # the overlap-with-other-policies half supports no grouping of this policy's own measures
    assert set(groups) == {"wuxi-draft:performance"}
    performance = groups["wuxi-draft:performance"]
    assert (
        performance.interpretation
        and performance.quote == "本政策中涉及业绩奖励类政策，按照“就高不重复”的原则执行"
    )
    assert "原文未界定" in performance.reason and performance.alternative
    assert {r.id for r in example_estimate.readings} == {
        "wuxi-draft:performance",
        "wuxi-draft:quality-certification:per-firm",
    }
    assert all(s.strict_only for s in example_estimate.set_aside)


def test_wuxi_operating_contribution_is_a_ceiling_from_another_policy(example_estimate):
    assert [r.rule.id for r in example_estimate.ceilings] == ["wuxi-draft:hq-contribution"]


def test_example_near_miss_is_worded_as_a_ceiling(example_estimate):
    from policytui.render.calc.estimate_text import near_miss_text

    [miss] = example_estimate.near_misses
    assert "则为 最高 1500万元（现为 最高 960万元）" in near_miss_text(miss, "zh")


def test_example_names_the_two_readings_of_registered_within_three_years(example_estimate):
    from policytui.render.calc.wording import say

    assert any(
        "开源企业和机构落地补助" in c and "在我市注册3年内实际投资额不低于2000万元" in c
        for c in (say(c, "zh") for c in example_estimate.cautions)
    )


def test_notes_only_where_their_quote_applies(library):
    ipo = library.rules["wuxi-draft:ipo"]
    [tiered] = ipo.notes
    assert (tiered.kind, tiered.choice) == ("tiered", "domestic")
    # 分档择优……原文金额为最高档 only where the text says 分档择优 and gives a figure
    for rule in library.rules.values():
        for note in rule.notes:
            if note.kind == "tiered-selection":
                assert "择优" in note.quote and rule.figures, rule.id
    park = library.rules["nanjing-2021:park-title"]
    assert [n.kind for n in park.notes] == ["tiered"]
    certification = library.rules["wuxi-draft:quality-certification"]
    assert "per-firm-reading" in [n.kind for n in certification.notes]


def test_no_estimate_claims_a_sentence_neither_text_has(example_estimate):
    """同一项目只按一项政策支持 is in neither text: one project under two rules is a caution, both counted."""
    from policytui.render.calc.estimate_text import set_aside_reason
    from policytui.render.calc.wording import say

    cautions = [say(c, "zh") for c in example_estimate.cautions]
    words = [set_aside_reason(s, "zh") for s in example_estimate.set_aside] + cautions
    assert not any("只按一项政策支持" in w for w in words)
    project = [r for r in example_estimate.items if r.label == "工业仿真软件平台"]
    assert {r.rule.id for r in project} == {"wuxi-draft:core-tech", "wuxi-draft:industrial-software"}
    assert all(example_estimate.standing(r) == "counted" for r in project)
    assert any("工业仿真软件平台" in c and "原文未说明" in c for c in cautions)


def test_the_documented_policy_header_is_nanjings_as_recorded(library):
    """docs/data-format.md's [policy] example is one real policy, every value as its file records it."""
    import re
    import tomllib
    from pathlib import Path

    docs = (Path(__file__).parent.parent / "docs" / "data-format.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(schema = 1\n\n\[policy\].*?)```", docs, re.S).group(1)
    documented = tomllib.loads(block)["policy"]
    recorded = tomllib.loads(library.policies["nanjing-2021"].file.read_text(encoding="utf-8"))["policy"]
    assert documented == recorded


def test_the_headquarters_topic_lists_both_cities_measures_not_wuxis_heading(library):
    from policytui.core.related import related_clauses, topic_clauses

    # Wuxi's heading 二、 carries the topic of its measures and is not listed beside them.
    assert [c.id for c in topic_clauses(library, "headquarters")] == [
        "nanjing-2021/p2.4.3",
        "nanjing-2021/att.4",
        "wuxi-draft/m2",
        "wuxi-draft/m4",
        "wuxi-draft/m9",
    ]
    # m9 (信创, and attracting ecosystem firms) is related to Nanjing's xinchuang and headquarters clauses
    related = {clause.id for clause, _ in related_clauses(library, library.clause("wuxi-draft/m9"))}
    assert {
        "nanjing-2021/att.1",
        "nanjing-2021/p2.1.1.2",
        "nanjing-2021/att.6",
        "nanjing-2021/att.4",
    } <= related
