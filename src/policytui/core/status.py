"""A policy's status as of a date: draft or not, and in force, expired or not yet in force."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TypedDict

from policytui.core.model import Policy


class Validity(str, Enum):
    IN_FORCE = "in-force"
    EXPIRED = "expired"
    NOT_YET = "not-yet-in-force"
    UNKNOWN = "unknown"


class StatusJson(TypedDict):
    """PolicyStatus as scripts read it (dates in ISO form)."""

    as_of: str
    draft: bool
    validity: str  # a Validity's value
    effective_from: str | None
    valid_until: str | None  # as printed: "2025-12" when the text gives only the month


@dataclass(frozen=True, slots=True)
class PolicyStatus:
    as_of: date
    draft: bool
    validity: Validity
    effective_from: date | None
    valid_until: date | None
    valid_until_printed: str

    @property
    def usable(self) -> bool:
        """In force and not a draft: the only state in which figures are current."""
        return self.validity is Validity.IN_FORCE and not self.draft

    @property
    def wording(self) -> str:
        """How to word the validity: a draft is never "expired", its proposed validity has passed."""
        if self.draft and self.validity is Validity.EXPIRED:
            return "draft-lapsed"
        return self.validity.value

    def as_json(self) -> StatusJson:
        return {
            "as_of": self.as_of.isoformat(),
            "draft": self.draft,
            "validity": self.validity.value,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "valid_until": self.valid_until_printed or None,
        }


def end_of_validity(printed: str) -> date:
    """The last day a printed validity covers: "2025-12" runs to 2025-12-31.

    Raises ValueError for anything but YYYY-MM-DD or YYYY-MM.
    """
    parts = printed.split("-")
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return date(year, month, calendar.monthrange(year, month)[1])
    if len(parts) == 3 and len(parts[0]) == 4:
        return date.fromisoformat(printed)
    raise ValueError(printed)


def policy_status(policy: Policy, as_of: date) -> PolicyStatus:
    starts = policy.effective_from or policy.issued
    # A draft with no start date has not been issued, so it is not in force yet.
    unissued_draft = policy.draft and starts is None
    if policy.valid_until is not None and as_of > policy.valid_until:
        validity = Validity.EXPIRED
    elif unissued_draft or (starts is not None and as_of < starts):
        validity = Validity.NOT_YET
    elif starts is not None or policy.valid_until is not None:
        validity = Validity.IN_FORCE
    else:
        validity = Validity.UNKNOWN
    return PolicyStatus(
        as_of=as_of,
        draft=policy.draft,
        validity=validity,
        effective_from=starts,
        valid_until=policy.valid_until,
        valid_until_printed=policy.valid_until_printed,
    )
