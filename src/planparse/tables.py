"""Tables in the cleaned text, each cell with its span.

Two forms reach the cleaned text:

- pipe rows, one row a line: markdown (``| a | b |`` with a ``|---|`` rule under the
  header), the form the PDF/DOCX/HTML readers hand tables over in, and bare rows
  (``a | b | c``) from text dumps; ``\\|`` is a pipe inside a cell; a row that has fewer
  cells than the header runs on over the next lines (a cell that wraps);
- flattened tables, every cell on its own line and each cell closed by a line holding
  a lone ``|`` (a ``|`` straight after another closes an empty cell). Rows are not
  marked, so the header (the cells before the first row number) gives the width, and
  a row starts at a cell holding a row number (``1``, ``5.1``); a row number and the
  text after it in one cell (``5.1 Theo dõi …``) fill two columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter

from planparse.blocks import Line, lines_of
from planparse.lang.genre import is_lone_label, is_table_row

MD_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_ROW_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5}|[a-zđ])\.?(?=\s|$)")
_SPLIT = re.compile(r"(?<!\\)\|")
_GROUP_ROW = re.compile(r"(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,3})*)\.?\s*\|[^|]+")


@dataclass(frozen=True)
class Cell:
    """A cell's text (spaces collapsed, ``\\|`` unescaped) and its span in the cleaned text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """A table: its header cells and its rows, each as wide as the header."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    start: int
    end: int


def find_tables(text: str, lines: list[Line] | None = None) -> list[Table]:
    """Every table of ``text`` (a cleaned text, one logical line per ``\\n``), in order; ``lines``: its
    :func:`~planparse.blocks.lines_of`, when the caller has them."""
    if "|" not in text:
        return []  # both forms write pipes
    if lines is None:
        lines = lines_of(text)
    tables: list[Table] = []
    i = 0
    for k in _openings(list(map(itemgetter(0), lines))):
        if k >= i:
            table, i = _table_at(lines, k)
            if table is not None:
                tables.append(table)
    return tables


def _openings(texts: list[str]) -> list[int]:
    """The lines that may open a table, in order: those that hold a pipe (a row) and those above a lone ``|`` (a
    flattened table's first cell); :func:`_table_at` finds nothing at the others."""
    piped = [k for k, line in enumerate(texts) if "|" in line]
    return sorted({*piped, *(k - 1 for k in piped if k and texts[k] == "|")})


def _table_at(lines: list[Line], i: int) -> tuple[Table | None, int]:
    """The table starting at line ``i`` (if any) and the line after it."""
    line = lines[i].text
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if line and line != "|" and is_table_row(line) and is_table_row(nxt) and nxt != "|":
        return _pipe_table(lines, i)
    if line and line != "|" and nxt == "|":
        return _flattened_table(lines, i)
    return None, i + 1


def _pipe_cells(line: Line, markdown: bool = True) -> list[Cell]:
    """A row's cells; in a table without outer pipes (not ``markdown``) a line opening with ``|`` has an empty
    first cell."""
    text = line.text
    inner_start, inner_end = 0, len(text)
    if text.startswith("|") and markdown:
        inner_start = 1
    if text.endswith("|") and not text.endswith("\\|") and len(text) > 1:
        inner_end -= 1
    cells, at = [], inner_start
    for part in _SPLIT.split(text[inner_start:inner_end]):
        cells.append(_cell(part, line.start + at))
        at += len(part) + 1
    return cells


def width_of(row: str) -> int:
    """The number of cells of a markdown row (``| TT | Nội dung |``)."""
    return len(_pipe_cells(Line(row, 0, len(row))))


def _cell(raw: str, start: int) -> Cell:
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return Cell(" ".join(body.replace("\\|", "|").split()), start + lead, start + lead + len(body))


def _join(a: Cell, b: Cell) -> Cell:
    """A cell that wraps: its two parts as one."""
    if not a.text:
        return b
    return Cell(f"{a.text} {b.text}".strip(), a.start, max(a.end, b.end))


def _pipe_table(lines: list[Line], i: int) -> tuple[Table | None, int]:
    markdown = lines[i].text.startswith("|")
    header = _pipe_cells(lines[i])
    width = len(header)
    rows: list[list[Cell]] = []
    j = i + 1
    if not markdown and j < len(lines) and is_table_row(lines[j].text):
        sub = _pipe_cells(lines[j], markdown=False)
        if len(sub) > width and not sub[0].text:  # a second header row under a spanning cell (Thực hiện)
            header = [sub[k] if sub[k].text or k >= width else header[k] for k in range(len(sub))]
            width, j = len(header), j + 1
    while j < len(lines) and lines[j].text and lines[j].text != "|":
        line = lines[j]
        if MD_RULE.fullmatch(line.text):
            j += 1
            continue
        if not markdown and _GROUP_ROW.fullmatch(line.text):
            rows.append(_pipe_cells(line, markdown=False))  # a numbered group row: I | GIAI ĐOẠN 1
            j += 1
            continue
        if not is_table_row(line.text):
            if not rows or len(rows[-1]) >= width:
                break
            cells = [_cell(line.text, line.start)]  # the wrapped tail of the last cell, without pipes
        else:
            cells = _pipe_cells(line, markdown=markdown)
        if rows and len(rows[-1]) < width and len(cells) < width and not _opens_row(line.text, lines[i].text):
            rows[-1][-1] = _join(rows[-1][-1], cells[0])
            rows[-1].extend(cells[1:])
        else:
            rows.append(cells)
        j += 1
    if not rows and markdown:
        return _cell_lines_table(lines, i, header, j)
    if not rows:
        return None, i + 1
    end = lines[j - 1].start + len(lines[j - 1].text)
    return Table(tuple(header), tuple(_fit(row, width) for row in rows), lines[i].start, end), j


def _cell_lines_table(lines: list[Line], i: int, header: list[Cell], j: int) -> tuple[Table | None, int]:
    """A markdown header over rows written one cell a line, each row opening with its number alone on a line
    (a web copy of a table); header cells that overflowed come first. Ends at a blank or pipe line."""
    cells: list[Cell] = []
    while j < len(lines) and lines[j].text and not is_table_row(lines[j].text):
        cells.append(_cell(lines[j].text, lines[j].start))
        j += 1
    starts = [k for k, cell in enumerate(cells) if is_lone_label(cell.text)]
    if not starts:
        return None, i + 1
    header = header + cells[:starts[0]]
    width = len(header)
    rows = [list(cells[a:b]) for a, b in zip(starts, [*starts[1:], len(cells)], strict=True)]
    if any(len(row) > 2 * width for row in rows):
        return None, i + 1  # not cells: running text under the table
    end = lines[j - 1].start + len(lines[j - 1].text)
    return Table(tuple(header), tuple(_fit(row, width) for row in rows), lines[i].start, end), j


def _opens_row(text: str, header: str) -> bool:
    """A line that starts a new row: a markdown row under a markdown header, or a bare row opening with its number."""
    if header.startswith("|"):
        return text.startswith("|")
    return is_table_row(text) and bool(_ROW_NUMBER.match(text))


def _fit(row: list[Cell], width: int) -> tuple[Cell, ...]:
    """A row made as wide as the header: missing cells empty, extra cells joined into the last."""
    while len(row) > width:
        row[-2:] = [_join(row[-2], row[-1])]
    end = row[-1].end if row else 0
    return tuple(row) + tuple(Cell("", end, end) for _ in range(width - len(row)))


def _flattened_cells(lines: list[Line], i: int) -> tuple[list[Cell], int]:
    """The cells from line ``i`` on, each closed by a lone ``|``; the line after the last ``|``."""
    cells: list[Cell] = []
    j = i
    while j < len(lines):
        text = lines[j].text
        if text == "|":
            end = lines[j].start
            cells.append(Cell("", end, end))  # a "|" right after a "|": an empty cell
            j += 1
        elif text and j + 1 < len(lines) and lines[j + 1].text == "|":
            cells.append(_cell(text, lines[j].start))
            j += 2
        else:
            break
    return cells, j


def _flattened_table(lines: list[Line], i: int) -> tuple[Table | None, int]:
    cells, j = _flattened_cells(lines, i)
    first_row = next((k for k, cell in enumerate(cells) if _ROW_NUMBER.fullmatch(cell.text)), None)
    if first_row is None or first_row < 3:
        return None, max(j, i + 1)
    header, width = cells[:first_row], first_row
    rows: list[tuple[Cell, ...]] = []
    k = first_row
    while k < len(cells):
        row = _split_number(cells[k])
        k += 1
        while len(row) < width and k < len(cells):
            row.append(cells[k])
            k += 1
        rows.append(_fit(row, width))
    return Table(tuple(header), tuple(rows), lines[i].start, lines[j - 1].start + 1), j


def _split_number(cell: Cell) -> list[Cell]:
    """``5.1 Theo dõi …`` in one cell: the row number and the text, as two cells."""
    m = _ROW_NUMBER.match(cell.text)
    if m is None or m.end() == len(cell.text) or not re.match(r"\d", cell.text):
        return [cell]
    number = Cell(m.group(), cell.start, cell.start + m.end())
    rest = cell.text[m.end():]
    lead = len(rest) - len(rest.lstrip())
    return [number, Cell(rest.strip(), cell.start + m.end() + lead, cell.end)]
