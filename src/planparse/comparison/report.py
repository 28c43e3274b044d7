"""A comparison written out: a text table, CSV, JSON, or one self-contained HTML page.

The HTML page holds a table of contents and filters by horizon and province; per horizon, a table of targets by
indicator and plan, each cell coloured by how it differs from the reference, and a chart per indicator of the
plans' targets with the reference's value marked; every cell and point links to the target's sentence in a
list of sources (file and line). It needs no file or network beyond itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

import pandas as pd

from planparse.comparison.result import Comparison, Status
from planparse.comparison.tables import number as _number

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
nav ol{columns:2}
#filters{position:sticky;top:0;background:#fafafa;border:1px solid #ddd;padding:.4em .8em;z-index:1}
#filters label{margin-right:.8em;white-space:nowrap}
table.side td:first-child{min-width:18em}
.charts{display:flex;flex-wrap:wrap;gap:1em}
figure{margin:0;border:1px solid #ddd;padding:.4em;max-width:36em}
figcaption{font-size:.9em;margin-bottom:.3em}
svg .point circle{fill:#3465a4}svg .point.reference circle{fill:#c00}svg .point:hover circle{r:7}
svg .refline{stroke:#c00;stroke-dasharray:4 3}svg text{font-size:11px;fill:#333}
"""

_SCRIPT = """
const boxes = [...document.querySelectorAll('#filters input')];
function chosen(name) { return new Set(boxes.filter(b => b.name === name && b.checked).map(b => b.value)); }
function filter() {
  const horizons = chosen('horizon'), plans = chosen('plan');
  document.querySelectorAll('[data-horizon]').forEach(e => {
    e.style.display = horizons.has(e.dataset.horizon) ? '' : 'none'; });
  document.querySelectorAll('[data-plan]').forEach(e => {
    e.style.display = plans.has(e.dataset.plan) ? '' : 'none'; });
}
boxes.forEach(b => b.addEventListener('change', filter));
"""

_BUDGET_WORDS = {"state_budget": "state budget", "program_integration": "integrated into national programmes",
                 "aid": "aid and grants", "socialization": "private and community funds (xã hội hóa)",
                 "self_funded": "the bodies' own funds", "investment_capital": "investment capital",
                 "other_lawful": "other lawful sources", "allocated": "funds already allocated"}
"""The kinds of funding (:class:`planparse.model.BudgetKind`) in words."""


def to_html(cmp: Comparison) -> str:
    """One self-contained HTML page (no external files; a small inline script for the filters)."""
    statuses = _statuses(cmp)
    horizons = _horizons(cmp)
    sections = [("plans", "Plans compared")]
    sections += [(f"h-{_year(h)}", f"Targets for {_year(h) or 'no horizon'}") for h in horizons]
    sections += [("lacks", "What each plan lacks"), ("bodies", "Responsible bodies"), ("deadlines", "Deadlines"),
                 ("budget", "Budget sources"), ("tasks", "Tasks and who leads them"), ("sources", "Sources")]
    about = f" answering {cmp.strategy}" if cmp.strategy else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>planparse: comparison of {len(cmp.plans)} plans{escape(about)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Comparison of {len(cmp.plans)} plans{escape(about)}</h1>",
        "<nav><h2>Contents</h2><ol>" + "".join(f'<li><a href="#{key}">{escape(title)}</a></li>'
                                               for key, title in sections) + "</ol></nav>",
        _filters(cmp, horizons),
        '<h2 id="plans">Plans compared</h2>',
        _plans_table(cmp),
        _legend(cmp),
    ]
    for horizon in horizons:
        parts.append(f'<section data-horizon="{_year(horizon)}"><h2 id="h-{_year(horizon)}">Targets for '
                     f"{_year(horizon) or 'no horizon'}</h2>")
        parts.append(_targets_table(cmp, horizon, statuses))
        parts.append(_charts(cmp, horizon))
        parts.append("</section>")
    parts.append(_lacks(cmp))
    budget = cmp.budget_wide.rename(index=lambda kind: _BUDGET_WORDS.get(kind, kind))
    for key, title, frame, mark, note in (
            ("bodies", "Responsible bodies", cmp.bodies_wide, True,
             "Each body a plan makes responsible: <b>lead</b> (it leads a task), <b>support</b> (it supports "
             "the lead); a body's own province is left out of its name so that offices of one kind meet."),
            ("deadlines", "Deadlines", cmp.deadlines_wide, False, "How many deadlines of each kind a plan sets."),
            ("budget", "Budget sources", budget, True, "✓: the plan names this source of funding.")):
        parts.append(f'<h2 id="{key}">{title}</h2><p>{note}</p>')
        parts.append(_side_table(frame, cmp.reference if mark else None) if not frame.empty
                     else "<p><small>none found in these plans</small></p>")
    parts.append(_tasks(cmp))
    parts.append(_sources(cmp))
    parts.append(f"<script>{_SCRIPT}</script>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _year(horizon: int | None) -> str:
    return str(horizon) if horizon is not None else ""


def _filters(cmp: Comparison, horizons: list[int | None]) -> str:
    """Check boxes that show or hide horizons and plans (the script at the end of the page)."""
    years = "".join(f'<label><input type="checkbox" name="horizon" value="{_year(h)}" checked> '
                    f"{_year(h) or 'no horizon'}</label>" for h in horizons)
    plans = "".join(f'<label><input type="checkbox" name="plan" value="{escape(p)}" checked> {escape(p)}</label>'
                    for p in cmp.plans)
    return f'<form id="filters"><b>Horizon</b> {years} <b>Plan</b> {plans}</form>'


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
        rows.append(f'<tr data-horizon="{_year(horizon)}" data-group="{group}">'
                    f"<td>{escape(indicator)}</td>{''.join(tds)}</tr>")
    head = "".join(f'<th data-plan="{escape(p)}">{escape(_titled(cmp, p))}</th>' for p in cmp.plans)
    return (f'<table class="targets"><thead><tr><th>indicator</th>{head}</tr></thead><tbody>\n'
            + "\n".join(rows) + "\n</tbody></table>")


_CHART_WIDTH, _LABEL_WIDTH, _ROW_HEIGHT = 520, 130, 24


def _charts(cmp: Comparison, horizon: int | None) -> str:
    """A chart per indicator of this horizon that some plan sets a number for: each plan's value a point linked
    to its sentence, the reference's value a dashed line."""
    frame = cmp.objectives[(cmp.objectives["horizon"].isna() if horizon is None
                            else cmp.objectives["horizon"] == horizon) & cmp.objectives["value"].notna()]
    figures = [_chart(cmp, group, rows) for group, rows in frame.groupby("group", sort=False)]
    if not figures:
        return ""
    legend = ("<p><small>Each point is a plan's target (its first percentage, else its first number); a click "
              "shows its sentence. The reference's point is red, its value the dashed line.</small></p>"
              if cmp.reference else "<p><small>Each point is a plan's target; a click shows its sentence.</small></p>")
    return (f'<h3>Charts for {_year(horizon) or "no horizon"}</h3>{legend}'
            f'<div class="charts">{"".join(figures)}</div>')


def _chart(cmp: Comparison, group: int, rows: pd.DataFrame) -> str:
    """One indicator's chart: the plans' headline values in its unit (the reference's, else the most common)."""
    reference = rows[rows["plan"] == cmp.reference]
    unit = reference["unit"].iloc[0] if len(reference) else rows["unit"].mode().iloc[0]
    points = rows[rows["unit"] == unit]
    other = len(rows) - len(points)
    top = max(points["value"].max(), 1.0)
    top = 100.0 if unit == "%" and top <= 100 else top * 1.1
    order = [p for p in cmp.plans if p in set(points["plan"])]
    height = _ROW_HEIGHT * len(order) + 20

    def x(value: float) -> float:
        return _LABEL_WIDTH + (_CHART_WIDTH - _LABEL_WIDTH - 40) * value / top

    marks = []
    for n, plan in enumerate(order):
        y = _ROW_HEIGHT * n + _ROW_HEIGHT / 2
        r = points[points["plan"] == plan].iloc[0]
        cls = "point reference" if plan == cmp.reference else "point"
        marks.append(f'<text x="{_LABEL_WIDTH - 6}" y="{y + 4}" text-anchor="end" data-plan="{escape(plan)}">'
                     f"{escape(plan)}</text>"
                     f'<a href="#{r.target}" class="{cls}" data-plan="{escape(plan)}" data-target="{r.target}">'
                     f'<circle cx="{x(r.value):.1f}" cy="{y}" r="5"><title>{escape(plan)}: {escape(r.display)} — '
                     f"{escape(r.text)}</title></circle>"
                     f'<text x="{x(r.value) + 8:.1f}" y="{y + 4}">{escape(r.display)}</text></a>')
    base = height - 16
    marks.append(f'<line x1="{x(0):.1f}" x2="{x(top):.1f}" y1="{base}" y2="{base}" stroke="#999"/>')
    marks += [f'<text x="{x(tick):.1f}" y="{height - 3}" text-anchor="middle">{_number(tick)}</text>'
              for tick in (0.0, top / 2, top)]
    if len(reference) and reference["unit"].iloc[0] == unit:
        at = x(reference["value"].iloc[0])
        marks.append(f'<line class="refline" x1="{at:.1f}" x2="{at:.1f}" y1="0" y2="{base}"/>')
    axis = _UNIT_WORDS.get(unit, unit)
    note = f" ({other} in another unit not drawn)" if other else ""
    indicator = rows["indicator"].iloc[0]
    return (f'<figure data-group="{group}"><figcaption>{escape(_short(indicator))} <small>· {escape(axis)}'
            f"{note}</small></figcaption>"
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_CHART_WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(indicator)}">{"".join(marks)}</svg></figure>')


_UNIT_WORDS = {"%": "per cent", "count": "number", "level": "level", "VND": "đồng"}


def _lacks(cmp: Comparison) -> str:
    parts = ['<h2 id="lacks">What each plan lacks</h2>']
    if cmp.lacks.empty:
        return parts[0] + "<p><small>every plan sets every target of the others</small></p>"
    for plan, frame in cmp.lacks.groupby("plan", sort=False):
        items = "".join(f"<li>{escape(str(r.horizon) if not pd.isna(r.horizon) else 'no horizon')}: "
                        f"{escape(r.indicator)} <small>(set by {escape(r.held_by)})</small></li>"
                        for r in frame.itertuples())
        parts.append(f'<details data-plan="{escape(plan)}"><summary>{escape(plan)}: {len(frame)} targets '
                     f"another plan sets and it does not</summary><ul>{items}</ul></details>")
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
            tds.append(f'<td class="cell {cls}" data-plan="{escape(str(plan))}">{escape(str(value))}</td>')
        rows.append(f"<tr><td>{escape(str(key))}</td>{''.join(tds)}</tr>")
    head = "".join(f'<th data-plan="{escape(str(p))}">{escape(str(p))}</th>' for p in frame.columns)
    return (f'<table class="side"><thead><tr><th>{escape(str(frame.index.name or ""))}</th>{head}</tr></thead>'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody></table>")


def _tasks(cmp: Comparison) -> str:
    parts = ['<h2 id="tasks">Tasks and who leads them</h2>']
    if cmp.tasks.empty:
        return parts[0] + "<p><small>none found in these plans</small></p>"
    for plan, frame in cmp.tasks.groupby("plan", sort=False):
        rows = [f"<tr><td>{_cell(r.group)}</td><td>{_cell(r.task)}</td><td>{_cell(r.lead)}</td>"
                f"<td>{_cell(r.support)}</td><td>{_cell(r.timeframe)}</td><td>{r.line}</td></tr>"
                for r in frame.itertuples()]
        table = _table(["group", "task", "lead", "support", "time", "line"], rows)
        led = int(frame["lead"].notna().sum())
        parts.append(f'<details data-plan="{escape(plan)}"><summary>{escape(plan)}: {len(frame)} tasks, {led} '
                     f"with a lead</summary>{table}</details>")
    return "\n".join(parts)


def _cell(value: object) -> str:
    return "" if value is None or pd.isna(value) else escape(str(value))


def _sources(cmp: Comparison) -> str:
    parts = ['<h2 id="sources">Sources</h2><p>Every target as the plan writes it, with the line of the file it '
             "is on.</p>"]
    for plan, frame in cmp.objectives.groupby("plan", sort=False):
        file = frame["file"].iloc[0] or ""
        items = "".join(
            f'<li id="{r.target}"><b>{r.horizon if not pd.isna(r.horizon) else "—"}</b> · '
            f"<small>{escape(file)}, line {r.line}</small><br><q>{escape(r.text)}</q></li>"
            for r in frame.itertuples())
        parts.append(f'<div data-plan="{escape(plan)}"><h3>{escape(plan)}</h3><ol>{items}</ol></div>')
    return "\n".join(parts)
