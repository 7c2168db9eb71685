"""Read a sum of money as people write it: 500万, 2亿元, 5,000万元, ¥20,000,000, 两亿, 六千万.

The result is always yuan as a Decimal; nothing here touches float.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from policytui.core.sanitize import shorten
from policytui.core.vocabulary import SCALES

# The largest sum accepted: anything beyond 万万亿 is a typo, not a subsidy.
MAX_YUAN = Decimal(10) ** 16

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {prefix: int(factor) for prefix, factor in SCALES}

# An Arabic figure, with thousands commas only where they group by three.
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Digits in one figure: more than any sum below MAX_YUAN needs, few enough that Decimal never overflows.
MAX_DIGITS = 30
_TOKEN = re.compile(
    rf"(?P<arabic>{_ARABIC})|(?P<digit>[零〇一二两三四五六七八九])"
    r"|(?P<small>[十百千])|(?P<large>" + "|".join(LARGE_UNITS) + ")"
)
_EXAMPLES = "a sum such as 500万, 2亿元, 5,000万元, ¥20,000,000 or 六千万"


class MoneyError(ValueError):
    """The text is not a sum of money; the message says why and what is expected."""


def parse_money(text: str) -> Decimal:
    """The sum written in `text`, in yuan.

    >>> parse_money("0.05亿")
    Decimal('5000000')
    """
    if not isinstance(text, str) or not text.strip():
        raise MoneyError(f"no amount given (expected {_EXAMPLES})")
    # NFKC turns full-width digits, ￥ and ，into their ASCII forms.
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    body = compact.removeprefix("¥").removesuffix("元")
    if not body:
        raise MoneyError(f"'{shorten(text)}' has no figure (expected {_EXAMPLES})")
    yuan = _read_figure(body, text)
    if yuan >= MAX_YUAN:
        raise MoneyError(f"'{shorten(text)}' is too large to be a sum of money (expected {_EXAMPLES})")
    return yuan.quantize(Decimal(1)) if yuan == yuan.to_integral_value() else yuan.normalize()


def _read_figure(body: str, original: str) -> Decimal:
    """Read digits and Chinese units left to right, the way the figure is spoken.

    `total` holds the parts already closed by 亿 or 万, `section` the part below
    the next large unit, and `number` the figure waiting for its unit. A lone
    digit straight after a unit is spoken shorthand for the next unit down
    (一万五 is 15000, 三千五 is 3500); after 零 it is the digit itself (一万零五).
    """
    total = section = Decimal(0)
    number: Decimal | None = None
    last_small = last_large = last_unit = None
    shorthand = False  # `number` is a lone digit that came straight after a unit
    previous_kind = None
    figures = 0  # figures read: 0万 is a sum (of nothing), a bare 万 is not
    position = 0
    for match in _TOKEN.finditer(body):
        if match.start() != position:
            break
        position = match.end()
        kind, token = match.lastgroup, match.group()
        if kind == "digit" and CHINESE_DIGITS[token] == 0 and number is None and (section or total):
            previous_kind = "zero"
            continue  # the 零 of 一千零五 only marks a gap
        if kind in ("arabic", "digit"):
            figures += 1
            if number is not None:
                raise _not_money(original, f"two figures in a row at '{token}'")
            number = _arabic(token, original) if kind == "arabic" else Decimal(CHINESE_DIGITS[token])
            shorthand = previous_kind in ("small", "large") and (
                kind == "digit" or (token.isdigit() and len(token) == 1)
            )
        elif kind == "small":
            unit = SMALL_UNITS[token]
            if last_small is not None and unit >= last_small:
                raise _not_money(original, f"'{token}' is out of order")
            if number is None and (section or total):  # only a leading 十 may stand alone
                raise _not_money(original, f"'{token}' has no figure before it")
            section += (Decimal(1) if number is None else number) * unit
            number, last_small, last_unit = None, unit, unit
        else:
            unit = LARGE_UNITS[token]
            if last_large is not None and unit >= last_large:
                raise _not_money(original, f"'{token}' is out of order")
            if number is None and not section:
                raise _not_money(original, f"'{token}' has no figure before it")
            total += (section + (number or 0)) * unit
            section, number, last_small, last_large, last_unit = Decimal(0), None, None, unit, unit
        previous_kind = kind
    if position != len(body):
        raise _not_money(original, f"unexpected '{body[position:]}'")
    if number is not None and shorthand and last_unit is not None:  # shorthand follows a unit
        number *= Decimal(last_unit) / 10
    if not figures and not section and not total:
        raise _not_money(original, "no figure")
    return total + section + (number or 0)


def _arabic(token: str, original: str) -> Decimal:
    if sum(c.isdigit() for c in token) > MAX_DIGITS:
        raise MoneyError(f"'{shorten(original)}' is too large to be a sum of money (expected {_EXAMPLES})")
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:  # the pattern admits only plain figures; this is a safeguard
        raise _not_money(original, f"'{token}' is not a figure") from None


def _not_money(text: str, reason: str) -> MoneyError:
    return MoneyError(f"'{shorten(text)}' is not a sum of money: {shorten(reason)} (expected {_EXAMPLES})")
