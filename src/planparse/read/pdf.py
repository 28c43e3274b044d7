"""PDF with a text layer, through pdfplumber: lines in reading order, each with its page.

A page takes its characters and the ruling of its tables from pdfium where they are pdfplumber's
(:mod:`pdfium_chars`, :mod:`pdfium_edges`: many times faster); pdfplumber reads the other pages.

- words are grouped into lines by position; lines with a wide gap are two
  columns (the header, the signature block): a run of them is one :class:`Columns`;
- running headers and footers (a line at the top or bottom of a page that
  recurs on other pages, digits aside, or is in smaller print than the text)
  and page numbers are dropped;
- a line is joined to the next when the next line's first word would not have
  fitted on it: a wrap, not a break the author made; each line so assembled is
  a :class:`Paragraph`;
- ruled tables found by pdfplumber's table finder become :class:`Table` blocks
  (the cells a merge covers kept, covered); a table continued on the next page
  is one table.

Each block has its page, and as position the index of its first item (line or
table) on that page, top to bottom.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from planparse.blocks import Block, Columns, Paragraph, Table, TableCell
from planparse.clean import normalize_line, starts_block
from planparse.lang.genre import is_caps
from planparse.errors import CorruptFileError, EmptyDocumentError, EncryptedError, NeedsOCRError
from planparse.model import SourceInfo
from planparse.read import Progress, Source, pdfium_chars, pdfium_edges, pdfwords, textlayer
from planparse.read.limits import Limits
from planparse.read.stamps import stamped_words

_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?[-–—\s]*",
                          re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SEPARATORS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # spaces to str.split(); in a text layer, glyph numbers
TEXT, GARBAGE, THIN = "text", "garbage", "thin"  # what a page's text layer is
IMAGE_PAGE = 0.5  # a page whose images cover this share of it, with no text to speak of, is a scan
MARGIN = 0.1  # the top and bottom tenth of a page hold running headers and footers
COLUMN_GAP = 1.5  # a gap this many font sizes wide parts two columns


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    words: list[dict]
    segments: list[list[dict]] = field(default_factory=list)
    position: int = 0

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    def text(self, words: list[dict] | None = None) -> str:
        return " ".join(w["text"] for w in (words or self.words))


@dataclass
class _Table:
    page: int
    top: float
    rows: list[list[str | None]]
    position: int = 0


def read_pdf(data: bytes, info: SourceInfo, ocr: str = "auto", progress: Progress | None = None,
             limits: Limits = Limits()) -> Source:
    """Read a PDF file within ``limits`` (its pages); raise a typed error for an encrypted or damaged one.

    Each page's text layer is judged and repaired (:mod:`textlayer`); ``ocr`` says which pages are read by
    OCR (:mod:`ocr`): ``auto`` those with no usable text (a scan, a layer that is not text), ``always``
    every page, ``never`` none (a page with no usable text is then left out). ``progress(done, total)``
    is called as each page is read by OCR.
    """
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if b"%%EOF" not in data[-2048:]:
        raise CorruptFileError("the PDF is truncated (it has no end-of-file marker)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf, pdfium_chars.document(data) as fast:
            limits.check_pages(pdf.doc)
            pages = [_page_items(page, fast, n) for n, page in enumerate(pdf.pages, start=1)]
            layers = [_layer(items) for items in pages]
            todo = [k for k, page in enumerate(pdf.pages) if _wants_ocr(ocr, layers[k], page, pages[k])]
            if ocr == "never":
                pages = [items if layer != GARBAGE else [] for items, layer in zip(pages, layers, strict=True)]
                if todo and not any(pages):
                    raise NeedsOCRError("the PDF has no usable text layer (a scan, or a text layer that is not"
                                        " Vietnamese text); read it with OCR (--ocr auto)")
                todo = []
            pages = _read_by_ocr(data, todo, pages, progress)
            pages = _strip_margins(pages, [page.height for page in pdf.pages])
    except PdfminerException as exc:
        raise _pdfminer_error(exc) from None
    if not any(pages):
        scanned = f"{len(todo)} scanned page" + ("s" if len(todo) > 1 else "")
        raise EmptyDocumentError(f"OCR found no text on the PDF's {scanned} (images that hold no text)"
                                 if todo else "the PDF holds no text")
    return Source(tuple(_assemble(pages)), info)


def _layer(items: list[_Line | _Table]) -> str:
    """What the page's text layer is: :data:`TEXT` (repaired in place where it can be, :mod:`textlayer`),
    :data:`GARBAGE`, or :data:`THIN` (a few words at most: a page number, a caption), which is not judged."""
    text = " ".join(item.text() if isinstance(item, _Line) else " ".join(c or "" for row in item.rows for c in row)
                    for item in items)
    if textlayer.words(text) < textlayer.MIN_WORDS:
        return THIN
    fix = textlayer.repair(text)
    if fix is None:
        return GARBAGE
    if fix is not textlayer.same:
        for item in items:
            if isinstance(item, _Line):
                for word in item.words:
                    word["text"] = fix(word["text"])
            else:
                item.rows = [[None if c is None else fix(c) for c in row] for row in item.rows]
    return TEXT


def _wants_ocr(mode: str, layer: str, page, items: list[_Line | _Table]) -> bool:
    """Whether the page is read by OCR: ``always``, any page with something on it; ``auto``, a page whose
    layer is garbage, or whose images cover most of it and whose text is a few words at most."""
    if mode == "always":
        return bool(items or page.images)
    return layer == GARBAGE or layer == THIN and _image_share(page) >= IMAGE_PAGE


def _image_share(page) -> float:
    """The share of the page that its images cover."""
    area = sum(max(0.0, min(i["x1"], page.width) - max(i["x0"], 0)) * max(0.0, min(i["bottom"], page.height)
               - max(i["top"], 0)) for i in page.images)
    return min(1.0, area / (page.width * page.height)) if page.width and page.height else 0.0


def _read_by_ocr(data: bytes, todo: list[int], pages: list[list[_Line | _Table]],
                 progress: Progress | None) -> list[list[_Line | _Table]]:
    """``pages`` with the pages ``todo`` (indices) read by OCR."""
    if not todo:
        return pages
    import pypdfium2

    from planparse.read import ocr

    ocr.tesseract()  # says what to install before any page is rendered
    document = pypdfium2.PdfDocument(data)
    try:
        for done, k in enumerate(todo, start=1):
            items: list[_Line | _Table] = _lines(ocr.page_words(document[k]), k + 1)
            for position, item in enumerate(items):
                item.position = position
            pages[k] = items
            if progress:
                progress(done, len(todo))
    finally:
        document.close()
    return pages


def _pdfminer_error(exc: Exception) -> Exception:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedError("the PDF is encrypted with a password; save an unprotected copy")
    return CorruptFileError(f"the PDF is damaged ({type(cause).__name__}: {cause})")


def _page_items(page, fast, number: int) -> list[_Line | _Table]:
    """The lines and tables of page ``number`` (pdfplumber's ``page``; of pdfium's document ``fast``, if it
    opened it), top to bottom, with the words its annotations stamp (:mod:`stamps`). The characters are
    pdfium's where they are pdfplumber's (:mod:`pdfium_chars`), and so are the paths the tables are found
    in (:mod:`pdfium_edges`); else pdfplumber reads the page."""
    fast_page = fast[number - 1] if fast else None
    drawn = list(pdfium_chars.objects(fast_page.raw)) if fast_page else []
    chars = pdfium_chars.page_chars(fast_page, page, drawn) if fast_page else None
    if chars is None:
        if _has_doubled_chars(page.chars):
            page = page.dedupe_chars()  # bold drawn by printing each letter twice
        chars, tables = page.chars, page.find_tables()
    else:
        if _has_doubled_chars(chars):
            chars = pdfwords.dedupe(chars)
        tables = pdfium_edges.tables(drawn, page, chars)
    for char in chars:
        if char["text"] in _SEPARATORS:  # a glyph number, not a space: kept for textlayer.glyph_codes
            char["text"] = f"(cid:{ord(char['text'])})"
    boxes = [t.bbox for t in tables]

    def in_table(w: dict) -> bool:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    words = pdfwords.words(chars)
    stamped = stamped_words(fast, number - 1, fast_page) if fast_page and page.page_obj.annots else []
    words = [w for w in [*words, *_in_blanks(stamped, words)] if not in_table(w)]
    items: list[_Line | _Table] = _lines(words, number)
    items += [_Table(number, t.bbox[1], _cell_texts(t)) for t in tables]
    items.sort(key=lambda item: item.top)
    for position, item in enumerate(items):
        item.position = position
    return items


def _cell_texts(table) -> list[list[str | None]]:
    """pdfplumber's ``table.extract()``: each cell's text from the characters centred in it (``None``, a cell
    a merge covers); a row's characters found through their centres sorted down the page, not by testing
    each of the table's characters against each row."""
    from bisect import bisect_left

    chars = table.page.chars
    mids = sorted(((c["top"] + c["bottom"]) / 2, k) for k, c in enumerate(chars))
    keys = [mid for mid, _ in mids]
    rows: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        across = sorted(k for _, k in mids[bisect_left(keys, top):bisect_left(keys, bottom)])
        row_chars = [chars[k] for k in across if x0 <= (chars[k]["x0"] + chars[k]["x1"]) / 2 < x1]
        rows.append([_cell_text(cell, row_chars) for cell in row.cells])
    return rows


def _cell_text(cell: tuple[float, float, float, float] | None, chars: list[dict]) -> str | None:
    """The text of the ``chars`` centred in ``cell`` as pdfplumber writes it ("" if none; ``None`` for no cell)."""
    if cell is None:
        return None
    inside = [c for c in chars if pdfium_edges.centred_in(c, cell)]
    return pdfwords.text(inside) if inside else ""


def _in_blanks(stamped: list[dict], words: list[dict]) -> list[dict]:
    """The stamped words that fill a blank of a line of text (a number or a day stamped after signing), not
    those set apart (a signature's box)."""
    return [s for s in stamped if any(w["top"] <= (s["top"] + s["bottom"]) / 2 <= w["bottom"] for w in words)]


def _has_doubled_chars(chars: list[dict]) -> bool:
    """Whether two characters are one letter at one place (to the point): bold drawn by printing it twice."""
    return len({(ch["text"], round(ch["x0"]), round(ch["top"])) for ch in chars}) < len(chars)


def _lines(words: list[dict], page: int) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        line = lines[-1] if lines else None
        if line and abs(w["top"] - line.top) <= 0.4 * w["size"]:
            line.words.append(w)
            line.bottom = max(line.bottom, w["bottom"])
        else:
            lines.append(_Line(page, w["top"], w["bottom"], [w]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _segments(line: _Line, mid: float) -> list[list[dict]]:
    """The line cut at a wide gap across the middle of the page: two columns side by side."""
    for k, (prev, w) in enumerate(zip(line.words, line.words[1:], strict=False), start=1):
        if w["x0"] - prev["x1"] > COLUMN_GAP * w["size"] and prev["x1"] < mid < w["x0"]:
            return [line.words[:k], line.words[k:]]
    return [line.words]


def _strip_margins(pages: list[list[_Line | _Table]], heights: list[float]) -> list[list[_Line | _Table]]:
    """Drop page numbers, and lines in smaller print than the document's text, from the margins;
    other margin lines are left for :func:`_running`."""
    sizes = sorted(w["size"] for items in pages for item in items if isinstance(item, _Line) for w in item.words)
    body = sizes[len(sizes) // 2] if sizes else 0.0

    def noise(line: _Line, height: float) -> bool:
        small = max(w["size"] for w in line.words) < 0.85 * body
        return _in_margin(line, height) and (small or bool(_PAGE_NUMBER.fullmatch(line.text())))

    return [[item for item in items if not (isinstance(item, _Line) and noise(item, height))]
            for items, height in zip(pages, heights, strict=True)]


def _in_margin(line: _Line, height: float) -> bool:
    return line.bottom < MARGIN * height or line.top > (1 - MARGIN) * height


def _running(pages: list[list[_Line | _Table]]) -> set[tuple[str, int, int]]:
    """Texts (digits aside) of the first and last lines of pages that recur on other pages."""
    seen: dict[tuple[str, int, int], set[int]] = {}
    for number, items in enumerate(pages):
        ends = [item for item in (items[:1] + items[-1:]) if isinstance(item, _Line)]
        for line in ends:
            seen.setdefault(_key(line), set()).add(number)
    return {key for key, on in seen.items() if len(on) >= max(2, (len(pages) - 1) // 2)}


def _key(line: _Line) -> tuple[str, int, int]:
    """What recurs on every page: the text (digits aside), the position and the font size."""
    return _DIGITS.sub("#", line.text()), round(line.top / 4), round(line.words[0]["size"])


def _assemble(pages: list[list[_Line | _Table]]) -> list[Block]:
    running = _running(pages)
    items = [item for items in pages for k, item in enumerate(items)
             if not (isinstance(item, _Line) and k in (0, len(items) - 1) and _key(item) in running)]
    lines = [item for item in items if isinstance(item, _Line)]
    right_edge = max((line.x1 for line in lines), default=0.0)
    mid = (min((line.x0 for line in lines), default=0.0) + right_edge) / 2
    for line in lines:
        line.segments = _segments(line, mid)
    pitch = _line_pitch(lines, right_edge)
    out: list[Block] = []
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, _Table):
            table, k = _table(items, k)
            out.append(table)
            continue
        run = _column_run(items, k, mid)
        if run:
            left = [line.text(line.segments[0]) for line in run if _side(line, mid) in ("left", "both")]
            right = [line.text(line.segments[-1]) for line in run if _side(line, mid) in ("right", "both")]
            out.append(Columns(tuple(left), tuple(right), page=run[0].page, position=run[0].position))
            k += len(run)
            continue
        first, text = item, item.text()
        while k + 1 < len(items) and _wraps(item, items[k + 1], right_edge, pitch):
            k += 1
            item = items[k]
            text += " " + item.text()
        out.append(Paragraph(text, page=first.page, position=first.position))
        k += 1
    return out


def _table(items: list[_Line | _Table], k: int) -> tuple[Table, int]:
    """The table at ``k`` with its continuations on the next pages (a repeated header row dropped),
    each row with its page; and the index after them. pdfplumber's ``None`` (a cell a merge covers)
    is a covered cell."""
    first = items[k]
    rows = [(row, first.page) for row in first.rows]
    while k + 1 < len(items) and _continues_table(items[k], items[k + 1]):
        k += 1
        more = items[k].rows
        rows += [(row, items[k].page) for row in (more[1:] if more[0] == first.rows[0] else more)]
    cells = tuple(tuple(TableCell(covered=True) if text is None else TableCell(tuple(text.split("\n")))
                        for text in row) for row, _ in rows)
    return Table(cells, page=first.page, position=first.position, row_pages=tuple(page for _, page in rows),
                 layout=False), k + 1


def _line_pitch(lines: list[_Line], right_edge: float) -> float:
    """The distance from line to line inside a paragraph: the shorter distances below lines that run
    to the right edge (the longer ones are paragraphs that happen to fill their line)."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.top > a.top]
    full = [b.top - a.top for a, b in pairs if a.x1 > right_edge - 2 * a.words[-1]["size"]]
    pitches = sorted(full or [b.top - a.top for a, b in pairs])
    return pitches[len(pitches) // 10] if pitches else 0.0


def _continues_table(table: _Table, nxt: _Line | _Table) -> bool:
    """A table at the top of the next page with as many columns goes on with the one before."""
    return (isinstance(nxt, _Table) and nxt.page == table.page + 1 and bool(nxt.rows) and bool(table.rows)
            and len(nxt.rows[0]) == len(table.rows[0]))


def _side(line: _Line, mid: float) -> str:
    if len(line.segments) == 2:
        return "both"
    if line.x1 < mid:
        return "left"
    if line.x0 > mid:
        return "right"
    return "across"


def _column_run(items: list[_Line | _Table], k: int, mid: float) -> list[_Line]:
    """The run of lines from ``k`` set in two columns (no blank line between), if one of them has both."""
    run: list[_Line] = []
    for item in items[k:]:
        if not isinstance(item, _Line) or len(item.segments) > 2 or _side(item, mid) == "across":
            break
        if run and (item.page != run[-1].page or item.top - run[-1].bottom > run[-1].bottom - run[-1].top):
            break
        run.append(item)
    return run if any(_side(line, mid) == "both" for line in run) else []


def _wraps(line: _Line | _Table, nxt: _Line | _Table, right_edge: float, pitch: float) -> bool:
    """``nxt`` goes on with ``line``: no paragraph spacing between them, its first word would not have
    fitted at the end of ``line``, it does not start a block (a label, a bullet, a table row) and
    ``line`` is not a heading in capitals."""
    if not (isinstance(line, _Line) and isinstance(nxt, _Line)) or nxt.page != line.page:
        return False
    size = nxt.words[0]["size"]
    if len(line.segments) > 1 or len(nxt.segments) > 1 or nxt.top - line.top > pitch + 0.15 * size:
        return False
    first = nxt.words[0]
    if line.x1 + 0.25 * size + (first["x1"] - first["x0"]) <= right_edge:
        return False
    if is_caps(normalize_line(line.text())) and any(ch.islower() for ch in first["text"]):
        return False  # a heading in capitals ends before a word in lower case
    return not starts_block(normalize_line(nxt.text()))
