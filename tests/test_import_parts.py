"""The importer's parts on small texts: labels, departments, decoding, wrapped lines, figures."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytui.core.importer.decoding import SourceError, decode_source
from policytui.core.importer.departments import read_departments
from policytui.core.importer.figures import read_figures
from policytui.core.importer.labels import read_label
from policytui.core.importer.paragraphs import split_paragraphs
from policytui.core.importer.review import open_marks
from policytui.core.importer.toml_writer import toml_string
from policytui.render.importer import mark_words, source_error_words


@pytest.mark.parametrize(
    "line, style, printed, number",
    [
        ("一、总则", "cn", "一、", 1),
        ("十二、附则", "cn", "十二、", 12),
        ("（三）支持", "paren-cn", "（三）", 3),
        ("(十一)支持", "paren-cn", "(十一)", 11),
        ("1．目标", "arabic", "1．", 1),
        ("2. 目标", "arabic", "2.", 2),
        ("3、目标", "arabic", "3、", 3),
        ("（4）项目", "paren-arabic", "（4）", 4),
        ("(5)项目", "paren-arabic", "(5)", 5),
        ("②其他", "circled", "②", 2),
        ("第一章 总则", "chapter", "第一章", 1),
        ("第二十一条 本办法", "article", "第二十一条", 21),
    ],
)
def test_every_label_style(line, style, printed, number):
    label = read_label(line)
    assert (label.style, label.printed, label.number) == (style, printed, number)


@pytest.mark.parametrize(
    "line", ["2025年南京市目标", "5G网络建设", "1.5亿元的基金", "（包括集成验证中心）", "附则"]
)
def test_lines_that_are_not_labels(line):
    assert read_label(line) is None


@pytest.mark.parametrize(
    "text, names",
    [
        ("…奖励。（市工业和信息化局负责）", ["市工业和信息化局"]),
        (
            "…奖励。（市委金融办、市工业和信息化局、市财政局按职责分工负责）",
            ["市委金融办", "市工业和信息化局", "市财政局"],
        ),
        (
            "…上浮。〔市科技局，各市（县）、区人民政府按职责分工负责。以下均需各市（县）、区人民政府落实，不再列出〕",
            ["市科技局", "各市（县）、区人民政府"],
        ),
        ("…奖励。[责任单位:市财政局、市税务局]", ["市财政局", "市税务局"]),
        ("…奖励。【牵头单位：市工信局；配合单位：市财政局】", ["市工信局", "市财政局"]),
        ("…等平台（包括集成验证中心、联合实验室）", []),
    ],
)
def test_department_brackets(text, names):
    assert read_departments(text)[0] == names


def test_a_note_for_later_items_is_returned_apart():
    _, note = read_departments("〔市科技局按职责分工负责。以下均需各区人民政府落实，不再列出〕")
    assert note == "以下均需各区人民政府落实，不再列出"
    assert read_departments("〔以下均由各区人民政府负责〕") == ([], "以下均由各区人民政府负责")


def test_utf8_with_bom_and_gb18030_are_read():
    assert decode_source("\ufeff一、总则".encode("utf-8")) == ("一、总则", "UTF-8")
    assert decode_source("一、总则，支持企业。".encode("gb18030")) == ("一、总则，支持企业。", "GB18030")


@pytest.mark.parametrize(
    "raw, key",
    [
        (b"", "import.error.empty"),
        (b"\x00\x01\x02abc", "import.error.binary"),
        ("一、总则".encode("utf-16"), "import.error.utf16"),
        ("café olé".encode("latin-1"), "import.error.encoding"),
        ("こんにちは、世界。ありがとう".encode("shift_jis"), "import.error.encoding"),
    ],
)
def test_what_is_not_a_policy_text(raw, key):
    with pytest.raises(SourceError) as error:
        decode_source(raw)
    assert error.value.key == key


def test_pdf_wrapped_lines_are_joined_and_a_short_line_ends_the_paragraph():
    text = (
        "一、总则\n\n（一）支持企业发展。对符合条件的企业给予最高\n\n100万元的奖励，鼓励企业加大研发投入力度，\n\n"
        "提升自主创新能力。对于新引进的企业给予支\n\n持。（市财政局负责）\n\n"
        "（二）支持人才引进。对引进的高层次人才给予\n\n最高50万元的安家补贴，鼓励企业与高校联合\n\n"
        "培养人才。（市人社局负责）\n\n本政策自印发之日起施行。\n"
    )
    paragraphs, _ = split_paragraphs(text)
    assert [p.text for p in paragraphs] == [
        "一、总则",
        "（一）支持企业发展。对符合条件的企业给予最高100万元的奖励，鼓励企业加大研发投入力度，"
        "提升自主创新能力。对于新引进的企业给予支持。（市财政局负责）",
        "（二）支持人才引进。对引进的高层次人才给予最高50万元的安家补贴，鼓励企业与高校联合培养人才。（市人社局负责）",
        "本政策自印发之日起施行。",
    ]


def test_one_line_a_paragraph_when_lines_end_their_sentences():
    text = "一、总则\n（一）支持企业发展，给予奖励。\n鼓励企业加大投入。\n"
    assert [p.text for p in split_paragraphs(text)[0]] == [
        "一、总则",
        "（一）支持企业发展，给予奖励。",
        "鼓励企业加大投入。",
    ]


def figures_of(text: str):
    return [(a.role, a.value, a.unit, a.qualifiers, a.period, a.level) for a in read_figures(text)]


def test_figures_qualifiers_roles_periods_and_levels():
    assert figures_of("对首次获评国家级、省级专精特新企业的，分别给予最高50万元、30万元的一次性奖励。") == [
        ("award", "50", "万元", ["最高"], "one-off", "national"),
        ("award", "30", "万元", ["最高"], "one-off", "provincial"),
    ]
    assert figures_of("按照不超过直接相关投资额的10%，分档择优给予最高不超过600万元的补助。") == [
        ("rate", "10", "%", ["不超过"], "unspecified", None),
        ("cap", "600", "万元", ["分档择优", "最高不超过"], "unspecified", None),
    ]
    assert figures_of("对实际投资额不低于2000万元的企业，连续三年给予不低于50%的租金补贴。")[0][:4] == (
        "threshold",
        "2000",
        "万元",
        ["不低于"],
    )
    assert figures_of("全市主营业务收入2000万元以上软件企业超6000家，产业规模达3000亿元。") == [
        ("threshold", "2000", "万元", ["以上"], "unspecified", None),
        ("target", "3000", "亿元", ["达"], "unspecified", None),
    ]


def test_a_figure_with_no_words_around_it_is_marked():
    (amount,) = read_figures("指标值 6200亿元")
    assert amount.role == "target" and [m.key for m in amount.marks] == ["import.mark.target"]


def test_open_marks_are_found_with_their_lines():
    raw = "a = 1\n# 待核: 角色\nb = 2\n  #待核：主题\n# a plain comment\n# REVIEW: role: a cap\n"
    assert [(m.line, m.message) for m in open_marks(raw)] == [(2, "角色"), (4, "主题"), (6, "role: a cap")]


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_any_text_survives_the_toml_writer(text):
    assert tomllib.loads(f"a = {toml_string(text)}")["a"] == text


FRAGMENTS = [
    "一、",
    "（一）",
    "(二)",
    "1．",
    "（3）",
    "①",
    "第一章 ",
    "第二条 ",
    "附件",
    "附则",
    "抄送：市委",
    "支持企业发展",
    "给予最高",
    "100万元",
    "50%",
    "、",
    "，",
    "。",
    "（市财政局负责）",
    "〔市科技局负责〕",
    "按照不超过投资额的",
    "不低于",
    "2000万元",
    "的企业",
    "分别给予",
    "国家级、省级",
    "至",
    "1亿元（含）",
    "及以上",
    "\t",
    "\n",
    "\n\n",
    "本政策自2024年1月1日起施行",
    "有效期至2025年12月",
    "就高不重复",
    "由市政府负责解释",
    '"',
    "\\",
    "[[x]]",
    "— 3 —",
    "首页 > 政策",
    "2021年12月23日",
    "南京市人民政府",
    "关于印发某某的通知",
    "（征求意见稿）",
    # the patterns the draft rules read: steps, lines, parts, years, promises
    "首次达到",
    "突破",
    "、5亿元",
    "的部分，按",
    "对其营业收入超过",
    "，按10%给予补助",
    "连续三年",
    "每年",
    "连续支持3年",
    "，连续1年",
    "当年按其营业收入的1%、第2年按0.5%",
    "CMMI3级、4级、5级",
    "10万元、20万元、30万元",
    "给予适当补助",
    "予以重点支持",
    "；对进档的企业，奖励差额部分。",
    "不重复支持",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60))
def test_any_text_is_refused_in_one_line_or_imported_to_files_that_validate(tmp_path_factory, fragments):
    from policytui.core.importer import import_policy
    from policytui.core.loader import load_files, parse_file
    from policytui.core.locations import bundled_data_dir

    text = "某某市促进软件产业发展的若干措施\n\n" + "".join(fragments)
    topics = parse_file(bundled_data_dir() / "topics.toml", "bundled")
    try:
        imported = import_policy(
            text.encode(), load_files([topics]).topics.values(), policy_id="fz", city="某某"
        )
    except SourceError as error:
        line = source_error_words(error, "zh")
        assert line and "\n" not in line
        return
    folder = tmp_path_factory.mktemp("fz")
    files = imported.files("fz.source.txt", mark_words("zh"))
    (folder / "fz.source.txt").write_text(imported.source_text, encoding="utf-8")
    written = {"fz.toml": files.policy_toml, "fz.rules.toml": files.rules_toml}
    for name, content in written.items():
        if content is not None:
            (folder / name).write_text(content, encoding="utf-8")
    library = load_files(
        [topics] + [parse_file(folder / name) for name, c in written.items() if c is not None]
    )
    assert [str(p) for p in library.problems if p.severity == "error"] == []


def test_the_importer_returns_message_keys_and_the_caller_words_them():
    """The core words nothing: its marks and comments reach the files through the Wording passed in."""
    from policytui.core.importer import import_policy
    from policytui.core.loader import load_files, parse_file
    from policytui.core.locations import bundled_data_dir
    from policytui.i18n import t
    from tests.conftest import FIXTURES

    topics = load_files([parse_file(bundled_data_dir() / "topics.toml", "bundled")]).topics.values()
    imported = import_policy(
        (FIXTURES / "import" / "ascii.txt").read_bytes(), topics, policy_id="kx", city="某某"
    )
    as_keys = imported.files("kx.source.txt", lambda message: message.key)
    assert as_keys.policy_toml.splitlines()[1] == "# import.file.policy"
    assert as_keys.review and all(item.message.startswith("import.mark.") for item in as_keys.review)
    english = imported.files("kx.source.txt", mark_words("en"), "en")
    assert english.policy_toml.splitlines()[1] == "# " + " ".join(t("import.file.policy", "en").split())
    assert "# REVIEW: " in english.policy_toml


def test_a_web_page_notice_title_on_one_line_with_its_document_number():
    """Copied from a web page, a notice's title is one line of 44 characters, and its
    number (合政办〔2024〕12号) stands under it: the notice is read, not refused."""
    from policytui.core.importer import import_policy

    text = (
        "合肥市人民政府办公室关于印发合肥市促进软件和信息服务业高质量发展若干政策的通知\n"
        "合政办〔2024〕12号\n"
        "各县（市）、区人民政府，市政府各部门：\n"
        "现印发给你们，请认真贯彻执行。\n"
        "合肥市人民政府办公室\n"
        "2024年3月15日\n"
        "合肥市促进软件和信息服务业高质量发展若干政策\n"
        "一、支持企业\n"
        "（一）对新认定的国家级重点软件企业，给予最高300万元奖励。\n"
    )
    imported = import_policy(text.encode(), [], policy_id="hefei-2024")
    notice, title = imported.clauses[:2]
    assert (notice.kind, title.kind) == ("notice", "title")
    assert "合政办〔2024〕12号" in notice.text  # kept verbatim, in the notice, not in any title
    assert imported.meta.fields["title"] == "合肥市促进软件和信息服务业高质量发展若干政策"
    assert (imported.meta.fields["city"], imported.meta.fields["issued"]) == ("合肥", "2024-03-15")


def test_figures_listed_together_are_one_kind_of_figure():
    """突破1亿元、5亿元、10亿元的企业: three lines to pass, not one target and two awards."""
    assert [
        (role, value)
        for role, value, *_ in figures_of(
            "对年营业收入首次突破1亿元、5亿元、10亿元的软件企业，分别给予50万元、100万元、200万元一次性奖励。"
        )
    ] == [
        ("threshold", "1"),
        ("threshold", "5"),
        ("threshold", "10"),
        ("award", "50"),
        ("award", "100"),
        ("award", "200"),
    ]
    reached = read_figures("对年营业收入首次达到1亿元、5亿元的企业，分别给予20万元、50万元奖励。")
    assert [(a.role, a.qualifiers) for a in reached] == [
        ("threshold", ["达"]),  # 达到, as the curated data records it
        ("threshold", ["达"]),
        ("award", []),
        ("award", []),
    ]


def test_a_rate_on_the_part_above_a_line_and_years_said_after_the_award():
    line, rate, cap = read_figures(
        "对企业研发投入超过500万元的部分，按10%给予补助，每家企业每年不超过200万元。"
    )
    assert (line.role, rate.role, rate.base, cap.role) == (
        "threshold",
        "rate",
        "企业研发投入超过500万元的部分",
        "cap",
    )
    (rate,) = read_figures("对新引进的高级人才，按其个人所得税地方留成部分的50%给予奖励，连续支持3年。")
    assert (rate.period, rate.years) == ("multi-year", 3)
    (award,) = read_figures("连续三年给予每年10万元奖励。")
    assert (award.period, award.years) == ("multi-year", 3)


@pytest.mark.parametrize(
    "text, promised",
    [
        ("对软件企业参加国内外重要展会的，给予适当补助。", ["给予适当补助"]),
        ("对营业收入首次超过1亿元的软件企业给予资金奖励。", ["给予资金奖励"]),  # a line, no figure paid
        ("对主导开源项目的企业予以重点支持。", ["予以重点支持"]),
        ("给予最高50万元奖励。", []),  # the figure is what is paid
        ("对获得认证的企业给予30万元奖励。同一企业按最高等级给予奖励，不重复支持。", []),  # how they stack
        ("按照核算年度实收注册资本予以奖励。实收注册资本1亿元（含）以上的，按2%给予奖励。", []),  # a lead
        ("给予最高50万元奖励。对参展企业给予适当补助。", ["给予适当补助"]),  # after a figure: its own
    ],
)
def test_support_promised_without_a_figure(text, promised):
    amounts = [a for a in read_figures(text) if a.value is None]
    assert [a.quote for a in amounts] == promised
    assert all(a.role == "award" and [m.key for m in a.marks] == ["import.mark.unspecified"] for a in amounts)


def test_years_before_a_yearly_payment_and_listed_awards_sharing_the_words_before_them():
    (rate,) = read_figures("对新引进的软件企业，自落户之日起连续三年，每年按其地方经济贡献的50%给予奖励。")
    assert (rate.base, rate.period, rate.years) == ("地方经济贡献", "multi-year", 3)
    awards = read_figures("对年主营业务收入首次超过1亿元、5亿元的企业，分别给予一次性奖励50万元、100万元。")[
        2:
    ]
    assert [(a.value, a.period, a.subject) for a in awards] == [
        ("50", "one-off", "一次性奖励"),
        ("100", "one-off", "一次性奖励"),
    ]
    rate, cap = read_figures("对软件企业年度研发费用较上年增长部分，按不超过20%给予补助，每年最高200万元。")
    assert (cap.role, cap.period) == ("cap", "per-year")
    assert (rate.role, rate.base, rate.qualifiers) == (
        "rate",
        "软件企业年度研发费用较上年增长部分",
        ["不超过"],
    )


@pytest.mark.parametrize(
    "text, grades",
    [
        (
            "对通过CMMI3级、4级、5级评估的企业，分别给予10万元、20万元、30万元奖励。",
            ["CMMI3级", "4级", "5级"],
        ),
        (
            "对获得一等奖、二等奖、三等奖的项目，分别给予50万元、30万元、10万元奖励。",
            ["一等奖", "二等奖", "三等奖"],
        ),
        ("对获得一等奖、二等、三等奖的项目，分别给予50万元、30万元、10万元奖励。", []),  # the list disagrees
        ("对获得一等奖、二等奖的项目，分别给予50万元、30万元奖励。", []),  # two: nothing to measure by
        ("对获得一等奖、二等奖、三等奖的项目，给予50万元、30万元、10万元奖励。", []),  # no 分别
    ],
)
def test_awards_paired_with_a_list_of_grades(text, grades):
    from policytui.core.importer.rules_draft import _grades

    assert _grades(read_figures(text)) == grades


def test_a_rate_of_what_the_award_is_named_after_is_a_marked_reading():
    (rate,) = read_figures("对新入驻的软件企业连续三年给予不低于50%的租金补贴。")
    assert (rate.role, rate.base, rate.qualifiers, rate.years) == ("rate", "租金", ["不低于"], 3)
    assert [m.key for m in rate.marks] == ["import.mark.rate_base_after"]  # the tool's reading: checked
