"""Blocks: a document as its reader sees it, and the one way blocks are written out as text.

Readers know structure and hand it on: a :class:`Paragraph` (with the heading
level, numbering label and style the format gives it), a :class:`Table` (rows of
cells, spans kept), and :class:`Columns` (two columns set side by side: a PDF's
header or signature block). Each block knows its page (paged formats) and its
``position`` in the source's own order (a DOCX body element, an HTML element, a
PDF page item, a text line). Only the plain-text reader has no structure to give:
it gives one paragraph per line, and the Document guesses the rest.

:func:`render` writes the blocks as the text that cleaning, outline and the
grammars read: a paragraph as its lines (``## `` before a heading, its label
before its text), a table of three columns or more as a markdown pipe table, a
narrower table (the layout of a header or signature) and columns as
``left | right`` rows, which cleaning unfolds column by column. The rendering
keeps, for every text line, the block it came from, its page, and where each
table cell's text lies, so nothing downstream reads pipes back into cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple, overload


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its text (soft line breaks as ``\\n``) and what its format says of it."""

    text: str
    label: str | None = None  # the numbering label the reader sees (Word's automatic numbering, an <ol>)
    level: int | None = None  # heading level (Heading 2, <h2>); None for body text
    style: str | None = None  # the format's style name
    page: int | None = None
    position: int = 0


@dataclass(frozen=True)
class TableCell:
    """A cell: its lines, and the grid columns and rows it spans. A cell covered by a merge above it
    (Word's ``vMerge`` continuation) is kept as an empty cell with ``covered`` set."""

    lines: tuple[str, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    covered: bool = False

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


@dataclass(frozen=True)
class Table:
    """A table: rows of cells in reading order; ``row_pages`` gives each row's page (a table may run
    over pages). ``layout`` says whether it only sets text in columns (a header or signature block);
    left ``None``, a table of one or two columns is layout."""

    rows: tuple[tuple[TableCell, ...], ...]
    page: int | None = None
    position: int = 0
    row_pages: tuple[int | None, ...] | None = None
    layout: bool | None = None

    @property
    def width(self) -> int:
        """Grid columns: the widest row, spans counted."""
        return max((sum(cell.colspan for cell in row) for row in self.rows), default=0)

    @property
    def is_layout(self) -> bool:
        """A header or signature block set in a table, not a table of data: two columns of text at most (a
        spacer column left empty does not count)."""
        return len(self.filled_columns) < 3 if self.layout is None else self.layout

    @property
    def filled_columns(self) -> list[int]:
        """The grid columns that hold text in some row."""
        filled: set[int] = set()
        for row in self.rows:
            at = 0
            for cell in row:
                if cell.text:
                    filled.add(at)
                at += cell.colspan
        return sorted(filled)


@dataclass(frozen=True)
class Columns:
    """Two columns of lines set side by side (a PDF's header or signature block)."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    page: int | None = None
    position: int = 0


Block = Paragraph | Table | Columns


class TextLines(Sequence[Paragraph]):
    """A plain text's blocks: a paragraph per line, each made only when it is looked at (the Document reads the
    rendering, which is the text itself; an extractor looks at a few blocks by index)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines = text.split("\n")

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, k: int) -> Paragraph: ...

    @overload
    def __getitem__(self, k: slice) -> tuple[Paragraph, ...]: ...

    def __getitem__(self, k: int | slice) -> Paragraph | tuple[Paragraph, ...]:
        if isinstance(k, slice):
            return tuple(self[n] for n in range(len(self))[k])
        return Paragraph(self._lines[k], position=range(1, len(self) + 1)[k])

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


@dataclass(frozen=True)
class CellSpan:
    """Where a cell of a data table lies in the rendered text: block, row (0 = header), column, span."""

    block: int
    row: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class Rendering:
    """The blocks as text: one entry of ``line_blocks`` and ``line_pages`` per line of ``text``."""

    text: str
    line_blocks: tuple[int, ...]
    line_pages: tuple[int | None, ...]
    cells: tuple[CellSpan, ...] = ()
    table_rows: dict[int, tuple[int, ...]] = field(default_factory=dict)  # block → rendered line of each row

    @cached_property
    def paged(self) -> bool:
        """Do the lines have pages (a PDF)?"""
        return any(page is not None for page in self.line_pages)

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        return tuple(line_starts(self.text.split("\n")))


def line_starts(lines: Sequence[str]) -> list[int]:
    """Where each of ``lines`` starts in the text they make joined by ``\\n``: each length and its line break added
    up."""
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


class Line(NamedTuple):
    """A line of a text (one logical line of a cleaned text) and its span."""

    text: str
    start: int
    end: int


def lines_of(text: str) -> list[Line]:
    """The lines of ``text`` with their spans: made once for a cleaned text, read by its table finder and its
    outline. Each :class:`Line` made by ``tuple.__new__`` at C speed (a named tuple's ``_make`` is Python code)."""
    lines = text.split("\n")
    starts = line_starts(lines)
    return list(map(tuple.__new__, repeat(Line), zip(lines, starts, map(add, starts, map(len, lines)))))


def render(blocks: Sequence[Block]) -> Rendering:
    """The text of ``blocks``, each line with its block and page, each data cell with its span."""
    if isinstance(blocks, TextLines):  # a line a paragraph, with no label, heading or page: the text as it is
        return Rendering(blocks.text, tuple(range(len(blocks))), (None,) * len(blocks))
    lines: list[str] = []
    line_blocks: list[int] = []
    line_pages: list[int | None] = []
    cells: list[CellSpan] = []
    table_rows: dict[int, tuple[int, ...]] = {}
    pos = 0

    def add(line: str, block: int, page: int | None) -> int:
        nonlocal pos
        start = pos
        lines.append(line)
        line_blocks.append(block)
        line_pages.append(page)
        pos += len(line) + 1
        return start

    for k, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            for line in paragraph_lines(block):
                add(line, k, block.page)
        elif isinstance(block, Columns):
            for line in column_rows(block.left, block.right):
                add(line, k, block.page)
        elif block.is_layout:
            for line in _layout_lines(block):
                add(line, k, block.page)
        else:
            rows = _grid(block)
            pages = block.row_pages or (block.page,) * len(block.rows)
            kept = [(n, row, page) for n, (row, page) in enumerate(zip(rows, pages, strict=True)) if any(row)]
            at: list[int] = []
            for i, (_, row, page) in enumerate(kept):
                start = add(_row_line(row), k, page)
                at.append(len(lines) - 1)
                cells += [CellSpan(k, i, c, start + s, start + e) for c, (s, e) in enumerate(_cell_offsets(row))]
                if i == 0:
                    add("|" + "---|" * len(row), k, page)
            table_rows[k] = tuple(at)
    return Rendering("\n".join(lines), tuple(line_blocks), tuple(line_pages), tuple(cells), table_rows)


def paragraph_lines(p: Paragraph) -> list[str]:
    """A paragraph's lines as the text reads: ``## `` before a heading, the label before the text."""
    text = f"{p.label} {p.text}" if p.label else p.text
    if p.level and text.strip():
        text = "#" * p.level + " " + text
    return text.split("\n")


def cell_text(text: str | None) -> str:
    """A table cell on one line, with ``|`` escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def _grid(table: Table) -> list[list[str]]:
    """Each row as wide as the table, a spanning cell's text in its first column."""
    width = table.width
    rows = []
    for row in table.rows:
        cells = [text for cell in row for text in [cell_text(cell.text), *([""] * (cell.colspan - 1))]]
        rows.append(cells + [""] * (width - len(cells)))
    return rows


def _row_line(row: list[str]) -> str:
    return " ".join(("| " + " | ".join(row) + " |").split())


def _cell_offsets(row: list[str]) -> list[tuple[int, int]]:
    """The span of each cell's text in :func:`_row_line` of ``row``."""
    spans, pos = [], 1  # after the opening "|"
    for text in row:
        pos += 1  # the space after "|"
        spans.append((pos, pos + len(text)))
        pos += len(text) + (1 if text else 0) + 1  # the text, its space, the "|"
    return [(s, s) if s == e else (s, e) for s, e in spans]


def _layout_lines(table: Table) -> list[str]:
    """A layout table's text: two columns as ``left | right`` rows, else its cells' lines in order."""
    out: list[str] = []
    filled = table.filled_columns
    for row in table.rows:
        grid = [list(cell.lines) if i == 0 else [] for cell in row for i in range(cell.colspan)]
        columns = [grid[k] for k in filled if k < len(grid)]
        if len(columns) == 2:
            out += column_rows(columns[0], columns[1])
        else:
            out += [line for lines in columns for line in lines]
    return out


def column_rows(left: Sequence[str], right: Sequence[str]) -> list[str]:
    """Two columns of lines side by side as ``left | right`` rows (blank lines dropped)."""
    left = [line.strip() for line in left if line.strip()]
    right = [line.strip() for line in right if line.strip()]
    if not right:
        return left
    if not left:
        return right
    height = max(len(left), len(right))
    left += [""] * (height - len(left))
    right += [""] * (height - len(right))
    return [f"{a} | {b}".strip() for a, b in zip(left, right, strict=True)]


def map_text(block: Block, fn: Callable[[str], str]) -> Block:
    """``block`` with ``fn`` applied to every text it holds (a legacy encoding converted, say)."""
    if isinstance(block, Paragraph):
        return replace(block, text=fn(block.text), label=fn(block.label) if block.label else block.label)
    if isinstance(block, Columns):
        return replace(block, left=tuple(map(fn, block.left)), right=tuple(map(fn, block.right)))
    rows = tuple(tuple(replace(cell, lines=tuple(map(fn, cell.lines))) for cell in row) for row in block.rows)
    return replace(block, rows=rows)
