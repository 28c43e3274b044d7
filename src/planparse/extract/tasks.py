"""Tasks: the rows of task tables (annex, Phụ lục) and the duties written in the tasks and organisation parts.

A task table is one whose header names a task column and a lead or time column
(``Nhiệm vụ``, ``Chủ trì`` / ``Cơ quan chủ trì``, ``Thời gian thực hiện`` …; the
header words are data, ``data/table_headers.tsv``). A group row (``5`` above
``5.1`` and ``5.2``, or a row with nothing but its title) is no task; its text
becomes the ``group`` of the rows under it. In prose, each item or paragraph of
the tasks and organisation parts is a duty; a numbered heading over duties is
their group, and in the organisation part their lead (``1. Sở Nội vụ``). Lead,
support and output stay the raw cell text; turning them into bodies is the
business of the assignments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from planparse.lang import vocab
from planparse.tables import Cell, Table
from planparse.model import Provenance, Section, SectionKind, SectionRole, Task

Columns = dict[str, int]  # column name (number, task, lead, …) → index in the row
LineOf = Callable[[int], int]

DUTY_ROLES = {SectionRole.TASKS, SectionRole.ORGANISATION}
_ITEMS = {SectionKind.BULLET, SectionKind.LETTER}
_FIELDS = ("lead", "support", "output", "timeframe")


@cache
def header_words() -> tuple[tuple[str, str], ...]:
    """(header word, case-folded; the column it names), from ``data/table_headers.tsv``, in order."""
    return tuple((r["header"].casefold(), r["column"]) for r in vocab.table("table_headers"))


def columns(header: tuple[Cell, ...]) -> Columns:
    """What each header cell names: a cell equal to a header word, or else containing one; first match wins."""
    found: Columns = {}
    for index, cell in enumerate(header):
        text = " ".join(cell.text.casefold().split())
        name = next((c for w, c in header_words() if text == w), None) or next(
            (c for w, c in header_words() if w in text.split() or (" " in w and w in text)), None
        )
        if name and name not in found:
            found[name] = index
    return found


def is_task_table(cols: Columns) -> bool:
    """A table of tasks: a task column and a lead or time column."""
    return "task" in cols and ("lead" in cols or "timeframe" in cols)


def table_tasks(table: Table, line_of: LineOf) -> list[Task]:
    """One task per row of a task table; group rows give their sub-rows a group. None for other tables."""
    cols = columns(table.header)
    if not is_task_table(cols):
        return []
    tasks: list[Task] = []
    part: str | None = None  # the text of the last group row that is no numbered parent (I, II …)
    parent: tuple[str, str] | None = None  # the number and text of the last numbered parent row (5 over 5.1)
    rows = table.rows
    for k, row in enumerate(rows):
        number = row[cols["number"]].text.rstrip(".") if "number" in cols else None
        task_cell = row[cols["task"]]
        if _is_group(row, cols, number, rows[k + 1:]):
            if number and number[0].isdigit():
                parent = (number, task_cell.text)
            else:
                part, parent = task_cell.text or part, None
            continue
        under = parent is not None and bool(number) and number.startswith(parent[0] + ".")
        group = parent[1] if parent and under else part
        cells = {"text": _prov(task_cell, line_of)}
        values: dict[str, str | None] = {}
        for name in _FIELDS:
            if name in cols and row[cols[name]].text:
                values[name] = row[cols[name]].text
                cells[name] = _prov(row[cols[name]], line_of)
        start, end = row[0].start, max(cell.end for cell in row)
        tasks.append(Task(number=number or None, group=group, text=task_cell.text, source="table",
                          provenance=Provenance(start=start, end=max(start, end), line=line_of(start)),
                          cells=cells, **values))
    return tasks


def _is_group(row: tuple[Cell, ...], cols: Columns, number: str | None, later: tuple[tuple[Cell, ...], ...]) -> bool:
    """A row heading sub-rows: the next row's number is under its own (5 → 5.1), or only its title is filled."""
    if number and later and "number" in cols and later[0][cols["number"]].text.startswith(number + "."):
        return True
    return not any(row[cols[name]].text for name in _FIELDS if name in cols)


def _prov(cell: Cell, line_of: LineOf) -> Provenance:
    return Provenance(start=cell.start, end=cell.end, line=line_of(cell.start))


@dataclass(frozen=True)
class Duty:
    """A line of prose that sets work: its text (label removed), span, section and the headings above it."""

    text: str
    start: int
    end: int
    role: SectionRole | None
    headings: tuple[Section, ...]  # the numbered headings above it, outermost first


def duties(text: str, sections: list[Section], roles: set[SectionRole | None], skip: Callable[[int], bool]
           ) -> Iterator[Duty]:
    """Every item or paragraph line of the sections with one of ``roles``, except lines ``skip`` rejects.

    An item (``-``, ``a)``) is a duty; so is each line of a section's own text, and a numbered
    line with nothing under it. A numbered heading with text under it is a heading, not a duty.
    """

    def visit(section: Section, headings: tuple[Section, ...]) -> Iterator[Duty]:
        head_end = section.provenance.end
        body_end = section.children[0].provenance.start - 1 if section.children else section.end
        own = text[head_end:body_end].strip()
        inner = headings if section.kind in _ITEMS or section.kind is SectionKind.BLOCK else (*headings, section)
        if section.role in roles:
            if (section.kind in _ITEMS or not own and not section.children) and not skip(section.provenance.start):
                yield Duty(section.title, section.provenance.start, head_end, section.role, headings)
            pos = head_end
            for line in text[head_end:body_end].split("\n"):
                start = pos
                pos += len(line) + 1
                if _is_duty(line) and not skip(start):
                    yield Duty(line.strip(), start, start + len(line), section.role, inner)
        for child in section.children:
            yield from visit(child, inner)

    for section in sections:
        yield from visit(section, ())


def _is_duty(line: str) -> bool:
    """A line of text, not an aside in brackets (``(Chi tiết tại Phụ lục kèm theo)``)."""
    line = line.strip()
    return bool(line) and not (line.startswith("(") and line.rstrip(".").endswith(")"))


def duty_task(duty: Duty, line_of: LineOf) -> Task:
    """The task a duty sets: in the organisation part, led by the heading that names the body."""
    own = [h for h in duty.headings if h.role is duty.role and h.kind is not SectionKind.CAPS]
    inner = own[1:] if own and _names_role(own[0]) else own
    heading = inner[0].title if inner else None
    lead = heading if duty.role is SectionRole.ORGANISATION else None
    group = inner[-1].title if inner and duty.role is not SectionRole.ORGANISATION else None
    return Task(text=duty.text, lead=lead, group=group, source="prose",
                provenance=Provenance(start=duty.start, end=duty.end, line=line_of(duty.start)))


def _names_role(section: Section) -> bool:
    """The heading that gives a part its role (``V. TỔ CHỨC THỰC HIỆN``), not a heading inside it."""
    title = section.title.casefold()
    return any(title.startswith(keyword) for keyword, _ in vocab.section_roles())
