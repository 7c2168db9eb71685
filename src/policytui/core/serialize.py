"""Stable JSON shapes for scripts: one place, shared by the CLI and the exports."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypedDict

from policytui.core.model import Amount, Clause, Library, Policy
from policytui.core.status import PolicyStatus, StatusJson


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: exact for whole numbers and for yuan to the fen."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


class AmountJson(TypedDict):
    role: str
    value: str | None  # the figure as a string, exact (None: promised with no figure)
    unit: str | None
    yuan: int | float | None
    qualifiers: list[str]
    upper_bound: bool
    period: str
    level: str | None
    base: str | None
    subject: str
    quote: str


class PolicyJson(TypedDict):
    id: str
    title: str
    city: str
    city_en: str
    issuer: str | None
    issued: str | None
    printed: str | None
    draft: bool
    valid_until: str | None
    status: StatusJson
    clauses: int
    quantified_awards: int
    scope: str | None
    interpretation: str | None
    non_stacking: str | None
    file: str


def amount_json(amount: Amount) -> AmountJson:
    return {
        "role": amount.role,
        "value": str(amount.value) if amount.value is not None else None,
        "unit": amount.unit,
        "yuan": json_number(amount.yuan),
        "qualifiers": list(amount.qualifiers),
        "upper_bound": amount.upper_bound,
        "period": amount.period,
        "level": amount.level,
        "base": amount.base,
        "subject": amount.subject,
        "quote": amount.quote,
    }


def clause_json(clause: Clause, library: Library, *, full: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clause.id,
        "policy": clause.policy_id,
        "label": clause.label,
        "title": clause.title,
    }
    if full:
        data |= {
            "kind": clause.kind,
            "parent": f"{clause.policy_id}/{clause.parent}" if clause.parent else None,
            "text": clause.text,
            "departments": list(clause.departments),
            "departments_carried": [
                {"from": source.id, "departments": list(standing.departments), "quote": standing.quote}
                for source, standing in library.policy_of(clause).carried_departments(clause)
            ],
            "topics": [{"id": t, "name": library.topic_name(t)} for t in clause.topics],
            "amounts": [amount_json(a) for a in clause.amounts],
        }
    return data


def policy_json(policy: Policy, status: PolicyStatus) -> PolicyJson:
    return {
        "id": policy.id,
        "title": policy.title,
        "city": policy.city,
        "city_en": policy.city_en,
        "issuer": policy.issuer or None,
        "issued": policy.issued.isoformat() if policy.issued else None,
        "printed": policy.printed.isoformat() if policy.printed else None,
        "draft": policy.draft,
        "valid_until": policy.valid_until_printed or None,
        "status": status.as_json(),
        "clauses": len(policy.clauses),
        "quantified_awards": sum(1 for c in policy.clauses for a in c.awards if not a.unspecified),
        "scope": policy.scope or None,
        "interpretation": policy.interpretation or None,
        "non_stacking": policy.non_stacking or None,
        "file": str(policy.file),
    }
