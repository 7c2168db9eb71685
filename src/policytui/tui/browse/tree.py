"""The tree of loaded policies: policy → parts → sections → clauses, by printed label and title."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from policytui.core.model import Library, Policy
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.rich_text import truncated


def policy_label(policy: Policy, as_of: date, lang: str) -> Text:
    """City, short status as of `as_of` (so every policy's standing shows at a glance), title."""
    status = policy_status(policy, as_of)
    marks = (["draft"] if status.draft else []) + [status.validity.value]
    words = " ".join(t(f"status.short.{mark}", lang) for mark in marks)
    style = "green" if status.usable else "bold red"
    return Text.assemble((city_name(policy, lang), "bold"), " ", (f"[{words}]", style), " ", (policy.display_title, "bold"))


class PolicyTree(Tree[str]):
    """Each node's data is a clause id, or a policy id for a policy's own node."""

    # Labels are rich Text built from plain strings: a str label would be parsed as markup.
    def __init__(self, **kwargs) -> None:
        super().__init__(Text(), **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._node_by_id: dict[str, TreeNode[str]] = {}

    def show_library(self, library: Library, as_of: date, lang: str) -> None:
        self.clear()
        self._node_by_id.clear()
        for policy in library.policies.values():
            node = self.root.add(policy_label(policy, as_of, lang), data=policy.id, expand=True)
            self._node_by_id[policy.id] = node
            self._add_clauses(node, policy, None)

    def relabel_policies(self, library: Library, as_of: date, lang: str) -> None:
        """The policies' status words in `lang` (clause labels are the document's own)."""
        for policy in library.policies.values():
            if (node := self._node_by_id.get(policy.id)) is not None:
                node.set_label(policy_label(policy, as_of, lang))

    def _add_clauses(self, parent: TreeNode[str], policy: Policy, local_id: str | None) -> None:
        for clause in policy.children(local_id):
            label = Text(clause.heading)
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
        depth = 0
        while node.parent is not None and node.parent is not self.root:
            depth, node = depth + 1, node.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        return truncated(label, room) if room > 0 else label

    def select_id(self, node_id: str) -> bool:
        """Expand down to `node_id` and put the cursor on it; False if there is no such node."""
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
