"""What every structured reader writes the same way: tables as pipe tables, two columns as ``left | right``
rows, list numbers as labels.

A table becomes a markdown pipe table: the header row, a ``|---|`` separator,
one line per row; a cell's own line breaks are joined with a space and a ``|``
inside a cell is written ``\\|``. Two columns set side by side (the header of
the genre, the signature block) become ``left | right`` rows, which
``clean.unfold_columns`` turns into the left column's lines then the right's.
"""

from __future__ import annotations

from collections.abc import Sequence


def cell_text(text: str | None) -> str:
    """A table cell on one line, with ``|`` escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def pipe_table(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """The lines of a pipe table; the first row is the header. Rows with no text are dropped."""
    cells = [[cell_text(c) for c in row] for row in rows]
    cells = [row for row in cells if any(row)]
    if not cells:
        return []
    width = max(len(row) for row in cells)
    lines = [" ".join(("| " + " | ".join(row + [""] * (width - len(row))) + " |").split()) for row in cells]
    return [lines[0], "|" + "---|" * width, *lines[1:]]


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


def table_lines(cells: Sequence[Sequence[tuple[Sequence[str], int]]]) -> list[str]:
    """A table whose cells are given as their lines and the number of grid columns they span: a pipe table
    when it has three columns or more; else a layout table (a header or signature block set in columns),
    its two columns as ``left | right`` rows. A spanning cell's text goes in its first column."""
    rows = [[column for lines, span in row for column in [lines, *([] for _ in range(span - 1))]] for row in cells]
    width = max((len(row) for row in rows), default=0)
    if width >= 3:
        return pipe_table([[" ".join(cell) for cell in row] for row in rows])
    lines: list[str] = []
    for row in rows:
        lines += column_rows(row[0], row[1]) if len(row) == 2 else [line for cell in row for line in cell]
    return lines


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def number_label(n: int, fmt: str) -> str:
    """The number ``n`` written in a list's format (Word's ``numFmt`` names): 4 → ``IV``, ``d``, ``04``."""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = ""
        for value, letters in _ROMAN:
            while n >= value:
                roman, n = roman + letters, n - value
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
