"""Normalisation and reflow: from a source text to the cleaned text every span points into.

- Unicode NFC, one tone-mark placement (``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``),
  odd spaces and dashes made plain, markdown emphasis dropped;
- hard-wrapped lines rejoined into logical lines, while headings, labels,
  bullets, table cells and separators keep their own lines; the cells of a
  table written one cell a line gather their lines (``cell_lines``);
- a map from every offset of the cleaned text back to its source line.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import contains, is_not, itemgetter
from typing import NamedTuple

import regex

from planparse.blocks import line_starts
from planparse.cell_lines import cell_lines
from planparse.lang import genre, vocab
from planparse.lang.genre import TONES, is_caps
from planparse.model import SectionKind
from planparse.lang.numbering import LABELLED, RULE, is_rule, match_label

# oa, oe, uy closing a syllable: the tone mark goes on the first vowel (hòa, khỏe, thủy);
# not after q, where u belongs to the consonant (quý).
_OLD_STYLE = re.compile(r"(?<![qQ])([oO][aAeE][\u0300-\u036f]*|[uU][yY][\u0300-\u036f]*)(?![\w\u0300-\u036f])")
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_EMPHASIS = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])")
_TRANSLATE = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00d0": "Đ", "\u00f0": "đ"})
_HORN = str.maketrans({"\u01a3": "\u01b0", "\u01a2": "\u01af"})  # ƣ Ƣ (oi), which some fonts' text gives for ư Ư
# what the spaces, dashes and emphasis steps change: a line without any is passed over at once; the printed ones
# (those str.isprintable() lets through) apart
_PRINTED_MARKS = "*_\u2013\u2014\u2212\u00d0\u00f0"
_MARKED = re.compile("[" + r"\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v\u200b-\u200d\u2060\ufeff\u00ad"
                     + _PRINTED_MARKS + "]")
# an oa, oe or uy with the tone on its second vowel closing a word (in NFC): the only syllables normalize_tones
# moves a mark in (not hoạch, toàn, which go on, nor quý, whose u belongs to the consonant). A pattern for each first
# vowel, led by its letter, which the regex engine seeks through a whole text fast (a class of letters or an
# alternation it tries a character at a time); the four as one for a line.
_TONES_ON_SECOND = tuple(re.compile(rf"{first}{second}(?!\w)(?<![qQ]..)") for firsts, second in
                         (("oO", "[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]"), ("uU", "[ỳýỷỹỵỲÝỶỸỴ]")) for first in firsts)
_TONE_ON_SECOND = re.compile("|".join(pattern.pattern for pattern in _TONES_ON_SECOND))
_SPACED_WORD = re.compile(r"\S+\s?")  # a word and the space after it
_TERMINAL = tuple(".;:!?…")  # a line ending so is closed, but ";" may run on in lower case
_PAGE_DIGITS = 3  # a page number alone on a line
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
    composed = unicodedata.normalize("NFC", text)
    if not _TONE_ON_SECOND.search(composed):
        return composed
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(move, unicodedata.normalize("NFD", text)))


_TONED_SECOND = re.compile("[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")  # the second vowels of oa, oe, uy with a tone


def _has_tone_pair(text: str) -> bool:
    return _TONED_SECOND.search(text) is not None


def normalize_line(line: str) -> str:
    """One source line made plain: NFC, tone marks, spaces, dashes, emphasis."""
    line = unicodedata.normalize("NFC", _horned(line))
    if _MARKED.search(line):
        line = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", line.translate(_TRANSLATE)))
        line = _ITALIC.sub(r"\1", _EMPHASIS.sub("", line))
    line = normalize_tones(line)
    return " ".join(line.split())


_Entry = tuple[int, str, int, tuple[int, ...] | None]  # a source line's number, text, raw offset, offsets from there


def _normalized_lines(raw: str) -> list[_Entry]:
    """The lines of ``raw`` through :func:`normalize_mapped`, numbered from 1, each with its offset: the lines it
    changes found in the whole text at C speed when they can be (:func:`_changed_lines`), else each line looked at;
    the others kept as they are, their entries made at C speed."""
    starts, lines = _source_lines(raw)
    entries = list(zip(count(1), lines, starts, repeat(None)))
    changed = _changed_lines(raw, lines, starts)
    if changed is None:
        changed = {k for k, line in enumerate(lines) if not _as_is(line)}
    for k in changed:
        line, offsets = normalize_mapped(lines[k])
        entries[k] = (k + 1, line, starts[k], offsets)
    return entries


def _changed_lines(raw: str, lines: list[str], starts: list[int]) -> set[int] | None:
    """The indices of the ``lines`` of ``raw`` (starting at ``starts``) that :func:`normalize_line` changes: those
    holding a horned u, a mark (odd space, dash, emphasis), a tone to move, or spaces to join. Sought in the whole text
    (the spaces around a line in its lines, at C speed too: a search for a pair of characters is many times slower than
    for one); ``None`` when it cannot be told so: lines not broken by ``\\n`` alone, a text not in NFC, or holding
    characters that are not printable besides its line breaks and marks."""
    if not _newlines_only(raw) or not unicodedata.is_normalized("NFC", raw):
        return None
    found: list[int] = []  # offsets of the changes
    inner = raw.replace("\n", "")
    if inner.isprintable():  # its only marks are printed ones
        for mark in _PRINTED_MARKS:
            found += _offsets(raw, mark)
    else:
        found += [m.start() for m in _MARKED.finditer(raw)]
        if not _MARKED.sub("", inner).isprintable():
            return None
    for horn in "\u01a3\u01a2":
        found += _offsets(raw, horn)
    found += [m.start() for pattern in _TONES_ON_SECOND for m in pattern.finditer(raw)]
    found += _offsets(raw, "  ")
    changed = {bisect.bisect_right(starts, at) - 1 for at in found}
    changed.update(compress(count(), map(is_not, map(str.strip, lines, repeat(" ")), lines)))  # spaced at an end
    return changed


def _offsets(text: str, needle: str) -> list[int]:
    """Where ``needle`` occurs in ``text`` (without overlaps), found at C speed."""
    out = []
    at = text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + len(needle))
    return out


def _as_is(line: str) -> bool:
    """Does :func:`normalize_line` keep ``line`` as it is?"""
    return _single_spaced(line) and _plain(line) and _TONE_ON_SECOND.search(line) is None


def _plain(line: str) -> bool:
    """Is ``line`` in NFC, with no horned u and no mark to make plain (odd space, dash, emphasis): a line that
    :func:`_unmarked` gives back as it is?"""
    return _MARKED.search(line) is None and _horned(line) is line and unicodedata.is_normalized("NFC", line)


def _single_spaced(line: str) -> bool:
    """Are the words of ``line`` parted by one space each, with none around them (its words joined again give it
    back)? Told at C speed, without splitting, when the line holds no tab, odd space or control character."""
    if line.isprintable() and "  " not in line:  # its only spaces are " "
        return line[:1] != " " and line[-1:] != " "
    return " ".join(line.split()) == line


def normalize_mapped(line: str) -> tuple[str, tuple[int, ...] | None]:
    """:func:`normalize_line` of ``line``, and for each character of the result its offset in ``line``
    (``None`` when the result is ``line`` itself)."""
    if _plain(line) and line.isprintable() and _TONE_ON_SECOND.search(line) is None:
        return _respaced(line)  # only its spaces change, as in most lines that change (an indented line)
    out = normalize_line(line)
    if out == line:
        return out, None
    where: Sequence[int]
    if _plain(line):
        text, where = line, range(len(line))  # only its tones and spaces change
    else:
        text, where = _unmarked(line)
    toned = normalize_tones(text)
    if len(toned) == len(text):  # a tone mark moves within its syllable: one character for one
        text = toned
    mapped = " ".join(text.split())
    if mapped != out:  # a normalisation this walk does not follow: map each character proportionally
        return out, tuple(min(len(line) - 1, k * len(line) // max(len(out), 1)) for k in range(len(out)))
    # each word's characters and the first space after it (which joins it to the next), ranges chained at C speed
    kept = islice(chain.from_iterable(range(*m.span()) for m in _SPACED_WORD.finditer(text)), len(out))
    return out, tuple(kept) if isinstance(where, range) else tuple(map(where.__getitem__, kept))


_SPACED_RUN = re.compile(r"[^ ]+(?: [^ ]+)*")  # words parted by single spaces


def _respaced(line: str) -> tuple[str, tuple[int, ...] | None]:
    """:func:`normalize_mapped` of a line whose only whitespace is " " and which has nothing else to normalise: its
    runs of single-spaced words joined by one space, each joining space mapped to the first space after its run."""
    runs = [m.span() for m in _SPACED_RUN.finditer(line)]
    out = " ".join([line[start:end] for start, end in runs])
    if out == line:
        return out, None
    return out, tuple(islice(chain.from_iterable(range(start, end + 1) for start, end in runs), len(out)))


def _unmarked(line: str) -> tuple[str, list[int]]:
    """``line`` in NFC without its invisible characters and emphasis, odd spaces and dashes made plain, and for each
    character of it its offset in ``line``."""
    chars, where = _composed(line)
    chars, where = _kept(chars, where, _INVISIBLE)
    chars = list(_ODD_SPACES.sub(" ", "".join(chars)).translate(_TRANSLATE))  # one character for one
    chars, where = _kept(chars, where, _EMPHASIS)
    text = "".join(chars)
    drop = {m.start(0) for m in _ITALIC.finditer(text)} | {m.end(1) for m in _ITALIC.finditer(text)}
    if drop:
        text = "".join(c for k, c in enumerate(chars) if k not in drop)
        where = [w for k, w in enumerate(where) if k not in drop]
    return text, where


def _horned(text: str) -> str:
    """``text`` with the horned u a font wrote as ``ƣ`` given back (``phƣơng`` → ``phương``); ``text`` itself if none."""
    return text.translate(_HORN) if "\u01a3" in text or "\u01a2" in text else text


def _composed(line: str) -> tuple[list[str], list[int]]:
    """``line`` in NFC as a list of characters, each with the offset of the cluster it came from (a character and
    the combining marks after it, each cluster composed on its own)."""
    if unicodedata.is_normalized("NFC", line) and _horned(line) is line:
        return list(line), list(range(len(line)))
    starts = [k for k, mark in enumerate(map(unicodedata.combining, line)) if not mark or not k]
    plain = _horned(line)  # one character for one
    parts = [unicodedata.normalize("NFC", plain[a:b]) for a, b in zip(starts, [*starts[1:], len(line)])]
    return list("".join(parts)), [a for a, part in zip(starts, parts) for _ in part]


def _kept(chars: list[str], where: list[int], drop: re.Pattern[str]) -> tuple[list[str], list[int]]:
    """The characters outside the matches of ``drop``, with their offsets."""
    text = "".join(chars)
    gone = {k for m in drop.finditer(text) for k in range(m.start(), m.end())}
    if not gone:
        return chars, where
    return [c for k, c in enumerate(chars) if k not in gone], [w for k, w in enumerate(where) if k not in gone]


class Piece(NamedTuple):
    """A part of a source line in the cleaned text: where it starts there, its source line and the
    offset of its characters in the raw text (``offsets``; ``None``: one for one from ``raw``)."""

    start: int
    line: int
    raw: int
    offsets: tuple[int, ...] | None
    length: int

    def to_raw(self, k: int) -> int:
        """The raw offset of the piece's ``k``-th character (``k == length``: just after the last)."""
        if self.offsets is None:
            return self.raw + k
        if k >= self.length:
            return self.raw + (self.offsets[-1] + 1 if self.offsets else 0)
        return self.raw + self.offsets[k]


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, one logical line per ``\\n``, and the way back to the source: where each part of a source
    line starts in the text (``starts``) and that line's entry (``entries``: number, text, raw offset, offsets), in
    the text's order; its :class:`Piece` made when asked for."""

    text: str
    starts: tuple[int, ...]
    entries: tuple[_Entry, ...]

    @cached_property
    def pieces(self) -> tuple[Piece, ...]:
        return tuple(map(self._piece, range(len(self.starts))))

    def _piece(self, i: int) -> Piece:
        number, line, at, offsets = self.entries[i]
        return Piece(self.starts[i], number, at, offsets, len(line))

    def piece_at(self, offset: int) -> Piece | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self._piece(max(i, 0)) if self.starts else None

    @cached_property
    def _lines(self) -> tuple[int, ...]:
        """The source line of each part, after the first part's again (for an offset before every part): indexed by
        ``bisect_right`` of an offset in ``starts`` itself; ``(1,)`` for a text without parts."""
        lines = tuple(map(itemgetter(0), self.entries))
        return (lines[0], *lines) if lines else (1,)

    def line_of(self, offset: int) -> int:
        """The source line that the cleaned-text ``offset`` came from (every provenance asks: no piece looked up)."""
        return self._lines[bisect.bisect_right(self.starts, offset)]

    def to_raw(self, offset: int) -> int:
        """The offset in the raw text of the character at cleaned ``offset`` (a joining space: the end
        of the part before it)."""
        piece = self.piece_at(offset)
        return piece.to_raw(min(offset - piece.start, piece.length)) if piece else 0

    @cached_property
    def _by_raw(self) -> tuple[tuple[int, ...], tuple[Piece, ...]]:
        ordered = sorted(self.pieces, key=lambda piece: piece.to_raw(0))
        return tuple(piece.to_raw(0) for piece in ordered), tuple(ordered)

    def from_raw(self, raw: int) -> int:
        """The cleaned offset of the first character kept at or after ``raw`` in its source piece."""
        starts, ordered = self._by_raw
        i = bisect.bisect_right(starts, raw) - 1
        if i < 0:
            return 0
        piece = ordered[i]
        if piece.offsets is None:
            return piece.start + min(raw - piece.raw, piece.length)
        return piece.start + bisect.bisect_left(piece.offsets, raw - piece.raw)


def clean(raw: str) -> Cleaned:
    """Normalise ``raw`` and rejoin its hard-wrapped lines."""
    numbered = unfold_columns(_normalized_lines(raw))
    lines = list(map(itemgetter(1), numbered))
    order, joins = _logical(raw, numbered, lines)
    entries = tuple(map(numbered.__getitem__, order))
    parts = list(chain.from_iterable(zip(joins, map(itemgetter(1), entries))))  # each part after what joins it
    return Cleaned("".join(parts), tuple(islice(accumulate(map(len, parts)), 0, None, 2)), entries)


def _logical(raw: str, numbered: list[_Entry], lines: list[str]) -> tuple[list[int], list[str]]:
    """The source lines kept in the cleaned text, in its order (indices of ``numbered``), and what goes before each:
    ``""`` (the first), ``"\\n"`` (one opening a logical line) or ``" "`` (one going on with the logical line before).
    A logical line is open until a blank line; a line after blank lines may still resume the last one."""
    wrapped = _looks_hard_wrapped(lines)
    width = _wrap_width(lines)
    cells = cell_lines(lines)
    taken = {k for parts in cells.values() for k in parts}
    order: list[int] = []
    joins: list[str] = []
    open_ = False  # the last logical line takes the next source line (no blank line or cell since)
    first = prev = ""  # the last logical line's first and last source lines
    for k, line in enumerate(lines):
        if k in cells:  # a cell of a table written one cell a line: its parts, a line of its own
            parts = cells[k]
            order += parts
            joins += ["\n" if joins else "", *" " * (len(parts) - 1)]
            first, prev, open_ = lines[parts[0]], lines[parts[-1]], False
            continue
        if k in taken:
            continue
        if not line:
            open_ = False
            continue
        if open_:
            joined = _continues(first, prev, line, lines[k + 1] if k + 1 < len(lines) else "", wrapped, width)
        elif not order:
            joined = False
        elif _page_number(prev, line, _next_text(lines, k), raw[numbered[order[-1]][2] + 1:numbered[k][2] + 1]):
            continue
        else:
            joined = _resumes(first, prev, line)  # the logical line stays shut to the next source line
        if joined:
            joins.append(" ")
        else:
            joins.append("\n" if joins else "")
            first, open_ = line, True
        order.append(k)
        prev = line
    return order, joins


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\\r\\n")  # a web copy's stray "\r\n" written out breaks a line too


def _source_lines(raw: str) -> tuple[list[int], list[str]]:
    """The lines of ``raw`` and their offsets."""
    if _newlines_only(raw):  # split at C speed
        lines = raw.split("\n")
        return line_starts(lines), lines
    starts, lines, at = [], [], 0
    for m in _LINE_BREAK.finditer(raw):
        starts.append(at)
        lines.append(raw[at:m.start()])
        at = m.end()
    return [*starts, at], [*lines, raw[at:]]


def _newlines_only(raw: str) -> bool:
    """Are the lines of ``raw`` broken by ``\\n`` alone? (A backslash sought first: one character is sought many
    times faster than a string, and most texts hold none.)"""
    return "\r" not in raw and ("\\" not in raw or "\\r\\n" not in raw)


_GROUP_ROW = re.compile(r"\s*(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,3})*)\.?\s*\|[^|]*$")
_COLUMN_ROW = re.compile(r"\s*(?P<left>[^|]*?)\s*\|\s*(?P<right>[^|]*?)\s*")
def unfold_columns(lines: list[_Entry]) -> list[_Entry]:
    """Lines numbered from 1, with two-column rows (``left | right``) unfolded column by column; each
    with its offset in the raw text and its characters' offsets from there.

    Headers and signature blocks are often dumped as rows of two cells; a run of
    such rows becomes the left column's lines followed by the right column's.
    Markdown table rows (which start with ``|``) and lone ``|`` lines are kept, and so
    is a numbered group row of a wider table (``I | GIAI ĐOẠN 1`` under its rows).
    """
    piped = list(compress(count(), map(contains, map(itemgetter(1), lines), repeat("|"))))  # at C speed
    if not piped:  # nothing in columns or tables: the lines as they are
        return lines
    out: list[_Entry] = []
    run: list[tuple[int, re.Match[str], tuple[int, ...] | None, int]] = []

    def part(number: int, m: re.Match[str], name: str, offsets: tuple[int, ...] | None, at: int) -> None:
        start, end = m.span(name)
        if start == end:
            return
        out.append((number, m.group(name), at, tuple(offsets[start:end]) if offsets else tuple(range(start, end))))

    def flush() -> None:
        for name in ("left", "right"):
            for number, m, offsets, at in run:
                part(number, m, name, offsets, at)
        run.clear()

    in_table = False  # the lines so far are rows of a table of three or more columns
    after = 0  # the line after the last line with a pipe
    for k in piped:
        if k > after:  # lines without a pipe, kept as they are: they end a run of rows and a table
            if run:
                flush()
            out += lines[after:k]
            in_table = False
        after = k + 1
        entry = lines[k]
        number, line, at, offsets = entry
        bars = line.count("|")
        group_row = in_table and _GROUP_ROW.match(line) is not None
        in_table = bars >= 2 or group_row
        if bars == 1 and line != "|" and not group_row:
            run.append((number, _COLUMN_ROW.fullmatch(line), offsets, at))
            continue
        if run:
            flush()
        out.append(entry)
    flush()
    out += lines[after:]
    return out


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Many lines run on into a next line that starts in lower case."""
    pairs = runs_on = 0
    for a, b in zip(lines, lines[1:]):
        if b and len(a) > 20:
            pairs += 1
            runs_on += b[0].islower() and not a.endswith(_TERMINAL)
    return pairs > 0 and runs_on >= 0.2 * pairs


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(filter(None, map(len, lines)))  # the non-blank lines' lengths, at C speed
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def starts_block(line: str) -> bool:
    """A line that always begins a new logical line."""
    return (_may_open(line[:2]) and _block_opener().match(line) is not None) or "|" in line and genre.is_table_row(line)


@lru_cache(maxsize=4096)
def _may_open(head: str) -> bool:
    """Can a line that begins with ``head`` (its first two characters) open a block? The opener's own pattern, matched
    partially (``head`` the start of a match): a cheap test, each head tried once, that skips most lines (a sentence's
    words: ``chỉ đạo``, ``Tổ chức``) before the whole pattern is tried."""
    return _partial_opener().match(head, partial=True) is not None


@cache
def _partial_opener() -> regex.Pattern[str]:
    """:func:`_block_opener` under ``regex``, which matches partially (``re`` does not)."""
    opener = _block_opener()
    return regex.compile(opener.pattern, opener.flags)


@cache
def _block_opener() -> re.Pattern[str]:
    """What opens a block, as one pattern to match at a line's start: a label (:func:`match_label`), a line that is
    only a label or a rule, a footnote's ``[``, and the genre's openers: a legal basis, the number line, Kính gửi, Nơi
    nhận, V/v, a signature's mark."""
    whole = [re.compile(rf"(?:{p.pattern})\Z", p.flags) for p in (genre.LONE_LABEL, RULE)]
    return genre.either(LABELLED, *whole, re.compile(r"\["), genre.LEGAL_OPENER, genre.NUMBER_LINE, genre.ADDRESSEES,
                        genre.RECIPIENTS, genre.ABOUT, genre.signature_mark())


def _continues(first: str, prev: str, line: str, nxt: str, wrapped: bool, width: int) -> bool:
    """Does source ``line`` continue the logical line that began with ``first`` and ends with ``prev``?"""
    # the tests that end the logical line, the cheap ones first: the line after a sentence or a table's row
    runs_on = prev.endswith((";", ",")) and line[:1].islower()  # a list's item in lower case after ; or ,
    # (a pipe sought before a table's row is: most lines hold none)
    if first.startswith("#") or "|" in prev and genre.is_table_row(prev) or (_closed(prev) and not runs_on) \
            or starts_block(line):
        return False
    if line[0].islower() and line[0].isalpha():
        return not is_caps(prev)  # a line that opens in lower case goes on, but not a heading in capitals (below)
    label = match_label(first)
    if is_caps(prev):
        # a capitalised heading wrapped over lines: "I. MỤC ĐÍCH," / "YÊU CẦU"
        return bool(label) and is_caps(line)
    if is_caps(line) and not line[0].isdigit():
        return False
    if line[0].islower() or line[0].isdigit() or line[0] in "(%":
        return True
    if prev[prev.rfind(" ") + 1:] in genre.continuation_words():  # its last word
        return True
    # the short tail of a wrapped line, followed by a new block: "... cơ quan báo chí" / "Trung ương"
    if wrapped and len(line.split()) <= 3 and not line.endswith(_TERMINAL) and (not nxt or starts_block(nxt)):
        return True
    if prev.endswith(","):
        return True  # a list of bodies broken after a comma: "…, Bộ Chỉ huy Quân sự tỉnh," / "Ủy ban nhân dân các xã …"
    if label and label.kind in _HEADING_LABELS:
        return False  # a heading ends before a capitalised line
    return wrapped and len(prev) >= 0.75 * width


def _resumes(first: str, prev: str, line: str) -> bool:
    """Does ``line``, after a blank line or a page break, go on with the sentence that ``prev`` left open? It
    opens in lower case, as no paragraph, heading or item does."""
    return line[0].islower() and not (starts_block(line) or _closed(prev) or is_caps(prev)
                                      or genre.is_table_row(prev) or first.startswith("#"))


def _page_number(prev: str, line: str, nxt: str, between: str) -> bool:
    """A page's number alone on its line (``12``) after a page break (a form feed ``between`` it and the line
    before), inside a sentence that runs on over the break."""
    return "\f" in between and line.isdecimal() and len(line) <= _PAGE_DIGITS and bool(nxt) \
        and _resumes(prev, prev, nxt)


def _next_text(lines: list[str], k: int) -> str:
    """The first line after line ``k`` that is not blank."""
    return next((lines[j] for j in range(k + 1, len(lines)) if lines[j]), "")  # no copy of the rest


def _closed(line: str) -> bool:
    return line.endswith(_TERMINAL) or line.startswith("(") and line.endswith(")") or is_rule(line)

