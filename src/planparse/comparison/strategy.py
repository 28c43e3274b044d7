"""The national strategy a plan answers, told by the documents it cites.

A provincial plan implements a decision or directive of the Prime Minister (``348/QĐ-TTg``) or a resolution
of the Government (``76/NQ-CP``), which it cites first among the national documents; laws and party
resolutions it cites are its legal basis, not what it answers.
"""

from __future__ import annotations

from planparse.model import Plan

NATIONAL_ISSUERS = ("TTg", "CP")
"""The issuers of strategies, most specific first: a plan citing both answers the Prime Minister's document."""


def strategy_of(plan: Plan) -> str | None:
    """The number of the national document ``plan`` answers: its first citation of the Prime Minister's,
    else of the Government's; ``None`` when it cites neither."""
    for issuer in NATIONAL_ISSUERS:
        for ref in plan.references:
            if ref.issuer_code == issuer:
                return ref.number
    return None

