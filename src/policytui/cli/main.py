"""The policytui command line: subcommands print data; no subcommand starts the TUI.

Nothing here imports Textual unless the TUI is started, and a command imports only its
own module, so look-ups stay fast.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from policytui import __version__, collector
from policytui.cli.common import (
    SafeArgumentParser,
    argv_lang,
    common_options,
    end_on_broken_pipe,
    prepare_streams,
)

# Each command's module, policytui.cli.<command>_cmd, has register(subparsers, parents, lang)
# and run(args) -> exit code.
COMMANDS = ("list", "show", "search", "validate", "paths", "compare", "calc", "estimate", "import")


def build_parser(command: str | None = None, lang: str = "zh") -> argparse.ArgumentParser:
    """The parser of `command` alone, or of every command (for the full help and for errors);
    its help and errors in `lang`."""
    from policytui.i18n import t

    common = common_options(lang)
    parser = SafeArgumentParser(
        prog="policytui", description=t("help.description", lang), parents=[common(suppress=False)], lang=lang
    )
    parser.add_argument(
        "--version", action="version", version=f"policytui {__version__}", help=t("args.version", lang)
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (command,) if command else COMMANDS:
        importlib.import_module(f"policytui.cli.{name}_cmd").register(
            subparsers, [common(suppress=True)], lang
        )
    return parser


class _DeferringParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # the full parser reports it, with the full usage
        raise ValueError(message)


def _common_options_only(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The shared options of `argv` and the rest, read without importing any command module."""
    parser = _DeferringParser(add_help=False, parents=[common_options()(suppress=False)])
    try:
        return parser.parse_known_args(argv)
    except ValueError:
        return None


def browser_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` names no command (the browser opens), read without importing
    the command modules, which keeps the browser's start-up light; None for the full parser."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    known = _common_options_only(argv)
    if known is None or known[1]:
        return None
    args, _ = known
    args.command = None
    # an explicit --lang wins over the language the browser remembers
    args.lang_given = any(arg == "--lang" or arg.startswith("--lang=") for arg in argv)
    return args


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command `argv` names, if it names one before any -h; None: every command is needed."""
    known = _common_options_only(argv)
    for arg in known[1] if known else ():
        if arg in ("-h", "--help"):
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--version"]:  # what argparse does with a first --version, without building a parser
        print(f"policytui {__version__}")
        return 0
    collector.pause()  # until the library is loaded or the browser painted: see policytui.collector
    prepare_streams()
    lang = argv_lang(argv)
    try:
        args = browser_options(argv) or build_parser(chosen_command(argv), lang).parse_args(argv)
        if args.command is None:
            from policytui.cli.tui_launch import run_tui

            return run_tui(args)
        lang = args.lang
        code: int = args.run(args)
        from policytui.render import remembered_breaks

        remembered_breaks.save()  # where the texts printed may break, for the next look-up (cli.common.load)
        sys.stdout.flush()  # here, not at exit, so that a broken pipe is caught below
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return end_on_broken_pipe()
    except OSError as error:
        if error.errno != errno.EBADF:
            return _internal_error(error, lang)
        from policytui.i18n import t

        print(f"policytui: {t('cli.error', lang)}{t('cli.stdout_closed', lang)}", file=sys.stderr)
        return 1
    except Exception as error:  # the last line of defence: never a traceback for users
        return _internal_error(error, lang)


def _internal_error(error: Exception, lang: str) -> int:
    from policytui.core.sanitize import one_line
    from policytui.i18n import t

    if os.environ.get("POLICYTUI_DEBUG"):
        raise error
    print(one_line(t("cli.internal_error", lang, error=f"{type(error).__name__}: {error}")), file=sys.stderr)
    return 1
