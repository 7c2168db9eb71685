"""The README shows every screenshot that screenshots/make_screenshots.py makes, and no other;
among them the what-if chart and the firm estimate (issue 15)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def made() -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", ROOT / "screenshots" / "make_screenshots.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [shot[0] for shot in module.SHOTS]


def test_the_readme_lists_the_screenshots_the_script_makes():
    shown = re.findall(r"\]\(screenshots/([\w-]+)\.svg\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert shown == made()
    assert {"calculator-what-if", "firm-estimate"} <= set(shown)
    assert sorted(path.stem for path in (ROOT / "screenshots").glob("*.svg")) == sorted(shown)
