"""The browse screen: the policy tree on the left, the reading pane on the right.

Until the library is loaded the screen shows a loading line, the tree and the pane made but
not displayed, so that its first paints are light; they are filled and shown then. A library
already there (read from the cache) is shown in the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from policytui.core.model import Library
from policytui.i18n import t
from policytui.tui.app import PolicyApp
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.browse.reading_pane import ReadingPane
from policytui.tui.browse.tree import PolicyTree
from policytui.tui.messages import OpenClause

if TYPE_CHECKING:
    from textual.widgets import Tree


class Browser(Horizontal):
    """The tree and the pane, not displayed until the library is in (-loading)."""

    app = getters.app(PolicyApp)

    def on_show(self) -> None:
        # Show comes after the layout that displays the browser, which paints it at once; the
        # next refresh may come before that (BrowseScreen.tell_library_painted).
        self.app.library_painted()


class BrowseScreen(PolicyScreen):
    TITLE_KEY = "screen.browse"
    BINDINGS = [
        Binding("r", "related", "相关条款", id="related"),
        Binding("c", "copy", "复制", id="copy"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._built = False
        self._shown: str | None = None  # the node whose text the pane holds

    def compose_body(self) -> ComposeResult:
        loading = self.app.library is None
        if loading:
            yield Static(t("app.loading", self._lang), id="browse-loading", markup=False)
        # -loading: not displayed (styles/browse.tcss), so neither laid out nor painted
        yield Browser(
            PolicyTree(id="tree"), ReadingPane(id="pane"), id="browse", classes="-loading" if loading else ""
        )

    @property
    def tree(self) -> PolicyTree:  # type: ignore[override]  # replaces DOMNode.tree, a debug view of the DOM
        return self.query_one("#tree", PolicyTree)

    @property
    def pane(self) -> ReadingPane:
        return self.query_one("#pane", ReadingPane)

    def tell_library_painted(self) -> None:
        """The browser tells it when it is shown (Browser.on_show); in a terminal too small
        to show it, a second from now."""
        self.set_timer(1.0, self.app.library_painted)

    def show_language(self, lang: str) -> None:
        if self._built:
            self.tree.relabel_policies(self.loaded_library, self.app.as_of, lang)
            self._show(self.app.selected_id)
        else:  # the library is still to come
            for line in self.query("#browse-loading").results(Static):
                line.update(t("app.loading", lang))

    def show_library(self, library: Library) -> None:
        self._built = True
        for line in self.query("#browse-loading"):
            line.display = False
        self.query_one("#browse").remove_class("-loading")
        self.tree.show_library(library, self.app.as_of, self.app.lang)
        self.tree.focus()
        first = next(iter(library.policies), None)
        self._select(self.app.selected_id or first)
        # The pane is filled in this paint; the cursor gets there after it and finds it shown.
        self._show(self.app.selected_id or first)

    def on_open_clause(self, message: OpenClause) -> None:
        if self._built:  # before that, show_library selects app.selected_id
            self._select(message.clause_id)

    def _select(self, node_id: str | None) -> None:
        if node_id is None:
            self._show(None)
        elif not self.tree.select_id(node_id):
            self.notify(t("app.no_clause", self.app.lang, id=node_id), severity="warning", markup=False)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data is None:  # the hidden root, as the tree is filled: the pane would
            return  # show "pick a clause", then the first policy again (two more layouts)
        self.app.selected_id = event.node.data
        if event.node.data != self._shown:
            self._show(event.node.data)

    def _show(self, node_id: str | None) -> None:
        self._shown = node_id
        app = self.app
        library = self.loaded_library
        if node_id is not None and node_id in library.policies:
            self.pane.show_policy(library.policies[node_id], app.as_of, app.lang)
        elif (clause := library.clause(node_id or "")) is not None:
            self.pane.show_clause(clause, library, app.as_of, app.lang)
        else:
            self.pane.show_message(t("browse.pick", app.lang))

    def action_related(self) -> None:
        from policytui.tui.related.screen import related_picker

        library = self.app.library
        clause = library and library.clause(self.app.selected_id or "")
        if library and clause:
            self.app.push_screen(related_picker(clause, library, self.app.as_of, self.app.lang))
        else:
            self.notify(t("browse.related_needs_clause", self.app.lang))

    def action_copy(self) -> None:
        from policytui.tui.clipboard import copy_clause

        library = self.app.library
        clause = library and library.clause(self.app.selected_id or "")
        if library and clause:
            copy_clause(self.app, clause, library, self.app.as_of, self.app.lang)
        else:
            self.notify(t("copy.nothing", self.app.lang))
