"""parse_money: sums written the way people write them, always Decimal yuan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policytui.core.money import MoneyError, parse_money


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("2亿", 200_000_000),
        ("2亿元", 200_000_000),
        # a lone digit after a unit is spoken shorthand for the next unit down; after 零, itself
        ("一万五", 15_000),
        ("三千五", 3_500),
        ("两亿五", 250_000_000),
        ("1万5", 15_000),
        ("一万零五", 10_005),
        ("一百零五", 105),
        ("二十五", 25),
        ("1万5000", 15_000),
        ("1万15", 10_015),
        ("5000万", 50_000_000),
        ("5,000万元", 50_000_000),
        ("1.5亿", 150_000_000),
        ("0.05亿", 5_000_000),
        ("500万", 5_000_000),
        ("¥20,000,000", 20_000_000),
        ("￥20,000,000", 20_000_000),
        ("20000000", 20_000_000),
        ("５００万", 5_000_000),
        ("5，000万元", 50_000_000),
        ("500 万元", 5_000_000),
        ("1万亿元", 10**12),
        ("两亿", 200_000_000),
        ("六千万", 60_000_000),
        ("十万", 100_000),
        ("一百二十万", 1_200_000),
        ("一千零五", 1005),
        ("一亿五千万", 150_000_000),
        ("2亿5000万", 250_000_000),
        ("3千万", 30_000_000),
    ],
)
def test_reads_a_sum_as_yuan(text, yuan):
    value = parse_money(text)
    assert isinstance(value, Decimal)
    assert value == yuan


def test_keeps_fractions_of_a_yuan_exact():
    assert parse_money("0.5元") == Decimal("0.5")
    assert str(parse_money("0.05亿")) == "5000000"  # no trailing zeros or exponent


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "unexpected 'abc'"),
        ("-5", "unexpected '-5'"),
        ("1e400", "unexpected 'e400'"),
        ("", "no amount given"),
        ("   ", "no amount given"),
        ("元", "has no figure"),
        ("万", "'万' has no figure before it"),
        ("5,00万", "unexpected ',00万'"),
        ("10%", "unexpected '%'"),
        ("五五", "two figures in a row"),
        ("1万2亿", "out of order"),
        ("百千", "out of order"),
        ("NaN", "unexpected 'NaN'"),
        ("9" * 40, "too large"),
    ],
)
def test_rejects_what_is_not_a_sum_with_a_clear_message(text, reason):
    with pytest.raises(MoneyError) as caught:
        parse_money(text)
    assert reason in str(caught.value)
    assert "expected a sum such as 500万" in str(caught.value)


def test_money_error_is_a_value_error():
    assert issubclass(MoneyError, ValueError)
