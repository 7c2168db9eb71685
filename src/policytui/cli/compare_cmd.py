"""`policytui compare TOPIC` and `policytui compare --matrix`: policies side by side by topic."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, console, fail, load

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from policytui.cli.common import Subparsers
    from policytui.core.compare import Comparison, Matrix
    from policytui.core.compare.phrases import Span
    from policytui.core.model import Clause, Policy
    from policytui.core.status import PolicyStatus

OUTPUT_FORMATS = ("text", "md", "csv", "json")
# A matrix cell's colour by its tier (no clause, no figure, <100万, <1000万, more)
TIER_STYLES = ("dim", "", "green", "yellow", "bold magenta")
SHARED_STYLE = "bold underline cyan"


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("compare", parents=parents, help=t("help.compare", lang), lang=lang)
    parser.add_argument("topic", nargs="*", metavar="TOPIC", help=t("help.compare.topic", lang))
    parser.add_argument("--matrix", action="store_true", help=t("help.compare.matrix", lang))
    parser.add_argument("--policies", metavar="ID,ID", help=t("help.compare.policies", lang))
    parser.add_argument(
        "--format", choices=OUTPUT_FORMATS, default="text", help=t("help.compare.format", lang)
    )
    parser.add_argument("--output", metavar="FILE", help=t("help.compare.output", lang))
    parser.add_argument("--force", action="store_true", help=t("help.compare.force", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.compare import Matrix, UnknownPolicy, UnknownTopic, build_matrix, compare
    from policytui.i18n import t
    from policytui.present import topic_name

    lang = args.lang
    topic = " ".join(args.topic).strip()
    if not topic and not args.matrix:
        return fail(t("compare.need_topic", lang), lang=lang)
    if topic and args.matrix:
        return fail(t("compare.matrix_no_topic", lang, topic=topic), lang=lang)
    if args.force and not args.output:
        return fail(t("compare.force_needs_output", lang), lang=lang)
    fmt = args.format
    if args.output and fmt == "text":
        fmt = Path(args.output).suffix.lower().lstrip(".").replace("markdown", "md")
        if fmt not in OUTPUT_FORMATS[1:]:
            return fail(t("compare.format_for_file", lang, path=args.output), lang=lang)
    library = load(args)
    policy_ids = [p for p in (args.policies or "").split(",") if p.strip()]
    try:
        result: Matrix | Comparison
        if args.matrix:
            result = build_matrix(library, as_of(args), policy_ids)
        else:
            result = compare(library, topic, as_of(args), policy_ids)
    except UnknownTopic as error:
        names = t("punct.list", lang).join(
            topic_name(x, lang) + t("punct.notes", lang, notes=x.id) for x in error.closest
        )
        hint = t("compare.closest", lang, names=names) if names else t("compare.all_topics", lang)
        return fail(
            t("compare.unknown_topic", lang, query=error.query) + t("punct.semicolon", lang) + hint, lang=lang
        )
    except UnknownPolicy as error:
        closest = t("punct.list", lang).join(error.closest)
        return fail(
            t("compare.unknown_policy", lang, query=error.query)
            + (t("punct.semicolon", lang) + t("compare.closest", lang, names=closest) if closest else ""),
            lang=lang,
        )
    if fmt != "text":
        return _emit(result, fmt, args)
    if isinstance(result, Matrix):  # --matrix
        _print_matrix(result, lang)
    else:
        _print_comparison(result, lang)
    return 0


def _emit(result: Matrix | Comparison, fmt: str, args: argparse.Namespace) -> int:
    from policytui.core.compare import Matrix
    from policytui.core.compare.files import NotRegularFileError, write_export
    from policytui.i18n import os_error_words, t
    from policytui.render.compare.export import render_comparison, render_matrix

    if isinstance(result, Matrix):  # --matrix
        text = render_matrix(result, fmt, args.lang)
    else:
        text = render_comparison(result, fmt, args.lang)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        path = write_export(args.output, text, overwrite=args.force, bom=fmt == "csv")
    except FileExistsError:
        return fail(t("compare.file_exists", args.lang, path=args.output), 1, args.lang)
    except IsADirectoryError:
        return fail(t("export.is_directory", args.lang, path=args.output), 1, args.lang)
    except NotRegularFileError:
        return fail(t("export.not_regular", args.lang, path=args.output), 1, args.lang)
    except OSError as error:
        return fail(
            args.output + t("punct.colon", args.lang) + os_error_words(error, args.lang), 1, args.lang
        )
    print(t("compare.written", args.lang, path=path), file=sys.stderr)
    return 0


def _policy_header(policy: Policy, status: PolicyStatus, lang: str) -> Text:
    """City, title and status badges, a line each; no status word split."""
    from rich.text import Text

    from policytui.present import city_name
    from policytui.render.rich_text import kept_together, wrapped
    from policytui.render.status import status_cell

    style = "green" if status.usable else "bold red"
    return kept_together(
        Text(city_name(policy, lang), style="bold"),
        wrapped(policy.display_title),
        status_cell(status, lang, style, badges=True),
        sep="\n",
    )


def _clause_text(clause: Clause, spans: Iterable[Span], with_id: bool = True) -> Text:
    """The clause as Rich Text: its id, then its words with the heading and the shared wording marked."""
    from rich.text import Text

    from policytui.core.compare.selection import printed_heading_length

    text = Text(clause.id + "\n" if with_id else "", style="dim")
    heading = printed_heading_length(clause)
    # a printed label or title not in the text goes above it; a clause without one shows its text once
    if not heading and (clause.label or clause.title):
        text.append(clause.heading + "\n", style="bold")
    start = len(text)
    text.append(clause.text)
    text.stylize("bold", start, start + heading)
    for begin, end in spans:
        text.stylize(SHARED_STYLE, start + begin, start + end)
    return text


def _print_comparison(comparison: Comparison, lang: str) -> None:
    from rich.console import Group
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    from policytui.i18n import status_warnings, t
    from policytui.present import city_name, topic_name
    from policytui.render.compare.wording import summary_lines
    from policytui.render.fitted_table import BLOCK_INDENT, table_or_blocks
    from policytui.render.rich_text import bullets, kept_together, wrapped

    out = console()
    title = Text(
        topic_name(comparison.topic, lang) + t("punct.notes", lang, notes=comparison.topic.id), style="bold"
    )
    title.append("  " + t("status.as_of", lang, date=comparison.as_of.isoformat()), style="dim")
    table = Table(title=title, title_justify="left", show_lines=True)
    for column in comparison.columns:
        table.add_column(_policy_header(column.policy, column.status, lang))
    summaries = [
        wrapped("\n".join(summary_lines(c.awards, bool(c.clauses), lang)), style="bold")
        for c in comparison.columns
    ]
    table.add_row(*summaries)
    # narrow: each policy's header and summary, then each row's clauses one under another
    blocks: list[RenderableType] = [
        Group(_policy_header(c.policy, c.status, lang), Padding(summary, (0, 0, 0, BLOCK_INDENT)))
        for c, summary in zip(comparison.columns, summaries, strict=True)
    ]
    rows = [list(row) for row in comparison.rows] or [[None] * len(comparison.columns)]
    for number, row in enumerate(rows):
        cells: list[Text] = []
        blocks.append(Rule(str(number + 1), align="left", style="dim"))
        for k, clause in enumerate(row):
            column = comparison.columns[k]
            if clause is not None:
                spans = comparison.shared.spans_of(clause)
                cells.append(wrapped(_clause_text(clause, spans)))
                head = kept_together(
                    Text(city_name(column.policy, lang), style="bold"), Text(clause.id, style="dim")
                )
                body = Padding(wrapped(_clause_text(clause, spans, with_id=False)), (0, 0, 0, BLOCK_INDENT))
                blocks.append(Group(head, body))
            elif number == 0 and not column.clauses:
                cells.append(Text(t("compare.no_clause", lang), style="italic"))
                head = kept_together(
                    Text(city_name(column.policy, lang), style="bold"),
                    Text(t("compare.no_clause", lang), style="italic"),
                )
                blocks.append(head)
            else:
                cells.append(Text(""))
        table.add_row(*cells)
    table_or_blocks(out, table, blocks)
    if comparison.shared.phrases:
        shared = Text(t("compare.shared", lang) + t("punct.colon", lang), style="bold")
        shared.append(t("punct.list", lang).join(comparison.shared.phrases), style=SHARED_STYLE)
        out.print(wrapped(shared))
    warnings = [
        w for c in comparison.columns for w in status_warnings(c.status, c.policy.display_title, lang)
    ]
    out.print(bullets(warnings, bullet="⚠", style="yellow"))


def _print_matrix(matrix: Matrix, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from policytui.i18n import t
    from policytui.present import city_name, topic_name
    from policytui.render.compare.wording import cell_text
    from policytui.render.fitted_table import record_block, table_or_blocks
    from policytui.render.rich_text import kept_together, wrapped
    from policytui.render.status import badge_list

    title = Text(t("compare.matrix", lang), style="bold")
    title.append("  " + t("status.as_of", lang, date=matrix.as_of.isoformat()), style="dim")
    table = Table(title=title, title_justify="left")
    table.add_column(t("compare.topic", lang))
    # narrow: the policies with their status, then a block a topic, a line a policy
    blocks: list[RenderableType] = []
    for policy, status in zip(matrix.policies, matrix.statuses, strict=False):
        table.add_column(_policy_header(policy, status, lang))
        style = "green" if status.usable else "bold red"
        badges = (Text(badge, style=style) for badge in badge_list(status, lang))
        blocks.append(kept_together(Text(city_name(policy, lang), style="bold"), Text(policy.id), *badges))
    cities = [city_name(policy, lang) for policy in matrix.policies]
    for topic, row in zip(matrix.topics, matrix.cells, strict=False):
        cells = [wrapped(cell_text(cell, lang), style=TIER_STYLES[cell.tier]) for cell in row]
        table.add_row(wrapped(f"{topic_name(topic, lang)}\n{topic.id}"), *cells)
        head = kept_together(Text(topic_name(topic, lang), style="bold"), Text(topic.id, style="dim"))
        blocks.append(record_block(head, list(zip(cities, cells, strict=True)), cities))
    out = console(listing=True)
    table_or_blocks(out, table, blocks)
