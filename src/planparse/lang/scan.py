"""Where a grammar may start: a quick search for the openings of its phrases, the grammar tried only there.

A large case-insensitive grammar that opens with a test of where it may start (``(?<!\\w)(?=\\d|tối|từ …)``)
still has the regex engine enter it, and compare letters ignoring their case, at every character of the text.
:func:`starts` writes the openings as a case-sensitive alternation, each alternative led by one letter as it may
be written (``t``, ``T``): the engine skips in C to the next letter that may open one and passes over the others
at once. :func:`find` tries the grammar only where it matches, and gives what ``grammar.finditer`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import regex


def starts(words: Iterable[str], digits: str | None = None) -> re.Pattern[str]:
    """A pattern that matches at every place where one of ``words`` may open, as
    :func:`~planparse.lang.quantities.phrases` writes them (the whole phrase, in any case and spacing; on a word's
    edge where it starts with a letter or digit), and with ``digits`` at every ASCII digit that passes it, a pattern
    read after the digit (``""``: every digit). It may match more places than that; the grammar decides there."""
    groups = _grouped(words, edged=True)
    if digits is not None:
        for ch in "0123456789":
            groups.setdefault((ch, digits), set()).add("")
    return re.compile(_alternation(groups))


def any_of(words: Iterable[str], edged: bool = False) -> str:
    """A pattern, its first and second letters as written, that matches where one of ``words`` stands, as
    :func:`~planparse.lang.quantities.phrases` reads them ignoring case (the whole phrase, in any case and spacing;
    with ``edged``, on a word's edge where it starts with a letter or digit), longest first."""
    return "(?:" + _alternation(_grouped(words, edged=edged)) + ")"


def _grouped(words: Iterable[str], edged: bool) -> dict[tuple[str, str], set[str]]:
    """A first character as written and its edge test (``edged``: on a word's edge, where it is a letter or digit)
    → the words it opens (``""``: the character alone, as a digit opens)."""
    groups: dict[tuple[str, str], set[str]] = {}
    for word in words:
        edge = _EDGE if edged and word[0].isalnum() else ""
        for first in cased(word[0]):
            groups.setdefault((re.escape(first), edge), set()).add(word)
    return groups


def _alternation(groups: dict[tuple[str, str], set[str]]) -> str:
    """One alternative for each first character, its edge tested once for the words it opens, not once for each:
    a lookbehind costs the engine as much as a dozen letters. Each alternative is led by one character as written:
    the engine passes over those that do not open with the character it reads at once; the lower-case ones come
    first, as a text's letters are most often. The rest is :func:`_branches`."""
    return "|".join(first + _branches(edge, words) for (first, edge), words in sorted(groups.items(), key=_lower_first))


def _branches(edge: str, words: set[str]) -> str:
    """The words after their first character, longest first. Those whose second is a letter or digit are grouped
    by it, each group led by a class of its cases (the engine passes over a group at once when the character it
    reads is not in its class, where it enters every word read ignoring case), the edge tested after it: most
    places a first character opens fail on the second, before the lookbehind. The rest of each word is read
    ignoring case by a scoped flag (a class of cases for each letter made the patterns ten times larger, and slow
    to compile at a worker's start)."""
    seconds: dict[str, list[str]] = {}  # a second character's class of cases → the rest of the words it leads
    others = []
    for word in sorted(words, key=lambda word: (-len(word), word)):
        if len(word) > 1 and word[1].isalnum() and word[0] != "/":  # spaces may follow a slash
            seconds.setdefault(any_case(word[1]), []).append(_tail(word[1:]))
        else:
            others.append(_tail(word) if word else "")
    after_second = r"(?<!\w..)" if edge == _EDGE else edge
    branches = [f"{second}{after_second}(?i:{'|'.join(rests)})" for second, rests in seconds.items()]
    if others:
        branches.append(f"{edge}(?i:{'|'.join(others)})")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _tail(phrase: str) -> str:
    """A pattern of ``phrase`` after its first character, as :func:`~planparse.lang.quantities.phrases` reads it
    (:func:`_alternation` reads it ignoring case): its words apart by any spaces, spaces allowed after a ``/``; on
    a word's edge where it ends in a letter or digit."""
    out = [r"\s*" if phrase[0] == "/" else ""]
    for prev, ch in zip(phrase, phrase[1:]):
        if ch.isspace():
            out.append("" if prev.isspace() else r"\s+")
        else:
            out.append(r"/\s*" if ch == "/" else re.escape(ch))
    return "".join(out) + (r"(?!\w)" if phrase[-1].isalnum() else "")


def _lower_first(group: tuple[tuple[str, str], set[str]]) -> tuple[bool, tuple[str, str]]:
    """The key that orders :func:`_alternation`'s alternatives: those led by a lower-case letter first."""
    return not group[0][0].islower(), group[0]


def find(grammar: Any, opens: re.Pattern[str], text: str, digits: bool = False, start: int = 0,
         end: int | None = None) -> Iterator[Any]:
    """The matches of ``grammar.finditer(text, start, end)`` (a grammar of ``re`` or ``regex`` that matches no
    empty string), the grammar tried only where ``opens`` (of :func:`starts`) matches. With ``digits``, the grammar
    opens with any digit: a text with digits other than ASCII ones is read by ``grammar.finditer``."""
    end = len(text) if end is None else end
    if digits and holds_digit(text, start, end, other=True):
        yield from grammar.finditer(text, start, end)
        return
    pos = start
    search, match = opens.search, grammar.match
    while (at := search(text, pos, end)) is not None:
        m = match(text, at.start(), end)
        if m is None:
            pos = at.start() + 1
        else:
            yield m
            pos = m.end()


def holds_digit(text: str, start: int = 0, end: int | None = None, other: bool = False) -> bool:
    """Does ``text[start:end]`` hold a digit, as ``\\d`` reads one (of any script; with ``other``, one other than
    0 to 9)? Sought by a class of the digits of the Basic Multilingual Plane, a bitmap the engine tests a character
    against at twice the speed of ``\\d``'s look-up of its category; a character beyond the plane matches it too,
    and is checked."""
    pattern = _digits(other)
    end = len(text) if end is None else end
    while (at := pattern.search(text, start, end)) is not None:
        if text[at.start()].isdecimal():
            return True
        start = at.start() + 1
    return False


def lines_holding(text: str, char: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """The spans of the lines of ``text`` from ``start`` on that hold ``char``, found at C speed (a pattern that
    needs it is searched there alone)."""
    at = text.find(char, start)
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield max(text.rfind("\n", 0, at) + 1, start), end
        at = text.find(char, end)


def any_case(ch: str) -> str:
    """A case-sensitive pattern of :func:`cased` of ``ch``: a letter alone, or a class (``[sSſ]``)."""
    variants = cased(ch)
    return re.escape(variants[0]) if len(variants) == 1 else "[" + "".join(map(re.escape, variants)) + "]"


@cache
def cased(ch: str) -> tuple[str, ...]:
    """Every character that ``re`` or ``regex`` matches to ``ch`` ignoring case (``s``: ``s``, ``S``, ``ſ``)."""
    return tuple(sorted({v for engine in (re, regex) for v in engine.findall(engine.escape(ch), _plane(),
                                                                            engine.IGNORECASE)}))


_EDGE = r"(?<!\w.)"  # after a word's first character: it opens a word (no letter or digit before it)


@cache
def _digits(other: bool) -> re.Pattern[str]:
    """:func:`holds_digit`'s class: every digit of the Basic Multilingual Plane (``other``: but 0 to 9, as ``٣``),
    and every character beyond it."""
    return re.compile("[" + "".join(re.findall(r"[^\D0-9]" if other else r"\d", _plane())) + "\U00010000-\U0010ffff]")


@cache
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, surrogates left out (no character beyond it shares a case
    with a letter the grammars open with)."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
