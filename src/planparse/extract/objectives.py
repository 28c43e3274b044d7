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

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

import regex

from planparse.document import Document
from planparse.lang import vocab
from planparse.lang.quantities import lexicon, phrases, read_cell
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
from planparse.lang.numbering import BULLETS, match_label

_YEAR = r"(?<!\d)((?:19|20)\d{2})(?!\d)"
_PERIOD = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
_ANY_YEAR = re.compile(r"((?:19|20)(?<!\d..)\d{2})(?!\d)")  # _YEAR led by its digits: a search skips to them in C
_CITED = regex.compile(r"\d+(?:/\d{4})?[/-]\p{Lu}")  # a document number (10-NQ/TW, 348/QĐ-TTg)
_CLAUSE_MARK = re.compile(r"[;,]")
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d])")
_MARKS = re.compile(rf"^(?:[{re.escape(BULLETS)}]\s+|\*\*|__)+|(?:\*\*|__)")
_CLOSING = " \t.;,:"
_TRIMMED = _CLOSING + "*"  # closing punctuation and markdown emphasis
_MAX_HEADING_WORDS = 12
_NOT_PLAN_PARTS = {SectionRole.HEADER, SectionRole.SIGNATURE, SectionRole.RECIPIENTS, SectionRole.ADDRESSEES}


@dataclass(frozen=True)
class _Context:
    """What the headings above a target say about it."""

    horizon: int | None
    scope: ObjectiveScope = ObjectiveScope.SPECIFIC
    title_year: int | None = None  # the year the plan's title aims at: the horizon of a number with none nearer


@dataclass(frozen=True)
class _Unit:
    """A span of the text that states one target, and its horizon if the sentence gives one."""

    start: int
    end: int
    horizon: int | None
    prefix: str = ""  # the words it shares with the target before it (one target for two years)


def extract(doc: Document, header: DocumentInfo) -> list[Objective]:
    """The targets of the plan's objectives part, or those stated with a horizon anywhere when it has none.

    The year the title aims at (:func:`title_horizon`) applies where nothing nearer gives one.
    """
    out: list[Objective] = []
    roots = list(parts(doc.sections, {SectionRole.OBJECTIVES}))
    for root in roots:
        _visit(doc, root, _Context(None, title_year=title_horizon(header.title)), out)
    if not roots:
        skip = [(s.provenance.start, s.end) for s in parts(doc.sections, _NOT_PLAN_PARTS)]
        _stated(doc, skip, out)
    return out


def title_horizon(title: str | None) -> int | None:
    """The year a plan's title aims at: the first ``đến năm YYYY``, else the end of a period, else its only year.

    The years of a vision (``tầm nhìn đến năm 2050``) and those after a document the title cites (``thực hiện
    Nghị quyết số 10-NQ/TW … đến năm 2030``) are not the plan's.
    """
    if not title:
        return None
    title = _words().vision.split(_CITED.split(title, maxsplit=1)[0], maxsplit=1)[0]
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
    colon = text.find(":", head_start, first_end)
    if colon >= 0 and _is_heading(text[head_start:colon]) and text[colon + 1:first_end].strip():
        ctx = _heading_context(text[head_start:colon], ctx)  # Mục tiêu tổng quát: <its aim, on the heading's line>
        body = [(colon + 1, first_end), *body]
    elif doc.quantities(head, text.find(head, head_start)):  # a target, wherever it stands
        # (read at its place, as its target reads it again: the reading's items need no copy)
        body = [(head_start, first_end), *body]
    elif _is_heading(head) or (titles_a_group and _is_group_title(head, section)):
        ctx = _heading_context(head, ctx)
        if section.role is SectionRole.OBJECTIVES and _states_an_aim(doc, body, section):
            ctx = replace(ctx, scope=ObjectiveScope.GENERAL)
    elif head.endswith(":") and (body or section.children):
        ctx = replace(ctx, horizon=_horizon(head) or ctx.horizon)
    else:
        body = [(head_start, first_end), *body]
    _paragraphs(doc, body, ctx, out)
    for child in section.children:
        _visit(doc, child, ctx, out)


def _states_an_aim(doc: Document, body: list[tuple[int, int]], section: Section) -> bool:
    """An objectives part that is only prose without a number (no items, no lead-in, no table, no target)
    states one general aim."""
    return bool(body) and not section.children and not any(
        doc.quantities(doc.text[s:e], s) or doc.text[s:e].endswith(":") or doc.table_at(s) for s, e in body)


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


def _is_group_title(head: str, section: Section) -> bool:
    """A title over sub-items or a paragraph (``a) Về hạ tầng số``) groups targets; it is not one. It is short,
    or numbered over items of its own (``2.5. Đẩy mạnh chuyển đổi xanh, …`` over its targets), and no sentence."""
    numbered = section.kind is not SectionKind.BULLET and bool(section.children)
    return (numbered or len(head.split()) <= _MAX_HEADING_WORDS) and not head.endswith(".")


def _heading_context(head: str, ctx: _Context) -> _Context:
    folded = head.casefold()
    scope = ctx.scope
    if any(folded.startswith(word) for word in _words().general):
        scope = ObjectiveScope.GENERAL
    elif any(folded.startswith(word) for word in _words().specific):
        scope = ObjectiveScope.SPECIFIC
    return replace(ctx, horizon=_heading_year(head) or ctx.horizon, scope=scope)


def _heading_year(heading: str) -> int | None:
    """The year a heading or a column header names: the end of a period (``giai đoạn 2021 - 2025``), else its year."""
    m = _PERIOD.search(heading) or _ANY_YEAR.search(heading)
    return int(m.group(1)) if m else None


def _paragraphs(doc: Document, spans: list[tuple[int, int]], ctx: _Context, out: list[Objective]) -> None:
    text = doc.text
    for start, end in spans:
        if table := doc.table_at(start):
            if start == table.start:
                out.extend(_table_targets(doc, table, ctx))
            continue
        start = _skip_marks(text, start, end)
        if ctx.scope == ObjectiveScope.GENERAL:
            start, end = _trim(text, start, end)
            if start < end:
                out.append(_objective(doc, start, end, _own_horizon(text[start:end]) or ctx.horizon, ctx))
            continue
        for unit in _units(doc, start, end):
            if _leads_in(doc, unit):
                ctx = replace(ctx, horizon=unit.horizon or ctx.horizon)
            elif _states_something(text[unit.start:unit.end]):
                out.append(_objective(doc, unit.start, unit.end, unit.horizon or ctx.horizon, ctx, prefix=unit.prefix))


def _states_something(words: str) -> bool:
    """More than a word, and not a note in brackets (``(Chi tiết tại Phụ lục)``)."""
    return len(words.split()) > 1 and not (words.startswith("(") and words.endswith(")"))


_LEADS_IN = re.compile(r"\s*[:(]")


def _leads_in(doc: Document, unit: _Unit) -> bool:
    """A clause ending in ``:`` (or opening a bracket of targets) with no number of its own introduces what
    follows."""
    words = doc.text[unit.start:unit.end]
    return bool(_LEADS_IN.match(doc.text, unit.end)) and not doc.quantities(words, unit.start)


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
    horizon = _words().horizon
    for start, end in _year_lines(text):
        if any(s <= start < e for s, e in skip) or not horizon.search(text, start, end):
            continue  # a line with no horizon (the horizon of each of its units is one of its own) states none
        for unit in _units(doc, start, end):
            quantities = doc.quantities(text[unit.start:unit.end], unit.start)
            if unit.horizon and any(q.unit != "VND" for q in quantities):
                at = _own_words(text, unit.start, unit.end)
                out.append(_objective(doc, at, unit.end, unit.horizon, _Context(None),
                                      [q for q in quantities if q.start >= at], unit.prefix))


def _year_lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans (as :func:`_lines` gives them) of the lines of ``text`` that hold a year, the only ones a horizon
    stands on: found by one search of the whole text, not a horizon sought on each line."""
    stop = -1
    for m in _ANY_YEAR.finditer(text):
        if m.start() < stop:
            continue  # a later year on a line already given
        start = text.rfind("\n", 0, m.start()) + 1
        stop = text.find("\n", m.end())
        stop = len(text) if stop < 0 else stop
        yield start, start + len(text[start:stop].rstrip())


def _own_words(text: str, start: int, end: int) -> int:
    """Where a target stated inside a longer aim begins: at the clause that gives its year, when the clauses
    before it hold no figure (``Mục tiêu chung là phát triển nhanh, bền vững, phấn đấu đến năm 2025 …``)."""
    horizon = _words().horizon.search(text, start, end)
    if horizon is None or any(ch.isdigit() for ch in text[start:horizon.start()]):
        return start
    comma = text.rfind(",", start, horizon.start())
    return _trim(text, comma + 1, end)[0] if comma >= 0 else start


# --- splitting a paragraph into targets ----------------------------------------------------------------------


def _units(doc: Document, start: int, end: int) -> list[_Unit]:
    """The spans of one paragraph that each state one target.

    Sentences first; within a sentence, a lead-in ending in ``:`` (or opening a bracket that lists targets)
    gives its horizon to what follows it; then ``;`` and commas split where both sides state their own number;
    last, one target set for two years (``đạt 40% vào năm 2025 và 55% vào năm 2030``) gives one per year.
    """
    text = doc.text
    units = []
    for s_start, s_end in _sentences(text, start, end):
        horizon = _horizon(text[s_start:s_end])
        lead = _lead_in_end(doc, s_start, s_end)
        if lead is not None:
            units.append(_Unit(*_trim(text, s_start, lead), horizon))
            s_start = lead + 1
            horizon = _horizon(text[s_start:s_end]) or horizon
        for p_start, p_end in _split(doc, s_start, s_end):
            for h_start, h_end, own, prefix in _by_horizon(doc, p_start, p_end):
                h_start, h_end = _trim(text, h_start, h_end)
                if h_start < h_end:
                    units.append(_Unit(h_start, h_end, own or horizon, prefix))
    return [u for u in units if u.start < u.end]


def _lead_in_end(doc: Document, start: int, end: int) -> int | None:
    """Where a lead-in without a number of its own ends: at ``:``, or at a bracket that lists two targets or
    more (``Kế hoạch đặt ra 3 mục tiêu đến năm 2025 (100% …; 80% …)``)."""
    text = doc.text
    for mark in ":(":
        at = text.find(mark, start, end)
        if at > 0 and not doc.quantities(text[start:at], start):
            if mark == ":" or len(doc.quantities(text[at:_closing(text, at, end)], at)) > 1:
                return at
    return None


def _closing(text: str, at: int, end: int) -> int:
    """The end of the bracket opened at ``at`` (or ``end``)."""
    close = text.find(")", at, end)
    return close if close >= 0 else end


def _by_horizon(doc: Document, start: int, end: int) -> list[tuple[int, int, int | None, str]]:
    """A clause that sets one target for several years, cut into one part per year, each with its year.

    Written number first (``đạt 40% vào năm 2025 và 55% vào năm 2030``), the parts after the first take the
    clause's words before its first number (``Tỷ lệ … đạt``); written year first (``đến năm 2025 chiếm 20%,
    đến năm 2030 chiếm 30%``), each part opens with its year.
    """
    text = doc.text
    horizons = list(_words().horizon.finditer(text, start, end))
    if len(horizons) < 2:
        return [(start, end, None, "")]
    quantities = doc.quantities(text[start:end], start)
    if not quantities:
        return [(start, end, None, "")]
    year_first = horizons[0].start() < quantities[0].start
    prefix = "" if year_first else " ".join(text[start:quantities[0].start].split())
    cuts: list[int] = []
    for before, after in zip(horizons, horizons[1:]):
        joiners = list(_words().horizon_joiner.finditer(text, before.end(), after.start()))
        if year_first:  # the joiner right before the later year, a number between the two years
            joiner = next((j for j in joiners if j.end() == after.start()), None)
            numbered = joiner and any(before.end() <= q.start < joiner.start() for q in quantities)
        else:  # the first joiner after the earlier year, a number between it and the later year
            joiner = joiners[0] if joiners else None
            numbered = joiner and any(joiner.end() <= q.start < after.start() for q in quantities)
        if joiner and numbered:
            cuts.append(joiner.start())
    if not cuts:
        return [(start, end, None, "")]
    bounds = [start, *cuts, end]
    parts = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        a = _words().horizon_joiner.match(text, a).end() if k else a
        own = _horizon(text[a:b])
        parts.append((a, b, own, prefix if k else ""))
    return parts


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for m in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    return spans


def _split(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Split at ``;`` and at commas that open a clause with its own number, when the part before has one."""
    text = doc.text
    quantities = doc.quantities(text[start:end], start)
    if len(quantities) < 2:
        return [(start, end)]  # a cut needs a number on each side
    cuts = []
    last = start
    for m in _CLAUSE_MARK.finditer(text, start, end):
        at = m.start()
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


def _own_horizon(text: str) -> int | None:
    """The horizon a text sets itself, not one inside the name of a document it cites."""
    return _horizon(_CITED.split(text, maxsplit=1)[0])


def _horizon(sentence: str) -> int | None:
    m = _words().horizon.search(sentence)
    return int(m.group(1)) if m else None


def _skip_marks(text: str, start: int, end: int) -> int:
    m = _MARKS.match(text, start, end)
    return m.end() if m and m.start() == start and m.end() > start else start


def _strip_marks(head: str) -> str:
    return _MARKS.sub("", head).strip()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without closing punctuation around it, nor a closing bracket left from a list of targets."""
    while True:
        while start < end and text[start] in _TRIMMED:
            start += 1
        while end > start and text[end - 1] in _TRIMMED:
            end -= 1
        if end > start and text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end):
            end -= 1
            continue
        return start, end


# --- one target ---------------------------------------------------------------------------------------------


def _objective(doc: Document, start: int, end: int, horizon: int | None, ctx: _Context,
               quantities: list[Quantity] | None = None, prefix: str = "") -> Objective:
    """The target stated at ``text[start:end]`` (after the ``prefix`` it shares with the one before it); a
    number with no year of its own is due by the title's year, an aim without a number is not."""
    words = doc.text[start:end]
    if quantities is None:
        quantities = doc.quantities(words, start)
    return Objective(
        text=" ".join(f"{prefix} {_strip_marks(words)}".split()),
        horizon=horizon or (ctx.title_year if quantities else None),
        scope=ctx.scope,
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
    vision: re.Pattern[str]
    horizon_joiner: re.Pattern[str]


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
        vision=re.compile(phrases(_phrases("vision"), lead=True), flags),
        horizon_joiner=re.compile(rf"\s*{phrases(_phrases('horizon_joiner'), lead=True)}\s*", flags),
    )
