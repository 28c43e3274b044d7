"""The numbering grammar of the genre: the labels that open headings and items.

``Điều 1.`` · ``I.`` (``I-``) · ``1.`` (``1-``) · ``1.1.`` · ``a)`` · ``-`` ``+`` ``•`` · markdown ``#``; a label
closed by a hyphen opens a word (``II- NHIỆM VỤ``, ``2- Sở Tài chính``), not a number (``2- 3 ngày``).
Shared by the cleaner (a label starts a new line) and the outline (a label
opens a section).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from planparse.model import SectionKind

BULLETS = "-+•*·–●○▪■♦➢✓"  # the marks that open an item of a list
_MARKDOWN = re.compile(r"#{1,6}(?=\s)")
_RULE_MARKS = "-_=*─—"  # what a rule is drawn with
RULE = re.compile(rf"\s*(?:[{re.escape(_RULE_MARKS)}]{{3,}}|\*{{1,2}})\s*")  # a rule; a Party header's star (*)
_PATTERNS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    # each group 1 holds the label, never empty (a Roman numeral opens with one of its letters)
    # "Điều 1. Title", or "Điều 1" alone on its line (the constitution's and older laws' form)
    (SectionKind.ARTICLE, re.compile(r"(Điều\s+\d{1,3})(?:\s*[.:]\s+|\s*$)", re.IGNORECASE)),
    (SectionKind.ROMAN, re.compile(r"((?=[IVX])(?:X{0,2})(?:IX|IV|V?I{0,3}))\s*(?:[.)]\s*(?=\S)|-\s+(?=[^\W\d_]))")),
    (SectionKind.DECIMAL, re.compile(r"(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")),
    (SectionKind.ARABIC, re.compile(r"(\d{1,2})\s*(?:[.)]\s+(?=\S)|-\s+(?=[^\W\d_]))")),
    (SectionKind.LETTER, re.compile(r"([a-zđ])\s*[).]\s+(?=\S)")),
    (SectionKind.BULLET, re.compile(rf"([{re.escape(BULLETS)}])\s+(?=\S)")),
)


def _either(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """The ``patterns`` as one, each with its own flags, tried in their order."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})" for p in patterns))


# a line that opens with a label or a markdown heading (what match_label finds): the patterns as one
LABELLED = _either((_MARKDOWN, *(pattern for _, pattern in _PATTERNS)))
# the label patterns as one, read in one match: the group that holds the label (the k-th) tells its kind
_LABEL = _either(tuple(pattern for _, pattern in _PATTERNS))
_KINDS = tuple(kind for kind, _ in _PATTERNS)

# the characters a label opens with, besides a digit (kept with _PATTERNS and _MARKDOWN): other lines are passed over
_FIRSTS = frozenset("#Đđ" "IVX" "abcdefghijklmnopqrstuvwxyz" + BULLETS)


class Label(NamedTuple):
    """A label at the start of a line: its kind, its text, and where the rest begins (a tuple: made for most lines
    of a text, at a fraction of a frozen dataclass's cost)."""

    kind: SectionKind
    text: str
    rest_start: int
    markdown_level: int = 0


def is_rule(line: str) -> bool:
    """A separator line such as ``-------`` or ``***``, or the star under a Party document's issuer."""
    if line.rstrip()[-1:] not in _RULE_MARKS:  # most lines end with a letter or a stop: told at C speed
        return False
    return RULE.fullmatch(line) is not None


@lru_cache(maxsize=4096)  # the cleaner, the outline and the extractors read the same lines' labels
def match_label(line: str) -> Label | None:
    """The numbering label (or markdown heading) at the start of ``line``, if any. A rule (``---``, ``*``) has none:
    no mark in it is followed by a word."""
    if not line or not (line[0] in _FIRSTS or line[0].isdecimal()):
        return None
    md = _MARKDOWN.match(line) if line[0] == "#" else None
    if md is None:
        return _numbering(line, 0, 0)
    level = len(md.group())
    offset = md.end() + (len(line) - md.end() - len(line[md.end():].lstrip()))
    return _numbering(line, offset, level) or Label(SectionKind.MARKDOWN, md.group(), offset, level)


def _numbering(line: str, offset: int, level: int) -> Label | None:
    """The label of the first of the label patterns that matches at ``offset``, under a markdown heading of
    ``level``."""
    m = _LABEL.match(line, offset)
    if m is None:
        return None
    kind = _KINDS[m.lastindex - 1]
    if kind is SectionKind.BULLET:
        inner = _PATTERNS[-1][1].match(line, m.end())  # "- + text": the inner mark counts
        if inner:
            return Label(kind, inner.group(1), inner.end(), level)
    return Label(kind, m.group(m.lastindex), m.end(), level)
