"""Word (DOCX) through python-docx: paragraphs in order, automatic numbering written out, tables.

- a paragraph numbered by Word gets the label the reader sees (``I.``, ``1.``,
  ``a)``, ``-``), counted as Word counts: per list, lower levels restarting;
- a heading style (``Heading 2``) becomes a markdown heading (``## …``);
- a table of three or more columns becomes a pipe table; a table of one or two
  columns is layout (the header, the signature block) and gives its text, two
  columns as ``left | right`` rows.
"""

from __future__ import annotations

import io
import re
import zipfile

from planparse.errors import CorruptFileError, MissingExtraError
from planparse.model import SourceInfo
from planparse.read import Source
from planparse.read.layout import number_label, table_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"(?:heading|tiêu đề)\s*(\d)", re.IGNORECASE)
_LEVEL_NUMBER = re.compile(r"%(\d)")  # in a level's text: the number of level n ("%1.%2.")
_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf0fc": "•", "o": "+", "\u25cf": "•", "\u25aa": "•"}


def read_docx(data: bytes, info: SourceInfo) -> Source:
    """Read a DOCX file; raise :class:`CorruptFileError` for a damaged one."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError
    except ImportError:
        raise MissingExtraError("reading DOCX needs python-docx: pip install 'planparse[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, EOFError) as exc:
        raise CorruptFileError(f"the DOCX file is damaged or truncated ({type(exc).__name__}: {exc})") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            lines += _paragraph(child, document, numbering).split("\n")
        elif child.tag == f"{_W}tbl":
            lines += _table(child, document, numbering)
    return Source("\n".join(lines), info)


def _paragraph(p, document, numbering: _Numbering, heading: bool = True) -> str:
    """A paragraph's text with its numbering label, soft line breaks kept."""
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(p, document.part)
    text = paragraph.text.replace("\t", " ")
    label = numbering.label(p, paragraph.style)
    if label:
        text = f"{label} {text}"
    level = _HEADING.search(paragraph.style.name or "") if heading and paragraph.style is not None else None
    if level and text.strip():
        text = "#" * int(level.group(1)) + " " + text
    return text


def _table(tbl, document, numbering: _Numbering) -> list[str]:
    rows: list[list[tuple[list[str], int]]] = []  # row → cell → (lines, columns spanned)
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[tuple[list[str], int]] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = props.find(f"{_W}gridSpan") if props is not None else None
            merge = props.find(f"{_W}vMerge") if props is not None else None
            continued = merge is not None and merge.get(f"{_W}val") in (None, "continue")
            cell = [] if continued else [
                line for p in tc.iter(f"{_W}p") for line in _paragraph(p, document, numbering, False).split("\n")]
            row.append((cell, int(span.get(f"{_W}val", "1")) if span is not None else 1))
        rows.append(row)
    return table_lines(rows)


class _Numbering:
    """The labels Word draws before numbered paragraphs, counted in document order."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId → level → {fmt, text, start}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, level → start override)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
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

    def label(self, p, style) -> str | None:
        """The label of paragraph ``p`` (its own numbering, or its style's), counting it."""
        num_id, ilvl = self._num_pr(p)
        if num_id is None and style is not None:
            num_id, ilvl = self._num_pr(style.element)
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

    @staticmethod
    def _num_pr(el) -> tuple[str | None, int]:
        num_pr = el.find(f"{_W}pPr/{_W}numPr")
        if num_pr is None:
            return None, 0
        num_id = _val(num_pr, "numId", None)
        return (None if num_id in (None, "0") else num_id), int(_val(num_pr, "ilvl", "0"))


def _val(el, tag: str, default):
    child = el.find(f"{_W}{tag}")
    return child.get(f"{_W}val", default) if child is not None else default
