"""The ``planparse-facts/1`` view: a small, flat, stable export of a Plan (see shared/eval/FACTS.md).

Parts not extracted yet are empty lists, as the format requires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models call this view: no import of them at run time
    from planparse.model import Deadline, Plan

FORMAT = "planparse-facts/1"


def to_facts(plan: Plan) -> dict:
    """The facts view of ``plan`` as a JSON-ready dict."""
    doc = plan.document
    return {
        "format": FORMAT,
        "document": {
            "type": doc.type,
            "number": doc.number,
            "date": doc.date.isoformat() if doc.date else None,
            "place": doc.place,
            "issuer": doc.issuer,
            "title": doc.title,
            "signer": doc.signer,
            "signer_position": doc.signer_position,
        },
        "references": [
            {"number": ref.number, "date": ref.date.isoformat() if ref.date else None} for ref in plan.references
        ],
        "objectives": [
            {
                "horizon": objective.horizon,
                "text": objective.text,
                "quantities": [
                    {"value": _number(q.value), "unit": q.unit, "comparator": q.comparator}
                    for q in objective.quantities
                ],
            }
            for objective in plan.objectives
        ],
        "assignments": _assignments(plan),
        "deadlines": [view for deadline in plan.deadlines if (view := _deadline(deadline)) is not None],
        "budget_sources": [source.kind.value for source in plan.budget_sources],
    }


def _number(value: float) -> int | float:
    """67.0 → 67; 1.5 stays."""
    return int(value) if value.is_integer() else value


def _assignments(plan: Plan) -> list[dict]:
    """Each (body, role) once, in document order."""
    seen: dict[tuple[str, str], None] = {}
    for a in plan.assignments:
        seen.setdefault((a.body.name, a.role.value), None)
    return [{"body": body, "role": role} for body, role in seen]


_EVERY = {(1, "week"): "week", (1, "month"): "month", (3, "month"): "quarter", (6, "month"): "half_year"}
"""A repeat's interval → the facts' ``every``."""


def _deadline(deadline: Deadline) -> dict | None:
    """The ``planparse-facts/1`` entry of a deadline; None for a time the view has no kind for (a duration,
    a repeat other than weekly, monthly, quarterly, half-yearly or yearly).

    A year is the period of that one year (``Trong năm 2026``); a yearly repeat is a bare ``annual``.
    """
    t = deadline.time
    kind = t.kind.value
    if kind == "year":
        kind, fields = "period", {"start_year": t.year, "end_year": t.year}
    elif kind == "periodic" and (t.amount, t.unit) == (1, "year"):
        kind, fields = "annual", {"month": None, "day": t.day}
    elif kind == "periodic" and (t.amount, t.unit) in _EVERY:
        every = _EVERY[t.amount, t.unit]
        kind, fields = "recurring", {"every": every, "day": t.day if every != "week" else None}  # a day of the month
    else:
        view = {
            "date": lambda: {"date": t.date.isoformat() if t.date else None},
            "annual": lambda: {"month": t.month, "day": t.day},
            "quarter": lambda: {"year": t.year, "quarter": t.quarter},
            "month": lambda: {"year": t.year, "month": t.month},
            "period": lambda: {"start_year": t.start_year, "end_year": t.end_year},
            "ongoing": dict,
            "on_event": dict,
        }.get(kind)
        if view is None:
            return None
        fields = view()
    return {"kind": kind, **fields, "text": t.text}
