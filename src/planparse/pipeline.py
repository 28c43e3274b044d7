"""The pipeline: read → clean → outline → extract → Plan."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from planparse.clean import clean
from planparse.errors import EmptyDocumentError, FileMissingError, InputError, NotAPlanError, PlanparseError
from planparse.extract.assignments import extract_assignments
from planparse.extract.budget import extract_allocations, extract_amounts, extract_budget
from planparse.extract.deadlines import extract_tasks
from planparse.extract.header import extract_document
from planparse.extract.objectives import extract_objectives, outside_quantities, title_horizon
from planparse.extract.references import extract_references
from planparse.extract.tables import find_tables
from planparse.model import Plan, SourceInfo
from planparse.outline import build_outline
from planparse.read import Limits, Source, read

# the letters with Vietnamese marks, in either case: a text without any is not a Vietnamese document
_VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)


def parse(text: str, source: SourceInfo | None = None) -> Plan:
    """Parse the text of a plan into a :class:`Plan`.

    Raises :class:`EmptyDocumentError` for a text with nothing in it and
    :class:`NotAPlanError` for one that is not Vietnamese.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the text as str, not {type(text).__name__}; use parse_file() for files")
    source = source or SourceInfo(format="text")
    if not text.strip():
        raise EmptyDocumentError("the document is empty")
    cleaned = clean(text)
    if not cleaned.text.strip():
        raise EmptyDocumentError("the document holds only blank or invisible characters")
    if not _VIETNAMESE.search(cleaned.text):
        raise NotAPlanError("no Vietnamese text found; this does not look like a Vietnamese plan")
    sections = build_outline(cleaned)
    document = extract_document(cleaned.text, sections, cleaned.line_of)
    references = extract_references(cleaned.text, document.number, cleaned.line_of)
    tables = find_tables(cleaned.text)
    objectives = extract_objectives(cleaned.text, sections, cleaned.line_of, tables, title_horizon(document.title))
    budget = extract_budget(cleaned.text, sections, references, cleaned.line_of)
    year = document.date.year if document.date else None
    tasks, deadlines = extract_tasks(cleaned.text, sections, cleaned.line_of, tables, year)
    assignments = extract_assignments(cleaned.text, sections, document, cleaned.line_of, tasks, deadlines)
    return Plan(source=source, text=cleaned.text, document=document, references=references, sections=sections,
                objectives=objectives, quantities=outside_quantities(cleaned.text, sections, objectives),
                budget_sources=budget, budget_amounts=extract_amounts(cleaned.text, sections, cleaned.line_of),
                budget_allocations=extract_allocations(sections, references), tasks=tasks, deadlines=deadlines,
                assignments=assignments)


def parse_file(path: str | Path, limits: Limits = Limits()) -> Plan:
    """Read and parse a plan document within ``limits``; every error names the file."""
    src = read(path, limits)
    try:
        plan = parse(src.text, src.info)
    except PlanparseError as exc:
        raise exc.with_path(path) from None
    return with_pages(plan, src) if src.pages else plan


def with_pages(plan: Plan, src: Source) -> Plan:
    """The plan with every provenance given the page of its source line."""

    def fill(node: object) -> None:
        if isinstance(node, dict):
            if "line" in node and "page" in node:
                node["page"] = src.page_of(node["line"])
            for value in node.values():
                fill(value)
        elif isinstance(node, list):
            for value in node:
                fill(value)

    data = plan.model_dump()
    fill(data)
    return Plan.model_validate(data)


def load_plan(path: str | Path) -> Plan:
    """A plan saved as JSON by ``planparse parse`` or ``planparse batch``, without parsing it again."""
    try:
        return Plan.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise FileMissingError(f"cannot read the file: {exc.strerror}").with_path(path) from None
    except ValidationError as exc:
        raise InputError(f"not the JSON of a parsed plan ({exc.errors()[0]['msg']})").with_path(path) from None
