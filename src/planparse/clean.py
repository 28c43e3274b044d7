"""Normalisation and reflow: from a source text to the cleaned text every span points into.

- Unicode NFC, one tone-mark placement (``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``),
  odd spaces and dashes made plain, markdown emphasis dropped;
- hard-wrapped lines rejoined into logical lines, while headings, labels,
  bullets, table cells and separators keep their own lines;
- a map from every offset of the cleaned text back to its source line.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from planparse.lang import genre, vocab
from planparse.lang.genre import is_caps
from planparse.model import SectionKind
from planparse.lang.numbering import is_rule, match_label

TONES = "\u0300\u0301\u0309\u0303\u0323"  # the combining tone marks: huyền, sắc, hỏi, ngã, nặng
# oa, oe, uy closing a syllable: the tone mark goes on the first vowel (hòa, khỏe, thủy);
# not after q, where u belongs to the consonant (quý).
_OLD_STYLE = re.compile(r"(?<![qQ])([oO][aAeE][\u0300-\u036f]*|[uU][yY][\u0300-\u036f]*)(?![\w\u0300-\u036f])")
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_EMPHASIS = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])")
_TRANSLATE = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00d0": "Đ", "\u00f0": "đ"})
_TERMINAL = tuple(".;:!?…")  # a line ending so is closed, but ";" may run on in lower case
_HEADING_LABELS = {SectionKind.ARTICLE, SectionKind.ROMAN, SectionKind.ARABIC, SectionKind.DECIMAL}


def normalize_tones(text: str) -> str:
    """Move the tone mark of a syllable-final ``oa``/``oe``/``uy`` onto its first vowel."""

    def move(m: re.Match[str]) -> str:
        first, second = unicodedata.normalize("NFD", m.group(1)[0]), unicodedata.normalize("NFD", m.group(1)[1:])
        tone = next((ch for ch in second if ch in TONES), None)
        others = [ch for ch in second[1:] if ch != tone]  # a breve or circumflex: not this pattern (hoặc)
        if tone is None or others or any(ch in TONES for ch in first):
            return m.group(1)
        second = second.replace(tone, "")
        return unicodedata.normalize("NFC", first + tone + second)

    if not _has_tone_pair(text):
        return text
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(move, unicodedata.normalize("NFD", text)))


def _has_tone_pair(text: str) -> bool:
    return any(ch in text for ch in "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ")


def normalize_line(line: str) -> str:
    """One source line made plain: NFC, tone marks, spaces, dashes, emphasis."""
    line = unicodedata.normalize("NFC", line).translate(_TRANSLATE)
    line = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", line))
    line = _ITALIC.sub(r"\1", _EMPHASIS.sub("", line))
    line = normalize_tones(line)
    return " ".join(line.split())


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, one logical line per ``\\n``, and the way back to the source."""

    text: str
    offsets: tuple[int, ...]  # sorted offsets in ``text`` where a source line begins
    source_lines: tuple[int, ...]  # the 1-based source line beginning at each offset

    def line_of(self, offset: int) -> int:
        """The source line that the cleaned-text ``offset`` came from."""
        i = bisect.bisect_right(self.offsets, offset) - 1
        return self.source_lines[max(i, 0)] if self.source_lines else 1


def clean(raw: str) -> Cleaned:
    """Normalise ``raw`` and rejoin its hard-wrapped lines."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\\r\\n", "\n")
    numbered = unfold_columns([normalize_line(line) for line in raw.split("\n")])
    lines = [line for _, line in numbered]
    wrapped = _looks_hard_wrapped(lines)
    width = _wrap_width(lines)
    logical: list[list[tuple[int, str]]] = []
    for k, (number, line) in enumerate(numbered):
        if not line:
            logical.append([])
            continue
        current = logical[-1] if logical else []
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if current and _continues(current[0][1], current[-1][1], line, nxt, wrapped, width):
            current.append((number, line))
        else:
            logical.append([(number, line)])
    text_parts: list[str] = []
    offsets: list[int] = []
    sources: list[int] = []
    pos = 0
    for group in (g for g in logical if g):
        if text_parts:
            pos += 1  # the "\n" between logical lines
        for k, (number, line) in enumerate(group):
            if k:
                pos += 1  # the space joining wrapped parts
            offsets.append(pos)
            sources.append(number)
            pos += len(line)
        text_parts.append(" ".join(line for _, line in group))
    return Cleaned("\n".join(text_parts), tuple(offsets), tuple(sources))


_COLUMN_ROW = re.compile(r"\s*(?P<left>[^|]*?)\s*\|\s*(?P<right>[^|]*?)\s*")


def unfold_columns(lines: list[str]) -> list[tuple[int, str]]:
    """Lines numbered from 1, with two-column rows (``left | right``) unfolded column by column.

    Headers and signature blocks are often dumped as rows of two cells; a run of
    such rows becomes the left column's lines followed by the right column's.
    Markdown table rows (which start with ``|``) and lone ``|`` lines are kept.
    """
    out: list[tuple[int, str]] = []
    run: list[tuple[int, re.Match[str]]] = []

    def flush() -> None:
        out.extend((n, m.group("left")) for n, m in run if m.group("left"))
        out.extend((n, m.group("right")) for n, m in run if m.group("right"))
        run.clear()

    for number, line in enumerate(lines, start=1):
        if line.count("|") == 1 and line != "|":
            run.append((number, _COLUMN_ROW.fullmatch(line)))
            continue
        flush()
        out.append((number, line))
    flush()
    return out


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Many lines run on into a next line that starts in lower case."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if len(a) > 20 and b]
    if not pairs:
        return False
    runs_on = sum(1 for a, b in pairs if not a.endswith(_TERMINAL) and b[0].islower())
    return runs_on >= 0.2 * len(pairs)


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def starts_block(line: str) -> bool:
    """A line that always begins a new logical line."""
    return bool(
        match_label(line)
        or is_rule(line)
        or genre.is_table_row(line)
        or line.startswith("[")
        or any(p.match(line) for p in (genre.LEGAL_OPENER, genre.NUMBER_LINE, genre.ADDRESSEES, genre.RECIPIENTS,
                                       genre.ABOUT, genre.signature_mark()))
    )


def _continues(first: str, prev: str, line: str, nxt: str, wrapped: bool, width: int) -> bool:
    """Does source ``line`` continue the logical line that began with ``first`` and ends with ``prev``?"""
    if starts_block(line) or genre.is_table_row(prev) or first.startswith("#"):
        return False
    if _closed(prev) and not (prev.endswith((";", ",")) and line[0].islower()):
        return False
    label = match_label(first)
    if is_caps(prev):
        # a capitalised heading wrapped over lines: "I. MỤC ĐÍCH," / "YÊU CẦU"
        return bool(label) and is_caps(line)
    if is_caps(line) and not line[0].isdigit():
        return False
    if line[0].islower() or line[0].isdigit() or line[0] in "(%":
        return True
    if prev.rsplit(" ", 1)[-1] in _continuation_words():
        return True
    # the short tail of a wrapped line, followed by a new block: "... cơ quan báo chí" / "Trung ương"
    if wrapped and len(line.split()) <= 3 and not line.endswith(_TERMINAL) and (not nxt or starts_block(nxt)):
        return True
    if label and label.kind in _HEADING_LABELS:
        return False  # a heading ends before a capitalised line
    return wrapped and len(prev) >= 0.75 * width


def _closed(line: str) -> bool:
    return line.endswith(_TERMINAL) or is_rule(line) or line.startswith("(") and line.endswith(")")


@cache
def _continuation_words() -> frozenset[str]:
    """Words a wrapped line cannot end on: conjunctions, prepositions, body heads."""
    heads = {head.split()[0] for head in vocab.body_heads()}
    return frozenset(heads | set(vocab.column("continuation_words")))
