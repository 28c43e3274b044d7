"""The tables of a comparison, built with pandas from parsed plans.

Objectives are aligned into indicator groups (:mod:`planparse.comparison.align`); a row of the wide view is one
group at one horizon. Bodies and deadlines are read from the plans' facts view, so that what the facts view
carries is compared as soon as it is extracted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from planparse.lang import vocab
from planparse.comparison.align import Target, align, stop_words
from planparse.comparison.result import Comparison, Status
from planparse.comparison.strategy import strategy_of
from planparse.lang.bodies import province_of
from planparse.model import Objective, Plan, Quantity

_SYMBOL = {">=": "≥", "<=": "≤", "=": ""}
STATED = "✓"
"""The cell of a target stated without a number."""

ROW = ["horizon", "group", "indicator"]


@dataclass(frozen=True)
class _Plan:
    label: str
    plan: Plan


def build(plans: Sequence[Plan], reference: int | None) -> Comparison:
    """The comparison of ``plans``; ``reference`` is the index of the reference plan among them."""
    labelled = [_Plan(label, plan) for label, plan in zip(plan_labels(plans), plans)]
    labels = [p.label for p in labelled]
    ref = labels[reference] if reference is not None else None
    objectives = _objectives(labelled, reference)
    bodies = _facts_rows(labelled, "assignments")
    if not bodies.empty:
        names = [_without_place(b, p) for b, p in zip(bodies["body"], bodies["plan"].map(_places(labelled)))]
        keys = [" ".join(w for w in name.casefold().split() if w not in stop_words()) for name in names]
        first = dict(reversed(list(zip(keys, names))))
        bodies["key"] = [first[k] for k in keys]
    deadlines = _facts_rows(labelled, "deadlines")
    budget = pd.DataFrame(
        [{"plan": p.label, "kind": s.kind.value, "text": s.text, "line": s.provenance.line,
          "start": s.provenance.start, "end": s.provenance.end} for p in labelled for s in p.plan.budget_sources],
        columns=["plan", "kind", "text", "line", "start", "end"],
    )
    return Comparison(
        plans=tuple(labels),
        files=tuple(p.plan.source.path for p in labelled),
        reference=ref,
        objectives=objectives,
        wide=_wide(objectives, labels),
        lacks=_lacks(objectives, labels),
        differences=_differences(objectives, ref, labels) if ref else _empty_differences(),
        bodies=bodies,
        bodies_wide=_side_by_side(bodies, "key", "role", labels, "body"),
        tasks=_tasks(labelled),
        deadlines=deadlines,
        deadlines_wide=_counts(deadlines, "kind", labels),
        budget=budget,
        budget_wide=_side_by_side(budget, "kind", None, labels),
        strategy=shared if len(strategies := {strategy_of(p) for p in plans}) == 1 and (shared := strategies.pop())
        else None,
    )


def plan_labels(plans: Sequence[Plan]) -> list[str]:
    """A short, unique name for each plan: its province, else its place, else its file name; a name that
    two plans share is followed by each one's number (or file name)."""
    names = [province_of(p.document.issuer) or p.document.place or _stem(p) or "plan" for p in plans]
    counts = Counter(names)
    labels: list[str] = []
    for name, plan in zip(names, plans):
        label = f"{name} ({plan.document.number or _stem(plan)})" if counts[name] > 1 else name
        while label in labels:
            label += "'"
        labels.append(label)
    return labels


def _stem(plan: Plan) -> str | None:
    path = plan.source.path
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if path else None


# --- objectives --------------------------------------------------------------------------------------------


def _objectives(plans: list[_Plan], reference: int | None) -> pd.DataFrame:
    """One row per objective of every plan, with its indicator group and headline quantity."""
    items = [(n, p, o) for n, p in enumerate(plans) for o in p.plan.objectives]
    ids = [_target_id(n, i) for n, p in enumerate(plans) for i in range(len(p.plan.objectives))]
    places = {place for p in plans for place in (p.plan.document.place,) if place}
    groups = align([Target(n, o.horizon, o.indicator or o.text, o.subject) for n, _, o in items], places)
    labels = _group_labels(items, groups, reference)
    rows = []
    for (_, p, o), group, target in zip(items, groups, ids):
        doc = p.plan.document
        head = headline(o.quantities)
        rows.append({
            "plan": p.label,
            "file": p.plan.source.path,
            "issuer": doc.issuer,
            "province": province_of(doc.issuer, doc.place),
            "horizon": o.horizon,
            "scope": o.scope.value,
            "group": group + 1,
            "indicator": labels[group],
            "value": head[0].value if head else None,
            "comparator": head[0].comparator if head else None,
            "unit": head[0].unit if head else None,
            "kind": head[0].kind if head else None,
            "display": display(head),
            "quantities": "; ".join(display([q]) for q in o.quantities),
            "text": o.text,
            "line": o.provenance.line,
            "start": o.provenance.start,
            "end": o.provenance.end,
            "target": target,
        })
    frame = pd.DataFrame(rows, columns=_OBJECTIVE_COLUMNS)
    frame["horizon"] = frame["horizon"].astype("Int64")
    frame["value"] = frame["value"].astype("float")
    return frame


_OBJECTIVE_COLUMNS = ["plan", "file", "issuer", "province", "horizon", "scope", "group", "indicator", "value",
                      "comparator", "unit", "kind", "display", "quantities", "text", "line", "start", "end", "target"]


def _target_id(plan: int, objective: int) -> str:
    return f"t{plan + 1}-{objective + 1}"


def _group_labels(items: list[tuple[int, _Plan, Objective]], groups: list[int], reference: int | None
                  ) -> dict[int, str]:
    """Each group's name: the indicator of its first reference target, else of its first target."""
    first: dict[int, str] = {}
    ref: dict[int, str] = {}
    for (n, _, o), group in zip(items, groups):
        first.setdefault(group, o.indicator or o.text)
        if n == reference:
            ref.setdefault(group, o.indicator or o.text)
    return first | ref


def headline(quantities: list[Quantity]) -> list[Quantity]:
    """The number a target is compared by: its first percentage (both bounds of a range), else its first number."""
    if not quantities:
        return []
    first = next((q for q in quantities if q.unit == "%"), quantities[0])
    if first.range_id is None:
        return [first]
    return [q for q in quantities if q.range_id == first.range_id]


def display(quantities: list[Quantity]) -> str:
    """A headline as a person writes it: ``67%``, ``≥20%``, ``70–80%``, ``≥3 (level)``; a target without one: ✓."""
    if not quantities:
        return STATED
    if len(quantities) == 2:
        low, high = quantities
        return f"{number(low.value)}–{number(high.value)}{_unit(high)}"
    q = quantities[0]
    return f"{_SYMBOL[q.comparator]}{number(q.value)}{_unit(q)}"


def number(value: float) -> str:
    """A number as a person writes it: 1,500 and 0.5, not 1500.0."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"


def _unit(q: Quantity) -> str:
    return {"%": "%", "count": "", "level": " (level)", "VND": " đồng"}[q.unit]


def _wide(objectives: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """Indicator group × plan, per horizon: the headline of each plan's target."""
    if objectives.empty:
        return pd.DataFrame(columns=labels, index=pd.MultiIndex.from_arrays([[], [], []], names=ROW))
    wide = objectives.pivot(index=ROW, columns="plan", values="display").reindex(columns=labels)
    wide = wide.astype(object).fillna("")
    wide.columns.name = "plan"
    return wide.sort_index(level=["horizon", "group"], na_position="last")


def _lacks(objectives: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """For every plan, the rows (group at a horizon) some other plan has a target for and it has none."""
    held = objectives.groupby(ROW, dropna=False)["plan"].agg(list)
    rows = []
    for (horizon, group, indicator), holders in held.items():
        for label in labels:
            if label not in holders:
                rows.append({"plan": label, "horizon": horizon, "group": group, "indicator": indicator,
                             "held_by": ", ".join(holders)})
    frame = pd.DataFrame(rows, columns=["plan", *ROW, "held_by"])
    frame["horizon"] = frame["horizon"].astype("Int64")
    return frame


_DIFFERENCE_COLUMNS = ["plan", *ROW, "reference", "value", "status", "text", "line"]


def _empty_differences() -> pd.DataFrame:
    return pd.DataFrame(columns=_DIFFERENCE_COLUMNS)


def _differences(objectives: pd.DataFrame, reference: str, labels: list[str]) -> pd.DataFrame:
    """How each plan's targets differ from the reference's, row by row: higher, lower, same, differs,
    missing (the reference has it, the plan not) or extra (the plan has it, the reference not)."""
    rows = []
    for (horizon, group, indicator), frame in objectives.groupby(ROW, dropna=False, sort=True):
        ref = frame[frame["plan"] == reference]
        ref_row = ref.iloc[0] if len(ref) else None
        for label in (x for x in labels if x != reference):
            mine = frame[frame["plan"] == label]
            row = mine.iloc[0] if len(mine) else None
            if row is None and ref_row is None:
                continue
            rows.append({
                "plan": label, "horizon": horizon, "group": group, "indicator": indicator,
                "reference": ref_row["display"] if ref_row is not None else "",
                "value": row["display"] if row is not None else "",
                "status": _status(row, ref_row).value,
                "text": (row if row is not None else ref_row)["text"],
                "line": (row if row is not None else ref_row)["line"],
            })
    frame = pd.DataFrame(rows, columns=_DIFFERENCE_COLUMNS)
    frame["horizon"] = frame["horizon"].astype("Int64")
    return frame


def _status(row: pd.Series | None, ref: pd.Series | None) -> Status:
    if row is None:
        return Status.MISSING
    if ref is None:
        return Status.EXTRA
    if pd.isna(row["value"]) and pd.isna(ref["value"]):
        return Status.SAME
    if pd.isna(row["value"]) or pd.isna(ref["value"]) or row["unit"] != ref["unit"]:
        return Status.DIFFERS
    if row["value"] > ref["value"]:
        return Status.HIGHER
    if row["value"] < ref["value"]:
        return Status.LOWER
    return Status.SAME if row["comparator"] == ref["comparator"] else Status.DIFFERS


# --- bodies, deadlines, budget -----------------------------------------------------------------------------


def _facts_rows(plans: list[_Plan], part: str) -> pd.DataFrame:
    """One row per entry of a part of the facts view (``assignments``, ``deadlines``), with its plan."""
    rows = [{"plan": p.label, **entry} for p in plans for entry in p.plan.to_facts()[part]]
    return pd.DataFrame(rows, columns=list(dict.fromkeys(k for row in rows for k in row)) or ["plan"])


def _tasks(plans: list[_Plan]) -> pd.DataFrame:
    """Every task of every plan, with the body that leads it as the plan writes it."""
    return pd.DataFrame(
        [{"plan": p.label, "group": t.group, "task": t.text, "lead": t.lead, "support": t.support,
          "timeframe": t.timeframe, "line": t.provenance.line} for p in plans for t in p.plan.tasks],
        columns=["plan", "group", "task", "lead", "support", "timeframe", "line"],
    )


def _places(plans: list[_Plan]) -> dict[str, tuple[str, ...]]:
    return {p.label: tuple(x for x in (p.plan.document.place, province_of(p.plan.document.issuer)) if x)
            for p in plans}


def _without_place(body: str, places: tuple[str, ...]) -> str:
    """A body's name without its plan's own place at its end, so that each province's office of a kind meet
    (the key then also leaves out ``các``, ``của`` and the other stop words)."""
    for place in places:
        if body.casefold().endswith(" " + place.casefold()):
            body = body[: -len(place) - 1]
            unit = next((u for u in vocab.admin_units() if body.casefold().endswith(" " + u)), None)
            return body[: -len(unit) - 1] if unit else body
    return body


def _side_by_side(frame: pd.DataFrame, key: str, value: str | None, labels: list[str],
                  index_name: str | None = None) -> pd.DataFrame:
    """``key`` × plan: the ``value``s each plan gives the key (joined), or ✓ for presence."""
    if frame.empty:
        return pd.DataFrame(columns=labels, index=pd.Index([], name=index_name or key))
    if value is None:
        cells = frame.groupby([key, "plan"]).size().map(lambda _: STATED)
    else:
        cells = frame.groupby([key, "plan"])[value].agg(lambda v: ", ".join(sorted(set(map(str, v)))))
    wide = cells.unstack("plan").reindex(columns=labels).astype(object).fillna("")
    order = (wide != "").sum(axis=1).sort_values(ascending=False, kind="stable").index
    wide = wide.loc[order]
    wide.index.name = index_name or key
    wide.columns.name = "plan"
    return wide


def _counts(frame: pd.DataFrame, key: str, labels: list[str]) -> pd.DataFrame:
    """``key`` × plan: how many entries of each kind each plan has."""
    if frame.empty:
        return pd.DataFrame(columns=labels, index=pd.Index([], name=key))
    wide = frame.groupby([key, "plan"]).size().unstack("plan").reindex(columns=labels).fillna(0).astype(int)
    wide.columns.name = "plan"
    return wide
