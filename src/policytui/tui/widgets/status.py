"""The status badges of a policy (征求意见稿, 已失效 …) as of the app's date, and its warnings."""

from __future__ import annotations

from textual.content import Content

from policytui.core.model import Policy
from policytui.core.status import PolicyStatus, Validity
from policytui.i18n import status_labels, status_warnings, t
from policytui.render.status import short_status

_VALIDITY_STYLES = {
    Validity.IN_FORCE: "bold $text-success on $success-muted",
    Validity.EXPIRED: "bold $text-error on $error-muted",
    Validity.NOT_YET: "bold $text-warning on $warning-muted",
    Validity.UNKNOWN: "bold $text-warning on $warning-muted",
}
DRAFT_STYLE = "bold $text-warning on $warning-muted"


def badges(status: PolicyStatus, lang: str, *, with_date: bool = True) -> Content:
    """E.g. ` 征求意见稿 ` ` 已失效（有效期至2025-12-31） ` 截至 2026-11-22 (the date only `with_date`)."""
    labels = status_labels(status, lang)
    # status_labels puts the draft mark first, then the validity.
    styles = [DRAFT_STYLE] * (len(labels) - 1) + [_VALIDITY_STYLES[status.validity]]
    parts: list[tuple[str, str] | str] = []
    for label, style in zip(labels, styles, strict=False):
        parts += [(f" {label} ", style), " "]
    if with_date:
        parts.append((t("status.as_of", lang, date=status.as_of.isoformat()), "dim"))
    return Content.assemble(*parts)


def short_badge(status: PolicyStatus, lang: str) -> Content:
    """E.g. `[征求意见稿 已失效]`: the status in a few words, for a narrow list."""
    return Content(short_status(status, lang)).stylize(
        "$text-success" if status.usable else "bold $text-error"
    )


def warnings(status: PolicyStatus, policy: Policy, lang: str) -> Content:
    lines = status_warnings(status, policy.display_title, lang)
    return Content("\n".join(f"⚠ {line}" for line in lines)).stylize("$text-warning")
