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
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

from policytui import collector

# The library's modules and the words are imported where they are used, not here:
# `policytui --version` and the parsers need none of them.
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


def data_path(value: str) -> str:
    if not value.strip():  # an empty path would mean the current directory
        raise argparse.ArgumentTypeError(
            "an empty path is not a data directory (expected a directory or file)"
        )
    return value


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (expected YYYY-MM-DD)") from None


class ParentParsers(Protocol):
    def __call__(self, suppress: bool) -> argparse.ArgumentParser: ...


def common_options() -> ParentParsers:
    """A factory of parent parsers holding the shared options.

    Subcommands get a copy whose defaults are suppressed, so an option given
    before the command (`policytui --as-of 2024-01-01 list`) is not reset by it.
    """

    from policytui.i18n import LANGS

    def make(suppress: bool) -> argparse.ArgumentParser:
        default = (lambda value: argparse.SUPPRESS) if suppress else (lambda value: value)
        parent = argparse.ArgumentParser(add_help=False)
        parent.add_argument(
            "--data",
            action="append",
            type=data_path,
            metavar="DIR",
            default=default([]),
            help="also load policy TOML files from DIR (repeatable)",
        )
        parent.add_argument(
            "--as-of",
            type=iso_date,
            metavar="YYYY-MM-DD",
            default=default(None),
            help="judge each policy's status as of this date (default: today)",
        )
        parent.add_argument(
            "--lang",
            choices=LANGS,
            default=default("zh"),
            help="language of the tool's own words (policy text stays as written)",
        )
        parent.add_argument(
            "--no-user-data",
            action="store_true",
            default=default(False),
            help="load only the bundled data and --data directories",
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
    for problem in library.problems:
        print(f"policytui: {problem.severity}: {problem}", file=sys.stderr)
    return library


def fail(message: str, code: int = 2, lang: str | None = None) -> int:
    """One line on stderr; with `lang`, its 'error' word is in that language too."""
    from policytui.core.sanitize import one_line
    from policytui.i18n import t

    print(f"policytui: {t('cli.error', lang) if lang else 'error: '}{one_line(message)}", file=sys.stderr)
    return code


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse repeats what was typed in its errors: it passes the sanitiser like any message."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        from policytui.core.sanitize import clean_text

        super()._print_message(clean_text(message) if message else message, file)


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
