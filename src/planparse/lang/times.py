"""The time grammar: the phrases that set a time on work, read into typed :class:`TimeExpression` objects.

Kinds: a ``date`` (``ngày 30 tháng 6 năm 2024``, ``15/12/2023``; ``ngày 15/12`` has its
``month`` and ``day`` and no ``date``, its year left unsaid), an ``annual`` day
(``ngày 15 tháng 12 hằng năm``; a bare ``Hằng năm``), a ``quarter`` (``quý III/2023``),
a ``month`` (``tháng 6/2024``), a ``year`` (``năm 2024``), a ``period`` of years
(``2023-2025``, ``giai đoạn 2021 - 2025``), a ``periodic`` time (``định kỳ 6 tháng``;
``trước ngày 05 hằng tháng`` with its day), a ``duration`` from an event (``trong vòng 30 ngày
kể từ ngày ký``), ``ongoing`` work (``Thường xuyên``) and work bound to an event (``Khi có yêu
cầu``, ``Theo kế hoạch của tỉnh``). The words are data
(``data/time_words.tsv``); the words before a time that limit work (``trước``,
``chậm nhất trong``) are read as its ``lead``.

:func:`find_times` reads running text, where a time counts only with a number in it;
:func:`read_cell` reads a time column's cell (or the value of a ``Thời gian thực hiện:``
label), where ``Thường xuyên``, ``Hằng năm`` and ``Khi có yêu cầu`` count too, and bare months
and years (``10-11/2019``, ``2027``); a span or list of periods in a cell is one time, its end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from planparse.lang import vocab
from planparse.lang.quantities import openings, phrases, roman_value
from planparse.lang.scan import find, holds_digit, starts
from planparse.model import TimeExpression, TimeKind

_S = r"[^\S\n]+"  # spaces within a line
_HS = r"[^\S\n]*"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_QUARTER = r"(?:(?-i:IV|I{1,3})|[1-4])"
_EDGE_BEFORE = r"(?<![\w/.-])"
_EDGE_AFTER = r"(?![\w]|[/.-]\d)"
_CLAUSE = r"[^\n;,.()]*[^\s;,.()]"  # the rest of a clause, up to its punctuation
# what a time that opens with a digit passes, read after that digit: its day, month, year or count (four digits
# at most) ends at a space, or at a mark of a date or span with a number after it (15/12, 2021 - 2025); never at
# a letter, comma or % (50%), nor at a code's slash (số 09/KH-UBND)
_NUMBER_OPENING = r"(?=\d{0,3}(?:[^\S\n]|[/.\-–][^\S\n]*\d))"
_EVENT = r"(?:[^\n;,.()]|\([^()\n]*\))*[^\s;,.()]"  # an event's clause, over its parentheses: Luật … (sửa đổi) ban hành


def lexicon() -> dict[str, dict[str, str]]:
    """Category → {word: value}, from ``data/time_words.tsv``."""
    return vocab.grouped("time_words")


@dataclass(frozen=True)
class _Named:
    """A pattern whose forms share group names (every form has its ``m``, its ``y``), compiled for ``re``, which
    wants each name once: a shared name is numbered where it repeats (``m``, ``m__2`` …). :meth:`read` gives a
    match whose group of a shared name is the last of its numbered groups that took part (a list's last month)."""

    pattern: re.Pattern[str]
    names: dict[str, tuple[str, ...]]  # a name as the forms write it → its numbered names, in order

    @classmethod
    def compile(cls, pattern: str, flags: int = re.IGNORECASE) -> _Named:
        names: dict[str, list[str]] = {}

        def number(m: re.Match[str]) -> str:
            numbered = names.setdefault(m[1], [])
            numbered.append(f"{m[1]}__{len(numbered) + 1}" if numbered else m[1])
            return f"(?P<{numbered[-1]}>"

        return cls(re.compile(_GROUP_NAME.sub(number, pattern), flags), {k: tuple(v) for k, v in names.items()})

    def read(self, m: re.Match[str]) -> _Read:
        return _Read(m, self.names)


class _Read:
    """A match of a :class:`_Named` pattern, its groups read by the names its forms write."""

    def __init__(self, m: re.Match[str], names: dict[str, tuple[str, ...]]) -> None:
        self.match, self._names = m, names

    def __getitem__(self, name: str) -> str | None:
        return self.match.group(self.group(name))

    @property
    def form(self) -> str:
        """The form that matched, by the name of its group: the group that closed last, around all the others."""
        return self.match.lastgroup.partition("__")[0]

    def group(self, name: str) -> str:
        """The numbered group of ``name`` that took part in the match (its first when none did)."""
        numbered = self._names[name]
        return next((n for n in reversed(numbered) if self.match.start(n) >= 0), numbered[0])


_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")


@cache
def _grammar() -> _Named:
    """The grammar compiled from the data, once: an optional lead, then one form of time."""
    lex = lexicon()
    w = {category: phrases(words, lead=True) for category, words in lex.items()}
    day, month, year, quarter = w["day"], w["month"], w["year"], w["quarter"]
    sep = rf"{_HS}[/.-]{_HS}"
    forms = [
        # ngày 15 tháng 12 hằng năm · ngày 15/12 hằng năm
        rf"(?P<annual>(?:{day}{_S})?(?P<d>{_DAY})(?:{_S}{month}{_S}|{_HS}/{_HS})(?P<m>{_MONTH}){_S}{w['yearly']})",
        # ngày 30 tháng 6 năm 2024 · 15/12/2023 · ngày 15-12-2023
        rf"(?P<date>{day}{_S}(?P<d>{_DAY}){_S}{month}{_S}(?P<m>{_MONTH}){_S}{year}{_S}(?P<y>{_YEAR})"
        rf"|(?:{day}{_S})?{_EDGE_BEFORE}(?P<d>{_DAY})(?P<s>[/.-])(?P<m>{_MONTH})(?P=s)(?P<y>{_YEAR}){_EDGE_AFTER})",
        # ngày 05 hằng tháng: a day of every month (or quarter)
        rf"(?P<recurring>(?:{day}{_S})?(?P<d>{_DAY}){_S}(?P<f>{w['frequency']}))",
        # ngày 15/12, ngày 15 tháng 12: a day of a year left unsaid
        rf"(?P<daymonth>{day}{_S}(?P<d>{_DAY})(?:{_S}{month}{_S}|{_HS}/{_HS})(?P<m>{_MONTH})"
        rf"(?!{_HS}[/.-]{_HS}\d|{_S}{year}{_S}\d|\w))",
        # tháng 6 hằng năm
        rf"(?P<annual>{month}{_S}(?P<m>{_MONTH}){_S}{w['yearly']})",
        # quý III/2023 · Quý IV năm 2024 · quý 2 · Quý III, IV/2026 (a list: its last quarter)
        rf"(?P<quarter>{quarter}{_S}(?P<q>{_QUARTER})(?:{_HS}[,–-]{_HS}(?P<q>{_QUARTER}))*"
        rf"(?:{sep}(?P<y>{_YEAR})|{_S}{year}{_S}(?P<y>{_YEAR}))?{_EDGE_AFTER})",
        # tháng 6/2024 · tháng 6 năm 2024 · từ tháng 3 đến tháng 9/2026 · tháng 10, 11/2019 (a list: its last month)
        rf"(?P<month>(?:{w['range_from']}{_S})?{month}{_S}(?P<m>{_MONTH})"
        rf"(?:(?:{_HS}[,–-]{_HS}|{_S}{w['range_to']}{_S}(?:{month}{_S})?)(?P<m>{_MONTH}))*"
        rf"(?:{sep}|{_S}{year}{_S})(?P<y>{_YEAR}){_EDGE_AFTER})",
        # giai đoạn 2021 - 2025 · 2023-2025 · từ năm 2023 đến năm 2025
        rf"(?P<period>(?:{w['period']}{_S})?(?:{w['range_from']}{_S})?(?:{year}{_S})?{_EDGE_BEFORE}(?P<y1>{_YEAR})"
        rf"(?:{_HS}[-–]{_HS}|{_S}{w['range_to']}{_S}(?:{year}{_S})?)(?P<y2>{_YEAR}){_EDGE_AFTER})",
        # Năm 2022 và hằng năm · năm 2025 và các năm tiếp theo: a span with no end
        rf"(?P<onward>{year}{_S}(?P<y>{_YEAR}){_HS}(?:,{_HS}|{_S})(?:{w['span_joiner']}{_S})?{w['onward']})",
        # từ năm 2026 · đến năm 2030: a span open at one end
        rf"(?P<open>(?:(?P<from>{w['range_from']})|{w['range_to']}){_S}{year}{_S}(?P<y>{_YEAR}){_EDGE_AFTER})",
        # năm 2024
        rf"(?P<year>{year}{_S}(?P<y>{_YEAR}){_EDGE_AFTER})",
        # định kỳ 6 tháng · định kỳ hằng quý · hằng tháng · 6 tháng/lần
        rf"(?P<periodic>(?:{w['periodic']}{_S})?(?P<f>{w['frequency']})|{w['periodic']}{_S}(?P<f>{w['yearly']})"
        rf"|{w['periodic']}{_S}(?P<n>\d{{1,2}}){_S}(?P<u>{w['duration_unit']})"
        rf"|(?P<n>\d{{1,2}}){_S}(?P<u>{w['duration_unit']})(?:{_HS}/{_HS}lần|{_S}một{_S}lần))",
        # ngay sau khi các văn bản được ban hành: work due at once upon an event
        rf"(?P<upon>{w['upon']}{_S}(?P<event>{_EVENT}))",
        # trong vòng 30 ngày kể từ ngày ký · 15 ngày làm việc kể từ ngày nhận
        rf"(?P<duration>(?:(?P<dl>{w['duration_lead']}){_S})?(?P<n>\d{{1,3}}){_S}(?P<u>{w['duration_unit']})"
        rf"(?:{_S}(?P<anchor>{w['anchor']}{_S}{_CLAUSE}))?)",
    ]
    lead_word = rf"(?:{w['limit']}|{w['within']})"
    lead = rf"(?:(?P<lead>{lead_word}(?:{_S}(?:{w['linker']}{_S})?{lead_word})*){_S}(?:{w['linker']}{_S})?)?"
    # a time opens with a digit or a word (on a word's edge, as phrases() writes it): a match is tried only there,
    # a quick test before the grammar
    firsts = {word[0] for words in lex.values() for word in words}
    edged = openings(word for words in lex.values() for word in words if word[0].isalnum())
    marks = "".join(f"|{re.escape(ch)}" for ch in sorted(firsts) if not ch.isalnum())
    first = rf"(?=\d|(?<!\w){edged}{marks})"
    return _Named.compile(first + lead + "(?:" + "|".join(forms) + ")")


@cache
def _hint() -> re.Pattern[str]:
    """A word that every time of the grammar without a digit holds: a quarter, periodic, frequency or upon word."""
    lex = lexicon()
    return re.compile(phrases([*lex["quarter"], *lex["periodic"], *lex["frequency"], *lex["upon"]]), re.IGNORECASE)


@cache
def _cell_grammar() -> re.Pattern[str]:
    """The forms that count only as a whole time column: Hằng năm, Thường xuyên, Khi có yêu cầu …"""
    w = {category: phrases(words, lead=True) for category, words in lexicon().items()}
    return re.compile(
        rf"(?P<yearly>{w['yearly']})(?!{_HS}\w)|(?P<ongoing>{w['ongoing']})(?!{_HS}\w)"
        rf"|(?P<event>{w['event']}(?:{_S}{_CLAUSE})?)",
        re.IGNORECASE,
    )


@cache
def _limit() -> re.Pattern[str]:
    return re.compile(phrases(lexicon()["limit"], lead=True), re.IGNORECASE)


def has_limit(time: TimeExpression) -> bool:
    """Does the time's lead limit work (``trước``, ``chậm nhất``, ``hoàn thành``), not only place it (``trong``)?"""
    return bool(time.lead and limits(time.lead))


def limits(words: str) -> bool:
    """Do the words hold a word that limits work (``trước``, ``hoàn thành``)?"""
    return bool(_limit().search(words))


@cache
def _horizon() -> re.Pattern[str]:
    return re.compile(phrases(lexicon()["horizon"], lead=True), re.IGNORECASE)


def sets_horizon(time: TimeExpression) -> bool:
    """Is the time a bare year that an aim is reached in (``… trở thành khu du lịch xanh vào năm 2030``), its lead
    a horizon word alone?"""
    return time.kind is TimeKind.YEAR and bool(time.lead and _horizon().fullmatch(time.lead))


@cache
def _repeat() -> re.Pattern[str]:
    lex = lexicon()
    return re.compile(phrases([*lex["yearly"], *lex["periodic"]], lead=True), re.IGNORECASE)


def is_set_repeat(time: TimeExpression) -> bool:
    """Does a repeating time set a schedule (``định kỳ hằng quý``, ``ngày 05 hằng tháng``, ``6 tháng/lần``)?

    A bare frequency word inside a sentence (``tổ chức hằng tháng``) says how often, and sets no limit.
    """
    return time.day is not None or bool(_periodic_word().search(time.text)) or "lần" in time.text.casefold()


@cache
def _periodic_word() -> re.Pattern[str]:
    return re.compile(phrases(lexicon()["periodic"], lead=True), re.IGNORECASE)


@cache
def _before() -> re.Pattern[str]:
    return re.compile(phrases(lexicon()["before"], lead=True), re.IGNORECASE)


@cache
def _goal() -> re.Pattern[str]:
    return re.compile(rf"{phrases(lexicon()['goal'], lead=True)}{_HS}{_CLAUSE}?{_HS}$", re.IGNORECASE)


def names_goal(clause: str) -> bool:
    """Does ``clause`` end naming the goal work aims at (``hướng tới mục tiêu phát thải ròng bằng “0”``), so that a
    time right after it is the goal's horizon?"""
    return bool(_goal().search(clause))


def repeats(text: str) -> bool:
    """Does ``text`` say its work comes back every year or at set times (``Hằng năm``, ``định kỳ``)?"""
    return bool(_repeat().search(text))


@cache
def _how_often() -> re.Pattern[str]:
    lex = lexicon()
    word = phrases([*lex["yearly"], *lex["periodic"], *lex["frequency"]], lead=True)
    return re.compile(rf"\s*{word}(?:\s+{word})*\s*", re.IGNORECASE)


def says_how_often(text: str) -> bool:
    """Is ``text`` nothing but how often work comes back (``Hằng năm``, ``Định kỳ hằng quý``)?"""
    return bool(_how_often().fullmatch(text))


def _hinted(text: str) -> bool:
    """Does ``text`` hold what every time holds, a digit or a word of :func:`_hint`? Both are found at C speed."""
    return holds_digit(text) or bool(_hint().search(text))


def may_open_a_time(text: str, at: int) -> bool:
    """May a time of :func:`find_times` in ``text`` open at ``at`` (if not, none of them does)?"""
    return _grammar().pattern.match(text, at) is not None


def find_times(text: str, offset: int = 0) -> list[TimeExpression]:
    """Every time written with a number in ``text``, in order; ``offset`` is added to the spans."""
    if not _hinted(text):
        return []  # no number, quarter or repeat word: no time, and no need to run the grammar
    return list(_times(text, offset))


@cache
def _bare_grammar() -> _Named:
    """What a time cell may write short: a month ``12/2019``, months ``10-11/2019``, a year, a month whose
    year the cell gives apart (``Tháng 12, năm 2022``)."""
    month = phrases(lexicon()["month"], lead=True)
    return _Named.compile(
        rf"{_EDGE_BEFORE}(?:(?P<month>(?:{_MONTH}{_HS}[-–]{_HS})?(?P<m>{_MONTH})/(?P<y>{_YEAR}))"
        rf"|(?P<year>(?P<y>{_YEAR}))|(?P<month>{month}{_S}(?P<m>{_MONTH}))){_EDGE_AFTER}")


def read_cell(text: str, offset: int = 0) -> list[TimeExpression]:
    """The times of a time column's cell, one for each piece of work it limits.

    The times of :func:`find_times` and the bare months and years a cell writes; times that follow
    one another with nothing but separators between them (``Quý III, năm 2022``, ``Năm 2025; Năm 2030``,
    ``Quý IV/2026, 2027``) are one span, given as its end (:func:`_span`). Else the cell's ongoing,
    yearly or event time.
    """
    found = find_times(text, offset)
    times, k = len(found), 0  # the grammar's times are in order and apart: one sweep finds those a bare one meets
    bare = _bare_grammar()
    for m in map(bare.read, bare.pattern.finditer(text)):
        start, end = m.match.start() + offset, m.match.end() + offset
        while k < times and found[k].end <= start:
            k += 1
        if k == times or found[k].start >= end:
            year = int(m["y"]) if m["y"] else None
            fields = {"kind": "month", "month": int(m["m"]), "year": year} if m["month"] else \
                {"kind": "year", "year": year}
            found.append(TimeExpression(text=m.match.group(), start=start, end=end, **fields))
    if found:
        found.sort(key=lambda t: t.start)
        return [_span(group, text, offset) for group in _runs(found, text, offset)]
    m = _cell_grammar().search(text)
    if m is None:
        return []
    start, end = m.start() + offset, m.end() + offset
    if m["yearly"]:
        return [TimeExpression(kind="annual", text=m.group(), start=start, end=end)]
    if m["ongoing"]:
        return [TimeExpression(kind="ongoing", text=m.group(), start=start, end=end)]
    return [TimeExpression(kind="on_event", text=m.group(), event=m.group(), start=start, end=end)]


@cache
def _between_span() -> re.Pattern[str]:
    """What may stand between the times of one span: separators and joiners only."""
    joiner = phrases(lexicon()["span_joiner"], lead=True)
    return re.compile(rf"(?:[\s,;–-]|{joiner})*", re.IGNORECASE)


def _runs(found: list[TimeExpression], text: str, offset: int) -> Iterator[list[TimeExpression]]:
    """The times of a cell in runs that nothing but separators part."""
    run = [found[0]]
    for time in found[1:]:
        gap = text[run[-1].end - offset:time.start - offset]
        if _between_span().fullmatch(gap):
            run.append(time)
        else:
            yield run
            run = [time]
    yield run


def _span(run: list[TimeExpression], text: str, offset: int) -> TimeExpression:
    """One time for a run of times: its last, its year filled in; a run that ends in a later year, or holds a
    period, is the period of its years.

    ``Quý III, năm 2022`` → quarter III/2022; ``Tháng 12/2025 - Tháng 3/2026`` → month 3/2026;
    ``Năm 2025; Năm 2030`` and ``Quý IV/2026, 2027`` → period.
    """
    if len(run) == 1:
        return run[0]
    starts = [t.start_year if t.kind == "period" else t.year or (t.date.year if t.date else None) for t in run]
    ends = [t.end_year if t.kind == "period" else t.year or (t.date.year if t.date else None) for t in run]
    years = {y for y in [*starts, *ends] if y is not None}
    whole = {"text": text[run[0].start - offset:run[-1].end - offset], "start": run[0].start, "end": run[-1].end,
             "lead": run[0].lead}
    if len(years) > 1 and run[-1].kind in {"year", "period"} or any(t.kind == "period" for t in run):
        open_end = any(t.kind == "period" and t.end_year is None for t in run)
        return TimeExpression(kind="period", start_year=min(years) if years else None,
                              end_year=None if open_end else max(years, default=None), **whole)
    last = next((t for t in reversed(run) if t.kind != "year"), run[-1])
    filled = {"year": next(iter(years))} if last.kind in {"quarter", "month"} and last.year is None and years else {}
    return last.model_copy(update={**filled, **whole})


# the words a time opens with: its lead's, and those that open a form of :func:`_grammar` (the others — a span's
# joiner, an event's anchor, a goal — stand only after one)
_OPENING = ("limit", "within", "day", "month", "quarter", "range_from", "range_to", "period", "year", "periodic",
            "frequency", "upon", "duration_lead")


@cache
def _opens() -> re.Pattern[str]:
    """Where a time may open (:func:`~planparse.lang.scan.starts`): a digit, or a phrase a time opens with."""
    lex = lexicon()
    return starts([word for category in _OPENING for word in lex[category]], digits=_NUMBER_OPENING)


def _times(text: str, offset: int) -> Iterator[TimeExpression]:
    grammar = _grammar()
    for found in find(grammar.pattern, _opens(), text, digits=True):
        m = grammar.read(found)
        fields = _fields(m)
        if fields is None:
            continue
        if m.form == "upon" and (dated := list(_times(m["event"], offset + found.start("event")))):
            yield from dated  # an event the text dates is due by its date: ngay sau khi Luật … ban hành trong năm 2024
            continue
        lead = " ".join(m["lead"].split()) if m["lead"] else None
        yield TimeExpression(text=found.group(), start=found.start() + offset, end=found.end() + offset, lead=lead,
                             **fields)


def _fields(m: _Read) -> dict | None:
    """The kind and fields a match gives; None when it is no time after all (31/02/2024, 2025-2021)."""
    form = m.form
    if form == "annual":
        return {"kind": "annual", "month": int(m["m"]), "day": int(m["d"]) if m["d"] else None}
    if form == "date":
        try:
            return {"kind": "date", "date": dt.date(int(m["y"]), int(m["m"]), int(m["d"]))}
        except ValueError:
            return None
    if form == "daymonth":
        try:
            dt.date(2000, int(m["m"]), int(m["d"]))  # a leap year: 29/02 is a day
        except ValueError:
            return None
        return {"kind": "date", "month": int(m["m"]), "day": int(m["d"])}
    if form == "quarter":
        q = m["q"]
        return {"kind": "quarter", "quarter": int(q) if q.isdigit() else roman_value(q.upper()),
                "year": int(m["y"]) if m["y"] else None}
    if form == "month":
        return {"kind": "month", "month": int(m["m"]), "year": int(m["y"])}
    if form == "period":
        start, end = int(m["y1"]), int(m["y2"])
        return {"kind": "period", "start_year": start, "end_year": end} if start < end else None
    if form == "onward":
        return {"kind": "period", "start_year": int(m["y"]), "end_year": None}
    if form == "open":
        year = int(m["y"])
        return {"kind": "period", "start_year": year if m["from"] else None, "end_year": None if m["from"] else year}
    if form == "year":
        if m["lead"] and _before().search(m["lead"]):  # trước năm 2025: a span up to it
            return {"kind": "period", "start_year": None, "end_year": int(m["y"])}
        return {"kind": "year", "year": int(m["y"])}
    lex = lexicon()
    unit = _value(m["u"], lex["duration_unit"]) if m["u"] else None
    if form == "recurring":
        return {"kind": "periodic", **_interval(_value(m["f"], lex["frequency"]) or ""), "day": int(m["d"])}
    if form == "periodic":
        if m["f"]:
            frequency = _value(m["f"], lex["frequency"])
            return {"kind": "periodic", **_interval(frequency or "1 year")}  # định kỳ hằng năm
        return {"kind": "periodic", **_interval(f"{m['n']} {unit}")}
    if form == "upon":
        return {"kind": "on_event", "event": " ".join(m["event"].split())}
    if m["dl"] is None and m["anchor"] is None:
        return None  # "30 ngày" alone is a count of days, not a time limit
    return {"kind": "duration", "amount": int(m["n"]), "unit": unit,
            "anchor": " ".join(m["anchor"].split()) if m["anchor"] else None}


def _interval(value: str) -> dict:
    """A repeat's interval (``3 month``, a frequency word's value) as the fields of a time."""
    amount, unit = value.split()
    return {"amount": int(amount), "unit": unit}


def is_yearly(time: TimeExpression) -> bool:
    """Does the time repeat every year (``định kỳ hằng năm``)?"""
    return time.kind is TimeKind.PERIODIC and (time.amount, time.unit) == (1, "year")


def _value(word: str, table: dict[str, str]) -> str | None:
    """The value ``table`` gives ``word`` as matched (any case and spacing), if it holds it."""
    folded = " ".join(word.split()).casefold()
    return next((value for key, value in table.items() if key.casefold() == folded), None)
