"""Inputs that people and hostile files produce: sums as written, control characters, odd Unicode."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE_CHARS = [
    "\x1b",
    "\x07",
    "\x9b",
    "\x9d",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200e",
    "\u061c",
    "\u2028",
    "\ufeff",
    "\x00",
    "\r",
    "\n",
    "\t",
    "[",
    "]",
    "=",
    "\\",
    '"',
]
MONEY_PIECES = [
    "0",
    "1",
    "5",
    "9",
    "10",
    "500",
    "1,000",
    "5,000",
    "0.05",
    "2.5",
    "00",
    "一",
    "二",
    "两",
    "五",
    "九",
    "零",
    "〇",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "万亿",
    "元",
    "¥",
    "￥",
    "，",
    "．",
    "５",
    " ",
    "-",
    "e",
]

hostile_char = st.sampled_from(HOSTILE_CHARS)
# Text as typed or stored: mostly ordinary characters, with hostile ones mixed in.
text = st.lists(
    st.one_of(st.characters(codec="utf-8"), hostile_char, st.sampled_from(MONEY_PIECES)), max_size=30
).map("".join)
money_text = st.lists(st.sampled_from(MONEY_PIECES), min_size=1, max_size=8).map("".join)
digits = st.integers(min_value=1, max_value=400).map(lambda n: "9" * n)
typed = st.one_of(money_text, text, digits)


def assert_safe_message(message: str, limit: int = 600) -> None:
    """A message for one line of a terminal: no escape, control or invisible character, not huge."""
    from policytui.core.sanitize import one_line

    assert len(message) <= limit, len(message)
    assert "\n" not in message.strip("\n")
    bad = [c for c in message if c not in "\t" and one_line(c) != c]
    assert not bad, (bad, message)
