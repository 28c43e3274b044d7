"""Quantities: every number a plan's target commits to, read by a grammar of the genre.

A quantity is an optional comparator, a number and its unit (``tối thiểu 20%``,
``02 cơ quan``, ``cấp độ 3 trở lên``, ``1,5 tỷ đồng``); a range (``từ 70% - 80%``)
gives two, its lower bound ``>=`` and its upper ``<=``. Around it, a change verb
(``tăng``, ``giảm``), a baseline (``so với năm 2020``) and a yearly phrase
(``hàng năm``, ``/năm``) qualify it. The words are data
(``data/quantity_words.tsv``); bare numbers — years, dates, số hiệu, labels,
ages — are never quantities, since a quantity needs a unit or a grade word.
Numbers are read the Vietnamese way: ``1,5`` is 1.5 and ``1.500`` is 1500.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import cast

from planparse.lang import vocab
from planparse.lang.numbering import BULLETS
from planparse.lang.scan import any_case, any_of, find, starts
from planparse.model import Comparator, Direction, Kind, Quantity, Unit


_HS = r"[^\S\n]*"  # spaces within a line
# digits, Vietnamese style (1.500.000,5), English style (1,500,000.5) or plain (67, 1,5, 2.5);
# never the head of a date (15/12), a số hiệu (348/QĐ) or a longer number
_NUMBER = (
    r"(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d/]|[.,]\d)"
)
_VN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_EN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?")
# a number standing free: not the tail of a word, a date, a decimal or a hyphenated code (2021-2025)
_FREE = r"(?<![\w/])(?<!\d[.,])(?<!\w-)"
_ROMAN = r"(?-i:[IVX]+)(?!\w)"
_SENTENCE_MARKS = ";\n!?"  # a sentence (or clause, or line) ends at one, or at a full stop before no digit
_SENTENCE_END = re.compile(rf"[{_SENTENCE_MARKS}]|\.(?!\d)")
_CLAUSE_END = re.compile(r"[,;:\n!?]|\.(?!\d)")
_PUNCTUATION = re.compile(r"[,;:()\[\]]")
_YEAR = r"(?<!\d)(?P<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?P<last>(?:19|20)\d{2}))?(?!\d)"
_EDGE_MARKS = " \t\n.;,:" + BULLETS  # spaces, punctuation and bullet marks around a text
_MAX_WORDS_FROM_VERB = 6  # tăng doanh thu quảng cáo trên báo điện tử tối thiểu 20%


def extract_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity ``text`` commits to, in order; ``offset`` is added to the spans."""
    g = _grammar()
    groups = [
        group for m in find(g.quantity, g.opens, text, digits=True) for group in _read(m, g)
        if _whole(group) and not g.after_time_word.search(text, max(0, group[0].start - 20), group[0].start)
    ]
    if not groups:
        return []
    sentences = _sentences(text, groups)
    nexts = [later[0].start for later in groups[1:]] + [len(text)]
    tails = [_clause_end(text, group[-1].end, min(nexts[i], sentences[i][1])) for i, group in enumerate(groups)]
    yearly = _yearly(text, g, groups, tails, sentences)
    quantities = []
    for i, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        sentence_start, sentence_end = sentences[i]
        direction = _direction(text, g, max(sentence_start, groups[i - 1][-1].end if i else 0), start)
        baseline = g.baseline.search(text, end, min(nexts[i], sentence_end))
        per_year = any(end <= at < tails[i] or (sentence_start <= at < start and adverbial) for at, adverbial in yearly)
        for bound in group:
            quantities.append(
                Quantity(
                    value=float(bound.value),
                    unit=bound.unit,
                    comparator=bound.comparator,
                    kind="increase" if direction and bound.unit != "level" else bound.kind,
                    direction=direction if bound.unit != "level" else None,
                    range_id=start + offset if len(group) == 2 else None,
                    baseline_year=int(baseline["last"] or baseline["year"]) if baseline else None,
                    per_year=per_year,
                    noun=bound.noun,
                    start=bound.start + offset,
                    end=bound.end + offset,
                    text=text[bound.start:bound.end],
                )
            )
    return quantities


def core(text: str) -> tuple[int, int]:
    """The span of ``text`` without the spaces, punctuation and bullet marks around it (``- đạt 90%;`` →
    ``đạt 90%``): characters that no quantity opens with, holds (but a range's dash, between its numbers) or ends
    with, nor reads as its context. :func:`extract_quantities` of ``text`` is that of its core, moved by its start."""
    inert = _inert()
    start = len(text) - len(text.lstrip(inert))
    return start, max(start, len(text.rstrip(inert)))


@cache
def _inert() -> str:
    """The marks :func:`core` leaves out: of spaces, punctuation and bullets, those no word of the grammar holds."""
    held = {ch for category, words in lexicon().items() if category != "range_sep" for word in words for ch in word}
    return "".join(ch for ch in _EDGE_MARKS if ch.isspace() or ch not in held)


def read_cell(cell: str, unit: str = "", offset: int = 0) -> list[Quantity]:
    """The quantities of a table cell (``06``, ``≥ 90``, ``95%``), read with its column's unit (``%``, ``điểm``).

    A cell that names its own unit is read as a phrase; else the column's unit gives it one; a bare number
    with a unit no word list knows (``km``, ``lượt khách``) is a count. Spans are the cell's, plus ``offset``.
    """
    words = cell.strip()
    start = offset + cell.find(words) if words else offset
    if found := extract_quantities(words, start):
        return found
    g = _grammar()
    m = g.bare.fullmatch(words)
    if not m:
        return []
    measure = _measure(unit, g) if unit.strip() and g.unit.fullmatch(unit.strip()) else _Measure("count", "count")
    bound = _bound(m["n"], measure, _comparator(m, g), 0, len(words), g)
    return [
        Quantity(value=float(bound.value), unit=bound.unit, comparator=bound.comparator, kind=bound.kind,
                 noun=bound.noun, start=start, end=start + len(words), text=words)
    ]


def _key(word: str) -> str:
    return " ".join(word.split()).casefold()


def lexicon() -> dict[str, dict[str, str]]:
    """Category → {word as written: value}, from ``data/quantity_words.tsv``."""
    return vocab.grouped("quantity_words")


def phrases(words: Iterable[str], lead: bool = False) -> str:
    """An alternation of phrases read ignoring case, longest first, each ending (with ``lead`` also starting) on a
    word edge: :func:`~planparse.lang.scan.any_of`, its letters as written read case-sensitively whatever the
    flags it is compiled with.

    Each alternative opens with one way of writing a first letter (``t``, ``T``), the rest of its phrases after it:
    a search skips at once, in C, the characters no phrase starts with, where a pattern that opens with a test
    (a lookahead, a letter ignoring case) is entered at every character."""
    return f"(?-i:{any_of(words, edged=lead)})"


def openings(words: Iterable[str]) -> str:
    """A pattern that every phrase of :func:`phrases` of ``words`` starts with: each phrase's opening (its letters
    up to a space or ``/``, where the spacing may vary), on a word edge where it ends in a letter, grouped by its
    first character — a regex tries each character once there, not each phrase (a cheap test before them)."""
    groups: dict[str, set[str]] = {}
    for word in words:
        opening = word.split()[0].split("/")[0] or "/"
        groups.setdefault(opening[0], set()).add(re.escape(opening[1:]) + (r"(?!\w)" if opening[-1].isalnum() else ""))
    return "(?:" + "|".join(
        first_letter(first) + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for first, rests in sorted(groups.items())
    ) + ")"


@cache
def first_letter(ch: str) -> str:
    """``ch`` opening an alternative: read case-sensitively among every character that matches it in some case
    (a regex engine passes over an alternative at once when that character is not there, which it cannot do for
    a letter read ignoring case), then checked as the pattern's flags say."""
    return f"(?-i:{any_case(ch)})(?<={re.escape(ch)})"


@dataclass(frozen=True)
class _Grammar:
    """The compiled grammar and its word tables, case-folded."""

    quantity: re.Pattern[str]
    opens: re.Pattern[str]  # where a quantity may open (scan.starts)
    bare: re.Pattern[str]  # a table cell's number alone: ≥ 90, 06
    after_time_word: re.Pattern[str]  # text ending in năm, tháng …: the number after it is a date part
    unit: re.Pattern[str]  # a unit word alone: %, điểm, tỷ đồng
    money: re.Pattern[str]
    change: re.Pattern[str]
    target_marker: re.Pattern[str]
    baseline: re.Pattern[str]
    per_year: re.Pattern[str]
    words: dict[str, dict[str, str]]  # category → {case-folded word: value}
    nouns: dict[str, str]  # case-folded count noun → as written


@cache
def _grammar() -> _Grammar:
    """The grammar compiled from the data, once."""
    lex = lexicon()
    w = {category: phrases(words) for category, words in lex.items()}
    number = rf"(?:{_NUMBER}|{phrases(lex['number_word'], lead=True)})"
    money_unit = rf"(?:{w['money_multiplier']}{_HS})?{w['currency']}"
    unit = rf"(?:{w['percent']}|{money_unit}|{w['level_suffix']}|{w['count_noun']})"
    # a quantity opens a word (or stands after a mark) with a digit or a word it may open with: a match is
    # tried only there, a quick test before the grammar
    first_words = [word for category in ("comparator_pre", "range_from", "number_word", "level_prefix")
                   for word in lex[category]]
    opening = openings(first_words)
    quantity = (
        rf"(?<!\w)(?=\d|{opening})"
        rf"(?:(?<!\w)(?P<cmp>{w['comparator_pre']}){_HS}(?:{w['linker']}{_HS})?)?"
        rf"(?:(?<!\w)(?P<from>{w['range_from']}){_HS})?"
        rf"(?:{_FREE}(?P<n1>{number})(?:{_HS}(?P<u1>{unit}|{w['money_multiplier']}))?"
        rf"{_HS}{w['range_sep']}{_HS}(?P<n2>{number}){_HS}(?P<u2>{unit})"
        rf"|{_FREE}(?P<n>{number}){_HS}(?P<u>{unit})"
        rf"|(?<!\w)(?P<lp>{w['level_prefix']}){_HS}(?P<ln>{_NUMBER}|{_ROMAN})(?!{_HS}{unit}))"
        rf"(?:{_HS}(?P<post>{w['comparator_post']}))?"
    )
    bare = rf"(?:(?P<cmp>{w['comparator_pre']}){_HS})?(?P<n>{_NUMBER})(?:{_HS}(?P<post>{w['comparator_post']}))?"
    lead = {category: phrases(lex[category], lead=True) for category in ("target_marker", "baseline", "per_year")}
    flags = re.IGNORECASE
    return _Grammar(
        quantity=re.compile(quantity, flags),
        opens=starts(first_words, digits=_number_opening(lex)),
        bare=re.compile(bare, flags),
        after_time_word=re.compile(rf"{phrases(lex['time_word'], lead=True)}{_HS}$", flags),
        unit=re.compile(unit, flags),
        money=re.compile(rf"(?:(?P<mult>{w['money_multiplier']}){_HS})?{w['currency']}", flags),
        change=re.compile(phrases([*lex["change_verb"], *lex["not_change"]], lead=True), flags),
        target_marker=re.compile(lead["target_marker"], flags),
        baseline=re.compile(rf"{lead['baseline']}[^,;\n]{{0,40}}?{_YEAR}", flags),
        per_year=re.compile(lead["per_year"], flags),
        words={category: {_key(word): value for word, value in words.items()} for category, words in lex.items()},
        nouns={_key(word): word for word in lex["count_noun"]},
    )


def _number_opening(lex: dict[str, dict[str, str]]) -> str:
    """What a quantity that opens with a digit passes, read after that digit: on a word's edge, its number's digits
    (and marks between them) then spaces and a unit or range word (``20%``, ``3 cơ quan``, ``70-80%``). Never a
    label (``1. ``), a date (``15/12``), a year that ends a clause or one before a word of no unit (``2025 của``)."""
    after = [word for category in ("percent", "currency", "money_multiplier", "level_suffix", "count_noun", "range_sep")
             for word in lex[category]]
    return rf"(?<!\w.)(?=(?:\d|[.,]\d)*{_HS}{any_of(after)})"


@dataclass(frozen=True)
class _Measure:
    """What a unit word makes of a number."""

    unit: Unit
    kind: Kind
    factor: Decimal = Decimal(1)
    noun: str | None = None


@dataclass(frozen=True)
class _Bound:
    """One quantity before its context (change verb, baseline, yearly phrase) is read."""

    value: Decimal
    unit: Unit
    kind: Kind
    comparator: Comparator
    noun: str | None
    start: int
    end: int


def _read(m: re.Match[str], g: _Grammar) -> list[tuple[_Bound, ...]]:
    """The quantities of one match: groups of one bound, or of two for a range."""
    if m["lp"]:
        value = Decimal(roman_value(m["ln"])) if m["ln"].isalpha() else _number(m["ln"], g)
        return [(_Bound(value, "level", "level", _comparator(m, g), None, m.start(), m.end()),)]
    if m["n"]:
        return [(_bound(m["n"], _measure(m["u"], g), _comparator(m, g), m.start(), m.end(), g),)]
    return _range(m, g)


def _range(m: re.Match[str], g: _Grammar) -> list[tuple[_Bound, ...]]:
    """``từ 70% - 80%``, ``70-80%``, ``từ 10 đến 12%``: a lower bound ``>=`` and an upper ``<=``."""
    upper = _measure(m["u2"], g)
    lower: _Measure | None = upper
    if m["u1"]:
        multiplier = g.words["money_multiplier"].get(_key(m["u1"]))
        if multiplier is None:
            lower = _measure(m["u1"], g)
        else:  # từ 500 triệu đến 1 tỷ đồng
            lower = _Measure("VND", "amount", Decimal(multiplier)) if upper.unit == "VND" else None
    lower_end = m.end("u1") if m["u1"] else m.end("n1")
    high = _bound(m["n2"], upper, "<=", m.start("n2"), m.end("u2"), g)
    if lower is not None and (lower.unit, lower.noun) == (upper.unit, upper.noun):
        low = _bound(m["n1"], lower, ">=", m.start(), lower_end, g)
        if low.value < high.value:
            return [(low, high)]
    # not a range (a year before a dash, units that differ): the upper part alone, and the lower if it has a unit
    groups = [(_bound(m["n2"], upper, _comparator(m, g, pre=False), m.start("n2"), m.end(), g),)]
    if m["u1"] and lower is not None:
        groups.insert(0, (_bound(m["n1"], lower, _comparator(m, g, post=False), m.start(), lower_end, g),))
    return groups


def _whole(group: tuple[_Bound, ...]) -> bool:
    """Counts and grades are whole numbers: ``5.2 Tổ chức thực hiện`` is a section label, not a count."""
    return all(b.unit in ("%", "VND") or b.value == b.value.to_integral_value() for b in group)


def _bound(number: str, measure: _Measure, comparator: Comparator, start: int, end: int, g: _Grammar) -> _Bound:
    value = _number(number, g) * measure.factor
    return _Bound(value, measure.unit, measure.kind, comparator, measure.noun, start, end)


def _measure(unit: str, g: _Grammar) -> _Measure:
    """What a unit word (as the grammar matched it) makes of a number."""
    key = _key(unit)
    if key in g.words["percent"]:
        return _Measure("%", "share")
    if key in g.words["level_suffix"]:
        return _Measure("level", "level")
    if key in g.nouns:
        return _Measure("count", "count", noun=g.nouns[key])
    money = g.money.fullmatch(unit)
    factor = g.words["money_multiplier"][_key(money["mult"])] if money and money["mult"] else "1"
    return _Measure("VND", "amount", Decimal(factor))


def _number(text: str, g: _Grammar) -> Decimal:
    """``67``, ``02``, ``1,5`` (decimal comma), ``2.5``, ``1.500.000`` (thousands dots), ``một``."""
    word = g.words["number_word"].get(text.casefold())
    if word is not None:
        return Decimal(word)
    if _VN_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(",", ""))
    return Decimal(text.replace(",", "."))


def roman_value(numeral: str) -> int:
    values = [{"I": 1, "V": 5, "X": 10}[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))


def _comparator(m: re.Match[str], g: _Grammar, pre: bool = True, post: bool = True) -> Comparator:
    """The comparator word before the number (tối thiểu) or after it (trở lên); else ``=``."""
    for word in (m["cmp"] if pre else None, m["post"] if post else None):
        if word:
            key = _key(word)
            return cast(Comparator, g.words["comparator_pre"].get(key) or g.words["comparator_post"][key])
    return "="


def _sentences(text: str, groups: list[tuple[_Bound, ...]]) -> list[tuple[int, int]]:
    """The bounds of the sentence (or ``;`` clause, or line) that holds each group, its ends sought near the
    groups alone: back from a group to the one before it, forward from it to the first end past it (a long
    text's other sentence ends are never read, and no stretch of it twice)."""
    bounds = []
    start, end, searched = 0, -1, 0  # the sentence's start and end so far; sought back to `searched`
    for group in groups:
        first, last = group[0].start, group[-1].end
        start = max(start, _last_end(text, searched, first) + 1)
        searched = first
        if end < last:
            m = _SENTENCE_END.search(text, last)
            end = m.start() if m else len(text)
        bounds.append((start, end))
    return bounds


def _last_end(text: str, lo: int, hi: int) -> int:
    """The last sentence end in ``text[lo:hi]`` (its offset in ``text``), or -1."""
    at = max(text.rfind(mark, lo, hi) for mark in _SENTENCE_MARKS)
    dot = text.rfind(".", lo, hi)
    while dot > at and not _SENTENCE_END.match(text, dot):
        dot = text.rfind(".", lo, dot)
    return max(at, dot)


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, start, limit)
    return m.start() if m else limit


def _direction(text: str, g: _Grammar, lo: int, start: int) -> Direction | None:
    """The direction of the change verb that governs the quantity at ``start`` from no earlier than ``lo``.

    The verb is the last one before the quantity, at most a few words before it, with no
    punctuation between and no target marker (``giảm xuống còn 2%`` is a level to reach).
    """
    verb = next(iter(reversed(list(g.change.finditer(text, lo, start)))), None)
    if verb is None:
        return None
    direction = g.words["change_verb"].get(_key(verb.group()))  # None for a not_change word
    between = text[verb.end():start]
    if (
        direction is None
        or len(between.split()) > _MAX_WORDS_FROM_VERB
        or _PUNCTUATION.search(between)
        or g.target_marker.search(between)
    ):
        return None
    return cast(Direction, direction)


def _yearly(text: str, g: _Grammar, groups: list[tuple[_Bound, ...]], tails: list[int],
            sentences: list[tuple[int, int]]) -> list[tuple[int, bool]]:
    """Each yearly phrase's offset, and whether it is an adverbial governing what follows in its sentence.

    One that trails a quantity in its clause (``02 lớp/năm``, ``02 lớp hàng năm``) belongs to that
    quantity alone; one elsewhere (``Hàng năm, … tăng 20%``) to every quantity after it. They are sought only
    where one may qualify a quantity, from its sentence's start to its clause's end: no yearly phrase begins
    inside another, so each is found there as a search of the whole text finds it.
    """
    found = []
    m = g.per_year.search(text, sentences[0][0]) if groups else None
    for (start, _), tail in zip(sentences, tails):
        if m is not None and m.start() < start:
            m = g.per_year.search(text, start)
        while m is not None and m.start() < tail:
            trailing = any(group[-1].end <= m.start() < end for group, end in zip(groups, tails))
            found.append((m.start(), not trailing and not m.group().startswith("/")))
            m = g.per_year.search(text, m.end())
    return found
