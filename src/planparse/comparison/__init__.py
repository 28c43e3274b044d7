"""Comparing plans: align their targets by what they measure and put them side by side (needs pandas).

>>> import planparse
>>> cmp = planparse.compare(["corpus/lai-chau-3414-kh-ubnd-2023.txt",
...                          "corpus/dong-nai-2023-ke-hoach-chuyen-doi-so-bao-chi.md"])  # doctest: +SKIP
>>> cmp.horizon(2030)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from pathlib import Path

from planparse.comparison.result import Comparison, Status
from planparse.errors import MissingExtraError
from planparse.model import Plan
from planparse.pipeline import load_plan, parse_file
from planparse.read import Limits

PlanLike = Plan | str | PathLike

__all__ = ["compare", "plan_of", "Comparison", "Status"]


def compare(plans: Sequence[PlanLike], reference: PlanLike | None = None) -> Comparison:
    """Put ``plans`` (parsed, paths of documents, or of the ``.json`` a batch wrote) side by side, each compared
    with ``reference`` if given.

    A reference that is not among ``plans`` is added as their first column.
    """
    try:
        from planparse.comparison.tables import build
    except ImportError as exc:
        raise MissingExtraError(f"comparing plans needs pandas ({exc}); install planparse[compare]") from None
    parsed = [plan_of(p) for p in plans]
    if reference is None:
        if not parsed:
            raise ValueError("compare() needs at least one plan")
        return build(parsed, None)
    ref = plan_of(reference)
    index = next((i for i, p in enumerate(parsed) if _same(p, ref)), None)
    if index is None:
        parsed, index = [ref, *parsed], 0
    return build(parsed, index)


def plan_of(item: PlanLike, limits: Limits = Limits(), ocr: str = "auto") -> Plan:
    """A plan as given, loaded from the JSON ``planparse batch``/``parse`` wrote, or parsed from its document
    (within ``limits``, with ``ocr`` as in :func:`~planparse.parse_file`)."""
    if isinstance(item, Plan):
        return item
    return load_plan(item) if Path(item).suffix.lower() == ".json" else parse_file(item, limits, ocr)


def _same(a: Plan, b: Plan) -> bool:
    if a is b:
        return True
    if a.source.path and b.source.path:
        return Path(a.source.path).resolve() == Path(b.source.path).resolve()
    return a.text == b.text
