"""A comparison written out: a text table, CSV, JSON, or one self-contained HTML page.

The HTML page holds, per horizon, a table of targets by indicator and plan, each cell coloured by how it
differs from the reference and linked to the target's sentence in a list of sources (file and line).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

import pandas as pd

from planparse.comparison.result import Comparison, Status

FORMATS = ("table", "csv", "json", "html")
_WIDTH = 70


def render(cmp: Comparison, fmt: str) -> str:
    """The comparison in one of :data:`FORMATS`."""
    writers: dict[str, Callable[[Comparison], str]] = {
        "table": to_table, "csv": to_csv, "json": to_json, "html": to_html}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](cmp)


def to_csv(cmp: Comparison) -> str:
    """The tidy table of targets, one row per target."""
    return cmp.objectives.to_csv(index=False)


def to_json(cmp: Comparison) -> str:
    """Every table of the comparison, tidy, as JSON records."""
    def records(frame: pd.DataFrame) -> list[dict]:
        return json.loads(frame.to_json(orient="records", force_ascii=False))

    data = {
        "plans": [{"plan": label, "file": file} for label, file in zip(cmp.plans, cmp.files)],
        "reference": cmp.reference,
        "objectives": records(cmp.objectives),
        "differences": records(cmp.differences),
        "lacks": records(cmp.lacks),
        "assignments": records(cmp.bodies),
        "tasks": records(cmp.tasks),
        "deadlines": records(cmp.deadlines),
        "budget_sources": records(cmp.budget),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_table(cmp: Comparison) -> str:
    """Plain-text tables for a terminal: targets per horizon, differences, and the other parts side by side."""
    out = []
    for horizon in _horizons(cmp):
        view = cmp.horizon(horizon).reset_index()
        view["indicator"] = view["indicator"].map(_short)
        out.append(f"== targets for {horizon or 'no horizon'} ==\n{view.to_string(index=False)}\n")
    if not cmp.differences.empty:
        changed = cmp.differences[cmp.differences["status"] != Status.SAME.value].copy()
        changed["indicator"] = changed["indicator"].map(_short)
        columns = ["plan", "horizon", "indicator", "reference", "value", "status"]
        out.append(f"== differences from {cmp.reference} ==\n{changed[columns].to_string(index=False)}\n")
    for title, frame in (("responsible bodies", cmp.bodies_wide), ("deadlines", cmp.deadlines_wide),
                         ("budget sources", cmp.budget_wide)):
        if not frame.empty:
            out.append(f"== {title} ==\n{frame.to_string()}\n")
    return "\n".join(out)


def _horizons(cmp: Comparison) -> list[int | None]:
    years = cmp.wide.index.get_level_values("horizon")
    return [int(y) for y in sorted(set(years.dropna()))] + ([None] if years.isna().any() else [])


def _short(text: str) -> str:
    return text if len(text) <= _WIDTH else text[:_WIDTH - 1] + "…"


# --- HTML -----------------------------------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td.cell{text-align:center;white-space:nowrap}
td.cell a{color:inherit;text-decoration:none;border-bottom:1px dotted #888}
.reference{background:#eef3fb}.same{background:#fff}.higher{background:#d8f0d8}.lower{background:#f8d8d8}
.differs{background:#fcefc7}.missing{background:#e6e6e6;color:#777}.extra{background:#dde8fb}.lacking{color:#999}
.legend span{display:inline-block;padding:.1em .6em;margin-right:.4em;border:1px solid #ccc}
li:target{background:#fff7c0}
small{color:#666}
"""


def to_html(cmp: Comparison) -> str:
    """One self-contained HTML page (no scripts, no external files) a person can open and read."""
    statuses = _statuses(cmp)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>planparse: comparison of {len(cmp.plans)} plans</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Comparison of {len(cmp.plans)} plans</h1>",
        _plans_table(cmp),
        _legend(cmp),
    ]
    for horizon in _horizons(cmp):
        parts.append(f"<h2>Targets for {escape(str(horizon)) if horizon else 'no horizon'}</h2>")
        parts.append(_targets_table(cmp, horizon, statuses))
    parts.append(_lacks(cmp))
    for title, frame, mark in (("Responsible bodies", cmp.bodies_wide, True), ("Deadlines", cmp.deadlines_wide, False),
                               ("Budget sources", cmp.budget_wide, True)):
        parts.append(f"<h2>{title}</h2>")
        parts.append(_side_table(frame, cmp.reference if mark else None) if not frame.empty
                     else "<p><small>none found in these plans</small></p>")
    parts.append(_tasks(cmp))
    parts.append(_sources(cmp))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _statuses(cmp: Comparison) -> dict[tuple, str]:
    return {(row.plan, _key(row.horizon), row.group): row.status for row in cmp.differences.itertuples()}


def _key(horizon: object) -> int | None:
    return None if pd.isna(horizon) else int(horizon)


def _table(head: list[str], rows: list[str], cls: str = "") -> str:
    """An HTML table: ``head`` the column titles (plain text), ``rows`` the ``<tr>`` elements."""
    titles = "".join(f"<th>{escape(title)}</th>" for title in head)
    attribute = f' class="{cls}"' if cls else ""
    return "\n".join([f"<table{attribute}><thead><tr>{titles}</tr></thead><tbody>", *rows, "</tbody></table>"])


def _titled(cmp: Comparison, plan: str) -> str:
    return f"{plan} (reference)" if plan == cmp.reference else plan


def _plans_table(cmp: Comparison) -> str:
    first = cmp.objectives.drop_duplicates("plan").set_index("plan")
    counts = cmp.objectives["plan"].value_counts()
    rows = []
    for label, file in zip(cmp.plans, cmp.files):
        issuer = first["issuer"].get(label) if label in first.index else None
        rows.append(f"<tr><td>{escape(_titled(cmp, label))}</td><td>{escape(issuer or '')}</td>"
                    f"<td>{escape(file or '')}</td><td>{int(counts.get(label, 0))}</td></tr>")
    return _table(["plan", "issuer", "file", "targets"], rows)


def _legend(cmp: Comparison) -> str:
    if cmp.reference is None:
        return ("<p>Targets in one row measure the same thing. Every cell links to the sentence it was read "
                "from; ✓ is a target stated without a number, — a target the plan does not set.</p>")
    spans = "".join(f'<span class="{s.value}">{s.value}</span>' for s in Status)
    return (f"<p>Compared with <b>{escape(cmp.reference)}</b>. Every cell links to the sentence it was read "
            f"from; ✓ is a target stated without a number, — a target the plan does not set.</p>"
            f'<p class="legend"><span class="reference">reference</span>{spans}</p>')


def _targets_table(cmp: Comparison, horizon: int | None, statuses: dict[tuple, str]) -> str:
    frame = cmp.objectives[cmp.objectives["horizon"].isna() if horizon is None
                           else cmp.objectives["horizon"] == horizon]
    cells = {(row.group, row.plan): row for row in frame.itertuples()}
    rows = []
    for group, indicator in cmp.horizon(horizon).index:
        tds = []
        for plan in cmp.plans:
            row = cells.get((group, plan))
            cls = "reference" if plan == cmp.reference else statuses.get((plan, horizon, group), "lacking")
            if row is None:
                tds.append(f'<td class="cell {cls}" data-plan="{escape(plan)}">—</td>')
                continue
            where = f"{row.text} — {row.file or plan}, line {row.line}"
            tds.append(f'<td class="cell {cls}" data-plan="{escape(plan)}"><a href="#{row.target}" '
                       f'title="{escape(where)}">{escape(row.display)}</a></td>')
        rows.append(f'<tr data-horizon="{horizon or ""}" data-group="{group}"><td>{group}</td>'
                    f"<td>{escape(indicator)}</td>{''.join(tds)}</tr>")
    return _table(["#", "indicator", *(_titled(cmp, p) for p in cmp.plans)], rows, "targets")


def _lacks(cmp: Comparison) -> str:
    parts = ["<h2>What each plan lacks</h2>"]
    if cmp.lacks.empty:
        return parts[0] + "<p><small>every plan sets every target of the others</small></p>"
    for plan, frame in cmp.lacks.groupby("plan", sort=False):
        items = "".join(f"<li>{escape(str(r.horizon) if not pd.isna(r.horizon) else 'no horizon')}: "
                        f"{escape(r.indicator)} <small>(set by {escape(r.held_by)})</small></li>"
                        for r in frame.itertuples())
        parts.append(f"<details><summary>{escape(plan)} lacks {len(frame)}</summary><ul>{items}</ul></details>")
    return "\n".join(parts)


def _side_table(frame: pd.DataFrame, reference: str | None) -> str:
    """A wide table of plans side by side; with a reference, cells that differ from it are marked."""
    rows = []
    for key, row in frame.iterrows():
        tds = []
        for plan, value in row.items():
            cls = ""
            if reference and plan != reference:
                ref = str(row[reference])
                cls = ("missing" if ref and not value else "extra" if value and not ref
                       else "differs" if str(value) != ref else "")
            tds.append(f'<td class="cell {cls}">{escape(str(value))}</td>')
        rows.append(f"<tr><td>{escape(str(key))}</td>{''.join(tds)}</tr>")
    return _table([str(frame.index.name or ""), *map(str, frame.columns)], rows)


def _tasks(cmp: Comparison) -> str:
    parts = ["<h2>Tasks and who leads them</h2>"]
    if cmp.tasks.empty:
        return parts[0] + "<p><small>none found in these plans</small></p>"
    for plan, frame in cmp.tasks.groupby("plan", sort=False):
        rows = [f"<tr><td>{_cell(r.group)}</td><td>{_cell(r.task)}</td><td>{_cell(r.lead)}</td>"
                f"<td>{_cell(r.support)}</td><td>{_cell(r.timeframe)}</td><td>{r.line}</td></tr>"
                for r in frame.itertuples()]
        table = _table(["group", "task", "lead", "support", "time", "line"], rows)
        led = int(frame["lead"].notna().sum())
        parts.append(f"<details><summary>{escape(plan)}: {len(frame)} tasks, {led} with a lead</summary>"
                     f"{table}</details>")
    return "\n".join(parts)


def _cell(value: object) -> str:
    return "" if value is None or pd.isna(value) else escape(str(value))


def _sources(cmp: Comparison) -> str:
    parts = ["<h2>Sources</h2><p>Every target as the plan writes it, with the line of the file it is on.</p>"]
    for plan, frame in cmp.objectives.groupby("plan", sort=False):
        file = frame["file"].iloc[0] or ""
        items = "".join(
            f'<li id="{r.target}"><b>{r.horizon if not pd.isna(r.horizon) else "—"}</b> · row {r.group} · '
            f"<small>{escape(file)}, line {r.line}</small><br><q>{escape(r.text)}</q></li>"
            for r in frame.itertuples())
        parts.append(f"<h3>{escape(plan)}</h3><ol>{items}</ol>")
    return "\n".join(parts)
