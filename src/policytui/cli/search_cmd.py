"""`policytui search QUERY`: the clauses that best match, with the hits marked."""

from __future__ import annotations

import argparse
import re
from functools import partial
from typing import TYPE_CHECKING, Any

from policytui.cli.common import as_of, console, fail, load, print_json

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console
    from rich.text import Text

    from policytui.cli.common import Subparsers
    from policytui.core.model import Library, Policy
    from policytui.core.search.index import SearchIndex
    from policytui.core.search.results import SearchResult
    from policytui.core.status import PolicyStatus

HIT_STYLE = "bold reverse"
NUMBER_WIDTH = 3  # cells: " 1." to "10.", so that results line up


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser(
        "search",
        parents=parents,
        help=t("help.search", lang),
        description=t("help.search.description", lang),
        lang=lang,
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help=t("help.search.query", lang))
    parser.add_argument("--policy", metavar="ID", help=t("help.search.policy", lang))
    parser.add_argument(
        "--limit",
        type=partial(_positive, lang=lang),
        default=10,
        metavar="N",
        help=t("help.search.limit", lang),
    )
    parser.add_argument("--in-force-first", action="store_true", help=t("help.search.in_force_first", lang))
    parser.add_argument("--group", action="store_true", help=t("help.search.group", lang))
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.set_defaults(run=run)


def _positive(value: str, lang: str) -> int:
    from policytui.i18n import t

    if not (value.isascii() and value.isdigit()) or int(value) < 1:  # int() refuses ²
        raise argparse.ArgumentTypeError(t("args.not_a_count", lang, value=value))
    return int(value)


def run(args: argparse.Namespace) -> int:
    from policytui.core.search.index import SearchIndex
    from policytui.core.search.query import QueryError
    from policytui.core.search.rank import search
    from policytui.core.search.results import group_by_policy

    query = " ".join(args.query)
    library = load(args)
    index = SearchIndex(library)
    try:
        results = search(
            index,
            query,
            limit=args.limit,
            policy=args.policy,
            as_of=as_of(args),
            in_force_first=args.in_force_first,
        )
    except QueryError as error:
        from policytui.i18n import query_problem

        return fail(query_problem(error.reason, error.values, args.lang), lang=args.lang)
    suggestions = [] if results else _did_you_mean(index, query)
    groups = group_by_policy(results) if args.group else [[result] for result in results]
    if args.json:
        print_json(_as_json(results, groups, suggestions, args.group))
    else:
        _print_results(query.strip(), groups, suggestions, library, args)
    return 0


def _did_you_mean(index: SearchIndex, query: str) -> list[str]:
    from policytui.core.search.suggest import did_you_mean

    return did_you_mean(index, query)


def _as_json(
    results: Sequence[SearchResult],
    groups: Sequence[Sequence[SearchResult]],
    suggestions: list[str],
    grouped: bool,
) -> dict[str, Any]:
    """{"results": [...], "did_you_mean": [...]}; grouped: {"groups": [{policy, status, results}], ...}."""
    shape: dict[str, Any] = {"did_you_mean": suggestions}
    if grouped:
        shape["groups"] = [
            {
                "policy": group[0].clause.policy_id,
                "status": group[0].status.as_json(),
                "results": [result.as_json() for result in group],
            }
            for group in groups
        ]
    else:
        shape["results"] = [result.as_json() for result in results]
    return shape


def _print_results(
    query: str,
    groups: Sequence[Sequence[SearchResult]],
    suggestions: list[str],
    library: Library,
    args: argparse.Namespace,
) -> None:
    from rich.table import Table
    from rich.text import Text

    from policytui.i18n import t
    from policytui.present import city_name
    from policytui.render.rich_text import kept_together, wrapped
    from policytui.render.status import short_status

    out = console()
    count = sum(len(group) for group in groups)
    if not count:
        out.print(Text(t("search.none", args.lang, query=query)))
        if suggestions:
            out.print(
                Text(t("search.did_you_mean", args.lang, words=t("punct.list", args.lang).join(suggestions)))
            )
        return
    out.print(Text(t("search.results", args.lang, query=query, count=count), style="bold"))
    if not args.group:  # each policy's status once, above the clauses quoted from it
        for result in {r.clause.policy_id: r for group in groups for r in group}.values():
            _print_policy(out, library.policies[result.clause.policy_id], result.status, args.lang, "dim")
    number = 0
    for group in groups:
        policy = library.policies[group[0].clause.policy_id]
        if args.group:  # the policy once, above its clauses
            _print_policy(out, policy, group[0].status, args.lang, "bold")
        # the number in a column of its own: what wraps, and the snippet, stand under the id
        results = Table.grid(padding=(0, 1))
        results.add_column(justify="right", style="dim", no_wrap=True, min_width=NUMBER_WIDTH)
        results.add_column()
        for result in group:
            number += 1
            head = kept_together(
                Text(result.clause.id, style="cyan"),
                Text.assemble(
                    (city_name(policy, args.lang), "dim"),
                    " ",
                    (short_status(result.status, args.lang), _status_style(result.status)),
                ),
                Text(result.clause.heading, style="bold"),
                Text(f"{t('search.score', args.lang)} {result.score}", style="dim"),
            )
            results.add_row(f"{number}.", head)
            results.add_row("", wrapped(_marked(result.snippet, result.spans)))
        out.print(results)


def _print_policy(out: Console, policy: Policy, status: PolicyStatus, lang: str, style: str) -> None:
    from rich.text import Text

    from policytui.present import city_name
    from policytui.render.rich_text import kept_together, wrapped
    from policytui.render.status import badge_list

    badges = (Text(badge, style=_status_style(status)) for badge in badge_list(status, lang))
    out.print(
        kept_together(wrapped(f"{city_name(policy, lang)} {policy.display_title}", style), *badges, sep=" ")
    )


def _status_style(status: PolicyStatus) -> str:
    return "green" if status.usable else "bold red"


def _marked(snippet: str, spans: Sequence[tuple[int, int]]) -> Text:
    """The snippet as plain text (never markup), the hits styled."""
    from rich.text import Text

    # a snippet cut inside a figure (`20万元、5…`) ends before it: no figure is left half-printed
    text = Text(re.sub(r"[0-9０-９][0-9０-９.,，]*…$", "…", snippet))
    for start, end in spans:
        text.stylize(HIT_STYLE, start, end)
    return text
