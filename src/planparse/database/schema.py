"""The schema of the plans database: its tables (mirroring :class:`planparse.model.Plan`), views and version.

Every row of a table holds its plan's ``plan_id`` and, where the model has one, its provenance: the source
``file``, ``page``, ``line`` and ``span_start``/``span_end`` in the plan's cleaned text.
"""

from __future__ import annotations

SCHEMA_VERSION = 2
"""Raised whenever a table or view changes; :data:`MIGRATIONS` then says how to bring an older database up."""

MIGRATIONS: dict[int, list[str]] = {
    1: [  # a repeat's interval is amount and unit (hằng tuần → 1 week), as a duration's, not every_months
        "UPDATE deadlines SET amount = CASE WHEN every_months % 12 = 0 THEN every_months // 12 ELSE every_months END, "
        "unit = CASE WHEN every_months % 12 = 0 THEN 'year' ELSE 'month' END WHERE kind = 'periodic'",
        "ALTER TABLE deadlines DROP COLUMN every_months",
    ],
}
"""For each older version, the statements that bring a database of that version to the next one."""

PROVENANCE = [("file", "VARCHAR"), ("page", "INTEGER"), ("line", "INTEGER"), ("span_start", "INTEGER"),
              ("span_end", "INTEGER")]

TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("plan_id", "INTEGER"), ("source", "VARCHAR"), ("file", "VARCHAR"), ("format", "VARCHAR"),
        ("encoding", "VARCHAR"), ("sha256", "VARCHAR"), ("added", "TIMESTAMP"), ("strategy", "VARCHAR"),
        ("province", "VARCHAR"), ("type", "VARCHAR"), ("type_code", "VARCHAR"), ("number", "VARCHAR"),
        ("date", "DATE"), ("place", "VARCHAR"), ("issuer", "VARCHAR"), ("parent_issuer", "VARCHAR"),
        ("title", "VARCHAR"), ("signer", "VARCHAR"), ("signer_position", "VARCHAR"),
    ],
    "plan_json": [("plan_id", "INTEGER"), ("plan", "VARCHAR")],
    "references": [
        ("plan_id", "INTEGER"), ("reference", "INTEGER"), ("cited_as", "VARCHAR"), ("number", "VARCHAR"),
        ("type", "VARCHAR"), ("type_code", "VARCHAR"), ("issuer_code", "VARCHAR"), ("year", "INTEGER"),
        ("date", "DATE"), ("mentions", "INTEGER"), *PROVENANCE,
    ],
    "sections": [
        ("plan_id", "INTEGER"), ("section", "INTEGER"), ("parent", "INTEGER"), ("depth", "INTEGER"),
        ("label", "VARCHAR"), ("kind", "VARCHAR"), ("title", "VARCHAR"), ("role", "VARCHAR"),
        ("section_end", "INTEGER"), *PROVENANCE,
    ],
    "objectives": [
        ("plan_id", "INTEGER"), ("objective", "INTEGER"), ("horizon", "INTEGER"), ("scope", "VARCHAR"),
        ("text", "VARCHAR"), ("subject", "VARCHAR"), ("indicator", "VARCHAR"), *PROVENANCE,
    ],
    "quantities": [
        ("plan_id", "INTEGER"), ("objective", "INTEGER"), ("quantity", "INTEGER"), ("value", "DOUBLE"),
        ("unit", "VARCHAR"), ("comparator", "VARCHAR"), ("kind", "VARCHAR"), ("direction", "VARCHAR"),
        ("range_id", "INTEGER"), ("baseline_year", "INTEGER"), ("per_year", "BOOLEAN"), ("noun", "VARCHAR"),
        ("text", "VARCHAR"), *PROVENANCE,
    ],
    "tasks": [
        ("plan_id", "INTEGER"), ("task", "INTEGER"), ("number", "VARCHAR"), ("task_group", "VARCHAR"),
        ("text", "VARCHAR"), ("lead", "VARCHAR"), ("support", "VARCHAR"), ("output", "VARCHAR"),
        ("timeframe", "VARCHAR"), ("source", "VARCHAR"), *PROVENANCE,
    ],
    "assignments": [
        ("plan_id", "INTEGER"), ("assignment", "INTEGER"), ("body", "VARCHAR"), ("body_text", "VARCHAR"),
        ("collective", "BOOLEAN"), ("successor", "VARCHAR"), ("role", "VARCHAR"), ("task", "INTEGER"),
        ("task_text", "VARCHAR"), ("deadline", "VARCHAR"), *PROVENANCE,
    ],
    "deadlines": [
        ("plan_id", "INTEGER"), ("deadline", "INTEGER"), ("task", "INTEGER"), ("kind", "VARCHAR"),
        ("text", "VARCHAR"), ("lead", "VARCHAR"), ("date", "DATE"), ("year", "INTEGER"), ("quarter", "INTEGER"),
        ("month", "INTEGER"), ("day", "INTEGER"), ("start_year", "INTEGER"), ("end_year", "INTEGER"),
        ("amount", "INTEGER"), ("unit", "VARCHAR"), ("anchor", "VARCHAR"),
        ("event", "VARCHAR"), *PROVENANCE,
    ],
    "budget_sources": [
        ("plan_id", "INTEGER"), ("budget_source", "INTEGER"), ("kind", "VARCHAR"), ("text", "VARCHAR"),
        *PROVENANCE,
    ],
    "budget_amounts": [
        ("plan_id", "INTEGER"), ("budget_amount", "INTEGER"), ("value", "DOUBLE"), ("text", "VARCHAR"),
        *PROVENANCE,
    ],
    "target_groups": [
        ("plan_id", "INTEGER"), ("objective", "INTEGER"), ("strategy", "VARCHAR"), ("indicator_group", "INTEGER"),
        ("indicator", "VARCHAR"), ("value", "DOUBLE"), ("comparator", "VARCHAR"), ("unit", "VARCHAR"),
        ("display", "VARCHAR"),
    ],
}
"""Every table and its columns; ``target_groups`` holds each target's indicator group and headline as
``planparse compare`` gives them over the plans of its strategy."""

PLAN_TABLES = [name for name in TABLES if name != "target_groups"]
"""The tables filled from one plan alone."""

VIEWS = {
    "targets": """
        SELECT d.plan_id, d.province, d.strategy, d.number, o.horizon, o.scope, g.indicator_group, g.indicator,
               g.value, g.comparator, g.unit, g.display, o.text, o.file, o.page, o.line, o.span_start, o.span_end
        FROM objectives o JOIN documents d USING (plan_id)
        LEFT JOIN target_groups g ON g.plan_id = o.plan_id AND g.objective = o.objective""",
    "leads": """
        SELECT d.plan_id, d.province, d.strategy, a.body, a.successor, a.collective, a.task_text AS task,
               a.deadline, a.file, a.page, a.line, a.span_start, a.span_end
        FROM assignments a JOIN documents d USING (plan_id) WHERE a.role = 'lead'""",
    "deadline_months": """
        SELECT d.plan_id, d.province, d.strategy, l.kind,
               coalesce(year(l.date), l.year) AS year,
               coalesce(month(l.date), l.month, l.quarter * 3) AS month,
               coalesce(day(l.date), l.day) AS day,
               l.text, t.text AS task, t.lead, l.file, l.page, l.line, l.span_start, l.span_end
        FROM deadlines l JOIN documents d USING (plan_id)
        LEFT JOIN tasks t ON t.plan_id = l.plan_id AND t.task = l.task
        WHERE coalesce(month(l.date), l.month, l.quarter) IS NOT NULL""",
}
"""The questions people ask: every target by indicator group, province and horizon; who leads what; every
deadline that falls in a month (a quarter's deadline in its last month; an annual one every year)."""


def create_statements() -> list[str]:
    """The statements that create a database of the current version."""
    tables = [f'CREATE TABLE "{name}" ({", ".join(f"{c} {t}" for c, t in columns)})'
              for name, columns in TABLES.items()]
    return ["CREATE TABLE meta (key VARCHAR, value VARCHAR)", "CREATE SEQUENCE plan_ids START 1", *tables,
            *(f"CREATE VIEW {name} AS {query.strip()}" for name, query in VIEWS.items()),
            f"INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}')"]
