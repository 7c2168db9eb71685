"""The labels Chinese policy documents number their parts with, full-width and ASCII alike.

一、 （一） (一) 1． 1. 1、 （1） (1) ① 第一章 第一节 第一条: each is a style; the
document's own order of styles gives the tree (see structure.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policytui.core.money import MoneyError, parse_money

_CN = "[一二三四五六七八九十百零〇两]+"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (style, pattern); the number is group 1. Order matters: 第一章 before 一、.
STYLES = (
    ("chapter", re.compile(rf"^第\s*({_CN}|\d+)\s*章\s*")),
    ("chapter-section", re.compile(rf"^第\s*({_CN}|\d+)\s*节\s*")),
    ("article", re.compile(rf"^第\s*({_CN}|\d+)\s*条\s*")),
    ("cn", re.compile(rf"^({_CN})\s*[、．.]\s*")),
    ("paren-cn", re.compile(rf"^[（(]\s*({_CN})\s*[）)]\s*")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[．.、](?![\d%])\s*")),
    ("paren-arabic", re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*")),
    ("circled", re.compile(rf"^([{_CIRCLED}])\s*")),
)


@dataclass(frozen=True, slots=True)
class Label:
    style: str
    printed: str  # as printed, without the space after it
    number: int
    rest: str  # the line after the label


def read_label(line: str) -> Label | None:
    """The label a line opens with, or None."""
    for style, pattern in STYLES:
        match = pattern.match(line)
        if match and match.end() < len(line):
            number = _number(match.group(1))
            if number is not None:
                return Label(style, match.group(0).rstrip(), number, line[match.end() :])
    return None


def _number(token: str) -> int | None:
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    if token.isdigit():
        return int(token)
    try:  # a Chinese numeral is read as money.py reads one: 十二 is 12
        return int(parse_money(token))
    except MoneyError:
        return None
