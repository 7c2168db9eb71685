"""Reading a query: terms and their alternatives, filters, and clear errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policytui.core.search.query import (
    CHAR,
    INITIAL,
    SYLLABLE,
    Lexicon,
    QueryError,
    Unit,
    parse_query,
)


@pytest.fixture(scope="module")
def lexicon(library):
    return Lexicon(library)


def kinds(term) -> set[str]:
    found = set()
    for alternative in term.alternatives:
        if alternative.topic:
            found.add("topic")
        elif alternative.amount is not None:
            found.add("amount")
        elif all(unit.kind == CHAR for unit in alternative.units):
            found.add("chars")
        else:
            found.add("pinyin")
    return found


def test_chinese_is_one_term_typed_as_is_with_homophones_and_similarity(lexicon):
    (term,) = parse_query("总部奖励", lexicon).terms
    typed = term.alternatives[0]
    assert typed.units == tuple(Unit(CHAR, ch) for ch in "总部奖励")
    assert typed.homophones and typed.similar and typed.weight == 1.0


def test_pinyin_is_read_as_syllables_initials_or_both(lexicon):
    def pinyin(text):
        (term,) = parse_query(text, lexicon).terms
        return next(a.units for a in term.alternatives if any(u.kind != CHAR for u in a.units))

    assert pinyin("kaiyuan") == (Unit(SYLLABLE, "kai"), Unit(SYLLABLE, "yuan"))
    assert pinyin("ZJTX") == tuple(Unit(INITIAL, letter) for letter in "zjtx")
    assert pinyin("zj特新") == (Unit(INITIAL, "z"), Unit(INITIAL, "j"), Unit(CHAR, "特"), Unit(CHAR, "新"))


def test_an_english_word_the_lexicon_knows_is_not_also_read_as_pinyin(lexicon):
    (talent,) = parse_query("talent", lexicon).terms  # ta-len-t would match 他连天…
    assert "pinyin" not in kinds(talent)
    (xinchuang,) = parse_query("xinchuang", lexicon).terms  # pinyin through and through
    assert "pinyin" in kinds(xinchuang)


def test_english_words_reach_the_documents_words(lexicon):
    (ipo,) = parse_query("IPO", lexicon).terms
    words = {"".join(u.value for u in a.units) for a in ipo.alternatives if a.units}
    assert "上市" in words
    assert "leading-firms" in {a.topic for a in ipo.alternatives}


def words_of(term) -> set[str]:
    return {"".join(u.value for u in a.units) for a in term.alternatives if a.units}


def test_each_word_of_a_known_english_phrase_carries_the_phrases_words(lexicon):
    query = parse_query("rent subsidy 开源", lexicon)
    assert [term.text for term in query.terms] == ["rent", "subsidy", "开源"]
    assert "租金" in words_of(query.terms[0]) and "补贴" in words_of(query.terms[1])
    assert all("parks" in {a.topic for a in term.alternatives} for term in query.terms[:2])  # the phrase's
    # a phrase whose words mean nothing alone stays one term
    assert [term.text for term in parse_query("open source 补助", lexicon).terms] == ["open source", "补助"]
    # a word of a phrase stands for the phrase, a little below the phrase itself
    (data,) = parse_query("data", lexicon).terms
    assert {"大数据", "数据中心"} <= words_of(data)
    assert all(a.weight < 1 for a in data.alternatives if a.units and words_of_alt(a) == "大数据")


def words_of_alt(alternative) -> str:
    return "".join(u.value for u in alternative.units)


@pytest.mark.parametrize(
    ("typed", "base"),
    [
        ("headquarter", "headquarters"),
        ("talents", "talent"),
        ("subsidies", "subsidy"),
        ("financed", "financing"),
        ("organization", "organisation"),
        ("software parks", "software park"),
    ],
)
def test_an_inflection_or_british_spelling_reads_like_the_base_word(lexicon, typed, base):
    assert lexicon.knows_word(typed)

    def read(text):  # all but the typed characters themselves
        return [words_of(t) - {text, *text.split()} for t in parse_query(text, lexicon).terms]

    assert read(typed) == read(base)


def pinyin_units(term):
    return [a.units for a in term.alternatives if any(u.kind != CHAR for u in a.units)]


def test_pinyin_with_spaces_is_one_term_split_where_the_spaces_are(lexicon):
    (spaced,) = parse_query("zhuan jing te xin", lexicon).terms
    (together,) = parse_query("zhuanjingtexin", lexicon).terms
    assert pinyin_units(spaced) == pinyin_units(together)
    (term,) = parse_query("z j t x", lexicon).terms
    assert pinyin_units(term)[0] == tuple(Unit(INITIAL, letter) for letter in "zjtx")
    # run together, xihuajuanzhi reads xi hua juan zhi; the spaces say ju an (局按)
    (term,) = parse_query("xi hua ju an zhi", lexicon).terms
    assert [u.value for u in pinyin_units(term)[0]] == ["xi", "hua", "ju", "an", "zhi"]
    assert len(parse_query("kaiyuan 总部", lexicon).terms) == 2


def test_initials_are_also_read_one_letter_a_character(lexicon):
    (term,) = parse_query("fzzhsq", lexicon).terms  # 发展智慧社区: zh is z+h here, not the initial zh
    assert tuple(Unit(INITIAL, letter) for letter in "fzzhsq") in pinyin_units(term)


def test_sums_of_money_are_one_alternative_whatever_their_spelling(lexicon):
    for text in ("500万", "5000000", "0.05亿", "五百万"):
        (term,) = parse_query(text, lexicon).terms
        assert Decimal(5_000_000) in {a.amount for a in term.alternatives}, text


def test_figures_are_never_similar(lexicon):
    (term,) = parse_query("500万", lexicon).terms
    assert not any(alternative.similar for alternative in term.alternatives)


def test_filters(lexicon):
    query = parse_query("Policy:WUXI-DRAFT topic:开源 has:amount amount>=100万 amount<1亿 补助", lexicon)
    assert [term.text for term in query.terms] == ["补助"]
    filters = query.filters
    assert filters.policies == {"wuxi-draft"}
    assert filters.topics == (frozenset({"open-source"}),)
    assert filters.has_amount
    assert filters.amount_range == ((">=", Decimal(1_000_000)), ("<", Decimal(100_000_000)))


def test_a_city_name_alone_is_a_policy_filter(lexicon):
    for city in ("无锡", "Wuxi", "policy:无锡"):
        query = parse_query(f"{city} 开源", lexicon)
        assert query.filters.policies == {"wuxi-draft"}, city
        assert [term.text for term in query.terms] == ["开源"]


def test_topics_by_id_chinese_or_english_name(lexicon):
    for name in ("open-source", "开源", "Open-Source"):
        assert parse_query(f"topic:{name}", lexicon).filters.topics == (frozenset({"open-source"}),)


def test_full_width_forms_and_chinese_punctuation(lexicon):
    query = parse_query("ｔｏｐｉｃ：开源，总部、奖励", lexicon)
    assert query.filters.topics == (frozenset({"open-source"}),)
    assert [term.text for term in query.terms] == ["总部", "奖励"]


def test_quotes_keep_a_phrase_together(lexicon):
    assert [t.text for t in parse_query('"big data" “软件 产业”', lexicon).terms] == ["big data", "软件 产业"]


@pytest.mark.parametrize(
    ("text", "reason", "values"),
    [
        ("", "empty", {}),
        ("   ", "empty", {}),
        ("，，、", "nothing", {"text": "，，、"}),
        ("topic:区块", "no_topic", {"value": "区块"}),
        ("policy:shanghai", "no_policy", {"value": "shanghai"}),
        ("policy:", "needs_value", {"token": "policy:"}),
        ("has:rate", "has", {"token": "has:rate"}),
        ("amount>=abc", "amount", {"value": "abc"}),
        ("amount<=-5", "amount", {"value": "-5"}),
        ("总" * 201, "too_long", {"length": 201}),
    ],
)
def test_what_cannot_be_read_says_why(lexicon, text, reason, values):
    with pytest.raises(QueryError) as caught:
        parse_query(text, lexicon)
    assert caught.value.reason == reason and values.items() <= caught.value.values.items()


def test_an_unknown_topic_suggests_the_closest(lexicon):
    with pytest.raises(QueryError) as caught:
        parse_query("topic:xinchuan", lexicon)
    assert "xinchuang" in caught.value.values["near"]
