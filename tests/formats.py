"""Writers of test fixtures: a corpus text laid out as the PDF, DOCX and HTML files plans reach users as.

The text is read as blocks the way a person sees it: markdown headings, two
columns written ``left | right`` (the header, the signature block), tables
(markdown pipe tables, rows of ``a | b | c`` cells, and web copies that put
each cell on its own lines between lone ``|`` lines, starting at a ``TT``
cell), and paragraphs (one per source line). Each writer then sets the blocks
as its format does: the PDF with a Vietnamese-capable font, wrapped and
justified, a running header and page numbers, ruled tables; the DOCX with
automatic numbering for labels; the HTML inside a portal page's chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import ttf_opensans

from planparse.lang.quantities import roman_value

FONT = Path(ttf_opensans.__file__).parent / "ttf"


@dataclass
class Block:
    kind: str  # heading, para, columns, table
    text: str = ""
    level: int = 0
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def plain(text: str) -> str:
    """A line without markdown emphasis marks."""
    return _EMPHASIS.sub("", text).strip()


def blocks(text: str) -> list[Block]:
    """The blocks of a corpus text, in order."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[Block] = []
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        if not line:
            k += 1
        elif line == "|":
            k += 1  # a cell boundary of a web copy: the cells are read as lines
        elif line.startswith("|") or line.count("|") >= 2:
            rows = []
            while k < len(lines) and (lines[k].strip().startswith("|") or lines[k].count("|") >= 2):
                row = lines[k].strip()
                if not _SEPARATOR.fullmatch(row):
                    rows.append(tuple(c.strip() for c in row.strip("|").split("|")))
                k += 1
            out.append(Block("table", rows=tuple(rows)))
        elif line.count("|") == 1:
            left, right = [], []
            while k < len(lines) and lines[k].count("|") == 1 and lines[k].strip() != "|":
                a, b = lines[k].split("|")
                left.append(a.strip())
                right.append(b.strip())
                k += 1
            out.append(Block("columns", left=tuple(x for x in left if x), right=tuple(x for x in right if x)))
        elif m := _HEADING.fullmatch(line):
            out.append(Block("heading", plain(m.group(2)), level=len(m.group(1))))
            k += 1
        else:
            if _cell_run_starts(lines, k):
                table, k = _flattened_table(lines, k)
                out.append(table)
                continue
            out.append(Block("para", line))
            k += 1
    return out


def _cell_run_starts(lines: list[str], k: int) -> bool:
    """A ``TT`` line followed by a lone ``|``: the first header cell of a flattened table."""
    return lines[k].strip() in ("TT", "STT") and k + 1 < len(lines) and lines[k + 1].strip() == "|"


def _flattened_table(lines: list[str], k: int) -> tuple[Block, int]:
    """The table whose cells run from ``k`` to the last lone ``|`` before a blank line, each cell
    ended by a lone ``|``."""
    end = k
    for i in range(k, len(lines)):
        if not lines[i].strip():
            break
        if lines[i].strip() == "|":
            end = i
    cells, current = [], []
    for line in lines[k:end + 1]:
        if line.strip() == "|":
            cells.append(" ".join(current))
            current = []
        else:
            current.append(line.strip())
    return Block("table", rows=_rows(cells)), end + 1


def _rows(cells: list[str]) -> tuple[tuple[str, ...], ...]:
    """Cells of a flattened table into rows: the header runs to the first number; a row missing its
    number (a sub-row such as ``5.1 …``) gets an empty first cell."""
    width = next(i for i, c in enumerate(cells) if c.isdigit())
    rows = [tuple(cells[:width])]
    k = width
    while k < len(cells):
        take = width if cells[k].isdigit() else width - 1
        row = cells[k:k + take]
        rows.append(tuple(([""] if take < width else []) + row + [""] * (take - len(row))))
        k += take
    return tuple(rows)


def _spans(text: str) -> list[tuple[str, bool, bool]]:
    """Runs of (text, bold, italic) from markdown emphasis."""
    out: list[tuple[str, bool, bool]] = []
    bold = italic = False
    pos = 0
    for m in _EMPHASIS.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], bold, italic))
        if m.group() in ("**", "__"):
            bold = not bold
        else:
            italic = not italic
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], bold, italic))
    return out


# --- PDF ---------------------------------------------------------------------------------------------------


def write_pdf(text: str, path: Path, running_header: bool = True, compress: bool = True) -> Path:
    """The text as an A4 PDF: justified wrapped paragraphs, two-column blocks, ruled tables,
    a running header from page 2 on and ``Trang n/N`` at the foot of every page."""
    from fpdf import FPDF

    parts = blocks(text)
    header = next((plain(b.text) or b.left[0] for b in parts if b.text or b.left), "")

    class Doc(FPDF):
        def header(self) -> None:
            if running_header and self.page_no() > 1:
                self.set_font("body", size=8)
                self.cell(0, 5, header, align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("body", size=8)
            self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align="C")

    pdf = Doc(format="A4")
    pdf.set_compression(compress)
    pdf.set_margins(25, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("body", "", FONT / "OpenSans-Regular.ttf")
    pdf.add_font("body", "B", FONT / "OpenSans-Bold.ttf")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in parts:
        if block.kind == "columns":
            pdf.set_font("body", "B", 10)
            half = 0.46 * width
            for a, b in zip(*_padded(block.left, block.right), strict=True):
                x = pdf.l_margin
                pdf.cell(half, 5.5, _fit(pdf, a, half), align="C")
                pdf.set_x(x + width - half)
                pdf.cell(half, 5.5, _fit(pdf, b, half), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
        elif block.kind == "table":
            pdf.set_font("body", "", 8)
            ncols = max(len(r) for r in block.rows)
            lengths = [max(len(r[i]) if i < len(r) else 0 for r in block.rows) for i in range(ncols)]
            widths = [max(8, min(60, n)) for n in lengths]
            with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.2) as table:
                for r in block.rows:
                    row = table.row()
                    for i in range(ncols):
                        row.cell(r[i] if i < len(r) else "")
            pdf.ln(3)
        else:
            heading = block.kind == "heading"
            pdf.set_font("body", "B" if heading else "", 11)
            pdf.multi_cell(0, 5.6, plain(block.text), align="L" if heading else "J", new_x="LMARGIN",
                           new_y="NEXT")
            pdf.ln(1)
    pdf.output(str(path))
    return path


def _padded(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[list[str], list[str]]:
    n = max(len(left), len(right))
    return list(left) + [""] * (n - len(left)), list(right) + [""] * (n - len(right))


def _fit(pdf, text: str, width: float) -> str:
    """Shrink the font until ``text`` fits in ``width``."""
    text = plain(text)
    size = 10.0
    while size > 6 and pdf.get_string_width(text) > width - 2:
        size -= 0.5
        pdf.set_font_size(size)
    return text


# --- DOCX ----------------------------------------------------------------------------------------------------

_LABELS = [  # (pattern of a label the writer turns into automatic numbering, numFmt, lvlText)
    (re.compile(r"(?P<n>[IVX]+)\.\s+"), "upperRoman", "%1."),
    (re.compile(r"(?P<n>\d+)\.\s+"), "decimal", "%1."),
    (re.compile(r"(?P<n>[a-h])\)\s+"), "lowerLetter", "%1)"),
    (re.compile(r"-\s+"), "bullet", "-"),
]


def _value(label: str, fmt: str) -> int:
    if fmt == "upperRoman":
        return roman_value(label)
    if fmt == "lowerLetter":
        return ord(label) - ord("a") + 1
    return int(label) if label.isdigit() else 1


def write_docx(text: str, path: Path) -> Path:
    """The text as a DOCX: headings styled, labels as automatic numbering, tables, two columns as a
    borderless two-column table."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract_ids: dict[str, int] = {}
    for k, (_, fmt, lvl_text) in enumerate(_LABELS):
        abstract_ids[fmt] = 90 + k
        el = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{90 + k}"><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
        first_num.addprevious(el)
    lists: dict[str, tuple[int, int]] = {}  # numFmt → (numId, next value)

    def numbered(paragraph, line: str) -> str:
        for pattern, fmt, _ in _LABELS:
            m = pattern.match(line)
            if not m:
                continue
            value = _value(m.groupdict().get("n") or "", fmt)
            num_id, expected = lists.get(fmt, (0, 0))
            if value != expected:
                num_id = 200 + len(numbering.findall(qn("w:num")))
                numbering.append(parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_ids[fmt]}"/>'
                    f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{value}"/></w:lvlOverride></w:num>'))
            lists[fmt] = (num_id, value + 1)
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
            return line[m.end():]
        return line

    def add_runs(paragraph, line: str) -> None:
        for part, bold, italic in _spans(line):
            run = paragraph.add_run(part)
            run.bold, run.italic = bold or None, italic or None

    for block in blocks(text):
        if block.kind == "heading":
            paragraph = document.add_heading(level=min(block.level, 9))
            add_runs(paragraph, numbered(paragraph, block.text))
        elif block.kind == "para":
            paragraph = document.add_paragraph()
            add_runs(paragraph, numbered(paragraph, block.text))
        elif block.kind == "columns":
            table = document.add_table(rows=1, cols=2)
            for cell, lines in zip(table.rows[0].cells, (block.left, block.right), strict=True):
                cell.paragraphs[0].text = plain(lines[0]) if lines else ""
                for line in lines[1:]:
                    cell.add_paragraph(plain(line))
        else:
            ncols = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in zip(table.rows, block.rows, strict=True):
                for cell, value in zip(r.cells, row, strict=False):
                    cell.text = value
    document.save(str(path))
    return path


# --- HTML ----------------------------------------------------------------------------------------------------

_CHROME_TOP = """<header class="site-header"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ</div>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản</a></div>"""
_SIDEBAR = """<aside class="sidebar"><h3>Văn bản mới</h3><ul>
<li><a href="/vb/1">Quyết định số 999/QĐ-UBND ngày 02/01/2024 về việc công bố thủ tục hành chính</a></li>
<li><a href="/vb/2">Kế hoạch số 888/KH-UBND ngày 03/01/2024 về phòng cháy chữa cháy</a></li>
<li><a href="/vb/3">Công văn số 777/UBND-VX ngày 04/01/2024 về việc tăng cường quản lý</a></li></ul>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div></aside>"""
_FOOTER = """<footer><p>Cơ quan chủ quản: Văn phòng Ủy ban nhân dân tỉnh. Số giấy phép: 123/GP-TTĐT ngày 01/01/2020.</p>
<p>Địa chỉ: số 1 đường Trần Hưng Đạo. Điện thoại: 0123 456 789.</p></footer>
<script>window.dataLayer = [];</script>"""


def write_html(text: str, path: Path) -> Path:
    """The text as a page of a provincial portal: the document in an article, among menus, a sidebar of
    other documents and a footer."""
    body: list[str] = []

    def inline(line: str) -> str:
        out = []
        for part, bold, italic in _spans(line):
            part = escape(part)
            out.append(f"<b>{part}</b>" if bold else f"<i>{part}</i>" if italic else part)
        return "".join(out)

    for block in blocks(text):
        if block.kind == "heading":
            body.append(f"<h{block.level}>{inline(block.text)}</h{block.level}>")
        elif block.kind == "para":
            body.append(f"<p>{inline(block.text)}</p>")
        elif block.kind == "columns":
            cells = ("<br>".join(inline(x) for x in lines) for lines in (block.left, block.right))
            body.append('<table class="header" style="border:0"><tr>'
                        + "".join(f'<td style="text-align:center">{c}</td>' for c in cells) + "</tr></table>")
        else:
            head, *rest = block.rows
            rows = ["<tr>" + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr>"]
            rows += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rest]
            body.append('<table border="1">' + "".join(rows) + "</table>")
    page = (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Văn bản</title>'
            f"<style>body {{ font-family: sans-serif }}</style></head><body>{_CHROME_TOP}"
            f'<div class="container">{_SIDEBAR}<main><article class="document">\n'
            + "\n".join(body) + f"\n</article></main></div>{_FOOTER}</body></html>\n")
    path.write_text(page, encoding="utf-8")
    return path


# --- scans ---------------------------------------------------------------------------------------------------


def write_scan(text: str, path: Path, dpi: int = 300, skew: float = 0.0) -> Path:
    """The text as a scanner gives it: the PDF of :func:`write_pdf` printed and scanned at ``dpi`` (turned by
    ``skew`` degrees), a PDF of page images with no text layer."""
    import tempfile

    import pypdfium2

    with tempfile.TemporaryDirectory() as folder:
        printed = write_pdf(text, Path(folder) / "printed.pdf")
        document = pypdfium2.PdfDocument(printed)
        pages = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
        document.close()
    pages = [page.rotate(skew, fillcolor=255, expand=True) if skew else page for page in pages]
    pages[0].save(path, format="PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return path


def write_page_images(text: str, path: Path, dpi: int | None = 300) -> Path:
    """The text scanned into an image file whose format is ``path``'s suffix (a TIFF holds every page, other
    formats the first), stating its resolution ``dpi`` (``None``: stating none, as a photo)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        scan = write_scan(text, Path(folder) / "scan.pdf", dpi or 300)
        import pypdfium2

        document = pypdfium2.PdfDocument(scan)
        pages = [page.render(scale=(dpi or 300) / 72, grayscale=True).to_pil() for page in document]
        document.close()
    stated = {"dpi": (dpi, dpi)} if dpi else {}
    if path.suffix in (".tif", ".tiff"):
        pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate", **stated)
    else:
        pages[0].convert("RGB").save(path, **stated)
    return path


def write_shifted_pdf(text: str, path: Path, shift: int = 29) -> Path:
    """The PDF of :func:`write_pdf` with a broken font map: every letter maps to the character ``shift``
    code points before it (``Thực`` is extracted as ``7KӵF``), as fonts that map glyph numbers do."""
    import re

    write_pdf(text, path, compress=False)

    def shifted(m: re.Match) -> bytes:
        code = int(m.group(2), 16)
        return m.group(1) + (b"%04X" % (code - shift) if code > 0x20 else m.group(2)) + b">"

    data = path.read_bytes()
    cmaps = re.compile(rb"beginbfchar.*?endbfchar", re.DOTALL)
    path.write_bytes(cmaps.sub(lambda c: re.sub(rb"(<[0-9A-F]{4}> <)([0-9A-F]{4})>", shifted, c.group()), data))
    return path
