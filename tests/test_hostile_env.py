"""Odd environments and inputs (issue #10): encodings, closed and broken pipes, settings and
export targets that are symlinks or FIFOs, CSV formulas, and out-of-range typed input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policytui.core.compare import files
from policytui.core.compare.files import write_export
from policytui.core.money import MoneyError, parse_money
from tests.conftest import AS_OF, FIXTURES

CASES = FIXTURES / "hostile" / "cases"
NINES = "9" * 30


def policytui(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "POLICYTUI_DEBUG")}
    env.update(kwargs.pop("env", {}))
    return subprocess.run(
        [sys.executable, "-m", "policytui", *argv, "--no-user-data", "--as-of", AS_OF.isoformat()],
        capture_output=True,
        env=env,
        timeout=120,
        **kwargs,
    )


# -- 6: years


def test_a_years_input_out_of_range_is_an_input_error(cli):
    code, _, err = cli("calc", "open-source-landing", "investment=1亿", f"years_since_registration={NINES}")
    assert code == 2 and "years_since_registration" in err and "internal error" not in err
    code, _, err = cli(
        "calc", "open-source-landing", "investment=1亿", "--sweep", f"years_since_registration=0..{NINES}"
    )
    assert code == 2 and "internal error" not in err


# -- 7: CSV injection


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cli):
    code, out, _ = cli("compare", "talent", "--format", "csv", "--data", str(CASES / "formula-cells.toml"))
    assert code == 0
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert "'=1+2 人才奖励。" in cells and "'@SUM(1+1)|cmd" in cells and "'+1" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_matrix_csv_is_neutralised_too(cli):
    code, out, _ = cli("compare", "--matrix", "--format", "csv", "--data", str(CASES / "formula-cells.toml"))
    assert code == 0 and not [
        c for row in csv.reader(io.StringIO(out)) for c in row if c[:1] and c[0] in "=+-@"
    ]
    assert "'=HYPERLINK" in out or "'@SUM(1+1)|cmd" in out


# -- 8: terminals that are not UTF-8


SYMBOL_HEAVY = [
    ("show", "m4"),
    ("compare", "开源"),
    ("calc", "hq-landing", "paid_in_capital=2亿"),
    ("calc", "hq-landing", "--sweep", "paid_in_capital=0..30亿"),  # the chart's braille dots
    ("estimate", str(Path("data/profiles/example.toml").resolve())),
]


@pytest.mark.parametrize("encoding", ["gbk", "ascii", "latin-1", "big5"])
def test_output_degrades_to_what_the_encoding_can_hold(encoding, monkeypatch):
    """In-process, with standard streams in `encoding` as Python opens them for such a terminal."""
    from policytui.cli.main import main

    monkeypatch.setenv("COLUMNS", "100")
    for argv in SYMBOL_HEAVY:
        out, err = io.BytesIO(), io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding=encoding))
        monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding=encoding))
        code = main([*argv, "--no-user-data", "--as-of", AS_OF.isoformat()])
        sys.stdout.flush()
        sys.stderr.flush()
        assert code == 0, (encoding, argv, err.getvalue().decode(encoding, "replace"))
        assert out.getvalue().decode(encoding)  # what was written is text in that encoding
        assert b"Traceback" not in err.getvalue()


def test_a_terminal_in_another_encoding_gets_that_encoding_from_the_start():
    """The same through a real interpreter started with such a terminal's encoding."""
    result = policytui(*SYMBOL_HEAVY[3], env={"PYTHONIOENCODING": "gbk", "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    assert "###" in result.stdout.decode("gbk") and b"Traceback" not in result.stderr  # the dots as #


def test_symbols_fall_back_to_look_alikes_the_encoding_has():
    from policytui.cli.common import prepare_streams

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="gbk")
    saved = sys.stdout
    sys.stdout = stream
    try:
        prepare_streams()
        print("⚠ 到期 › ⣿⠀ ✓", file=stream)
        stream.flush()
    finally:
        sys.stdout = saved
    assert raw.getvalue().decode("gbk") == "! 到期 > #  v\n"


# -- 9: closed and broken pipes


@pytest.mark.parametrize(
    "argv",
    [
        ("list",),
        ("list", "--json"),
        ("show", "m4"),
        ("search", "人才"),
        ("compare", "开源"),
        ("calc", "--list"),
    ],
)
def test_a_broken_pipe_ends_quietly_with_the_sigpipe_status(argv):
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "policytui", *argv, "--no-user-data"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # the reader is gone before the first byte is written
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141, err
    assert err == b""


@pytest.mark.parametrize("argv", [("list", "--json"), ("show", "m4")])
def test_a_closed_stdout_is_one_line_not_a_traceback(argv):
    command = " ".join([sys.executable, "-m", "policytui", *argv, "--no-user-data", "--lang", "en"])
    result = subprocess.run(["bash", "-c", f"{command} >&-"], capture_output=True, timeout=120)
    assert result.returncode == 1
    assert (
        result.stderr.decode().strip()
        == "policytui: error: standard output is closed; nothing can be printed"
    )


# -- 10: settings and export targets


@pytest.fixture
def settings(isolated_user_dirs):
    from policytui.tui import settings

    path = settings.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return settings


def test_settings_are_never_written_through_a_symlink(settings, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    settings.settings_path().symlink_to(target)
    assert settings.load_settings() == {}
    settings.save_setting("theme", "nord")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_fifo_in_place_of_the_settings_never_blocks(settings):
    os.mkfifo(settings.settings_path())
    probe = "from policytui.tui.settings import load_settings, save_setting; print(load_settings(), save_setting('a', 'b'))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | {"XDG_CONFIG_HOME": str(settings.settings_path().parent.parent)},
    )
    assert result.stdout.strip() == "{} False"


def test_settings_are_written_atomically(settings, monkeypatch):
    settings.save_setting("theme", "nord")

    def interrupted(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", interrupted)
    assert settings.save_setting("theme", "dracula") is False
    assert json.loads(settings.settings_path().read_text(encoding="utf-8")) == {"theme": "nord"}
    assert [p.name for p in settings.settings_path().parent.iterdir()] == ["tui.json"]


def test_a_dangling_symlink_is_not_replaced_without_force(tmp_path):
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "missing")
    with pytest.raises(FileExistsError):
        write_export(link, "x")
    assert link.is_symlink()


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_force_never_replaces_what_is_not_a_regular_file(tmp_path, kind):
    path = tmp_path / "out.csv"
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    if kind == "symlink":
        path.symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/null")
        path = Path("/dev/null")
    with pytest.raises(files.NotRegularFileError):
        write_export(path, "x", overwrite=True)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_an_export_follows_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        written = write_export(tmp_path / "private.md", "x")
    finally:
        os.umask(old)
    assert written.stat().st_mode & 0o777 == 0o600


def test_a_directory_as_output_says_so(cli, tmp_path):
    folder = tmp_path / "d.md"
    folder.mkdir()
    code, _, err = cli("compare", "开源", "--output", str(folder), "--force", "--lang", "en")
    assert code == 1 and "is a directory" in err


def test_force_on_a_symlink_in_the_cli_says_it_is_not_a_regular_file(cli, tmp_path):
    (tmp_path / "out.md").symlink_to(tmp_path / "elsewhere.md")
    code, _, err = cli("compare", "开源", "--output", str(tmp_path / "out.md"), "--force", "--lang", "en")
    assert code == 1 and "not a regular file" in err and not (tmp_path / "elsewhere.md").exists()


# -- 12: the smaller ones


@pytest.mark.parametrize("text", ["0万", "0亿", "零万", "0万元"])
def test_zero_with_a_unit_is_a_sum(text):
    assert parse_money(text) == 0


def test_a_million_digit_figure_is_a_money_error_that_quotes_a_cut_input():
    with pytest.raises(MoneyError) as error:
        parse_money("1" * 1_000_000)
    assert "too large" in str(error.value) and len(str(error.value)) < 300


def test_a_money_error_cuts_a_long_input():
    with pytest.raises(MoneyError) as error:
        parse_money("500万" + "x" * 10_000)
    assert len(str(error.value)) < 300


def test_an_empty_data_option_is_a_usage_error(cli):
    with pytest.raises(SystemExit) as exit_:
        cli("list", "--data", "")
    assert exit_.value.code == 2


def test_force_without_output_is_a_usage_error(cli):
    code, _, err = cli("compare", "开源", "--force", "--lang", "en")
    assert code == 2 and "--force" in err


def test_matrix_with_a_topic_is_a_usage_error(cli):
    code, _, err = cli("compare", "--matrix", "开源", "--lang", "en")
    assert code == 2 and "--matrix" in err


def test_a_repeated_calc_input_is_a_usage_error(cli):
    code, _, err = cli("calc", "hq-landing", "paid_in_capital=2亿", "paid_in_capital=3亿", "--lang", "en")
    assert code == 2 and "given twice" in err


def test_a_superscript_limit_is_named_clearly(cli, capsys):
    with pytest.raises(SystemExit):
        cli("search", "人才", "--limit", "²")
    err = capsys.readouterr().err
    assert "_positive" not in err and "“²”不是结果条数（应为 1 或更大）" in err


def test_typed_escapes_never_reach_stderr(cli, capsys):
    code, _, err = cli("compare", "\x1b]52;c;cHduZWQ=\x07", "--lang", "en")
    assert code == 2 and "\x1b" not in err and "\x07" not in err
    with pytest.raises(SystemExit):
        cli("list", "--lang", "\x1b[2J")
    assert "\x1b" not in capsys.readouterr().err
