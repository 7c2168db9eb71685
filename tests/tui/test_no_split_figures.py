"""No snapshot or screenshot splits a figure, a date or an id across two rows, and no row
begins with ，。、）：；. The check reads the SVGs' text rows (tests/tui/svg_rows.py); it is
first shown to catch each kind of split, in hand-made rows and in a real Textual export,
and to leave borders, axes, tables and headings alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from policytui.render.wrap import wrap
from tests.tui.svg_rows import splits, svg_rows

ROOT = Path(__file__).resolve().parents[2]
SVGS = sorted([*ROOT.glob("tests/**/__snapshots__/**/*.svg"), *ROOT.glob("screenshots/*.svg")])

# Seams that are not in the text itself: the help dialog covers the start of the browse
# pane's rows behind it (the 10% before 。, the 稿 before ）, are under the dialog; the
# browse snapshots at the same sizes show these rows whole).
COVERED_BY_A_DIALOG = {
    "help.svg": "。对经市认定为总部的软件企",
    "test_screen[help].svg": "。对经市认定为总部的软件企",
    "test_screen[help-80x24].svg": "'）支持'",
}


def synthetic_svg(rows: list[str]) -> str:
    """Rows written as Textual writes them: one `<text>` run per row, an x and textLength
    in cells of 12.2 (one cell a character), the row in the clip path's name."""
    runs = []
    for line, row in enumerate(rows):
        text = row.replace(" ", "&#160;")
        runs.append(
            f'<text class="terminal-r1" x="0" y="{20 + 24.4 * line}" textLength="{12.2 * len(row)}" '
            f'clip-path="url(#terminal-123-line-{line})">{text}</text>'
        )
    return "<svg>" + "\n".join(runs) + "</svg>"


@pytest.mark.parametrize(
    "rows",
    [
        ["│单个企业最高5│", "│00万元的奖励 │"],
        ["▕已于2025-1", "▕2-31失效"],
        ["依据 nanjing-2021/p2.1.1.", "3 的规定"],
        ["最高不超过60", "0万元"],
        ["奖励最高500", "万元，每年"],
        ["政策有效期至2025", "-12-31止"],
        ["详见 wuxi-", "draft/m4"],
        ["规则 nanjing-2021/at", "t.2 的输入"],
        ["企业最高500万元", "。奖励资金由"],
        ["│（市发展改革委负责│", "│）市财政局        │"],
        ["南京  [已失效]  按照规定", "，不再列出"],
    ],
    ids=lambda rows: "/".join(rows),
)
def test_the_check_finds_each_kind_of_split(rows):
    assert splits(synthetic_svg(rows)), rows


@pytest.mark.parametrize(
    "rows",
    [
        ["┌──────┬──────┐", "│ 2020 │ 2025 │", "├──────┼──────┤", "│ 10项 │ 30项 │", "└──────┴──────┘"],
        ["1000┤██", " 800┤█", " 600┤"],
        ["1    规模指标  6200亿元", "2    创新指标  10项"],
        ["nanjing-2021/p2.4.3         │", "3．创新举措培育新企业。引导│"],
        ["Topics: headquarters", "Amounts: 400"],
        ["Headquarters operating-", "contribution award"],
        ["R&D grant for core-technology", "projects"],
        ["has passed; figures are for the policy.", "The figures"],
        ["Proposed validity has passed (proposed until", "2025-12-31)"],
        ["certifications:", "once per firm"],
        ["南京  [已失效]  匹配度 84", "2．培育细分领域"],
        ["实收注册资本1000万元（含）至", "1亿元、1亿元（含）至5亿元的"],
    ],
    ids=lambda rows: "/".join(rows),
)
def test_the_check_leaves_borders_axes_tables_and_headings_alone(rows):
    assert splits(synthetic_svg(rows)) == []


class _Paragraph(App[None]):
    """One paragraph in a 14-cell column, folded by Rich or wrapped by render/wrap.py."""

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, id="paragraph")

    def on_mount(self) -> None:
        self.query_one("#paragraph").styles.width = 14


PARAGRAPH = "单个企业最高500万元，有效期至2025-12-31。"


async def test_the_check_reads_a_real_export():
    """Rich folds a Chinese line at any cell; the check sees it in the SVG Textual writes,
    and not once the paragraph goes through render/wrap.py."""
    for text, expected_splits in ((Text(PARAGRAPH), True), (Text("\n".join(wrap(PARAGRAPH, 14))), False)):
        app = _Paragraph(text)
        async with app.run_test(size=(30, 6)) as pilot:
            await pilot.pause()
            svg = app.export_screenshot()
        assert any("最高" in row.replace("\0", "") for row in svg_rows(svg))
        assert bool(splits(svg)) is expected_splits, (svg_rows(svg), splits(svg))


def test_every_snapshot_and_screenshot_is_read():
    assert len(SVGS) >= 40
    # the smallest is 40×12
    assert all(len(svg_rows(path.read_text(encoding="utf-8"))) >= 10 for path in SVGS)


@pytest.mark.parametrize("path", SVGS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_figure_date_or_id_is_split(path):
    found = splits(path.read_text(encoding="utf-8"))
    covered = COVERED_BY_A_DIALOG.get(path.name)
    assert [seam for seam in found if not (covered and covered in seam)] == []
