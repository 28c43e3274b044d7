"""Word (DOCX) read from its XML with lxml: its paragraphs and tables as blocks, automatic numbering as labels.

- one :class:`Paragraph` per Word paragraph, its position the index among the
  body's elements, soft line breaks kept as ``\n``;
- a paragraph numbered by Word gets the label the reader sees (``I.``, ``1.``,
  ``a)``, ``-``), counted as Word counts: per list, lower levels restarting;
- a heading style (``Heading 2``) gives the heading level;
- a table becomes a :class:`Table`, ``gridSpan`` its cells' colspan and ``vMerge``
  their rowspan (a continued cell is kept, covered); a cell's paragraphs are its
  lines (labels written, no heading marks).

The package (``docx_package``) gives the main document part and the styles and numbering parts it
relates to; a paragraph's text is that of its runs and hyperlinks' runs, as python-docx reads it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, replace

from planparse.blocks import Block, Paragraph, Table, TableCell, paragraph_lines
from planparse.errors import CorruptFileError, MissingExtraError
from planparse.model import SourceInfo
from planparse.read import Source
from planparse.read.numbering_labels import number_label

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _R, _HYPERLINK, _T, _BR, _VAL = (_W + tag for tag in ("p", "tbl", "r", "hyperlink", "t", "br", "val"))
_STYLE_OF_PARAGRAPH, _LIST_OF_PARAGRAPH = f"{_W}pPr/{_W}pStyle", f"{_W}pPr/{_W}numPr"
# a run's other inner content and its text (a break's depends on its type: only a line break is "\n")
_RUN_CONTENT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
             **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}  # styles.xml name → the name Word shows
_HEADING = re.compile(r"(?:heading|tiêu đề)\s*(\d)", re.IGNORECASE)
_LEVEL_NUMBER = re.compile(r"%(\d)")  # in a level's text: the number of level n ("%1.%2.")
_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf0fc": "•", "o": "+", "\u25cf": "•", "\u25aa": "•"}


def read_docx(data: bytes, info: SourceInfo) -> Source:
    """Read a DOCX file; raise :class:`CorruptFileError` for a damaged one."""
    try:
        from lxml import etree
    except ImportError:
        raise MissingExtraError("reading DOCX needs lxml: pip install 'planparse[docx]'") from None
    from planparse.read.docx_package import WordPackage

    try:
        package = WordPackage(data)
        body = package.document.find(f"{_W}body")
        ctx = _Context(_Numbering(package.numbering), _Styles(package.styles))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, EOFError) as exc:
        raise CorruptFileError(f"the DOCX file is damaged or truncated ({type(exc).__name__}: {exc})") from None
    blocks: list[Block] = []
    for position, child in enumerate(body.iterchildren() if body is not None else ()):
        if child.tag == _P:
            blocks.append(_paragraph(child, ctx, position))
        elif child.tag == _TBL:
            blocks.append(_table(child, ctx, position))
    return Source(tuple(blocks), info)


def _paragraph(p, ctx: _Context, position: int = 0, in_cell: bool = False) -> Paragraph:
    """A paragraph with its numbering label (counted), heading level (none in a table cell) and style,
    soft line breaks kept."""
    style = ctx.styles.of(p)
    label = ctx.numbering.label(p, style)
    return Paragraph(_text(p).replace("\t", " "), label=label,
                     level=style.level if style is not None and not in_cell else None,
                     style=style.name if style is not None else None, position=position)


def _text(p) -> str:
    """The text of paragraph ``p``: that of its runs, and of the runs of its hyperlinks."""
    parts: list[str] = []
    for child in p:
        if child.tag == _R:
            _run_text(child, parts)
        elif child.tag == _HYPERLINK:
            for run in child.iterchildren(_R):
                _run_text(run, parts)
    return "".join(parts)


def _run_text(run, parts: list[str]) -> None:
    """Append the text of ``run``: its texts, tabs, hyphens and line breaks (a page or column break is none)."""
    for e in run:
        tag = e.tag
        if tag == _T:
            parts.append(e.text or "")
        elif tag == _BR:
            if e.get(f"{_W}type", "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag in _RUN_CONTENT:
            parts.append(_RUN_CONTENT[tag])


def _table(tbl, ctx: _Context, position: int) -> Table:
    """The table's cells: colspan from ``gridSpan``; a ``vMerge`` restart spans the continued cells
    below it in its grid column, which are kept as covered cells."""
    rows: list[list[TableCell]] = []
    starts: list[list[int]] = []  # row → grid column of each cell
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[TableCell] = []
        columns: list[int] = []
        column = 0
        for tc in tr.iterchildren(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = props.find(f"{_W}gridSpan") if props is not None else None
            merge = props.find(f"{_W}vMerge") if props is not None else None
            colspan = int(span.get(f"{_W}val", "1")) if span is not None else 1
            if merge is not None and merge.get(f"{_W}val") in (None, "continue"):
                row.append(TableCell(colspan=colspan, covered=True))
            else:
                lines = [line for p in tc.iter(_P) for line in paragraph_lines(_paragraph(p, ctx, in_cell=True))]
                row.append(TableCell(tuple(lines), colspan=colspan))
            columns.append(column)
            column += colspan
        rows.append(row)
        starts.append(columns)
    return Table(tuple(tuple(row) for row in _row_spans(rows, starts)), position=position)


def _row_spans(rows: list[list[TableCell]], starts: list[list[int]]) -> list[list[TableCell]]:
    """Each cell that a covered cell below continues (same grid column) with its rowspan."""
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.covered:
                continue
            n = 1
            while r + n < len(rows) and _covered_at(rows[r + n], starts[r + n], starts[r][c]):
                n += 1
            if n > 1:
                row[c] = replace(cell, rowspan=n)
    return rows


def _covered_at(row: list[TableCell], starts: list[int], column: int) -> bool:
    return any(cell.covered and start == column for cell, start in zip(row, starts, strict=True))


@dataclass(frozen=True)
class _Context:
    """What reading a paragraph needs of its document: the list counters, the styles."""

    numbering: _Numbering
    styles: _Styles


@dataclass(frozen=True)
class _Style:
    """A paragraph style: the name Word shows, the heading level it names (``Heading 2``), and the list
    (numId, level) it numbers its paragraphs in."""

    name: str | None
    level: int | None = None
    num_pr: tuple[str | None, int] = (None, 0)


class _Styles:
    """The document's paragraph styles by id, each read once; an unknown or missing id is the default style."""

    def __init__(self, root) -> None:
        self.elements: dict[str, object] = {}  # styleId → the first style element with it
        self.by_id: dict[str | None, _Style | None] = {}
        if root is None:  # no styles part: Word's default paragraph style
            self.default: _Style | None = _Style("Normal")
            return
        default = None
        for element in root.iterchildren(f"{_W}style"):
            self.elements.setdefault(element.get(f"{_W}styleId"), element)
            if _is_paragraph(element) and element.get(f"{_W}default") in ("1", "true", "on"):
                default = element  # the last default of its type counts
        self.default = _style(default) if default is not None else None

    def of(self, p) -> _Style | None:
        """The style of paragraph element ``p`` (its own, else the document's default paragraph style)."""
        style_id = _val(p, _STYLE_OF_PARAGRAPH, None)
        if style_id not in self.by_id:
            element = self.elements.get(style_id) if style_id else None
            self.by_id[style_id] = _style(element) if element is not None and _is_paragraph(element) else self.default
        return self.by_id[style_id]


def _is_paragraph(style) -> bool:
    return style.get(f"{_W}type") == "paragraph"


def _style(element) -> _Style:
    name = _val(element, "name", None)
    if name is None:
        return _Style(None, None, _num_pr(element))
    heading = _HEADING.search(name)
    return _Style(_UI_NAMES.get(name, name), int(heading.group(1)) if heading else None, _num_pr(element))


class _Numbering:
    """The labels Word draws before numbered paragraphs, counted in document order."""

    def __init__(self, root) -> None:
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId → level → {fmt, text, start}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, level → start override)
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl"))] = {
                    "fmt": _val(lvl, "numFmt", "decimal"), "text": _val(lvl, "lvlText", ""),
                    "start": int(_val(lvl, "start", "1")),
                }
            self.levels[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.iterchildren(f"{_W}num"):
            overrides = {}
            for override in num.iterchildren(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{_W}ilvl"))] = int(start.get(f"{_W}val"))
            self.nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId", ""), overrides)

    def label(self, p, style: _Style | None) -> str | None:
        """The label of paragraph ``p`` (its own numbering, or its style's), counting it."""
        num_id, ilvl = _num_pr(p)
        if num_id is None and style is not None:
            num_id, ilvl = style.num_pr
        if num_id is None or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        key = num_id if overrides else abstract  # lists without a restart share one count
        counts = self.counters.setdefault(key, {})
        counts[ilvl] = counts.get(ilvl, overrides.get(ilvl, levels[ilvl]["start"]) - 1) + 1
        for deeper in [lvl for lvl in counts if lvl > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level["fmt"] == "bullet":
            return _BULLETS.get(level["text"], level["text"] or "•")
        if level["fmt"] == "none":
            return None

        def value(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            n = counts.get(lvl, overrides.get(lvl, levels.get(lvl, {"start": 1})["start"]))
            return number_label(n, levels.get(lvl, level)["fmt"])

        return _LEVEL_NUMBER.sub(value, level["text"]) or None


def _num_pr(el) -> tuple[str | None, int]:
    """The list (numId, level) a paragraph or style element numbers in; numId None if it is in none."""
    num_pr = el.find(_LIST_OF_PARAGRAPH)
    if num_pr is None:
        return None, 0
    num_id = _val(num_pr, "numId", None)
    return (None if num_id in (None, "0") else num_id), int(_val(num_pr, "ilvl", "0"))


def _val(el, path: str, default):
    """The ``w:val`` of the first element at ``path`` (a tag in the w namespace, or a full path) under ``el``."""
    child = el.find(path if path[0] == "{" else _W + path)
    return child.get(_VAL, default) if child is not None else default
