"""What the compare screens show, as Content: policy heads with status, award summaries."""

from __future__ import annotations

from textual.content import Content

from policytui.core.compare.awards import AwardSummary
from policytui.core.model import Policy
from policytui.core.status import PolicyStatus
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.compare.wording import summary_lines
from policytui.tui.widgets.status import badges


def policy_head(policy: Policy, status: PolicyStatus, lang: str) -> Content:
    """City, title and status badges (as of the app's date) of one column."""
    return Content("\n").join(
        [
            Content(city_name(policy, lang)).stylize("bold"),
            Content(policy.display_title),
            badges(status, lang),
        ]
    )


def award_summary(summary: AwardSummary, has_clauses: bool, lang: str) -> Content:
    """The summary lines: the largest figure in bold, promises without a figure marked."""
    unspecified = t("amount.unspecified", lang)
    lines = []
    for number, line in enumerate(summary_lines(summary, has_clauses, lang)):
        content = Content(line)
        if number == 0 and summary.largest is not None:
            content = content.stylize("bold $text-accent")
        elif line.endswith(unspecified):
            content = content.stylize("$text-warning")
        lines.append(content)
    return Content.assemble((f"{t('compare.awards', lang)}\n", "bold")) + Content("\n").join(lines)
