"""`policytui validate` on a user's rules: golden cases run, drafts without cases, the policy
file a rules file needs, and profile facts declared in data (types, labels, clashes)."""

from __future__ import annotations

import shutil
from pathlib import Path

from policytui.core.calc.profile import fact_fields, load_profile
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.i18n import STRINGS
from policytui.render.problems import worded
from tests.conftest import FIXTURES

CITY3 = FIXTURES / "city3"
RULES = "rules-hewan-2025.toml"


def user_copy(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """The third city copied to tmp_path, its rules file changed from `old` to `new`."""
    for name in ("hewan-2025.toml", "hewan-2025.txt"):
        shutil.copy(CITY3 / name, tmp_path / name)
    source = (CITY3 / RULES).read_text(encoding="utf-8")
    assert old in source
    (tmp_path / RULES).write_text(source.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_wrong_golden_case_fails_validate_with_file_line_and_case(cli, tmp_path):
    folder = user_copy(tmp_path, 'amount_yuan = "300000"', 'amount_yuan = "310000"')
    code, out, _ = cli("validate", "--lang", "en", str(folder))
    rules = folder / RULES
    wrong_line = (
        line_of(rules, 'about = "进档: the difference between the two steps"') - 1
    )  # its [[rules.cases]]
    assert code == 1
    [error] = [line for line in out.splitlines() if line.startswith("error:")]
    assert error.startswith(
        f"error: {rules}:{wrong_line}: rules[0].cases[6]: golden case of hewan-2025:revenue-step"
    )
    assert (
        'got eligible, amount_yuan = "300000"' in error
        and 'expected eligible, amount_yuan = "310000"' in error
    )


def test_validate_cases_prints_every_case_and_its_result(cli):
    code, out, _ = cli("validate", "--lang", "en", str(CITY3), "--cases")
    lines = [line for line in out.splitlines() if line.startswith(("ok ", "FAIL"))]
    assert code == 0 and len(lines) >= 36 and all(line.startswith("ok ") for line in lines)
    assert any(
        "hewan-2025:rd-grant rules[4].cases[1]" in line
        and "rd_spending=500万" in line
        and 'amount_yuan = "250000"' in line
        for line in lines
    )


def test_a_rule_without_golden_cases_loads_with_a_warning_to_write_one(cli, tmp_path):
    source = (CITY3 / RULES).read_text(encoding="utf-8")
    talent = source.index('id = "talent-housing"')
    case = source.index("[[rules.cases]]", talent)
    folder = user_copy(tmp_path, source[case : source.index("[[rules]]", case)], "")
    code, out, _ = cli("validate", "--lang", "en", str(folder))
    assert code == 0
    assert "warning:" in out and "rules[6].cases: no golden case: write a golden case" in out
    library = load_library(dirs=data_dirs([folder], user=False, env={}))
    assert "hewan-2025:talent-housing" in library.rules


def test_every_bundled_rule_has_golden_cases(library):
    # meaningful since a rule without cases loads (with a warning) instead of being dropped
    assert library.rules and [r.id for r in library.rules.values() if not r.cases] == []


def test_a_rules_file_validated_alone_names_the_policy_file_it_needs(cli):
    code, out, _ = cli("validate", "--lang", "en", str(CITY3 / RULES))
    [error] = [line for line in out.splitlines() if line.startswith("error:")]
    assert code == 1
    assert "no loaded policy 'hewan-2025'" in error and '[policy] id = "hewan-2025"' in error
    assert "wuxi" not in error and "nanjing" not in error


def test_rules_whose_policy_file_was_skipped_name_that_file(cli, tmp_path):
    folder = user_copy(tmp_path)
    policy = folder / "hewan-2025.toml"
    policy.write_text(policy.read_text(encoding="utf-8").replace('city = "河湾"\n', ""), encoding="utf-8")
    code, out, _ = cli("validate", "--lang", "en", str(folder))
    assert code == 1
    assert f"policy_id: its policy file {policy} was skipped because of its errors" in out


def test_fact_labels_come_from_the_rules_files_not_from_i18n(library):
    assert not [key for key in STRINGS if key.startswith("calc.fact.")]
    capital = next(f for f in fact_fields(list(library.rules.values())) if f.name == "paid_in_capital")
    assert (capital.type, capital.display_label("zh"), capital.display_label("en")) == (
        "money",
        "实收注册资本",
        "Paid-in capital",
    )


def test_a_fact_declared_with_another_type_in_another_file_is_an_error_naming_both(cli, tmp_path):
    folder = user_copy(
        tmp_path,
        '[[facts]]\nname = "new_in_city"\ntype = "yes-no"',
        '[[facts]]\nname = "new_in_city"\ntype = "years"',
    )
    code, out, _ = cli("validate", "--lang", "en", str(folder))
    [error] = [line for line in out.splitlines() if "fact 'new_in_city' is years here" in line]
    assert code == 1 and str(folder / RULES) in error and "facts[5].type" in error
    assert error.endswith(
        "but yes-no in "
        + str(Path("data/rules/wuxi-draft.toml").resolve())
        + " (expected one meaning per fact name across rules files: another name, or the same type)"
    )


def test_a_fact_a_rule_reads_must_be_declared_with_its_type(cli, tmp_path):
    folder = user_copy(
        tmp_path,
        '[[facts]]\nname = "rd_spending"\ntype = "money"',
        '[[facts]]\nname = "rd_spending"\ntype = "years"',
    )
    code, out, _ = cli("validate", "--lang", "en", str(folder))
    assert code == 1 and "rules[4].profile.inputs.rd_spending: fact 'rd_spending' is declared as years" in out


def test_a_profile_value_of_the_wrong_type_is_an_error_at_its_line(tmp_path):
    library = load_library(dirs=data_dirs([CITY3], user=False, env={}))
    profile = tmp_path / "firm.toml"
    profile.write_text(
        '[profile]\nname = "某公司"\n\n[facts]\nnew_in_city = "yes"\nstats_year = "third-year"\n',
        encoding="utf-8",
    )
    loaded, problems = load_profile(profile, list(library.rules.values()))
    assert loaded is None
    assert [(p.where, p.line) for p in problems] == [("facts.new_in_city", 5), ("facts.stats_year", 6)]
    assert (
        "true or false" in worded(problems[0], "en").expected
        and "first-year, second-year" in worded(problems[1], "en").expected
    )


def test_a_golden_case_with_an_unreadable_input_says_so_in_either_language(cli, tmp_path):
    folder = user_copy(tmp_path, 'inputs = { revenue = "1亿"', 'inputs = { revenue = "一些"')
    outputs = {lang: cli("validate", "--lang", lang, str(folder))[1] for lang in ("zh", "en")}
    assert "hewan-2025:revenue-step 的黄金用例（" in outputs["zh"]
    assert "得到 revenue：“一些”不是金额（应为：符合条件，amount_yuan = " in outputs["zh"]
    assert "got revenue: '一些' is not an amount of money (expected eligible, amount_yuan = " in outputs["en"]
