"""The calculator rules in data: every golden case, boundary coverage, and the reader's checks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policytui.core.calc.engine import calculate
from policytui.core.calc.inputs import FEN, parse_value
from policytui.core.loader import load_files, parse_file, toml_files
from policytui.core.locations import bundled_data_dir
from policytui.render.calc.wording import choice_aliases
from policytui.render.problems import worded
from tests.conftest import AS_OF

RULES_DIR = bundled_data_dir() / "rules"


def _all_cases(library):
    return [(rule, i, case) for rule in library.rules.values() for i, case in enumerate(rule.cases)]


def test_bundled_rules_load_without_problems(library):
    assert [str(p) for p in library.problems] == []
    assert len([r for r in library.rules if r.startswith("wuxi-draft:")]) == 25
    assert len([r for r in library.rules if r.startswith("nanjing-2021:")]) == 12


def test_every_golden_case_gives_its_expected_result(library):
    failures = []
    for rule, i, case in _all_cases(library):
        result = calculate(library, rule, dict(case.inputs), AS_OF, choice_aliases)
        if (result.eligible, result.amount_yuan) != (case.eligible, case.amount_yuan):
            failures.append(
                f"{rule.id} case {i} ({case.about or dict(case.inputs)}): "
                f"expected {case.eligible}/{case.amount_yuan}, got {result.eligible}/{result.amount_yuan}"
            )
    assert failures == []
    assert len(_all_cases(library)) >= 80


def _case_values(rule, name):
    spec = rule.input(name)
    return {parse_value(spec, dict(c.inputs)[name]) for c in rule.cases if name in dict(c.inputs)}


def test_every_threshold_is_tested_on_both_sides_of_its_boundary(library):
    """Conditions, tier starts and the base at which a cap is reached: at the boundary and one step short."""
    missing = []
    for rule in library.rules.values():
        for condition in rule.conditions:
            seen = _case_values(rule, condition.input)
            step = FEN if rule.input(condition.input).type == "money" else None
            outside = {">=": -1, ">": 1, "<=": 1, "<": -1}[condition.op]
            has_other_side = (
                condition.value + outside * step in seen
                if step
                else any((x - condition.value) * outside > 0 for x in seen)
            )
            if condition.value not in seen or not has_other_side:
                missing.append(f"{rule.id}: {condition.input} {condition.op} {condition.value}")
        if rule.base:
            seen = _case_values(rule, rule.base)
            bounds = [t.lower.yuan for t in rule.tiers]
            rates = [rule.rate.value] if rule.rate else [t.rate.value for t in rule.tiers[-1:]]
            if rule.cap:
                bounds += [rule.cap.yuan * 100 / rate for rate in rates]
            for bound in bounds:
                if bound not in seen or bound - FEN not in seen:
                    missing.append(f"{rule.id}: {rule.base} at {bound}")
    assert missing == []


def test_the_contract_rules_have_exactly_their_inputs(library):
    expected = {
        "wuxi-draft:hq-landing": ["paid_in_capital"],
        "wuxi-draft:open-source-landing": ["investment", "years_since_registration"],
        "wuxi-draft:industrial-software": ["investment"],
        "wuxi-draft:ipo": ["market"],
        "wuxi-draft:innovation-center": ["level"],
    }
    assert {rid: [i.name for i in library.rules[rid].inputs] for rid in expected} == expected
    assert library.rules["wuxi-draft:ipo"].inputs[0].choices == ("domestic", "overseas")
    assert library.rules["wuxi-draft:innovation-center"].inputs[0].choices == ("national", "provincial")


def test_every_wuxi_figure_is_used_by_a_rule(library):
    figures = [f for rule in library.rules.values() for f in rule.figures]
    unused = [
        f"{c.id}: {a.role} {a.printed} ({a.quote})"
        for c in library.policies["wuxi-draft"].clauses
        for a in c.amounts
        if a.role in ("award", "rate", "cap") and a.value is not None and not any(f is a for f in figures)
    ]
    assert unused == []


def test_every_nanjing_attachment_award_is_a_rule_without_an_amount(library):
    awards = [
        a for c in library.policies["nanjing-2021"].clauses if c.local_id.startswith("att.") for a in c.awards
    ]
    rules = [r for r in library.rules.values() if r.policy_id == "nanjing-2021"]
    assert len(awards) == 12
    assert all(any(r.award is a for r in rules) for a in awards)
    assert {r.kind for r in rules} == {"unspecified"}


def test_headquarters_tiers_follow_the_text_bounds(library):
    tiers = library.rules["wuxi-draft:hq-landing"].tiers
    assert [(t.lower.yuan, t.lower.inclusive, t.rate.value) for t in tiers] == [
        (Decimal("10000000"), True, 1),
        (Decimal("100000000"), True, 2),
        (Decimal("500000000"), True, 3),
    ]
    assert [t.upper.inclusive for t in tiers[:2]] == [False, False] and tiers[2].upper is None


# -- the reader's checks, on a copy of the Wuxi rules with one thing broken ----------------


def _load_with(tmp_path: Path, old: str, new: str, count: int = 1):
    source = (RULES_DIR / "wuxi-draft.toml").read_text(encoding="utf-8")
    assert source.count(old) >= count, old
    broken = tmp_path / "wuxi-draft.toml"
    broken.write_text(source.replace(old, new, count), encoding="utf-8")
    data = bundled_data_dir()
    files = [p for p in toml_files(data) if p.parent.name != "rules"] + [broken]
    library = load_files([parse_file(p, "bundled") for p in files])
    return library, [p for p in library.problems if p.file == str(broken)]


@pytest.mark.parametrize(
    ("old", "new", "message", "where"),
    [
        ('clause = "m4"', 'clause = "m44"', "no clause 'm44' in wuxi-draft", "rules[6].clause"),
        (
            "单个企业最高6000万元。",
            "单个企业最高7000万元。",
            "is not in the text of wuxi-draft/m4",
            "rules[6].text",
        ),
        (
            'cap = { value = "6000", unit = "万元" }',
            'cap = { value = "7000", unit = "万元" }',
            "records no cap of 7000万元",
            "rules[6].cap",
        ),
        (
            'to = { value = "1", unit = "亿元", inclusive = false }',
            'to = { value = "1", unit = "亿元", inclusive = true }',
            "1亿元 is in both tiers",
            "rules[6].tiers[1].from.inclusive",
        ),
        (
            'from = { value = "1", unit = "亿元", inclusive = true }',
            'from = { value = "1", unit = "亿元", inclusive = false }',
            "the text includes 1亿元",
            "rules[6].tiers[1].from.inclusive",
        ),
        (  # a tier that ends where it starts holds nothing (steps written from the top down)
            'to = { value = "5", unit = "亿元", inclusive = false }',
            'to = { value = "1", unit = "亿元", inclusive = false }',
            "ends at 1亿元, where it starts or below",
            "rules[6].tiers[1].to",
        ),
        ('op = ">="', 'op = ">"', "'>' disagrees with '不低于'", "rules[2].conditions[0].op"),
        (
            'stacking = "performance"',
            'stacking = "performances"',
            "no group 'performances'",
            "rules[8].stacking",
        ),
        (
            '{ kind = "may-rise", quote = "特别重大的项目可适当上浮" }',
            '{ kind = "may-rise", quote = "可大幅上浮" }',
            "is not in the text of wuxi-draft/m1",
            "rules[0].notes[1].quote",
        ),
        (
            'inputs = { paid_in_capital = "0" }',
            'inputs = { capital = "0" }',
            "'capital' is not an input of the rule",
            "rules[6].cases[0].inputs.capital",
        ),
    ],
)
def test_a_broken_rule_is_reported_with_its_place_and_skipped(tmp_path, old, new, message, where):
    library, problems = _load_with(tmp_path, old, new)
    match = [p for p in problems if message in worded(p, "en").message]
    assert match, [str(p) for p in problems]
    assert match[0].where == where and match[0].line is not None and match[0].severity == "error"
    broken_rule = {
        "rules[6]": "wuxi-draft:hq-landing",
        "rules[2]": "wuxi-draft:open-source-landing",
        "rules[0]": "wuxi-draft:core-tech",
        "rules[8]": "wuxi-draft:qualification",
    }[where.split(".")[0]]
    assert broken_rule not in library.rules
    assert "wuxi-draft:ipo" in library.rules  # the others still load


def test_rules_for_a_policy_that_is_not_loaded_are_reported(tmp_path):
    _, problems = _load_with(tmp_path, 'policy_id = "wuxi-draft"', 'policy_id = "wuxi"')
    assert any(
        "no loaded policy 'wuxi'" in worded(p, "en").message and "wuxi-draft" in worded(p, "en").expected
        for p in problems
    )


def test_a_figure_outside_the_cited_sentence_is_refused(tmp_path):
    # 500万 is recorded for m2, but for the landing subsidy, not in the open-source project sentence
    _, problems = _load_with(
        tmp_path,
        'cap = { value = "100", unit = "万元" }\nnotes = [{ kind = "tiered-selection", quote = "分档择优" }]\nprofile = { project = "open-source" }',
        'cap = { value = "500", unit = "万元" }\nnotes = [{ kind = "tiered-selection", quote = "分档择优" }]\nprofile = { project = "open-source" }',
    )
    assert any(
        p.where == "rules[1].cap" and "records no cap of 500万元" in worded(p, "en").message for p in problems
    )


def test_the_example_profile_is_recognised_not_reported_as_unknown(library):
    assert any(p.name == "example.toml" for p in library.files)
    assert not [p for p in library.problems if "example.toml" in p.file]


def test_validate_reports_a_broken_rules_file_and_exits_1(tmp_path, capsys):
    from policytui.cli.main import main

    source = (RULES_DIR / "wuxi-draft.toml").read_text(encoding="utf-8")
    broken = tmp_path / "rules.toml"
    broken.write_text(
        source.replace('value = "6000", unit = "万元"', 'value = "7000", unit = "万元"'), encoding="utf-8"
    )
    assert main(["validate", str(broken), "--no-user-data", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"error: {broken}:" in out and "rules[6].cap: wuxi-draft/m4 records no cap of 7000万元" in out
    assert out.count("defined again") == 1  # a copy of the bundled rules: one warning, not one per rule
