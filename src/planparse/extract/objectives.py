"""Objectives: every target a plan sets, with its horizon year and the numbers it commits to.

Targets live in the objectives part (*Mục tiêu*). Its headings give the horizon
(``Mục tiêu đến năm 2025``, ``a) Đến năm 2030``) and the scope (``Mục tiêu chung``,
``Mục tiêu cụ thể``); a line ending in ``:`` leads in what follows and may give a
horizon too. Under them each bullet, numbered item or sentence is a target; a
bullet holding several targets — joined by ``;`` or listed after commas, each
with its own number — gives one each. A general objective written as a paragraph
stays whole. A table of targets gives one per row and year column, its text the
indicator cell. A text with no objectives part yields the targets it states with a
horizon (``… đặt mục tiêu đến năm 2025: 100% …; từ 75% đến 85% …``).

The words of this grammar are data (``data/objective_words.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex as re

from planparse.document import Document
from planparse.lang import vocab
from planparse.lang.quantities import extract_quantities, lexicon, phrases, read_cell
from planparse.tables import Cell, Table
from planparse.model import (
    DocumentInfo,
    Objective,
    ObjectiveScope,
    Quantity,
    Section,
    SectionKind,
    SectionRole,
    parts,
)
from planparse.lang.numbering import match_label

_YEAR = r"(?<!\d)((?:19|20)\d{2})(?!\d)"
_PERIOD = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
_ANY_YEAR = re.compile(_YEAR)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d])")
_MARKS = re.compile(r"^(?:[-+•*·–●○▪■♦➢✓]\s+|\*\*|__)+|(?:\*\*|__)")
_CLOSING = " \t.;,:"
_TRIMMED = _CLOSING + "*"  # closing punctuation and markdown emphasis
_MAX_HEADING_WORDS = 12
_NOT_PLAN_PARTS = {SectionRole.HEADER, SectionRole.SIGNATURE, SectionRole.RECIPIENTS, SectionRole.ADDRESSEES}


@dataclass(frozen=True)
class _Context:
    """What the headings above a target say about it."""

    horizon: int | None
    scope: ObjectiveScope = ObjectiveScope.SPECIFIC


@dataclass(frozen=True)
class _Unit:
    """A span of the text that states one target, and its horizon if the sentence gives one."""

    start: int
    end: int
    horizon: int | None


def extract(doc: Document, header: DocumentInfo) -> list[Objective]:
    """The targets of the plan's objectives part, or those stated with a horizon anywhere when it has none.

    The year the title aims at (:func:`title_horizon`) applies where nothing nearer gives one.
    """
    out: list[Objective] = []
    roots = list(parts(doc.sections, {SectionRole.OBJECTIVES}))
    for root in roots:
        _visit(doc, root, _Context(title_horizon(header.title)), out)
    if not roots:
        skip = [(s.provenance.start, s.end) for s in parts(doc.sections, _NOT_PLAN_PARTS)]
        _stated(doc, skip, out)
    return out


def title_horizon(title: str | None) -> int | None:
    """The year a plan's title aims at: the first ``đến năm YYYY``, else the end of a period, else its only year."""
    if not title:
        return None
    if horizon := _horizon(title):
        return horizon
    if m := _PERIOD.search(title):
        return int(m.group(1))
    years = {int(y) for y in _ANY_YEAR.findall(title)}
    return years.pop() if len(years) == 1 else None


# --- the objectives part --------------------------------------------------------------------------------------


def _visit(doc: Document, section: Section, ctx: _Context, out: list[Objective]) -> None:
    text = doc.text
    lines = _lines(text, section.provenance.start, section.own_end)
    if not lines:
        return
    first_start, first_end = lines[0]
    label = match_label(text[first_start:first_end])
    head_start = first_start + (label.rest_start if label else 0)
    head = _strip_marks(text[head_start:first_end])
    body = lines[1:]
    titles_a_group = section.children or (body and section.kind != SectionKind.BULLET)
    if extract_quantities(head):  # a target, wherever it stands
        body = [(head_start, first_end), *body]
    elif _is_heading(head) or (titles_a_group and _is_group_title(head)):
        ctx = _heading_context(head, ctx)
    elif head.endswith(":") and (body or section.children):
        ctx = replace(ctx, horizon=_horizon(head) or ctx.horizon)
    else:
        body = [(head_start, first_end), *body]
    _paragraphs(doc, body, ctx, out)
    for child in section.children:
        _visit(doc, child, ctx, out)


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of the non-blank lines of ``text[start:stop]``, trailing spaces left out."""
    spans, at = [], start
    for line in text[start:stop].split("\n"):
        if line.strip():
            spans.append((at, at + len(line.rstrip())))
        at += len(line) + 1
    return spans


def _is_heading(head: str) -> bool:
    """A short line opening with a heading word (``Mục tiêu …``, ``Đến năm 2030``); the caller saw no number in it."""
    folded = head.casefold()
    return len(head.split()) <= _MAX_HEADING_WORDS and any(folded.startswith(word) for word in _words().heading)


def _is_group_title(head: str) -> bool:
    """A short title over sub-items or a paragraph (``a) Về hạ tầng số``) groups targets; it is not one."""
    return len(head.split()) <= _MAX_HEADING_WORDS and not head.endswith(".")


def _heading_context(head: str, ctx: _Context) -> _Context:
    folded = head.casefold()
    scope = ctx.scope
    if any(folded.startswith(word) for word in _words().general):
        scope = ObjectiveScope.GENERAL
    elif any(folded.startswith(word) for word in _words().specific):
        scope = ObjectiveScope.SPECIFIC
    return _Context(_heading_year(head) or ctx.horizon, scope)


def _heading_year(heading: str) -> int | None:
    """The year a heading or a column header names: the end of a period (``giai đoạn 2021 - 2025``), else its year."""
    m = _PERIOD.search(heading) or _ANY_YEAR.search(heading)
    return int(m.group(1)) if m else None


def _paragraphs(doc: Document, spans: list[tuple[int, int]], ctx: _Context, out: list[Objective]) -> None:
    text = doc.text
    for start, end in spans:
        if table := next((t for t in doc.tables if t.start <= start < t.end), None):
            if start == table.start:
                out.extend(_table_targets(doc, table, ctx))
            continue
        start = _skip_marks(text, start, end)
        if ctx.scope == ObjectiveScope.GENERAL:
            start, end = _trim(text, start, end)
            if start < end:
                out.append(_objective(doc, start, end, _horizon(text[start:end]) or ctx.horizon, ctx.scope))
            continue
        for unit in _units(text, start, end):
            if _leads_in(text, unit):
                ctx = replace(ctx, horizon=unit.horizon or ctx.horizon)
            elif _states_something(text[unit.start:unit.end]):
                out.append(_objective(doc, unit.start, unit.end, unit.horizon or ctx.horizon, ctx.scope))


def _states_something(words: str) -> bool:
    """More than a word, and not a note in brackets (``(Chi tiết tại Phụ lục)``)."""
    return len(words.split()) > 1 and not (words.startswith("(") and words.endswith(")"))


def _leads_in(text: str, unit: _Unit) -> bool:
    """A clause ending in ``:`` with no number of its own introduces what follows."""
    tail = text[unit.end:unit.end + 1]
    return tail == ":" and not extract_quantities(text[unit.start:unit.end])


# --- a table of targets ----------------------------------------------------------------------------------------


def _table_targets(doc: Document, table: Table, ctx: _Context) -> list[Objective]:
    """One target per row and year column, its text the indicator cell, its number read with the unit column."""
    indicator, unit, years = _target_columns(table.header)
    if indicator is None or not years:
        return []
    out = []
    for row in table.rows:
        name = row[indicator]
        if not name.text:
            continue
        unit_text = row[unit].text if unit is not None else ""
        for column, year in years.items():
            cell = row[column]
            quantities = read_cell(doc.text[cell.start:cell.end], unit_text, cell.start)
            if quantities:
                out.append(Objective(
                    text=name.text, horizon=year, scope=ctx.scope, quantities=quantities,
                    subject=_subject(name.text, [], 0), indicator=name.text,
                    provenance=doc.locate(name.start, row[-1].end),
                ))
    return out


def _target_columns(header: tuple[Cell, ...]) -> tuple[int | None, int | None, dict[int, int]]:
    """The indicator column, the unit column and the target-year columns (column → year) of a table's header.

    A year column that states what was done (``Thực hiện năm 2023``) is not a target; the indicator column is
    the one its header names, else the one with the longest header.
    """
    words = _words()
    folded = [cell.text.casefold() for cell in header]
    years = {}
    for i, cell in enumerate(header):
        if not any(folded[i].startswith(w) for w in words.baseline_column) and (year := _heading_year(cell.text)):
            years[i] = year
    unit = next((i for i, h in enumerate(folded) if h in words.unit_column), None)
    named = [i for i, h in enumerate(folded) if i not in years and h in words.indicator_column]
    rest = [i for i in range(len(header)) if i not in years and i != unit and not _ANY_YEAR.search(folded[i])]
    indicator = named[0] if named else max(rest, key=lambda i: len(folded[i]), default=None)
    return indicator, unit, years


# --- a text with no objectives part --------------------------------------------------------------------------


def _stated(doc: Document, skip: list[tuple[int, int]], out: list[Objective]) -> None:
    """Targets stated with a horizon anywhere outside the ``skip`` spans, when the plan has no objectives part."""
    text = doc.text
    for start, end in _lines(text, 0, len(text)):
        if any(s <= start < e for s, e in skip):
            continue
        for unit in _units(text, start, end):
            quantities = extract_quantities(text[unit.start:unit.end], unit.start)
            if unit.horizon and any(q.unit != "VND" for q in quantities):
                out.append(_objective(doc, unit.start, unit.end, unit.horizon, ObjectiveScope.SPECIFIC,
                                      quantities))


# --- splitting a paragraph into targets ----------------------------------------------------------------------


def _units(text: str, start: int, end: int) -> list[_Unit]:
    """The spans of one paragraph that each state one target.

    Sentences first; within a sentence, a lead-in ending in ``:`` gives its horizon to what follows it;
    then ``;`` and commas split where both sides state their own number.
    """
    units = []
    for s_start, s_end in _sentences(text, start, end):
        horizon = _horizon(text[s_start:s_end])
        colon = text.find(":", s_start, s_end)
        if colon > 0 and not extract_quantities(text[s_start:colon]):
            units.append(_Unit(*_trim(text, s_start, colon), horizon))
            s_start = colon + 1
            horizon = _horizon(text[s_start:s_end]) or horizon
        for p_start, p_end in _split(text, s_start, s_end):
            p_start, p_end = _trim(text, p_start, p_end)
            if p_start < p_end:
                units.append(_Unit(p_start, p_end, horizon))
    return [u for u in units if u.start < u.end]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for m in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    return spans


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at ``;`` and at commas that open a clause with its own number, when the part before has one."""
    quantities = extract_quantities(text[start:end], start)
    cuts = []
    last = start
    for m in re.finditer(r"[;,]", text[start:end]):
        at = start + m.start()
        before = any(last <= q.start < at for q in quantities)
        nxt = min((i for i in (text.find(";", at + 1, end), text.find(",", at + 1, end)) if i >= 0), default=end)
        after = [q for q in quantities if at < q.start < (end if m.group() == ";" else nxt)]
        if not (before and after):
            continue
        clause = text[at + 1:end].lstrip()
        opens = at + 1 + (len(text[at + 1:end]) - len(clause))
        if m.group() == ";" or after[0].start == opens or _words().split_opener.match(clause):
            cuts.append(at)
            last = at + 1
    bounds = [start, *[c + 1 for c in cuts]]
    stops = [*cuts, end]
    return list(zip(bounds, stops))


def _horizon(sentence: str) -> int | None:
    m = _words().horizon.search(sentence)
    return int(m.group(1)) if m else None


def _skip_marks(text: str, start: int, end: int) -> int:
    m = _MARKS.match(text, start, end)
    return m.end() if m and m.start() == start and m.end() > start else start


def _strip_marks(head: str) -> str:
    return _MARKS.sub("", head).strip()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIMMED:
        start += 1
    while end > start and text[end - 1] in _TRIMMED:
        end -= 1
    return start, end


# --- one target ---------------------------------------------------------------------------------------------


def _objective(doc: Document, start: int, end: int, horizon: int | None, scope: ObjectiveScope,
               quantities: list[Quantity] | None = None) -> Objective:
    words = doc.text[start:end]
    if quantities is None:
        quantities = extract_quantities(words, start)
    return Objective(
        text=" ".join(_strip_marks(words).split()),
        horizon=horizon,
        scope=scope,
        quantities=quantities,
        subject=_subject(words, quantities, start),
        indicator=_indicator(words, quantities, start),
        provenance=doc.locate(start, end),
    )


def _indicator(words: str, quantities: list[Quantity], offset: int) -> str | None:
    """The target without its numbers, its horizon lead-in and the linking words left dangling."""
    kept, at = [], 0
    for start, end in _number_spans(quantities, offset):
        kept.append(words[at:start])
        at = end
    kept.append(words[at:])
    indicator = " ".join(" ".join(kept).split())
    indicator = _words().lead_in.sub("", indicator, count=1)
    indicator = _words().dangling.sub("", indicator).strip(_CLOSING)
    return indicator or None


def _number_spans(quantities: list[Quantity], offset: int) -> list[tuple[int, int]]:
    """The spans (relative to ``offset``) that hold the numbers: a range as one, a count without its noun."""
    spans: list[tuple[int, int]] = []
    for q in quantities:
        end = q.end
        if q.noun and q.text.casefold().endswith(q.noun.casefold()):
            end -= len(q.noun)
        if spans and q.range_id is not None and q.range_id == spans[-1][0] + offset:
            spans[-1] = (spans[-1][0], end - offset)
        else:
            spans.append((q.start - offset, end - offset))
    return spans


def _subject(words: str, quantities: list[Quantity], offset: int) -> str | None:
    """What the target counts: the words after its opening number, or after ``Tỷ lệ``, or a count's noun,
    up to the predicate."""
    lead = _words().lead_in.match(words)
    opening = lead.end() if lead else 0
    opening += len(words[opening:]) - len(words[opening:].lstrip())
    spans = _number_spans(quantities, offset)
    subject = None
    if spans and spans[0][0] == opening:
        subject = _until_predicate(words[spans[0][1]:])
    elif m := _words().subject_opener.match(words, opening):
        subject = _until_predicate(words[m.end():])
        if any(m.end() <= q.start - offset < m.end() + len(subject) for q in quantities):
            subject = None  # Số hóa 100% …: a verb, not "the number of"
    if subject is None and (counts := [q for q in quantities if q.noun]):
        first = counts[0]
        end = max(q.end for q in quantities if q is first or (q.range_id is not None and q.range_id == first.range_id))
        subject = first.noun + _until_predicate(words[end - offset:])
    return " ".join(subject.split()).strip(_CLOSING) or None if subject else None


def _until_predicate(words: str) -> str:
    """The words before the predicate; with none, those before the first comma or bracket (a bare indicator)."""
    m = _words().predicate.search(words) or re.search(r"[,;(]|$", words)
    return words[:m.start()]


# --- the words ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    horizon: re.Pattern[str]
    lead_in: re.Pattern[str]
    heading: tuple[str, ...]
    general: tuple[str, ...]
    specific: tuple[str, ...]
    split_opener: re.Pattern[str]
    predicate: re.Pattern[str]
    subject_opener: re.Pattern[str]
    dangling: re.Pattern[str]
    indicator_column: frozenset[str]
    unit_column: frozenset[str]
    baseline_column: tuple[str, ...]


def _phrases(*categories: str) -> tuple[str, ...]:
    return tuple(row["phrase"] for row in vocab.table("objective_words") if row["category"] in categories)


@cache
def _words() -> _Words:
    flags = re.IGNORECASE
    horizon = phrases(_phrases("horizon_lead"), lead=True)
    return _Words(
        horizon=re.compile(rf"{horizon}\s+{_YEAR}", flags),
        lead_in=re.compile(rf"^\W*(?:[^\W\d]+\s+){{0,3}}?{horizon}\s+{_YEAR}\s*[,:]?\s*", flags),
        heading=tuple(p.casefold() for p in _phrases("heading", "general", "specific")),
        general=tuple(p.casefold() for p in _phrases("general")),
        specific=tuple(p.casefold() for p in _phrases("specific")),
        split_opener=re.compile(phrases(_phrases("split_opener")), flags),
        predicate=re.compile(phrases(_phrases("predicate"), lead=True), flags),
        subject_opener=re.compile(rf"{phrases(_phrases('subject_opener'))}\s+(?!\d)", flags),
        dangling=re.compile(rf"{phrases(lexicon()['linker'], lead=True)}(?=\s*(?:[,;.]|$))", flags),
        indicator_column=frozenset(p.casefold() for p in _phrases("indicator_column")),
        unit_column=frozenset(p.casefold() for p in _phrases("unit_column")),
        baseline_column=tuple(p.casefold() for p in _phrases("baseline_column")),
    )
