"""The "Done when" topics on the bundled data: the right clauses side by side, the right awards.

Every id and figure below was checked by reading data/policies/*.toml.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from policytui.core.compare import build_matrix, compare
from policytui.render.compare.wording import cell_text, summary_lines
from tests.conftest import AS_OF

NJ, WX = "nanjing-2021", "wuxi-draft"


def rows_of(comparison):
    return [tuple(c.local_id if c else None for c in row) for row in comparison.rows]


def lines(comparison, k):
    column = comparison.columns[k]
    return summary_lines(column.awards, bool(column.clauses))


def test_open_source(library):
    c = compare(library, "open-source", AS_OF)
    # Wuxi's measure sits beside Nanjing's open-source ecosystem item; Wuxi's bare part heading 一、 is not repeated
    assert rows_of(c) == [("p2.1.1", None), ("p2.1.1.3", "m2"), ("att.6", None), ("att.8", None)]
    assert lines(c, 0) == ["六、一次性奖励：金额未明确"]
    assert lines(c, 1) == [
        "最大金额：不超过500万元（上限，一次性）",
        "（二）开源项目补助：不超过直接相关投资额10%、最高100万元（上限）",
        "（二）一次性补助：最高实际投资额10%、不超过500万元（上限，一次性）",
    ]
    assert {"开源社区", "开源项目"} <= set(c.shared.phrases)


def test_headquarters(library):
    c = compare(library, "headquarters", AS_OF)
    # Wuxi's m2 and m9 attract firms to settle (落地无锡, 引进……生态企业): investment attraction too
    assert rows_of(c) == [("p2.4.3", "m2"), ("att.4", "m4"), (None, "m9")]
    assert lines(c, 0) == [
        "四、资金奖励：金额未明确",
        "四、认定奖励和经济贡献奖励：金额未明确",
        "四、专项支持：金额未明确",
    ]
    assert lines(c, 1)[0] == "最大金额：最高6000万元（上限）"
    # the text does not say 一次性 of the landing award: no period is filled in
    assert "（四）落户奖励：不超过实收注册资本1%/2%/3%、最高6000万元（上限）" in lines(c, 1)
    assert "（四）经营贡献奖励：最高2000万元（上限，每年）" in lines(c, 1)
    assert "（二）一次性补助：最高实际投资额10%、不超过500万元（上限，一次性）" in lines(c, 1)
    assert c.columns[1].awards.largest.yuan == Decimal(60_000_000)


def test_specialised_smes_by_chinese_name(library):
    c = compare(library, "专精特新", AS_OF)
    assert c.topic.id == "specialised-smes"
    assert rows_of(c) == [("p1.g5", None), ("p2.4", None), ("p2.4.2", "m6")]
    assert lines(c, 0) == ["未列明奖补"]  # Nanjing's clauses set targets, promise no award
    assert lines(c, 1)[0] == "最大金额：最高80万元（上限，一次性）"
    assert "（六）“专精特新”一次性奖励：最高50万元（上限，国家级，一次性）" in lines(c, 1)
    assert "（六）“专精特新”一次性奖励：最高30万元（上限，省级，一次性）" in lines(c, 1)
    assert {"专精特新", "单项冠军"} <= set(c.shared.phrases)


def test_xinchuang(library):
    c = compare(library, "信创", AS_OF)
    assert rows_of(c) == [
        ("p2.1.1", None),
        ("p2.1.1.2", None),
        ("p3.2", None),
        ("att.1", "m9"),
        ("att.6", None),
    ]
    assert lines(c, 0) == ["六、一次性奖励：金额未明确"]
    assert lines(c, 1) == [
        "最大金额：不超过500万元（上限，一次性）",
        "（九）江苏省信创标杆工程奖励：最高50万元（上限）",
        "（九）江苏省信创优秀示范案例奖励：最高20万元（上限）",
        "（九）企业应用示范项目一次性奖励：最高300万元（上限，一次性）",
        "（九）一次性补助：最高实际投资额10%、不超过500万元（上限，一次性）",
    ]
    assert "信息技术应用创新" in c.shared.phrases


def test_parks(library):
    c = compare(library, "parks", AS_OF)
    assert rows_of(c) == [
        ("p1.g4", None),
        ("p2.7", None),
        ("p2.7.1", None),
        ("p2.7.2", None),
        ("p2.7.3", None),
        ("p3.2", None),
        ("att.2", "m10"),
    ]
    assert lines(c, 0) == [
        "二、土地财政收入封闭运作、土地出让市级刚性计提返还等支持：金额未明确",
        "二、资金奖励：金额未明确",
    ]
    assert lines(c, 1) == [
        "最大金额：最高300万元（上限，国家级，一次性）",
        "（十）园区运营主体一次性奖励：最高300万元（上限，国家级，一次性）",
        "（十）园区运营主体一次性奖励：最高100万元（上限，省级，一次性）",
        "（十）租金补贴：金额未明确",
        "（十）新入驻软件企业租金补贴：不低于50%（多年，租金）",
    ]
    assert "园区运营主体" in c.shared.phrases


def test_talent(library):
    c = compare(library, "talent", AS_OF)
    assert rows_of(c) == [("p2.5", None), ("p2.5.3", "m12"), ("p3.3", None), ("att.5", None)]
    assert lines(c, 0) == ["五、高层次人才科技贡献奖励：金额未明确", "五、实训补助：金额未明确"]
    assert lines(c, 1) == ["（十二）高端人才、核心团队重点支持：金额未明确"]
    assert all(col.awards.largest is None for col in c.columns)


def test_data_elements_only_nanjing_has_any(library):
    c = compare(library, "data elements", AS_OF)
    assert c.topic.id == "data"
    assert rows_of(c) == [("p2.5", None), ("p2.5.4", None), ("p3.2", None), ("att.7", None)]
    assert lines(c, 0) == ["未列明奖补"] and lines(c, 1) == ["无对应条款"]
    assert c.shared.phrases == ()


def test_policies_can_be_picked_and_ordered(library):
    c = compare(library, "talent", AS_OF, [WX, NJ])
    assert [col.policy.id for col in c.columns] == [WX, NJ]
    assert rows_of(c) == [(None, "p2.5"), ("m12", "p2.5.3"), (None, "p3.3"), (None, "att.5")]
    assert [col.policy.id for col in compare(library, "talent", AS_OF, [WX]).columns] == [WX]


def test_every_column_knows_its_status(library):
    c = compare(library, "parks", AS_OF)
    assert [(col.status.validity.value, col.status.draft) for col in c.columns] == [
        ("expired", False),
        ("expired", True),
    ]


def test_matrix_shows_every_topic_and_the_largest_award(library):
    m = build_matrix(library, AS_OF)
    assert [t.id for t in m.topics] == list(library.topics)
    assert [p.id for p in m.policies] == [NJ, WX]
    cells = {(row[0].topic.id, cell.policy.id): cell for row in m.cells for cell in row}
    assert cell_text(cells["headquarters", WX]) == "3条 最高6000万元"
    assert cell_text(cells["headquarters", NJ]) == "2条 金额未明确"
    assert cell_text(cells["data", WX]) == "—"
    assert cell_text(cells["specialised-smes", NJ]) == "3条"
    assert cell_text(cells["platforms", WX]) == "1条 最高5000万元"
    assert [
        cells[t, WX].tier for t in ("data", "talent", "specialised-smes", "open-source", "headquarters")
    ] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    "topic", ["open-source", "headquarters", "specialised-smes", "xinchuang", "parks", "talent", "data"]
)
def test_matrix_cells_agree_with_the_comparison(library, topic):
    m = build_matrix(library, AS_OF)
    row = m.cells[[t.id for t in m.topics].index(topic)]
    c = compare(library, topic, AS_OF)
    assert [cell.clauses for cell in row] == [len(col.clauses) for col in c.columns]
    assert [cell.awards for cell in row] == [col.awards for col in c.columns]
