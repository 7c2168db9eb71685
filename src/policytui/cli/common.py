"""What every subcommand shares: the data and date options, loading, and output."""

from __future__ import annotations

import argparse
import codecs
import errno
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import IO, TYPE_CHECKING, Any, NoReturn, Protocol, cast

from policytui import collector

# The library's modules and the words are imported where they are used, not here:
# `policytui --version` needs none of them (the parsers need the words).
if TYPE_CHECKING:
    from _typeshed import SupportsWrite
    from rich.console import Console

    from policytui.core.lookup import Found
    from policytui.core.model import Library

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]  # what add_subparsers() gives

# What a symbol becomes on a terminal whose encoding lacks it (GBK, Big5, Latin-1, ASCII).
SYMBOL_FALLBACKS = {
    "⚠": "!",
    "›": ">",
    "‹": "<",
    "…": "...",
    "—": "-",
    "–": "-",
    "·": "*",
    "•": "*",
    "→": "->",
    "←": "<-",
    "≥": ">=",
    "≤": "<=",
    "∞": "inf",
    "×": "x",
    "✓": "v",
    "✗": "x",
    "│": "|",
    "─": "-",
    "¥": "CNY ",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}
BRAILLE = range(0x2800, 0x2900)  # the what-if chart's dots
SIGPIPE_STATUS = 128 + 13  # what a shell reports for a program ended by a broken pipe


def data_path(value: str, lang: str = "zh") -> str:
    from policytui.i18n import t

    if not value.strip():  # an empty path would mean the current directory
        raise argparse.ArgumentTypeError(t("args.empty_path", lang))
    return value


def iso_date(value: str, lang: str = "zh") -> date:
    from policytui.i18n import t

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("args.not_a_date", lang, value=value)) from None


def argv_lang(argv: Sequence[str]) -> str:
    """The language of the tool's words, read from `argv` before any parser is built (the
    parsers' help and errors are in it): the last valid --lang, else zh as for every command."""
    from policytui.i18n import LANGS

    lang = "zh"
    for given, following in zip(argv, [*argv[1:], ""], strict=True):
        value = (
            following
            if given == "--lang"
            else given.removeprefix("--lang=")
            if given.startswith("--lang=")
            else ""
        )
        lang = value if value in LANGS else lang
    return lang


class ParentParsers(Protocol):
    def __call__(self, suppress: bool) -> argparse.ArgumentParser: ...


def common_options(lang: str = "zh") -> ParentParsers:
    """A factory of parent parsers holding the shared options, their help in `lang`.

    Subcommands get a copy whose defaults are suppressed, so an option given
    before the command (`policytui --as-of 2024-01-01 list`) is not reset by it.
    """

    from policytui.i18n import LANGS, t

    def make(suppress: bool) -> argparse.ArgumentParser:
        default = (lambda value: argparse.SUPPRESS) if suppress else (lambda value: value)
        parent = SafeArgumentParser(add_help=False, lang=lang)
        parent.add_argument(
            "--data",
            action="append",
            type=partial(data_path, lang=lang),
            metavar="DIR",
            default=default([]),
            help=t("help.data", lang),
        )
        parent.add_argument(
            "--as-of",
            type=partial(iso_date, lang=lang),
            metavar="YYYY-MM-DD",
            default=default(None),
            help=t("help.as_of", lang),
        )
        parent.add_argument("--lang", choices=LANGS, default=default("zh"), help=t("help.lang", lang))
        parent.add_argument(
            "--no-user-data", action="store_true", default=default(False), help=t("help.no_user_data", lang)
        )
        return parent

    return make


def as_of(args: argparse.Namespace) -> date:
    return args.as_of or date.today()


def load(args: argparse.Namespace) -> Library:
    """Load the library and report data problems on stderr (stdout stays clean for JSON)."""
    from policytui.core.loader import load_library
    from policytui.core.locations import data_dirs
    from policytui.render import remembered_breaks

    library = load_library(dirs=data_dirs(args.data, user=not args.no_user_data))
    collector.resume()
    remembered_breaks.load()  # where the texts printed last time may break (main() saves them)
    if library.problems:
        from policytui.render.problems import load_warnings

        for line in load_warnings(library.problems, args.lang):
            print(f"policytui: {line}", file=sys.stderr)
    return library


def fail(message: str, code: int = 2, lang: str | None = None) -> int:
    """One line on stderr; with `lang`, its 'error' word is in that language too."""
    from policytui.core.sanitize import one_line
    from policytui.i18n import t

    print(f"policytui: {t('cli.error', lang) if lang else 'error: '}{one_line(message)}", file=sys.stderr)
    return code


class WordedHelpFormatter(argparse.HelpFormatter):
    """argparse's help with its "usage:" and its groups' headings in the user's language (the
    groups keep argparse's titles: a parent's are merged into its child's by title)."""

    def __init__(self, prog: str, lang: str = "zh") -> None:
        super().__init__(prog)
        self.lang = lang

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        from policytui.i18n import t

        super().add_usage(usage, actions, groups, t("args.usage", self.lang) if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        from policytui.i18n import t

        headings = {"positional arguments": "args.positionals", "options": "args.options"}
        super().start_section(t(headings[heading], self.lang) if heading in headings else heading)

    def format_help(self) -> str:
        # argparse ends each heading with an ASCII colon; Chinese takes the full-width one.
        from policytui.i18n import t

        text = super().format_help()
        if self.lang == "zh":
            for key in ("args.positionals", "args.options"):
                text = text.replace(f"\n{t(key, 'zh')}:\n", f"\n{t(key, 'zh')}：\n")
        return text

    # Help wraps by terminal cells (a Chinese character is two) and never splits a figure or an
    # id, as every other text the tool prints (render/wrap); argparse's textwrap counts characters.
    def _split_lines(self, text: str, width: int) -> list[str]:
        from policytui.render.wrap import wrap

        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


class SafeArgumentParser(argparse.ArgumentParser):
    """A parser whose own words (headings, -h, usage, errors) are in `lang`, and whose errors
    pass the sanitiser like any message: argparse repeats what was typed in them.

    Its subcommands' parsers are of its class too (argparse's add_subparsers), each given
    `lang` by add_parser."""

    def __init__(self, *, lang: str = "zh", add_help: bool = True, **kwargs: Any) -> None:
        from policytui.i18n import t

        kwargs.setdefault("formatter_class", partial(WordedHelpFormatter, lang=lang))
        super().__init__(add_help=False, **kwargs)
        self.lang = lang
        if add_help:  # argparse's own -h, with its help in `lang`
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=t("args.help", lang)
            )

    def error(self, message: str) -> NoReturn:
        """The usage, then one line in the user's language; exit 2 as argparse does."""
        from policytui.i18n import t

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('cli.error', self.lang)}{worded_usage_error(message, self.lang)}\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        from policytui.core.sanitize import clean_text

        super()._print_message(clean_text(message) if message else message, file)


# argparse's error messages (as Python 3.11 words them), said again in the user's language by the
# i18n key of the same meaning; a message not listed (our own types' errors) is worded already.
_USAGE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "args.required"),
    (re.compile(r"one of the arguments (?P<names>.+) is required"), "args.one_required"),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), "args.unrecognized"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "args.ambiguous"),
    (
        re.compile(r"invalid choice: '?(?P<value>.*?)'? \(choose from (?P<choices>.+)\)"),
        "args.invalid_choice",
    ),
    (re.compile(r"invalid \S+ value: '?(?P<value>.*?)'?"), "args.invalid_value"),
    (re.compile(r"expected one argument"), "args.expected_one"),
    (re.compile(r"expected at least one argument"), "args.expected_some"),
    (re.compile(r"not allowed with argument (?P<other>.+)"), "args.not_allowed_with"),
)
_ARGUMENT_ERROR = re.compile(r"argument (?P<argument>\S+): (?P<message>.+)", re.DOTALL)


def worded_usage_error(message: str, lang: str) -> str:
    """An error argparse words in English, in `lang`: "argument --lang: invalid choice: …"."""
    from policytui.i18n import t

    about = _ARGUMENT_ERROR.fullmatch(message)
    if about is not None:
        inner = worded_usage_error(about["message"], lang)
        return t("args.argument", lang, argument=about["argument"], message=inner)
    for pattern, key in _USAGE_ERRORS:
        match = pattern.fullmatch(message)
        if match is not None:
            values = {name: _unquoted(value, lang) for name, value in match.groupdict().items()}
            return t(key, lang, **values)
    return message


def _unquoted(listed: str, lang: str) -> str:
    """argparse's list of names ("'zh', 'en'" or "a, b") as the language lists them."""
    from policytui.i18n import t

    return t("punct.list", lang).join(name.strip().strip("'") for name in listed.split(", "))


def _degrade(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each character the encoding lacks becomes a look-alike it has, or ?."""
    if not isinstance(error, UnicodeEncodeError):  # set on output streams only: nothing to decode
        raise error
    return "".join(
        _fallback(char, error.encoding) for char in error.object[error.start : error.end]
    ), error.end


def _fallback(char: str, encoding: str) -> str:
    braille = ("#" if ord(char) > BRAILLE.start else " ") if ord(char) in BRAILLE else None
    for candidate in (SYMBOL_FALLBACKS.get(char), braille, unicodedata.normalize("NFKC", char)):
        if candidate:
            try:
                candidate.encode(encoding)
                return candidate
            except UnicodeEncodeError:
                pass
    return "?"


codecs.register_error("policytui.degrade", _degrade)


class _ClosedStream(io.TextIOBase):
    """Stands for a standard stream the shell closed (`>&-`): writing fails as on a closed descriptor."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def prepare_streams() -> None:
    """Closed streams get a stand-in, and output degrades to what the terminal's encoding can show."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - stays open for the whole run
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="policytui.degrade")


def end_on_broken_pipe() -> int:
    """The reader went away (`policytui list | head`): end quietly, as a program killed by SIGPIPE."""
    try:  # what is still buffered cannot be written; send it nowhere instead of failing at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    return SIGPIPE_STATUS


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    from policytui.core.serialize import json_number

    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def not_found(found: Found[Any], query: str, unknown: str, see_list: str, lang: str) -> str:
    """One line for an id that found nothing (core.lookup.Found): every match of an
    ambiguous local id, or the closest ids."""
    from policytui.i18n import t

    if found.matches:
        return t("lookup.ambiguous", lang, query=query, ids=t("punct.list", lang).join(found.matches))
    hint = (
        t("calc.cli.closest", lang, ids=t("punct.list", lang).join(found.closest))
        if found.closest
        else see_list
    )
    return f"{unknown}{t('punct.semicolon', lang)}{hint}"


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")


# Piped with no COLUMNS: text wraps at PROSE_WIDTH, the width Rich and shutil assume; a
# listing (list, calc --list, compare --matrix) is as wide as its content, a row a line for
# grep and cut, its ids and figures never folded. Nothing is padded with trailing spaces.
PROSE_WIDTH = 80
PIPED_WIDTH = 1000


class _LinesWithoutTrailingSpaces(io.TextIOBase):
    """Piped output: Rich pads a table's cells and a grid's rows; a file gets none of it."""

    def __init__(self, stream: SupportsWrite[str]) -> None:
        self.stream = stream
        self.spaces = ""  # held until what follows them is known

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        body = re.sub(r" +\n", "\n", self.spaces + text)
        kept = body.rstrip(" ")
        self.spaces = body[len(kept) :]
        self.stream.write(kept)
        return len(text)

    def flush(self) -> None:
        flush = getattr(self.stream, "flush", None)
        if flush is not None:
            flush()


def console(listing: bool = False) -> Console:
    """Rich console for stdout at the terminal's width (or COLUMNS); piped, at PROSE_WIDTH, or
    PIPED_WIDTH for a `listing`."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:  # Rich would exit 1; every command ends the same way
            raise BrokenPipeError

    out = PipeConsole(highlight=False, soft_wrap=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out = PipeConsole(
            highlight=False,
            soft_wrap=False,
            file=cast("IO[str]", _LinesWithoutTrailingSpaces(sys.stdout)),
            width=PIPED_WIDTH if listing else PROSE_WIDTH,
        )
    return out
