"""Tasks and the deadlines that limit them.

Tasks are the rows of task tables (annex, Phụ lục) and the duties written in the
tasks and organisation parts. A task table is one whose header names a task
column and a lead or time column (``Nhiệm vụ``, ``Chủ trì`` / ``Cơ quan chủ trì``,
``Thời gian thực hiện`` …; the header words are data, ``data/table_headers.tsv``).
A group row (``5`` above ``5.1`` and ``5.2``, or a row with nothing but its title)
is no task; its text becomes the ``group`` of the rows under it. In prose, each
item or paragraph of the tasks and organisation parts is a duty; a numbered
heading over duties is their group, and in the organisation part their lead
(``1. Sở Nội vụ``). Lead, support and output stay the raw cell text; turning them
into bodies is the business of the assignments.

Deadlines come from three places, each tied to the task it limits:

- the time column of a task table: every time its cell names, ``Thường xuyên``,
  ``Hằng năm`` and ``Khi có yêu cầu`` included;
- a time label in prose (``Thời gian thực hiện: giai đoạn 2024 - 2025``), read like a cell;
- running text outside the header, legal basis, purpose and objectives (whose years are
  horizons, not limits): a time that limits work by its lead — a day or a span of years
  with ``trước``, ``chậm nhất``, ``hoàn thành``; a quarter, month or year also with
  ``trong``, ``vào`` (but a year ``vào năm 2030`` is the horizon of an aim, no limit); a
  repeat (``định kỳ 6 tháng``) or a stretch from an event (``trong vòng 30 ngày kể từ
  ngày ký``) as it stands.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import NamedTuple

from planparse.document import Document
from planparse.lang import times, vocab
from planparse.lang.quantities import phrases
from planparse.lang.scan import any_of, find, lines_holding, starts
from planparse.model import (
    Deadline,
    DocumentInfo,
    Provenance,
    Section,
    SectionKind,
    SectionRole,
    Task,
    TimeExpression,
    TimeKind,
    parts,
)
from planparse.tables import Cell, Table

Columns = dict[str, int]  # column name (number, task, lead, …) → index in the row
Locate = Callable[[int, int], Provenance]

DUTY_ROLES = {SectionRole.TASKS, SectionRole.ORGANISATION}
_TASK = Task.__pydantic_validator__  # a task validated from its fields' dict (no __init__ keyword arguments)
_ITEMS = {SectionKind.BULLET, SectionKind.LETTER}
_HEADING_WORDS = 10  # the most words of a heading ended with a full stop
_CELL_WORDS = 8  # the most words of a time cell a line holds alone (Từ tháng 3 đến tháng 9/2026)
_FIELDS = ("lead", "support", "output", "timeframe")
_NOT_WORK = {SectionRole.HEADER, SectionRole.LEGAL_BASIS, SectionRole.PURPOSE, SectionRole.OBJECTIVES,
             SectionRole.RECIPIENTS, SectionRole.ADDRESSEES, SectionRole.SIGNATURE}
_FOOTNOTE = re.compile(r"\[\d+\]")
_NEEDS_LIMIT = {TimeKind.DATE, TimeKind.ANNUAL, TimeKind.PERIOD}
_NEEDS_LEAD = {TimeKind.QUARTER, TimeKind.MONTH, TimeKind.YEAR}


def extract(doc: Document, header: DocumentInfo) -> tuple[list[Task], list[Deadline]]:
    """The tasks of a plan (table rows first, then prose duties) and its deadlines, in text order.

    A day written without its year (``trước ngày 15/12``) falls in the plan's own year (its date's),
    unless its duty repeats every year (``Hằng năm``, ``định kỳ``), when it is an annual day.
    """
    text, sections, tables = doc.text, doc.sections, doc.tables
    year = header.date.year if header.date else None
    excluded = sorted([(s.provenance.start, s.end) for s in parts(sections, _NOT_WORK)]
                      + [(t.start, t.end) for t in tables])
    starts = [s for s, _ in excluded]

    def skip(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return (i >= 0 and offset <= excluded[i][1]) or bool(_FOOTNOTE.match(text, offset))

    tasks: list[Task] = []
    found: list[tuple[TimeExpression, int | None]] = []
    for table in tables:
        for task in table_tasks(table, doc.locate):
            tasks.append(task)
            if "timeframe" in task.cells:
                cell = task.cells["timeframe"]
                found += [(_with_year(t, task.timeframe or "", year), len(tasks) - 1)
                          for t in times.read_cell(text[cell.start:cell.end], cell.start)]
    labelled = _labelled_times(text, skip) + _flattened_time_cells(text, skip)
    found += [(t, None) for t in labelled]
    taken = [(t.start, t.end) for t in labelled]
    for duty in duties(text, sections, DUTY_ROLES | {None, SectionRole.BUDGET, SectionRole.ANNEX}, skip):
        at = duty.start + _label_width(text, duty.start, duty.text)
        limits = [_with_year(t, duty.text, year) for t in doc.times(duty.text, at)
                  if limits_work(t, _clause_before(duty.text, t.start - at))
                  and not any(s <= t.start < e for s, e in taken)]
        limits = _without_bare_repeat(limits)
        if duty.role not in DUTY_ROLES and not limits or _time_label().match(duty.text):
            continue
        task = duty_task(duty, doc.locate)
        if limits:
            task = task.model_copy(update={"timeframe": limits[0].text})
        tasks.append(task)
        found += [(t, len(tasks) - 1) for t in limits]
    found.sort(key=lambda pair: pair[0].start)
    deadlines = [Deadline(time=t, task=k, provenance=doc.locate(t.start, t.end)) for t, k in found]
    return tasks, deadlines


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


def table_tasks(table: Table, locate: Locate) -> list[Task]:
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
        cells = {"text": locate(task_cell.start, task_cell.end)}
        values: dict[str, str | None] = {}
        for name in _FIELDS:
            if name in cols and row[cols[name]].text:
                values[name] = row[cols[name]].text
                cells[name] = locate(row[cols[name]].start, row[cols[name]].end)
        start, end = row[0].start, max(cell.end for cell in row)
        tasks.append(_TASK.validate_python({"number": number or None, "group": group, "text": task_cell.text,
                                            "source": "table", "provenance": locate(start, max(start, end)),
                                            "cells": cells, **values}))
    return tasks


def _is_group(row: tuple[Cell, ...], cols: Columns, number: str | None, later: tuple[tuple[Cell, ...], ...]) -> bool:
    """A row heading sub-rows: the next row's number is under its own (5 → 5.1), or only its title is filled."""
    if number and later and "number" in cols and later[0][cols["number"]].text.startswith(number + "."):
        return True
    return not any(row[cols[name]].text for name in _FIELDS if name in cols)


class Duty(NamedTuple):
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
    line with nothing under it or that is a sentence. A numbered heading with text under it is a heading, not a
    duty.
    """

    stack: list[tuple[Section, tuple[Section, ...]]] = [(section, ()) for section in reversed(sections)]
    while stack:  # the sections in text order, each before its children, with the headings above it
        section, headings = stack.pop()
        children = section.children
        inner = headings if section.kind in _ITEMS or section.kind is SectionKind.BLOCK else (*headings, section)
        if section.role in roles:
            head_end = section.provenance.end
            body = text[head_end:children[0].provenance.start - 1 if children else section.end]
            whole = section.kind in _ITEMS or not children and not body.strip() or _is_sentence(section.title)
            if whole and not skip(section.provenance.start):
                yield Duty(section.title, section.provenance.start, head_end, section.role, headings)
            pos = head_end
            for line in body.split("\n"):
                start = pos
                pos += len(line) + 1
                if _is_duty(line) and not skip(start):
                    yield Duty(line.strip(), start, start + len(line), section.role, inner)
        if children:
            stack += [(child, inner) for child in reversed(children)]


def _is_sentence(title: str) -> bool:
    """A numbered line that is a sentence (``2. Giao Sở Tài chính … trước ngày 05/10/2026.``) sets work itself,
    whatever follows it: it ends with a full stop, and is longer than a heading that a writer ended with one
    (``3. Quản lý tài chính của Hiệp hội.``)."""
    return title.endswith(".") and len(title.split()) > _HEADING_WORDS


def _is_duty(line: str) -> bool:
    """A line of text, not an aside in brackets (``(Chi tiết tại Phụ lục kèm theo)``)."""
    line = line.strip()
    return bool(line) and not (line.startswith("(") and line.rstrip(".").endswith(")"))


def duty_task(duty: Duty, locate: Locate) -> Task:
    """The task a duty sets: in the organisation part, led by the heading that names the body."""
    own = [h for h in duty.headings if h.role is duty.role and h.kind is not SectionKind.CAPS]
    inner = own[1:] if own and names_role(own[0]) else own
    heading = inner[0].title if inner else None
    lead = heading if duty.role is SectionRole.ORGANISATION else None
    group = inner[-1].title if inner and duty.role is not SectionRole.ORGANISATION else None
    return _TASK.validate_python({"text": duty.text, "lead": lead, "group": group, "source": "prose",
                                  "provenance": locate(duty.start, duty.end)})


def names_role(section: Section) -> bool:
    """The heading that gives a part its role (``V. TỔ CHỨC THỰC HIỆN``), not a heading inside it."""
    return section.title.casefold().startswith(_role_keywords())


@cache
def _role_keywords() -> tuple[str, ...]:
    return tuple(keyword for keyword, _ in vocab.section_roles())


# --- deadlines ---------------------------------------------------------------------------------------------


def limits_work(time: TimeExpression, clause: str = "") -> bool:
    """Does a time found in running text limit work, by its kind and its lead and its ``clause`` (the words before
    it)? The horizon of an aim is none: a time after a goal its clause names (``hướng tới mục tiêu … trước năm
    2050``), or a year an aim is reached in, unless its clause says the work is done by it (``Hoàn thành … vào năm``)."""
    if times.names_goal(clause):
        return False
    if time.kind in _NEEDS_LIMIT:
        return times.has_limit(time)
    if time.kind in _NEEDS_LEAD:
        return time.lead is not None and not (times.sets_horizon(time) and not times.limits(clause))
    if time.kind is TimeKind.PERIODIC:
        return times.is_set_repeat(time)
    return time.kind in {TimeKind.DURATION, TimeKind.ON_EVENT}  # within 30 days of …; at once upon …


def _clause_before(text: str, at: int) -> str:
    """The words of the clause that ends at ``at`` (since the last ``;`` or ``.``)."""
    return text[max(text.rfind(";", 0, at), text.rfind(".", 0, at)) + 1:at]


def _without_bare_repeat(limits: list[TimeExpression]) -> list[TimeExpression]:
    """A yearly repeat that a day of the year pins down is that day's limit, not one more
    (``định kỳ hằng năm báo cáo … trước ngày 25 tháng 12`` is one annual limit)."""
    if not any(t.kind is TimeKind.ANNUAL and t.day for t in limits):
        return limits
    return [t for t in limits if not times.is_yearly(t)]


def _with_year(time: TimeExpression, duty: str, year: int | None) -> TimeExpression:
    """A day without its year: an annual day in a yearly duty, else a date in the plan's year."""
    if time.kind is not TimeKind.DATE or time.date is not None or time.month is None or time.day is None:
        return time
    if times.repeats(duty):
        return time.model_copy(update={"kind": TimeKind.ANNUAL})
    if year is None:
        return time
    try:
        return time.model_copy(update={"date": dt.date(year, time.month, time.day), "month": None, "day": None})
    except ValueError:  # 29/02 in a year without it
        return time


def _label_width(text: str, start: int, duty_text: str) -> int:
    """Where a duty's text begins after its line's start (its label skipped)."""
    at = text.find(duty_text, start)
    return at - start if at >= 0 else 0


@cache
def _time_label() -> re.Pattern[str]:
    """A time label opening a line or sentence: ``Thời gian thực hiện:`` — the header words of a time column."""
    return re.compile(rf"{_time_words()}[^:\n]{{0,30}}:\s*(?P<value>[^\n;]+)", re.IGNORECASE)


@cache
def _time_words() -> str:
    """The header words of a time column (``Thời gian``, ``Thời hạn``, ``Tiến độ``), as a pattern."""
    return phrases(_time_header_words(), lead=True)


def _time_header_words() -> list[str]:
    return [w for w, column in header_words() if column == "timeframe"]


@cache
def _time_opens() -> re.Pattern[str]:
    """Where a time column's header word may open (:func:`~planparse.lang.scan.starts`)."""
    return starts(_time_header_words())


@cache
def _time_header() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line that is nothing but a time column's header (``Thời hạn thực hiện (*)``): words, no value — read at
    the text's start, and sought after a line break (a search led by one character skips to it in C)."""
    line = rf"(?P<line>{_time_words()}[^\d:\n]{{0,30}})$"
    flags = re.IGNORECASE | re.MULTILINE
    return re.compile(line, flags), re.compile(rf"\n{line}", flags)


def _time_header_line(text: str) -> re.Match[str] | None:
    """The first line of ``text`` that is a time column's header (the match's ``line`` group)."""
    first, after_break = _time_header()
    return first.match(text) or after_break.search(text)


def _flattened_time_cells(text: str, skip) -> list[TimeExpression]:
    """The time column of a task table that a text dump wrote a cell a line, its columns one after another
    (pdftotext): after a line that is the column's header alone, each line that is a time value and nothing else
    (``2026 - 2030``, ``Trước ngày 15/10/2026``) is a row's limit (FACTS: a time column's every value)."""
    header = _time_header_line(text)
    if not header or skip(header.start("line")):
        return []
    out: list[TimeExpression] = []
    pos = header.end() + 1
    for line in text[pos:].split("\n"):
        value = line.strip()
        if value and len(value.split()) <= _CELL_WORDS and not skip(pos):
            at = pos + line.index(value)
            cells = times.read_cell(value, at)
            if cells and cells[0].start == at and cells[-1].end == at + len(value):
                out += cells
        pos += len(line) + 1
    return out


def _labelled_times(text: str, skip) -> list[TimeExpression]:
    out = []
    for m in _labels(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if skip(m.start()) or text[line_start:m.start()].strip(" -+•*#"):
            continue  # only a label that opens its line
        out += times.read_cell(m["value"], m.start("value"))
    return out


def _labels(text: str) -> Iterator[re.Match[str]]:
    """The time labels of ``text``, as a search of the whole text finds them. A label's words end on the line of its
    colon: only the lines holding one are searched (found at C speed), unless a line opens with a later word of a
    label's words (``Thời`` ⏎ ``gian thực hiện:``), when the whole text is."""
    label, opens = _time_label(), _time_opens()
    if _broken_label().search(text):
        yield from find(label, opens, text)
        return
    pos = 0
    for start, end in lines_holding(text, ":"):
        at = opens.search(text, max(start, pos), end)
        while at is not None:
            m = label.match(text, at.start())
            if m is None:
                at = opens.search(text, at.start() + 1, end)
            else:
                yield m
                pos = m.end()  # a label's value may run on to the next line
                at = opens.search(text, pos, end)


@cache
def _broken_label() -> re.Pattern[str]:
    """A line that opens with a word of a time label's words but their first."""
    return re.compile(r"\n\s*" + any_of(word for words in _time_header_words() for word in words.split()[1:]))
