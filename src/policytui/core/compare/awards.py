"""What a set of clauses offers in money, read from their structured amounts only.

Thresholds, targets and funds are conditions or goals, not offers, so they are
left out. A rate is paired with the cap printed after it ("按投资额的10%……最高
100万元"), the way the documents word it. Nothing is computed or guessed: a
promise without a figure stays a promise without a figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from policytui.core.model import Amount, Clause


@dataclass(frozen=True, slots=True)
class Offer:
    """One award promised by a clause: a fixed sum, rates with their cap, or no figure at all."""

    clause: Clause
    award: Amount | None  # the sum or cap; None for a rate printed without a cap
    rates: tuple[Amount, ...] = ()

    @property
    def unspecified(self) -> bool:
        return self.award is not None and self.award.unspecified

    @property
    def yuan(self) -> Decimal | None:
        """The most this offer pays, in yuan, where the text says so."""
        return self.award.yuan if self.award is not None else None

    @property
    def subject(self) -> str:
        return (self.award or self.rates[0]).subject


@dataclass(frozen=True, slots=True)
class AwardSummary:
    offers: tuple[Offer, ...]

    @property
    def largest(self) -> Offer | None:
        """The offer with the largest figure in yuan (the first of equals), if any has one."""
        figured = [(yuan, offer) for offer in self.offers if (yuan := offer.yuan) is not None]
        return max(figured, key=lambda pair: pair[0])[1] if figured else None

    @property
    def unspecified(self) -> tuple[Offer, ...]:
        return tuple(offer for offer in self.offers if offer.unspecified)


def clause_offers(clause: Clause) -> list[Offer]:
    offers: list[Offer] = []
    pending_rates: list[Amount] = []
    for amount in clause.amounts:
        if amount.role == "rate":
            pending_rates.append(amount)
        elif amount.role in ("award", "cap"):
            offers.append(Offer(clause, amount, tuple(pending_rates) if amount.role == "cap" else ()))
            if amount.role == "cap":
                pending_rates = []
    # a rate with no cap after it (a floor such as "不低于50%的租金补贴") is an offer of its own
    offers += [Offer(clause, None, (rate,)) for rate in pending_rates]
    return offers


def summarise_awards(clauses: Iterable[Clause]) -> AwardSummary:
    return AwardSummary(tuple(offer for clause in clauses for offer in clause_offers(clause)))
