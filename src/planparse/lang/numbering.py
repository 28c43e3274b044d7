"""The numbering grammar of the genre: the labels that open headings and items.

``Điều 1.`` · ``I.`` (``I-``) · ``1.`` (``1-``) · ``1.1.`` · ``a)`` · ``-`` ``+`` ``•`` · markdown ``#``; a label
closed by a hyphen opens a word (``II- NHIỆM VỤ``, ``2- Sở Tài chính``), not a number (``2- 3 ngày``).
Shared by the cleaner (a label starts a new line) and the outline (a label
opens a section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planparse.model import SectionKind

BULLETS = "-+•*·–●○▪■♦➢✓"  # the marks that open an item of a list
_MARKDOWN = re.compile(r"#{1,6}(?=\s)")
RULE = re.compile(r"\s*(?:[-_=*─—]{3,}|\*{1,2})\s*")  # a rule; a Party header's star under its issuer (*)
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

# a line that opens with a label or a markdown heading (what match_label finds): the patterns as one
LABELLED = re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})"
                               for p in (_MARKDOWN, *(pattern for _, pattern in _PATTERNS))))

# the characters a label opens with, besides a digit (kept with _PATTERNS and _MARKDOWN): other lines are passed over
_FIRSTS = frozenset("#Đđ" "IVX" "abcdefghijklmnopqrstuvwxyz" + BULLETS)


@dataclass(frozen=True)
class Label:
    """A label at the start of a line: its kind, its text, and where the rest begins."""

    kind: SectionKind
    text: str
    rest_start: int
    markdown_level: int = 0


def is_rule(line: str) -> bool:
    """A separator line such as ``-------`` or ``***``, or the star under a Party document's issuer."""
    return RULE.fullmatch(line) is not None


@lru_cache(maxsize=4096)  # the cleaner, the outline and the extractors read the same lines' labels
def match_label(line: str) -> Label | None:
    """The numbering label (or markdown heading) at the start of ``line``, if any."""
    if not line or not (line[0] in _FIRSTS or line[0].isdecimal()) or is_rule(line):
        return None
    md = _MARKDOWN.match(line)
    offset, level = 0, 0
    if md:
        level = len(md.group())
        offset = md.end() + (len(line) - md.end() - len(line[md.end():].lstrip()))
    label = _numbering(line, offset)
    if label is None:
        if md:
            return Label(SectionKind.MARKDOWN, md.group(), offset, level)
        return None
    return Label(label[0], label[1], label[2], level)


def _numbering(line: str, offset: int) -> tuple[SectionKind, str, int] | None:
    for kind, pattern in _PATTERNS:
        m = pattern.match(line, offset)
        if m:
            if kind is SectionKind.BULLET:
                inner = _PATTERNS[-1][1].match(line, m.end())  # "- + text": the inner mark counts
                if inner:
                    m = inner
            return kind, m.group(1), m.end()
    return None
