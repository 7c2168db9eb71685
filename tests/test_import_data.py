"""Facts about importing the bundled sources: agreement with the curated files, and validity."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from policytui.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "import_agreement", ROOT / "benchmarks" / "import_agreement.py"
)
import_agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_agreement)

PAIRS = {curated.stem: (source, curated) for source, curated in import_agreement.curated_pairs()}


def share(pair) -> float:
    return pair[0] / pair[1]


@pytest.fixture(scope="module")
def agreement():
    return {policy: import_agreement.agreement(*pair) for policy, pair in PAIRS.items()}


def test_both_bundled_sources_and_the_third_city_are_measured():
    assert set(PAIRS) == {"nanjing-2021", "wuxi-draft", "hewan-2025"}


@pytest.mark.parametrize("policy", ["nanjing-2021", "wuxi-draft", "hewan-2025"])
def test_roles_and_draft_rules_agree_with_the_curated_files(agreement, policy):
    """Nanjing's two roles missed are the indicator table's 6200亿元 and 1万亿元, read as a fund
    and marked for review. The draft rules missed (both Wuxi's): a promise in a sentence that
    pays figures (一事一议给予支持), and one followed by paid figures, taken for their lead
    (给予分档奖励)."""
    result = agreement[policy]
    assert share(result["roles"]) >= 0.9
    assert share(result["rules"]) >= 0.85


@pytest.mark.parametrize("policy", ["nanjing-2021", "wuxi-draft"])
def test_clauses_and_figures_agree_with_the_curated_file(agreement, policy):
    result = agreement[policy]
    assert share(result["clauses"][:2]) >= 0.95
    assert result["clauses"][2] <= result["clauses"][1] * 1.05  # no flood of extra clauses either
    assert share(result["figures"]) >= 0.95


@pytest.mark.parametrize("policy", ["nanjing-2021", "wuxi-draft"])
def test_every_curated_metadata_field_is_read(agreement, policy):
    assert agreement[policy]["metadata_missed"] == []


def test_all_twelve_wuxi_department_lists(agreement):
    assert agreement["wuxi-draft"]["departments"] == [12, 12]


@pytest.mark.parametrize("policy", ["nanjing-2021", "wuxi-draft"])
def test_the_import_of_each_source_validates_with_no_error(capsys, tmp_path, policy):
    source, _curated = PAIRS[policy]
    city = "南京" if policy.startswith("nanjing") else "无锡"
    code = main(
        [
            "import",
            str(source),
            "--id",
            f"{policy}-imported",
            "--city",
            city,
            "--output",
            str(tmp_path / "p.toml"),
            "--no-user-data",
        ]
    )
    assert code == 0
    capsys.readouterr()
    code = main(["validate", str(tmp_path), "--json", "--no-user-data"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["errors"] == 0
    quoting = [
        p for p in result["problems"] if p["code"] == "source.coverage" or p["code"].startswith("quote.")
    ]
    assert not quoting


def test_the_wuxi_draft_rules_give_what_the_curated_rules_give(capsys, tmp_path):
    source, _ = PAIRS["wuxi-draft"]
    assert (
        main(["import", str(source), "--id", "wx", "--output", str(tmp_path / "wx.toml"), "--no-user-data"])
        == 0
    )
    capsys.readouterr()
    assert main(["calc", "--list", "--json", "--no-user-data", "--data", str(tmp_path)]) == 0
    kinds = {
        rule["id"]: rule["kind"] for rule in json.loads(capsys.readouterr().out) if rule["policy"] == "wx"
    }
    assert {"fixed", "by-level", "rate", "tiered-rate"} <= set(kinds.values())
    # (四) the headquarters landing award, drafted as tiers: 2亿 falls in the 2% tier, as in hq-landing
    assert kinds["wx:p2-4-1"] == "tiered-rate"
    for rule, inputs, yuan in (
        ("wx:p2-4-1", ["paid_in_capital=2亿"], 4_000_000),
        ("wuxi-draft:hq-landing", ["paid_in_capital=2亿"], 4_000_000),
    ):
        assert main(["calc", rule, *inputs, "--json", "--no-user-data", "--data", str(tmp_path)]) == 0
        assert json.loads(capsys.readouterr().out)["amount_yuan"] == yuan
