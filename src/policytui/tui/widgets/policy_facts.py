"""A policy's facts: issuer, dates, scope, validity, interpretation, non-stacking rule, counts."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from policytui.core.model import Policy
from policytui.i18n import t
from policytui.present import city_with_province
from policytui.tui.widgets.safe_text import field_line


def _printed_date(value: date | None, lang: str) -> str:
    return value.isoformat() if value else t("field.not_printed", lang)


def policy_facts(policy: Policy, lang: str) -> Content:
    """One fact a line; what the document does not print is said to be not printed."""
    awards = [a for c in policy.clauses for a in c.awards]
    quantified = sum(1 for a in awards if not a.unspecified)
    rows = [
        ("field.city", city_with_province(policy, lang)),
        ("field.issuer", policy.issuer or t("field.not_printed", lang)),
        ("field.issued", _printed_date(policy.issued, lang)),
        ("field.printed", _printed_date(policy.printed, lang)),
        # Documents usually word their start ("自印发之日起施行"), quoted under validity
        # below; a separate date row appears only where the text prints one.
        *([("policy.effective_from", policy.effective_from.isoformat())] if policy.effective_from else []),
        ("field.valid_until", policy.valid_until_printed or t("field.not_printed", lang)),
        ("field.scope", policy.scope or t("field.not_printed", lang)),
        ("field.validity", policy.validity or t("field.not_printed", lang)),
        ("field.interpretation", policy.interpretation or t("field.not_printed", lang)),
        ("field.non_stacking", policy.non_stacking or t("field.not_printed", lang)),
    ]
    lines = [field_line(t(key, lang), value, lang) for key, value in rows]
    lines.append(
        Content(
            t(
                "policy.counts",
                lang,
                clauses=len(policy.clauses),
                awards=quantified,
                unspecified=len(awards) - quantified,
            )
        ).stylize("bold")
    )
    return Content("\n").join(lines)
