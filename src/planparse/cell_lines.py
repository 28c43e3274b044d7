"""Tables written one cell a line under a markdown header: which source lines make up each cell.

A copy of a table taken from a PDF page writes the first line of each of a row's
cells in turn, each on a line of its own, and the cells' further lines after the
row's last cell (``c)`` / ``Xây dựng tiêu chuẩn …, thẩm định`` / ``Viện Khoa học
lâm nghiệp Việt Nam, Cục`` / ``Vụ Khoa học và Công nghệ`` / ``Quý IV/2026`` /
``kết quả giảm phát thải …`` / ``Lâm nghiệp và Kiểm lâm``). A row opens with its
number alone on a line; the header's cells that did not fit its pipe row come
before the first row. Within a row, a line opens the next cell unless it starts
in lower case (a cell's text opens with a capital); once the row has a cell for
each column, each further line continues the first of the row's cells that is
still open, in order: a cell left on a word that cannot end a name or a phrase
(``Cục``, ``và``) takes it unless it opens a body of its own (``Cục`` never runs
on into ``Vụ Khoa học …``), and a cell left without closing punctuation takes a
line in lower case.
"""

from __future__ import annotations

from planparse.lang.genre import continuation_words, is_lone_label, is_table_row, opens_with_head
from planparse.tables import MD_RULE, width_of

_CLOSING = tuple(".;:!?…")


def cell_lines(lines: list[str]) -> dict[int, list[int]]:
    """For each table of ``lines`` written one cell a line, each cell's first line → the lines it is made of
    (in reading order). Lines of such a table that only continue a cell are in no list's first place."""
    cells: dict[int, list[int]] = {}
    end = 0  # the line after the last table found
    for k in [n for n, line in enumerate(lines[:-2]) if line.startswith("|")]:  # the rows that can head a table
        if k < end or not (MD_RULE.fullmatch(lines[k + 1]) and lines[k + 2] and not is_table_row(lines[k + 2])):
            continue
        end = k + 2
        while end < len(lines) and lines[end] and not is_table_row(lines[end]):
            end += 1
        cells.update(_table(lines, k + 2, end, width_of(lines[k])))
    return cells


def _table(lines: list[str], start: int, end: int, width: int) -> dict[int, list[int]]:
    """The cells of ``lines[start:end]``, written one a line under a header ``width`` cells wide."""
    starts = [k for k in range(start, end) if is_lone_label(lines[k])]
    if not starts:
        return {}
    width += starts[0] - start  # the header's cells that overflowed its pipe row
    bounds = list(zip(starts, [*starts[1:], end], strict=True))
    if any(b - a > 2 * width for a, b in bounds):
        return {}  # not cells: running text under the table
    cells = {k: [k] for k in range(start, starts[0])}
    for a, b in bounds:
        cells.update((cell[0], cell) for cell in _row(lines, a, b, width))
    return cells


def _row(lines: list[str], start: int, end: int, width: int) -> list[list[int]]:
    """The cells of the row written on ``lines[start:end]`` (its number the first)."""
    row: list[list[int]] = []
    after = 1  # the first cell a line past the row's last may continue (cells run on in order)
    for k in range(start, end):
        line = lines[k]
        if len(row) < width:
            if row and line[0].islower():
                row[-1].append(k)
            else:
                row.append([k])
            continue
        open_ = [i for i in range(after, len(row)) if _takes(lines[row[i][-1]], line)]
        after = open_[0] if open_ else len(row) - 1
        row[after].append(k)
    return row


def _takes(last: str, line: str) -> bool:
    """Does a cell whose last line is ``last`` run on into ``line``?"""
    if last.endswith(_CLOSING) and not (last.endswith(";") and line[0].islower()):
        return False
    word = last.rsplit(" ", 1)[-1]
    if word in continuation_words():
        return not (opens_with_head(line) and opens_with_head(word))
    return line[0].islower()
