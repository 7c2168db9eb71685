"""The tree of loaded policies: policy → parts → sections → clauses, by printed label and title.

A policy's clauses become nodes when it is first opened (or a clause of it selected): with
hundreds of policies, building every clause's node up front would freeze the screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.style import NULL_STYLE, Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import NodeID, TreeNode

from policytui.core.model import Library, Policy
from policytui.core.status import policy_status
from policytui.present import city_name
from policytui.render.rich_text import truncated
from policytui.render.status import short_status

OPEN_POLICIES = 5  # the first policies start open; those after them, closed


def policy_label(policy: Policy, as_of: date, lang: str) -> Text:
    """City, short status as of `as_of` (so every policy's standing shows at a glance), title."""
    status = policy_status(policy, as_of)
    words = short_status(status, lang)
    style = "green" if status.usable else "bold red"
    return Text.assemble(
        (city_name(policy, lang), "bold"), " ", (words, style), " ", (policy.display_title, "bold")
    )


class PolicyTree(Tree[str]):
    """Each node's data is a clause id, or a policy id for a policy's own node."""

    # Labels are rich Text built from plain strings: a str label would be parsed as markup.
    def __init__(self, **kwargs: Any) -> None:
        # by get_label_width, which Tree's own __init__ calls already: label, open, width
        self._label_widths: dict[NodeID, tuple[object, bool, int]] = {}
        super().__init__(Text(), **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._node_by_id: dict[str, TreeNode[str]] = {}
        self._unopened: dict[str, Policy] = {}  # policies whose clause nodes are not built yet

    def show_library(self, library: Library, as_of: date, lang: str) -> None:
        self.clear()
        self._node_by_id.clear()
        self._unopened.clear()
        self._label_widths.clear()
        for number, policy in enumerate(library.policies.values()):
            node = self.root.add(policy_label(policy, as_of, lang), data=policy.id, allow_expand=True)
            self._node_by_id[policy.id] = node
            self._unopened[policy.id] = policy
            if number < OPEN_POLICIES:
                self._open(policy.id)
                node.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        if event.node.data in self._unopened:
            self._open(event.node.data)

    def _open(self, policy_id: str) -> None:
        """Build the clause nodes of `policy_id`, if not built yet."""
        policy = self._unopened.pop(policy_id, None)
        if policy is not None:
            self._add_clauses(self._node_by_id[policy_id], policy, None)

    def relabel_policies(self, library: Library, as_of: date, lang: str) -> None:
        """The policies' status words in `lang` (clause labels are the document's own)."""
        for policy in library.policies.values():
            if (node := self._node_by_id.get(policy.id)) is not None:
                node.set_label(policy_label(policy, as_of, lang))

    def _add_clauses(self, parent: TreeNode[str], policy: Policy, local_id: str | None) -> None:
        for clause in policy.children(local_id):
            label = Text(clause.outline_heading)
            if policy.children(clause.local_id):
                node = parent.add(label, data=clause.id)
                self._add_clauses(node, policy, clause.local_id)
            else:
                node = parent.add_leaf(label, data=clause.id)
            self._node_by_id[clause.id] = node

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        # A label wider than the tree ends with "…" (never a silently cut 2021年12): cut where
        # render.wrap allows, so a date or figure goes whole or not at all.
        label = super().render_label(node, base_style, style)
        room = self._room(node)
        return truncated(label, room) if room > 0 else label

    def get_label_width(self, node: TreeNode[str]) -> int:
        # Tree asks this of every line, shown or not: the width the cut label will have at most,
        # without looking for where to cut (render.wrap's break opportunities, slow at hundreds
        # of policies); only the lines on screen are cut.
        known = self._label_widths.get(node.id)
        if known is None or known[0] is not node.label or known[1] != node.is_expanded:
            known = (
                node.label,
                node.is_expanded,
                super().render_label(node, NULL_STYLE, NULL_STYLE).cell_len,
            )
            self._label_widths[node.id] = known  # Tree asks again at every change of the lines
        width = known[2]
        room = self._room(node)
        return min(width, room) if room > 0 else width

    def _room(self, node: TreeNode[str]) -> int:
        """The cells left for `node`'s label after the guides."""
        depth = 0
        while node.parent is not None and node.parent is not self.root:
            depth, node = depth + 1, node.parent
        return self.scrollable_content_region.width - depth * self.guide_depth

    def select_id(self, node_id: str) -> bool:
        """Expand down to `node_id` and put the cursor on it; False if there is no such node."""
        self._open(node_id.partition("/")[0])
        node = self._node_by_id.get(node_id)
        if node is None:
            return False
        ancestor = node.parent
        while ancestor is not None:
            ancestor.expand()
            ancestor = ancestor.parent
        # The tree lays out the expanded lines on its next refresh; the cursor goes there after.
        self.call_after_refresh(self.move_cursor, node)
        return True
