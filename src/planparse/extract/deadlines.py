"""Tasks and the deadlines that limit them.

Deadlines come from three places, each tied to the task it limits:

- the time column of a task table: every time its cell names, ``Thường xuyên``,
  ``Hằng năm`` and ``Khi có yêu cầu`` included;
- a time label in prose (``Thời gian thực hiện: giai đoạn 2024 - 2025``), read like a cell;
- running text outside the header, legal basis, purpose and objectives (whose years are
  horizons, not limits): a time that limits work by its lead — a day or a span of years
  with ``trước``, ``chậm nhất``, ``hoàn thành``; a quarter, month or year also with
  ``trong``, ``vào``; a repeat (``định kỳ 6 tháng``) or a stretch from an event
  (``trong vòng 30 ngày kể từ ngày ký``) as it stands.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache

from planparse.lang import times
from planparse.lang.quantities import phrases
from planparse.tables import Table
from planparse.extract.tasks import DUTY_ROLES, LineOf, duties, duty_task, header_words, table_tasks
from planparse.model import Deadline, Provenance, Section, SectionRole, Task, TimeExpression, TimeKind, parts

_NOT_WORK = {SectionRole.HEADER, SectionRole.LEGAL_BASIS, SectionRole.PURPOSE, SectionRole.OBJECTIVES,
             SectionRole.RECIPIENTS, SectionRole.ADDRESSEES, SectionRole.SIGNATURE}
_FOOTNOTE = re.compile(r"\[\d+\]")
_NEEDS_LIMIT = {TimeKind.DATE, TimeKind.ANNUAL, TimeKind.PERIOD}
_NEEDS_LEAD = {TimeKind.QUARTER, TimeKind.MONTH, TimeKind.YEAR}


def extract_tasks(text: str, sections: list[Section], line_of: LineOf, tables: list[Table], year: int | None = None
                  ) -> tuple[list[Task], list[Deadline]]:
    """The tasks of a plan (table rows first, then prose duties) and its deadlines, in text order.

    ``tables`` are the text's tables (``find_tables``). ``year`` is the plan's own year: a day written
    without one (``trước ngày 15/12``) falls in it, unless its duty repeats every year (``Hằng năm``,
    ``định kỳ``), when it is an annual day.
    """
    excluded = sorted([(s.provenance.start, s.end) for s in parts(sections, _NOT_WORK)]
                      + [(t.start, t.end) for t in tables])
    starts = [s for s, _ in excluded]

    def skip(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return (i >= 0 and offset <= excluded[i][1]) or bool(_FOOTNOTE.match(text, offset))

    tasks: list[Task] = []
    found: list[tuple[TimeExpression, int | None]] = []
    for table in tables:
        for task in table_tasks(table, line_of):
            tasks.append(task)
            if "timeframe" in task.cells:
                cell = task.cells["timeframe"]
                found += [(_with_year(t, task.timeframe or "", year), len(tasks) - 1)
                          for t in times.read_cell(text[cell.start:cell.end], cell.start)]
    labelled = _labelled_times(text, skip)
    found += [(t, None) for t in labelled]
    taken = [(t.start, t.end) for t in labelled]
    for duty in duties(text, sections, DUTY_ROLES | {None, SectionRole.BUDGET, SectionRole.ANNEX}, skip):
        limits = [_with_year(t, duty.text, year)
                  for t in times.find_times(duty.text, duty.start + _label_width(text, duty.start, duty.text))
                  if limits_work(t) and not any(s <= t.start < e for s, e in taken)]
        if duty.role not in DUTY_ROLES and not limits or _time_label().match(duty.text):
            continue
        task = duty_task(duty, line_of)
        if limits:
            task = task.model_copy(update={"timeframe": limits[0].text})
        tasks.append(task)
        found += [(t, len(tasks) - 1) for t in limits]
    found.sort(key=lambda pair: pair[0].start)
    deadlines = [Deadline(time=t, task=k, provenance=Provenance(start=t.start, end=t.end, line=line_of(t.start)))
                 for t, k in found]
    return tasks, deadlines


def limits_work(time: TimeExpression) -> bool:
    """Does a time found in running text limit work, by its kind and its lead?"""
    if time.kind in _NEEDS_LIMIT:
        return times.has_limit(time)
    if time.kind in _NEEDS_LEAD:
        return time.lead is not None
    return time.kind in {TimeKind.PERIODIC, TimeKind.DURATION}


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
    words = phrases((w for w, column in header_words() if column == "timeframe"), lead=True)
    return re.compile(rf"{words}[^:\n]{{0,30}}:\s*(?P<value>[^\n;]+)", re.IGNORECASE)


def _labelled_times(text: str, skip) -> list[TimeExpression]:
    out = []
    for m in _time_label().finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if skip(m.start()) or text[line_start:m.start()].strip(" -+•*#"):
            continue  # only a label that opens its line
        out += times.read_cell(m["value"], m.start("value"))
    return out


def facts_view(deadline: Deadline) -> dict | None:
    """The ``planparse-facts/1`` entry of a deadline; None for kinds the facts view has not (month, year …)."""
    t = deadline.time
    fields = {
        TimeKind.DATE: lambda: {"date": t.date.isoformat() if t.date else None},
        TimeKind.ANNUAL: lambda: {"month": t.month, "day": t.day},
        TimeKind.QUARTER: lambda: {"year": t.year, "quarter": t.quarter},
        TimeKind.PERIOD: lambda: {"start_year": t.start_year, "end_year": t.end_year},
        TimeKind.ONGOING: dict,
        TimeKind.ON_EVENT: dict,
    }.get(t.kind)
    if fields is None:
        return None
    return {"kind": t.kind.value, **fields(), "text": t.text}
