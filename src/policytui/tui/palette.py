"""Command palette providers: jump to a policy, a clause (by id, label or title) or a topic.

What a hit displays comes from data files, so it is built as Content (literal text);
the help line, which the palette parses as markup, holds only ids and the tool's own words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import cast

from rich.align import Align
from rich.text import Text
from textual import getters
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider, ProviderSource
from textual.content import Content
from textual.fuzzy import Matcher
from textual.widgets.option_list import Option

from policytui.core.model import Library
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.status import status_text
from policytui.tui.app import PolicyApp

MATCH_STYLE = "bold underline"

# (what to match and show, help line, action)
Candidate = tuple[str, str, Callable[[], None]]


def highlight(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as literal text with the matched characters styled (Matcher.highlight
    would parse the candidate as markup)."""
    content = Content(candidate)
    _, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return content


class LibraryProvider(Provider):
    """A provider over the loaded library; nothing to offer while it loads."""

    @property
    def app(self) -> PolicyApp:  # typed as the app the palette opens in (a Provider is no DOM node)
        return cast(PolicyApp, super().app)

    def candidates(self, library: Library, lang: str) -> Iterator[Candidate]:
        raise NotImplementedError

    def _candidates(self) -> list[Candidate]:
        library = self.app.library
        return [] if library is None else list(self.candidates(library, self.app.lang))

    async def discover(self) -> Hits:
        for text, help_text, action in self._candidates():
            yield DiscoveryHit(Content(text), action, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, action in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), action, text=text, help=help_text)


class PolicyProvider(LibraryProvider):
    def candidates(self, library: Library, lang: str) -> Iterator[Candidate]:
        for policy in library.policies.values():
            status = status_text(policy_status(policy, self.app.as_of), lang)
            yield (
                f"{city_name(policy, lang)} {policy.display_title}",
                f"{t('palette.policy', lang)} · {policy.id} · {status}",
                partial(self.app.open_clause, policy.id),
            )


class ClauseProvider(LibraryProvider):
    def candidates(self, library: Library, lang: str) -> Iterator[Candidate]:
        for clause in library.clauses():
            city = city_name(library.policy_of(clause), lang)
            # The id is part of the matched text, so `m4` or `wuxi-draft/m4` finds the clause too.
            yield (
                f"{city} {clause.outline_heading}  {clause.id}",
                t("palette.clause", lang),
                partial(self.app.open_clause, clause.id),
            )


class TopicProvider(LibraryProvider):
    def candidates(self, library: Library, lang: str) -> Iterator[Candidate]:
        from policytui.core.related import topic_clauses

        for topic_id in library.topics:
            count = len(topic_clauses(library, topic_id))
            yield (
                library.topic_name(topic_id, lang),
                t("palette.topic", lang, count=count),
                partial(self._open_topic, topic_id, library),
            )

    def _open_topic(self, topic_id: str, library: Library) -> None:
        from policytui.tui.related.screen import topic_picker

        self.app.push_screen(topic_picker(topic_id, library, self.app.as_of, self.app.lang))


class LocalizedPalette(CommandPalette):
    """Textual's command palette with its own words (placeholder, "No matches found") in the UI
    language."""

    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp

    def __init__(
        self, providers: ProviderSource | None = None, placeholder_key: str = "palette.placeholder"
    ) -> None:
        super().__init__(providers, id="--command-palette", placeholder=t(placeholder_key, self.app.lang))

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own countdown (CommandPalette._start_no_matches_countdown) with its English
        # "No matches found" in the UI language.
        self._stop_no_matches_countdown()
        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, partial(self._no_matches, search_value)
        )

    def _no_matches(self, search_value: str) -> None:
        if not search_value:  # discovery mode: nothing to say
            self._list_visible = False
            return
        self.query_one(CommandList).add_option(
            Option(
                Align.center(Text(t("palette.no_matches", self.app.lang), style="not bold")),
                disabled=True,
                id=self._NO_MATCHES,
            )
        )
        self._list_visible = True
