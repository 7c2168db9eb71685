"""Property tests of what people type: sums of money, search queries, topics, calculator inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytui.core.calc.engine import calculate
from policytui.core.calc.inputs import InputError
from policytui.core.calc.sweep import sweep, sweepable
from policytui.core.compare import UnknownTopic, compare, resolve_topic
from policytui.core.money import MAX_YUAN, MoneyError, parse_money
from policytui.core.sanitize import one_line
from policytui.core.search.index import SearchIndex
from policytui.core.search.query import Lexicon, QueryError, parse_query
from policytui.core.search.rank import search
from policytui.i18n import LANGS, query_problem
from policytui.render.calc.wording import choice_aliases, error_text
from tests.conftest import AS_OF
from tests.fuzz.strategies import assert_safe_message, text, typed

QUERY_PIECES = [
    "policy:",
    "topic:",
    "has:amount",
    "amount>=",
    "amount<",
    "amount=",
    "无锡",
    "开源",
    "zjtx",
    "总部",
    "open source",
    "100万",
    " ",
    "-",
    '"',
    "*",
    "(",
    "kaiyuan",
    "IPO",
]


@pytest.fixture(scope="module")
def lexicon(library):
    return Lexicon(library)


@pytest.fixture(scope="module")
def index(library):
    return SearchIndex(library)


@given(typed)
def test_money_is_a_bounded_decimal_or_a_clean_money_error(raw):
    try:
        yuan = parse_money(raw)
    except MoneyError as error:
        assert_safe_message(str(error))
    else:
        assert isinstance(yuan, Decimal) and 0 <= yuan < MAX_YUAN


@given(st.integers(min_value=0, max_value=10**11))
def test_money_reads_back_what_it_is_given(n):
    assert parse_money(str(n)) == n
    assert parse_money(f"{n:,}元") == n
    assert parse_money(f"{n}万") == n * 10_000


@given(st.lists(st.one_of(st.sampled_from(QUERY_PIECES), text), max_size=6).map("".join))
def test_a_query_is_parsed_and_searched_or_refused_with_a_clean_error(lexicon, index, query):
    try:
        parse_query(query, lexicon)
        results = search(index, query, limit=5)
    except QueryError as error:  # it repeats the query; the CLI and the TUI print it through the sanitiser
        for lang in ("zh", "en"):
            assert_safe_message(one_line(query_problem(error.reason, error.values, lang)))
    else:
        assert len(results) <= 5


@given(st.one_of(text, st.sampled_from(["开源", "open-source", "专精特新", "data elements", "人才", "总部"])))
def test_a_topic_resolves_or_is_unknown(library, query):
    try:
        topic = resolve_topic(library, query)
    except UnknownTopic:
        return
    assert topic.id in library.topics
    compare(library, topic.id, AS_OF)


@given(st.data())
def test_calculator_inputs_give_a_result_or_a_clean_input_error(library, data):
    rule = data.draw(st.sampled_from(sorted(library.rules.values(), key=lambda r: r.id)))
    raw = {spec.name: data.draw(typed, label=spec.name) for spec in rule.inputs}
    try:
        result = calculate(library, rule, raw, AS_OF, choice_aliases)
    except InputError as error:
        for lang in LANGS:
            assert_safe_message(error_text(error, lang))
    else:
        assert result is not None


@given(st.data())
def test_a_sweep_over_any_range_gives_points_or_a_clean_error(library, data):
    rules = sorted((r for r in library.rules.values() if sweepable(r)), key=lambda r: r.id)
    rule = data.draw(st.sampled_from(rules))
    name = data.draw(st.sampled_from(sweepable(rule)))
    figure = st.decimals(min_value=0, max_value=10**14, places=2, allow_nan=False, allow_infinity=False)
    start, stop = data.draw(figure), data.draw(figure)
    others = {
        spec.name: Decimal(1) if spec.type != "choice" else spec.choices[0]
        for spec in rule.inputs
        if spec.name != name
    }
    try:
        result = sweep(library, rule, others, name, min(start, stop), max(start, stop), date(2024, 1, 1))
    except ValueError as error:
        assert_safe_message(str(error))
    else:
        assert result is not None
