"""A policy's status in words, joined one way per medium, with the language's punctuation.

Every place that shows a status joins its badges here: a cell or a line of prose
(status_text), a terminal line of bracketed badges (status_badges), a narrow list
(short_status). The words themselves are i18n's (status_labels).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from policytui.core.status import PolicyStatus
from policytui.i18n import status_labels, t

if TYPE_CHECKING:
    from policytui.render.rich_text import WrappedText


def status_text(status: PolicyStatus, lang: str) -> str:
    """E.g. 征求意见稿，已失效（有效期至2025-12-31） / Draft for comments, expired (valid until 2025-12-31)."""
    first, *rest = status_labels(status, lang)
    # a badge after the first goes on the sentence: lower case in English (Chinese has no case)
    return t("punct.notes_sep", lang).join([first, *(label[:1].lower() + label[1:] for label in rest)])


def status_badges(status: PolicyStatus, lang: str) -> str:
    """E.g. [征求意见稿] [已失效（有效期至2025-12-31）]: each badge bracketed, for a terminal line."""
    return " ".join(badge_list(status, lang))


def badge_list(status: PolicyStatus, lang: str) -> list[str]:
    """The badges of status_badges one by one, for a line that keeps each whole."""
    return [f"[{label}]" for label in status_labels(status, lang)]


def short_status(status: PolicyStatus, lang: str) -> str:
    """The status in a few words, bracketed, for a narrow list: [征求意见稿 拟定有效期已过] / [draft, expired]."""
    marks = (["draft"] if status.draft else []) + [status.wording]
    return "[" + t("status.short.sep", lang).join(t(f"status.short.{mark}", lang) for mark in marks) + "]"


def status_cell(status: PolicyStatus, lang: str, style: str = "", badges: bool = False) -> WrappedText:
    """status_text (or with `badges`, the badges a line each) as a WrappedText in which each
    badge's words (已失效, Draft for comments) stay on one line; its note in brackets wraps as
    any text does, its date whole."""
    from policytui.render.rich_text import wrapped

    text = "\n".join(badge_list(status, lang)) if badges else status_text(status, lang)
    cell = wrapped(text, style=style)
    spans, start = [], 0
    for label in status_labels(status, lang):
        words = re.split(r"\s*[（(]", label, maxsplit=1)[0]
        found = text.lower().find(words.lower(), start)
        if found >= 0:
            spans.append((found, found + len(words)))
            start = found + len(words)
    cell.whole = tuple(spans)
    return cell
