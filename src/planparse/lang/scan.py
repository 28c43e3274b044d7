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
    :func:`~planparse.lang.quantities.phrases` writes them (its opening — up to a space or ``/`` — in any case; on
    a word's edge where it starts with a letter or digit), and with ``digits`` at every ASCII digit that passes it,
    a pattern read after the digit (``""``: every digit). It may match more places than that; the grammar decides
    there."""
    groups: dict[tuple[str, str], set[str]] = {}  # a first letter as written, its edge test → what may follow
    for word in words:
        opening = word.split()[0].split("/")[0] or "/"
        edge = r"(?<!\w.)" if opening[0].isalnum() else ""
        rest = "".join(map(any_case, opening[1:])) + (r"(?!\w)" if opening[-1].isalnum() else "")
        for first in cased(opening[0]):
            groups.setdefault((re.escape(first), edge), set()).add(rest)
    if digits is not None:
        for ch in "0123456789":
            groups.setdefault((ch, digits), set()).add("")
    # the edge is tested once for a letter, not once for each word it opens: a lookbehind costs the engine as
    # much as a dozen letters; the lower-case letters first, as a text's are most often: the engine tries the
    # alternatives in turn at each place that opens with one of their first letters
    return re.compile("|".join(first + edge + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
                               for (first, edge), rests in sorted(groups.items(), key=_lower_first)))


def _lower_first(group: tuple[tuple[str, str], set[str]]) -> tuple[bool, tuple[str, str]]:
    """The key that orders :func:`starts`'s alternatives: those led by a lower-case letter first."""
    return not group[0][0].islower(), group[0]


def find(grammar: Any, opens: re.Pattern[str], text: str, digits: bool = False, start: int = 0,
         end: int | None = None) -> Iterator[Any]:
    """The matches of ``grammar.finditer(text, start, end)`` (a grammar of ``re`` or ``regex`` that matches no
    empty string), the grammar tried only where ``opens`` (of :func:`starts`) matches. With ``digits``, the grammar
    opens with any digit: a text with digits other than ASCII ones is read by ``grammar.finditer``."""
    end = len(text) if end is None else end
    if digits and _OTHER_DIGIT.search(text, start, end):
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


def any_case(ch: str) -> str:
    """A case-sensitive pattern of :func:`cased` of ``ch``: a letter alone, or a class (``[sSſ]``)."""
    variants = cased(ch)
    return re.escape(variants[0]) if len(variants) == 1 else "[" + "".join(map(re.escape, variants)) + "]"


@cache
def cased(ch: str) -> tuple[str, ...]:
    """Every character that ``re`` or ``regex`` matches to ``ch`` ignoring case (``s``: ``s``, ``S``, ``ſ``)."""
    return tuple(sorted({v for engine in (re, regex) for v in engine.findall(engine.escape(ch), _plane(),
                                                                            engine.IGNORECASE)}))


_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a digit other than 0 to 9 (٣)


@cache
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, surrogates left out (no character beyond it shares a case
    with a letter the grammars open with)."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
