"""What a comparison of plans holds: tidy and wide tables of targets, bodies, deadlines and budget sources."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class Status(StrEnum):
    """How a plan's target for one indicator and horizon differs from the reference plan's."""

    SAME = "same"
    HIGHER = "higher"
    LOWER = "lower"
    DIFFERS = "differs"  # another unit, or a number on one side only, or another comparator
    MISSING = "missing"  # the reference sets it, the plan does not
    EXTRA = "extra"  # the plan sets it, the reference does not


@dataclass(frozen=True)
class Comparison:
    """Several plans side by side.

    ``objectives`` is tidy: one row per target with its plan, horizon, indicator ``group`` (targets of different
    plans that measure the same thing share one), headline ``value``/``comparator``/``unit``/``kind`` (share,
    increase …), ``display`` (the headline as written in a cell), text and provenance (``line``, ``start``,
    ``end`` in the plan's text).
    ``wide`` has one row per (horizon, group, indicator) and one column per plan. ``lacks`` lists, for every
    plan, the rows another plan has and it has not; ``differences`` compares every plan with the reference
    (empty without one). ``bodies``, ``deadlines`` and ``budget`` are tidy; their ``_wide`` forms put the plans
    side by side. ``tasks`` lists every task with the body that leads it (as the plan writes it). ``strategy`` is
    the national document all the plans answer, if they share one.
    """

    plans: tuple[str, ...]
    files: tuple[str | None, ...]
    reference: str | None
    objectives: pd.DataFrame
    wide: pd.DataFrame
    lacks: pd.DataFrame
    differences: pd.DataFrame
    bodies: pd.DataFrame
    bodies_wide: pd.DataFrame
    tasks: pd.DataFrame
    deadlines: pd.DataFrame
    deadlines_wide: pd.DataFrame
    budget: pd.DataFrame
    budget_wide: pd.DataFrame
    strategy: str | None = None
    """the national document every plan compared answers, if they share one (``348/QĐ-TTg``)"""

    def horizon(self, year: int | None) -> pd.DataFrame:
        """The wide view of one horizon: indicator × plan (``None`` for targets without a horizon)."""
        horizons = self.wide.index.get_level_values("horizon")
        mask = horizons.isna() if year is None else horizons == year
        return self.wide[mask].droplevel("horizon")
