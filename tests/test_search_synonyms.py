"""data/synonyms.toml and its reader: loaded into Library.synonyms, problems reported like any file."""

from __future__ import annotations

from policytui.core.loader import load_files, parse_file
from policytui.core.search.index import SearchIndex
from policytui.core.search.rank import search
from policytui.render.problems import worded


def load(tmp_path, text: str):
    path = tmp_path / "synonyms.toml"
    path.write_text(text, encoding="utf-8")
    return load_files([parse_file(path)])


def test_the_bundled_table_is_loaded(library):
    means = {synonym.term: synonym.means for synonym in library.synonyms}
    assert means["IPO"] == ("上市",)
    assert means["xinchuang"] == ("信创", "信息技术应用创新")
    assert "开源" in means["open source"]


def test_a_good_file_loads_without_problems(tmp_path):
    library = load(tmp_path, 'schema = 1\n[[synonyms]]\nterm = "SaaS"\nmeans = ["软件即服务", "云服务"]\n')
    assert [(s.term, s.means) for s in library.synonyms] == [("SaaS", ("软件即服务", "云服务"))]
    assert library.problems == []


def test_bad_entries_are_skipped_and_named_with_line_and_key(tmp_path):
    library = load(
        tmp_path,
        "\n".join(
            [
                "[[synonyms]]",
                'term = "ok"',
                'means = ["好"]',
                "[[synonyms]]",
                'term = "empty"',
                "means = []",
                "[[synonyms]]",
                "term = 3",
                'means = ["三"]',
                "[[synonyms]]",
                'term = "typo"',
                'mean = ["错"]',
            ]
        ),
    )
    assert [s.term for s in library.synonyms] == ["ok"]
    problems = {(p.where, p.line, p.severity): worded(p, "en").message for p in library.problems}
    assert problems[("synonyms[1].means", 6, "error")] == "no words to search for"
    assert problems[("synonyms[2].term", 8, "error")] == "is a whole number"
    assert "did you mean 'means'" in problems[("synonyms[3].mean", 12, "warning")]


def test_synonyms_lead_search_to_the_documents_words(library):
    top = [result.id for result in search(SearchIndex(library), "HQ", limit=3)]
    assert top[0] == "wuxi-draft/m4"


def test_a_users_synonym_that_names_no_word_of_any_loaded_text_is_a_warning(tmp_path, library):
    from policytui.core.loader import load_library
    from policytui.core.locations import data_dirs

    (tmp_path / "mine.toml").write_text(
        'schema = 1\n[[synonyms]]\nterm = "stock market"\nmeans = ["上市"]\n'
        '[[synonyms]]\nterm = "SaaS"\nmeans = ["软件即服务", "订阅制"]\n',
        encoding="utf-8",
    )
    loaded = load_library(dirs=data_dirs([tmp_path], user=False, env={}))
    (warning,) = [p for p in loaded.problems if p.file.endswith("mine.toml")]
    assert warning.severity == "warning" and (warning.where, warning.line) == ("synonyms[1].means", 7)
    assert "none of 软件即服务, 订阅制 is in the text of any loaded policy" in worded(warning, "en").message
    assert {s.term for s in loaded.synonyms} >= {"stock market", "SaaS"}  # loaded like the bundled ones
    (found,) = search(SearchIndex(loaded), "stock market", limit=1)
    assert [found.snippet[start:end] for start, end in found.spans] == ["上市"]


def test_every_bundled_synonym_names_a_word_of_the_bundled_texts(library):
    texts = "\n".join(clause.text for clause in library.clauses()).casefold()
    assert all(any(m.casefold() in texts for m in s.means) for s in library.synonyms)


def test_the_figures_rules_read_are_found_by_their_english_names(library):
    """revenue found nothing (Did you mean: events): the figures a rule reads have English names."""
    index = SearchIndex(library)
    assert "nanjing-2021/att.4" in [r.id for r in search(index, "revenue", limit=5)]  # 营业收入首次超过1亿元
    assert "wuxi-draft/m4" in [r.id for r in search(index, "paid-in capital", limit=5)]  # 实收注册资本
