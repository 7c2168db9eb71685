"""`policytui show CLAUSE_ID`: one clause in full, with its policy's status."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, console, fail, load, not_found, print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers
    from policytui.core.model import Clause, Library, Policy
    from policytui.core.status import PolicyStatus


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("show", parents=parents, help=t("help.show", lang), lang=lang)
    parser.add_argument("clause_id", metavar="CLAUSE_ID", help=t("help.show.clause_id", lang))
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.lookup import find_clause
    from policytui.core.serialize import clause_json
    from policytui.core.status import policy_status
    from policytui.i18n import status_warnings, t

    library = load(args)
    found = find_clause(library, args.clause_id)
    clause = found.item
    if clause is None:
        return fail(
            not_found(
                found,
                args.clause_id,
                t("show.cli.unknown_clause", args.lang, query=args.clause_id),
                t("show.cli.see_list", args.lang),
                args.lang,
            ),
            lang=args.lang,
        )
    policy = library.policy_of(clause)
    status = policy_status(policy, as_of(args))
    if args.json:
        data = clause_json(clause, library)
        data["status"] = status.as_json()
        data["warnings"] = status_warnings(status, policy.display_title, args.lang)
        print_json(data)
        return 0
    _print_clause(clause, policy, status, library, args.lang)
    return 0


def _print_clause(clause: Clause, policy: Policy, status: PolicyStatus, library: Library, lang: str) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from policytui.i18n import status_warnings, t
    from policytui.present import city_name, departments_text, describe_amount
    from policytui.render.fitted_table import record_block, table_or_blocks
    from policytui.render.rich_text import bullets, kept_together, wrapped
    from policytui.render.status import badge_list

    out = console()
    crumbs = " › ".join(
        [city_name(policy, lang), *(a.heading for a in policy.ancestors(clause)), clause.heading]
    )
    badges = (Text(badge, style="bold red") for badge in badge_list(status, lang))
    out.print(kept_together(Text(clause.id, style="dim"), Text(crumbs, style="bold"), *badges, sep=" "))
    out.print(bullets(status_warnings(status, policy.display_title, lang), bullet="⚠", style="yellow"))
    # expand=False: the panel is as wide as the text where it is short
    out.print(Panel(wrapped(clause.text), title=Text(policy.display_title), title_align="left", expand=False))
    details = Table.grid(padding=(0, 2))
    details.add_column(style="bold")
    details.add_column()
    if clause.departments:
        details.add_row(t("field.departments", lang), wrapped(departments_text(policy, clause, lang)))
    topics = t("punct.list", lang).join(library.topic_name(x, lang) for x in clause.topics)
    details.add_row(t("field.topics", lang), wrapped(topics))
    out.print(details)
    if clause.amounts:
        out.print(Text(t("field.amounts", lang), style="bold"))  # not a table title: padded to its width
        headers = [t(f"show.column.{header}", lang) for header in ("role", "figure", "subject", "quote")]
        amounts = Table()
        for header in headers:
            amounts.add_column(wrapped(header))
        blocks = []
        for amount in clause.amounts:
            cells = [
                wrapped(describe_amount(amount, lang)),
                wrapped(amount.subject),
                wrapped(amount.quote),
            ]
            amounts.add_row(wrapped(t(f"role.{amount.role}", lang)), *cells)
            head = Text(t(f"role.{amount.role}", lang), style="bold")
            blocks.append(record_block(head, list(zip(headers[1:], cells, strict=True)), headers))
        table_or_blocks(out, amounts, blocks)
