"""Every figure of money or rate in a clause, with the words around it read as the schema asks.

Qualifiers are the schema's words as printed before the figure (最高, 不超过 …) or just
after it (（含）, 及以上); a role is read from the words around the figure (给予…奖励 is
an award, 按…的N% a rate with its base, 最高/不超过 after a rate a cap, 不低于/超过 with
what they qualify a threshold); period and level only where printed. Where the words
leave the reading open, the figure carries a review mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policytui.core.importer.records import DraftAmount, mark
from policytui.core.money import MoneyError, parse_money
from policytui.core.vocabulary import (
    EXCEEDED_MARKS,
    FIGURE_UNIT_PATTERN,
    QUALIFIERS,
    THRESHOLD_MARKS,
    UPPER_BOUND_MARKS,
)

FIGURE = re.compile(rf"(?<![\d.,])(\d+(?:\.\d+)?)({FIGURE_UNIT_PATTERN})")
_LISTED_FIGURES = re.compile(
    rf"^(?:[、和及或]\d+(?:\.\d+)?(?:{FIGURE_UNIT_PATTERN})(?:（含）|及以上|以上)?)+"
)
_BY_LENGTH = sorted(QUALIFIERS, key=len, reverse=True)
# Short words count only right before the figure: 达 in 达到一定规模 qualifies nothing.
_ADJACENT_ONLY = {"超", "达", "约", "突破"}
_TRAILING = ("（含）", "(含)", "及以上", "以上")
_TRAILING_TIERS = ("分档择优", "分档")
_SEGMENT_BREAK = re.compile(r"[，,；;。：:！？]")
_SENTENCE_BREAK = re.compile(r"(?<=[。；;！？])|(?<=\.)(?!\d)")  # an ASCII full stop, not 1.5
_LIST_JOIN = ("、", "和", "及", "或")
_AWARD_WORDS = re.compile(r"给予|奖励|补助|资助|补贴|奖补|支持资金")
_FUND_WORDS = re.compile(r"基金|资金池|专项资金")
_TARGET_WORDS = re.compile(r"到\d{4}年|目标|规模|达到|突破|力争")
_RATE_BASE = re.compile(r"(?:按照|按)(?:其)?(?:不超过|最高|不高于)?(?:其)?(?P<base>[^，,；;。、]*?)的$")
# 对其营业收入超过2000万元的部分，按1%: the rate's base is the part named before it.
_PART_BASE = re.compile(r"对其?(?P<base>[^，,；;。]+?部分)[，,]\s*(?:按照|按)(?:不超过|最高|不高于)?$")
# 给予不低于50%的租金补贴: a rate of what the award is named after (租金), a reading.
_BASE_AFTER = re.compile(r"^的(?P<base>[\u4e00-\u9fff]{1,6}?)(?:补贴|补助|资助|奖励)")
# What 达到/突破/超过 X qualifies when X is a line to reach, not a target: 的软件企业, 的部分.
_QUALIFIED = re.compile(r"^的?[\u4e00-\u9fff]{0,8}?(?:企业|单位|机构|项目|平台|团队|部分)")
# Support promised with no figure (给予适当补助, 给予支持): the amount is 金额未明确.
_PROMISE = re.compile(r"(?:给予|予以)[^，,；;。：:]{0,12}?(?:奖励|补助|资助|补贴|支持|奖补)(?=$|[。；;，,])")
_PAID = ("award", "rate", "cap", "fund")  # roles that put a figure on what is paid
# 同一企业按最高等级给予奖励，不重复支持: how the awards above stack, not one more award.
STACKING_WORDS = re.compile(r"不重复|不再重复|就高|从高|最高等级")
_LEVELS = (("国家级", "national"), ("省级", "provincial"), ("市级", "municipal"))
_MULTI_YEAR = re.compile(r"连续(?:支持|给予|奖励|补助|补贴)?([一二三四五六七八九十两\d]+)年")
_PERIODS = (
    (re.compile(r"一次性"), "one-off"),
    (re.compile(r"每年"), "per-year"),
    (_MULTI_YEAR, "multi-year"),
)


@dataclass(slots=True)
class _Found:
    value: str
    unit: str
    start: int  # in the sentence
    end: int  # after the figure and its trailing qualifiers
    segment: tuple[int, int]  # the stretch between commas that holds it
    lead: str  # the words between the segment's start (or the figure before) and the figure
    after: str  # the words after it, to the segment's end
    lead_qualifiers: list[str]
    trailing: list[str]
    joined: bool  # listed with the figure before it (、和): 最高100万元、50万元

    @property
    def qualifiers(self) -> list[str]:
        return self.lead_qualifiers + self.trailing


def read_figures(text: str) -> list[DraftAmount]:
    """The figures of a clause's text, in order."""
    amounts: list[DraftAmount] = []
    for sentence in _SENTENCE_BREAK.split(text):
        rate_seen = False
        first = len(amounts)
        for group in _groups(_figures_in(sentence)):
            levels = _levels_before(sentence, group[0].start) if len(group) >= 2 else []
            head: DraftAmount | None = None
            for figure in group:
                amount = _amount(sentence, figure, rate_seen)
                if head is not None and (head.unit == "%") == (figure.unit == "%"):
                    # listed after another figure (1亿元、5亿元、10亿元的企业): the same kind of figure
                    amount.role, amount.base = head.role, head.base
                    amount.period, amount.years, amount.subject = head.period, head.years, head.subject
                    amount.marks = list(head.marks)
                head = head or amount
                rate_seen = rate_seen or amount.role == "rate"
                amounts.append(amount)
            if len(levels) == len(group):
                for amount, level in zip(amounts[-len(group) :], levels, strict=True):
                    amount.level = level
                    amount.marks.append(mark("import.mark.level"))
        if not any(amount.role in _PAID for amount in amounts[first:]) and not STACKING_WORDS.search(
            sentence
        ):
            amounts.extend(_promises(sentence))
    return _without_leads(amounts)


def _without_leads(amounts: list[DraftAmount]) -> list[DraftAmount]:
    """Without the promises that lead into figures (按照实收注册资本予以奖励。…1000万元（含）至
    1亿元的，按1%…): a figure paid in a later sentence of the clause is what they promise."""
    kept: list[DraftAmount] = []
    paid_later = False
    for amount in reversed(amounts):
        if amount.value is not None or not paid_later:
            kept.append(amount)
        paid_later = paid_later or (amount.role in _PAID and amount.value is not None)
    return kept[::-1]


def _promises(sentence: str) -> list[DraftAmount]:
    """An award a sentence promises without a figure for it (给予适当补助; 对营业收入首次超过1亿元
    的企业给予资金奖励): no value, and a review mark, as the support may not be money at all
    (在用地方面给予支持)."""
    return [
        DraftAmount(
            role="award",
            quote=match.group(0),
            subject=re.sub(r"^(给予|予以)", "", match.group(0)),
            sentence=sentence.strip(),
            marks=[mark("import.mark.unspecified")],
        )
        for match in _PROMISE.finditer(sentence)
    ]


def _figures_in(sentence: str) -> list[_Found]:
    found: list[_Found] = []
    for match in FIGURE.finditer(sentence):
        value, unit = match.group(1), match.group(2)
        if unit != "%" and not _is_money(value + unit):
            continue
        segment_start = max((m.end() for m in _SEGMENT_BREAK.finditer(sentence, 0, match.start())), default=0)
        previous = found[-1] if found and found[-1].end > segment_start else None
        lead = sentence[previous.end if previous else segment_start : match.start()]
        end = match.end()
        trailing = [word for word in _TRAILING + _TRAILING_TIERS if sentence.startswith(word, end)][:1]
        end += sum(len(word) for word in trailing)
        trailing = [
            "（含）" if word == "(含)" else word for word in trailing
        ]  # one qualifier, either brackets
        segment_end = _SEGMENT_BREAK.search(sentence, end)
        segment_stop = segment_end.start() if segment_end else len(sentence)
        joined = previous is not None and lead in _LIST_JOIN
        found.append(
            _Found(
                value,
                unit,
                match.start(),
                end,
                (segment_start, segment_stop),
                lead,
                sentence[end:segment_stop],
                list(previous.lead_qualifiers) if joined and previous is not None else _qualifiers(lead),
                trailing,
                joined,
            )
        )
    return found


def _is_money(printed: str) -> bool:
    try:
        parse_money(printed)
    except MoneyError:
        return False
    return True


def _qualifiers(lead: str) -> list[str]:
    """The schema's qualifiers in `lead`, longest word first, in printed order."""
    words: list[tuple[int, str]] = []
    taken = [False] * len(lead)
    for word in _BY_LENGTH:
        for match in re.finditer(re.escape(word), lead):
            span = range(match.start(), match.end())
            if any(taken[i] for i in span):
                continue
            if word in _ADJACENT_ONLY and lead[match.end() :] not in ("", "到" if word == "达" else ""):
                continue  # 达 counts in 达到 too, as the curated data records 首次达到1亿元
            for i in span:
                taken[i] = True
            words.append((match.start(), word))
    return [word for _, word in sorted(words)]


def _groups(found: list[_Found]) -> list[list[_Found]]:
    """Figures listed together (100万元、50万元) form one group."""
    groups: list[list[_Found]] = []
    for figure in found:
        if figure.joined and groups:
            groups[-1].append(figure)
        else:
            groups.append([figure])
    return groups


def _levels_before(sentence: str, position: int) -> list[str]:
    """国家级、省级 … named before `position`, in order of first mention."""
    seen = sorted(
        (sentence.find(word), level) for word, level in _LEVELS if 0 <= sentence.find(word) < position
    )
    return [level for _, level in seen]


def _amount(sentence: str, figure: _Found, rate_seen: bool) -> DraftAmount:
    start, stop = figure.segment
    quote = sentence[start:stop].strip()
    amount = DraftAmount(
        role="award",
        quote=quote,
        value=figure.value,
        unit=figure.unit,
        qualifiers=figure.qualifiers,
        sentence=sentence.strip(),
    )
    _read_role(amount, sentence, figure, rate_seen)
    context = figure.lead + figure.after
    amount.period = next((period for pattern, period in _PERIODS if pattern.search(context)), "unspecified")
    # The years in a segment of their own: after what is paid (…给予奖励，连续支持3年), or before
    # what is paid each year (自落户之日起连续三年，每年按其…的50%给予奖励).
    years = _MULTI_YEAR.search(context)
    if years is None and amount.role in _PAID and amount.period == "unspecified":
        years = _MULTI_YEAR.search(sentence, figure.end)
    elif years is None and amount.role in _PAID and amount.period == "per-year":
        years = _MULTI_YEAR.search(sentence, 0, figure.start)
    count = _count(years.group(1)) if years is not None else None
    if years is not None and count != 1:  # 连续1年 is one year
        amount.period, amount.years = "multi-year", count
    after = _LISTED_FIGURES.sub("", figure.after)
    if after.startswith(_LIST_JOIN):  # 1%、第2年按0.5%给予奖励: what follows names the next figure
        after = ""
    after = re.sub(r"^(的|给予|予以|分档择优|分档|择优)+", "", after).strip("的 ")
    lead = re.sub("|".join(map(re.escape, _BY_LENGTH)), "", figure.lead).strip("、和及或的 ")
    lead = re.sub(r"^(分别|给予|予以)+", "", lead)  # 分别给予一次性奖励50万元: 一次性奖励
    amount.subject = " ".join((after or amount.base or lead or quote).split())
    return amount


def _count(printed: str) -> int | None:
    """3 or 三 as a number (two 两 included); None when it does not read as one."""
    try:
        return int(parse_money(printed.replace("两", "二")))
    except MoneyError:
        return None


def _read_role(amount: DraftAmount, sentence: str, figure: _Found, rate_seen: bool) -> None:
    words = set(figure.qualifiers)
    if figure.unit == "%":
        before = sentence[: figure.start]
        base = _RATE_BASE.search(figure.lead) or _RATE_BASE.search(before) or _PART_BASE.search(before)
        if base and base.group("base"):
            amount.role, amount.base = "rate", base.group("base").strip()
        elif _TARGET_WORDS.search(figure.lead) or "达" in words or "比例" in figure.lead:
            amount.role = "target"
        elif paid_on := _BASE_AFTER.match(figure.after):
            amount.role, amount.base = "rate", paid_on.group("base")
            amount.marks.append(mark("import.mark.rate_base_after", base=paid_on.group("base")))
        else:
            amount.role = "rate"
            amount.marks.append(mark("import.mark.rate_no_base"))
        return
    amount.opens_range = figure.after.startswith("至")
    ranged = amount.opens_range or figure.lead.endswith("至")
    compares = words & set(THRESHOLD_MARKS)
    after = _LISTED_FIGURES.sub("", figure.after)  # past the figures listed with it
    qualifies = re.match(r"^(的|[\u4e00-\u9fff]{0,4}企业)", after)
    to_pass = bool(words & {*EXCEEDED_MARKS, "达"})
    if rate_seen and words & set(UPPER_BOUND_MARKS):
        amount.role = "cap"
        amount.marks.append(mark("import.mark.cap"))
    elif ranged or (compares and qualifies) or (to_pass and _QUALIFIED.match(after)):
        amount.role = "threshold"
        if ranged:
            amount.marks.append(mark("import.mark.range"))
    elif _AWARD_WORDS.search(figure.lead + figure.after) or (
        _AWARD_WORDS.search(sentence) and not _TARGET_WORDS.search(figure.lead)
    ):
        amount.role = "award"
    elif _FUND_WORDS.search(sentence):
        amount.role = "fund"
        amount.marks.append(mark("import.mark.fund"))
    elif _TARGET_WORDS.search(sentence) or words & {"突破", "达", "超"}:
        amount.role = "target"
    else:
        amount.role = "target"
        amount.marks.append(mark("import.mark.target"))
