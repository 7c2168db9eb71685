"""Facts about importing the bundled sources: agreement with the curated files, and validity."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from policytui.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("import_agreement", ROOT / "benchmarks" / "import_agreement.py")
import_agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_agreement)

PAIRS = {curated.stem: (source, curated) for source, curated in import_agreement.curated_pairs()}


def share(pair) -> float:
    return pair[0] / pair[1]


@pytest.fixture(scope="module")
def agreement():
    return {policy: import_agreement.agreement(*pair) for policy, pair in PAIRS.items()}


def test_both_bundled_sources_are_measured():
    assert set(PAIRS) == {"nanjing-2021", "wuxi-draft"}


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
    source, curated = PAIRS[policy]
    city = "南京" if policy.startswith("nanjing") else "无锡"
    code = main(["import", str(source), "--id", f"{policy}-imported", "--city", city,
                 "--output", str(tmp_path / "p.toml"), "--no-user-data"])
    assert code == 0
    capsys.readouterr()
    code = main(["validate", str(tmp_path), "--json", "--no-user-data"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["errors"] == 0
    assert not [p for p in result["problems"] if p["severity"] == "warning" and "quote" in p["message"]]
