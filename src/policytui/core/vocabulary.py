"""The words the documents use for scales, units and bounds, defined once.

Every module that reads or words a figure takes its vocabulary from here, so a new
mark (say 不少于) is taught to the reader, the calculator and the wording at once.
"""

from __future__ import annotations

from decimal import Decimal

# Scale prefixes as printed, longest first so that 万亿 is not read as 万.
SCALES: tuple[tuple[str, Decimal], ...] = (
    ("万亿", Decimal(10) ** 12),
    ("亿", Decimal(10) ** 8),
    ("万", Decimal(10) ** 4),
)
WAN = dict(SCALES)["万"]
YI = dict(SCALES)["亿"]
YUAN = "元"
WAN_YUAN = "万" + YUAN  # the unit the documents and meetings count awards in
# Yuan per printed money unit. "%" is a rate, not money.
MONEY_UNITS: dict[str, Decimal] = {
    YUAN: Decimal(1),
    **{prefix + YUAN: factor for prefix, factor in reversed(SCALES)},
}
RATE_UNIT = "%"
# A printed figure's unit in a regular expression, longest first (万亿元 before 亿元 before 元).
FIGURE_UNIT_PATTERN = "|".join(sorted((*MONEY_UNITS, RATE_UNIT), key=len, reverse=True))

# Qualifiers printed before or after a figure, as the schema accepts them.
QUALIFIERS: tuple[str, ...] = (
    "最高",
    "不超过",
    "最高不超过",
    "不低于",
    "分档",
    "分档择优",
    "择优",
    "超过",
    "超",
    "以上",
    "及以上",
    "（含）",
    "突破",
    "达",
    "力争",
    "约",
)
UPPER_BOUND_MARKS = ("最高", "不超过", "最高不超过")  # the figure is a ceiling
BOUND_MARKS = (*UPPER_BOUND_MARKS, "不低于")  # the figure is a ceiling or a floor
EXCEEDED_MARKS = ("超", "超过", "突破")  # a target to be passed, not met exactly
ASPIRATION_MARK = "力争"  # 力争达5000亿元: what the city strives for, not a commitment
# The qualifiers that bound a figure and are worded before it ("最高500万元"); not the tiering
# words (分档择优), nor those printed after the figure (以上, （含）).
PREFIX_MARKS = (*BOUND_MARKS, *EXCEEDED_MARKS, ASPIRATION_MARK, "达")
# A figure compared against, not awarded: 不低于2000万元, 1亿元（含）以上.
THRESHOLD_MARKS = ("不低于", "超过", "超", "以上", "及以上", "（含）")
# The qualifiers with which a line takes its own figure in (达到1亿元, 1000万元（含）); 超过 and
# 突破 leave it out.
LINE_INCLUDED_MARKS = ("（含）", "及以上", "以上", "不低于", "达")


def split_scale(unit: str) -> tuple[str, Decimal]:
    """("元", 1e8) for 亿元; ("家", 1e4) for 万家; ("项", 1) for 项."""
    for prefix, factor in SCALES:
        if unit.startswith(prefix):
            return unit[len(prefix) :], factor
    return unit, Decimal(1)


# The provinces (and province-level cities and regions) by their short Chinese names, in
# English: a policy file names its province in Chinese only, and these are names, not figures.
PROVINCES_EN: dict[str, str] = {
    "北京": "Beijing",
    "天津": "Tianjin",
    "上海": "Shanghai",
    "重庆": "Chongqing",
    "河北": "Hebei",
    "山西": "Shanxi",
    "辽宁": "Liaoning",
    "吉林": "Jilin",
    "黑龙江": "Heilongjiang",
    "江苏": "Jiangsu",
    "浙江": "Zhejiang",
    "安徽": "Anhui",
    "福建": "Fujian",
    "江西": "Jiangxi",
    "山东": "Shandong",
    "河南": "Henan",
    "湖北": "Hubei",
    "湖南": "Hunan",
    "广东": "Guangdong",
    "海南": "Hainan",
    "四川": "Sichuan",
    "贵州": "Guizhou",
    "云南": "Yunnan",
    "陕西": "Shaanxi",
    "甘肃": "Gansu",
    "青海": "Qinghai",
    "台湾": "Taiwan",
    "内蒙古": "Inner Mongolia",
    "广西": "Guangxi",
    "西藏": "Tibet",
    "宁夏": "Ningxia",
    "新疆": "Xinjiang",
    "香港": "Hong Kong",
    "澳门": "Macao",
}
