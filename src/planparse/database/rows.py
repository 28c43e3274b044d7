"""A plan as the rows of the database's tables (:data:`planparse.database.schema.TABLES`)."""

from __future__ import annotations

from typing import Any

from planparse.comparison.strategy import strategy_of
from planparse.lang.bodies import province_of
from planparse.model import Plan, Provenance, Reference, Section

Row = dict[str, Any]


def plan_rows(plan: Plan, plan_id: int) -> dict[str, list[Row]]:
    """The rows of every plan table for ``plan`` (all but ``documents`` and ``plan_json``, which need more)."""
    file = plan.source.path

    def at(provenance: Provenance | None) -> Row:
        if provenance is None:
            return {"file": file, "page": None, "line": None, "span_start": None, "span_end": None}
        return {"file": file, "page": provenance.page, "line": provenance.line, "span_start": provenance.start,
                "span_end": provenance.end}

    def reference(n: int, ref: Reference, cited_as: str) -> Row:
        return {"plan_id": plan_id, "reference": n, "cited_as": cited_as, "number": ref.number, "type": ref.type,
                "type_code": ref.type_code, "issuer_code": ref.issuer_code, "year": ref.year, "date": ref.date,
                "mentions": len(ref.mentions) or 1, **at(ref.provenance)}

    references = [reference(n, r, "reference") for n, r in enumerate(plan.references)]
    references += [reference(len(references) + n, r, "allocation") for n, r in enumerate(plan.budget_allocations)]
    quantities = [{"plan_id": plan_id, "objective": k, "quantity": n, **q.model_dump(exclude={"start", "end"}),
                   **at(o.provenance), "span_start": q.start, "span_end": q.end}
                  for k, o in enumerate(plan.objectives) for n, q in enumerate(o.quantities)]
    quantities += [{"plan_id": plan_id, "objective": None, "quantity": n, **q.model_dump(exclude={"start", "end"}),
                    **at(None), "span_start": q.start, "span_end": q.end} for n, q in enumerate(plan.quantities)]
    task_at = {t.provenance.start: n for n, t in enumerate(plan.tasks)}
    return {
        "references": references,
        "sections": _sections(plan.sections, plan_id, at),
        "objectives": [{"plan_id": plan_id, "objective": n, "horizon": o.horizon, "scope": o.scope.value,
                        "text": o.text, "subject": o.subject, "indicator": o.indicator, **at(o.provenance)}
                       for n, o in enumerate(plan.objectives)],
        "quantities": quantities,
        "tasks": [{"plan_id": plan_id, "task": n, "number": t.number, "task_group": t.group, "text": t.text,
                   "lead": t.lead, "support": t.support, "output": t.output, "timeframe": t.timeframe,
                   "source": t.source, **at(t.provenance)} for n, t in enumerate(plan.tasks)],
        "assignments": [{"plan_id": plan_id, "assignment": n, "body": a.body.name, "body_text": a.body.text,
                         "collective": a.body.collective, "successor": a.body.successor, "role": a.role.value,
                         "task": task_at.get(a.task_provenance.start) if a.task_provenance else None,
                         "task_text": a.task, "deadline": a.deadline, **at(a.body.provenance)}
                        for n, a in enumerate(plan.assignments)],
        "deadlines": [{"plan_id": plan_id, "deadline": n, "task": d.task,
                       **d.time.model_dump(exclude={"start", "end"}), **at(d.provenance)}
                      for n, d in enumerate(plan.deadlines)],
        "budget_sources": [{"plan_id": plan_id, "budget_source": n, "kind": s.kind.value, "text": s.text,
                            **at(s.provenance)} for n, s in enumerate(plan.budget_sources)],
        "budget_amounts": [{"plan_id": plan_id, "budget_amount": n, "value": a.value, "text": a.text,
                            **at(a.provenance)} for n, a in enumerate(plan.budget_amounts)],
    }


def document_row(plan: Plan, plan_id: int, source: str, sha256: str) -> Row:
    """The ``documents`` row of ``plan``: its header, where it came from, and the strategy it answers."""
    doc = plan.document
    return {"plan_id": plan_id, "source": source, "file": plan.source.path, "format": plan.source.format,
            "encoding": plan.source.encoding, "sha256": sha256, "strategy": strategy_of(plan),
            "province": province_of(doc.issuer, doc.place),
            **doc.model_dump(include={"type", "type_code", "number", "date", "place", "issuer", "parent_issuer",
                                      "title", "signer", "signer_position"})}


def _sections(sections: list[Section], plan_id: int, at) -> list[Row]:
    """The outline depth first, each section with the index of its parent and its depth."""
    rows: list[Row] = []

    def walk(items: list[Section], parent: int | None, depth: int) -> None:
        for s in items:
            n = len(rows)
            rows.append({"plan_id": plan_id, "section": n, "parent": parent, "depth": depth, "label": s.label,
                         "kind": s.kind.value, "title": s.title, "role": s.role.value if s.role else None,
                         "section_end": s.end, **at(s.provenance)})
            walk(s.children, n, depth + 1)

    walk(sections, None, 0)
    return rows
