"""Key binding descriptions in the UI language.

Textual shows `Binding.description` as is, so the words are looked up in
i18n: `key.<binding id>` first, then `action.<action>` (for the bindings
Textual's own widgets bring), else the description as written.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from policytui.i18n import STRINGS, t


def describe_binding(binding: Binding, lang: str) -> str:
    for key in (f"key.{binding.id}", f"action.{binding.action}"):
        if key in STRINGS:
            return t(key, lang)
    return binding.description


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Rewrite `node`'s binding descriptions in `lang` and refresh the footer.

    Called from a node's __init__ where possible: before the footer is built,
    the rewrite costs no footer rebuild at start-up.
    """
    # Each node holds its own copy of its bindings, so rewriting them touches no other node.
    bindings = node._bindings.key_to_bindings
    for key, entries in bindings.items():
        bindings[key] = [replace(b, description=describe_binding(b, lang)) for b in entries]
    node.refresh_bindings()  # does nothing before the node is mounted
