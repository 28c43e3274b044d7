"""A PDF page's characters read by pdfium, as pdfplumber gives them, on the pages where that is exact.

pdfplumber runs pdfminer's interpreter over the page in Python; pdfium reads the same characters many times
faster. Its text page is not pdfminer's, so its characters are taken only where they can be made the same:

- the page is upright (no rotation) with its media box at the origin, so both read the same coordinates;
- no drawing on it can be a ruled table: every path is flat (under a point high: a rule under a heading),
  or every path is thin (under a point wide); pdfplumber's table finder needs both to make a cell;
- every character is upright, has its Unicode (pdfium's guess for a glyph without one is not pdfminer's
  ``(cid:N)``), is not a line-end hyphen pdfium rewrites, and its font's width for it is known;
- box and size are pdfminer's: the left edge at the glyph's origin, the right edge one advance further
  (the font's ``Widths``, through pdfminer's font objects: pdfium measures the embedded font program),
  the bottom at the font's descent below the baseline and the top one font size above the bottom.

pdfium's spaces (it writes one where the text had one, or where a gap stands for one) are kept as spaces,
which end words as pdfplumber's do. Anything else returns ``None``: the page is read by pdfplumber.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager

FLAT = 1.0  # a path under this many points high (wide) draws a horizontal (vertical) rule only
_LINE_BREAKS = "\r\n"


@contextmanager
def document(data: bytes) -> Iterator:
    """pdfium's document of ``data``, closed after; ``None`` if pdfium cannot open it (pdfplumber then
    reads every page)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        yield None
        return
    try:
        yield pdf
    finally:
        pdf.close()


def page_chars(page, plumber_page) -> list[dict] | None:
    """The characters of pdfium's ``page`` as ``plumber_page.chars`` gives them (``text``, ``x0``, ``x1``,
    ``top``, ``bottom``, ``doctop``, ``size``, ``upright``, ``fontname``), in the order they are drawn;
    ``None`` where pdfium's cannot be made the same."""
    import pypdfium2.raw as pdfium

    if page.get_rotation() or tuple(plumber_page.mediabox[:2]) != (0, 0) or _ruled(page):
        return None
    widths = font_widths(plumber_page)
    height, doctop = plumber_page.height, plumber_page.initial_doctop
    textpage = page.get_textpage()
    raw = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium.FS_MATRIX()
    descent = ctypes.c_float()
    names: dict[int, tuple[str, int]] = {}
    chars: list[dict] = []
    origin = (0.0, 0.0)
    try:
        for i in range(pdfium.FPDFText_CountChars(raw)):
            text = chr(pdfium.FPDFText_GetUnicode(raw, i))
            if pdfium.FPDFText_IsGenerated(raw, i) or text == " ":
                if text == " " and chars:
                    chars.append({**chars[-1], "text": " "})
                if text in _LINE_BREAKS or text == " ":
                    continue
                return None
            if pdfium.FPDFText_HasUnicodeMapError(raw, i) or pdfium.FPDFText_IsHyphen(raw, i):
                return None
            pdfium.FPDFText_GetCharOrigin(raw, i, x, y)
            if chars and (x.value, y.value) == origin:
                return None  # one glyph drawing several characters (a ligature, a letter and its mark)
            origin = x.value, y.value
            pdfium.FPDFText_GetMatrix(raw, i, matrix)
            if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
                return None
            font = pdfium.FPDFTextObj_GetFont(pdfium.FPDFText_GetTextObject(raw, i))
            key = ctypes.cast(font, ctypes.c_void_p).value or 0
            if key not in names:
                names[key] = _identity(font)
            width = widths.get((*names[key], text))
            if width is None:
                return None
            size = pdfium.FPDFText_GetFontSize(raw, i)
            pdfium.FPDFFont_GetDescent(font, ctypes.c_float(size), descent)
            bottom = height - y.value - descent.value * matrix.d
            top = bottom - size * matrix.d
            chars.append({"text": text, "x0": x.value, "x1": x.value + width * size * matrix.a, "top": top,
                          "bottom": bottom, "doctop": doctop + top, "size": size * matrix.d, "upright": True,
                          "fontname": names[key][0]})
    finally:
        textpage.close()
    return chars


def font_widths(plumber_page) -> dict[tuple[str, int, str], float]:
    """The advance of each text in each font the page (and the forms it draws) names, per unit of font
    size, by pdfminer's font objects, keyed by the font's :func:`_identity` and the text; a text that
    glyphs of fonts of one identity draw with different widths is left out."""
    from pdfminer.pdffont import PDFUnicodeNotDefined

    found: dict[tuple[str, int, str], set[float]] = {}
    for font in _fonts(plumber_page.pdf.rsrcmgr, plumber_page.page_obj.resources, set()):
        program = _program_length(font.descriptor)
        unicode_map = getattr(font, "unicode_map", None)
        cids = {*(c for c in font.widths if isinstance(c, int)), *getattr(font, "cid2unicode", {}),
                *getattr(unicode_map, "cid2unichr", {})}
        for cid in cids:
            try:
                text = font.to_unichr(cid)
            except (PDFUnicodeNotDefined, KeyError):
                continue
            if len(text) == 1:
                found.setdefault((font.fontname, program, text), set()).add(font.char_width(cid))
    return {key: next(iter(ws)) for key, ws in found.items() if len(ws) == 1}


def _fonts(rsrcmgr, resources, seen: set[int]) -> Iterator:
    """pdfminer's font objects for ``resources`` and the resources of the forms they hold."""
    from pdfminer.pdftypes import PDFObjRef, dict_value, resolve1, stream_value

    resources = dict_value(resources) if resources else {}
    for spec in dict_value(resources.get("Font", {})).values():
        objid = spec.objid if isinstance(spec, PDFObjRef) else None
        yield rsrcmgr.get_font(objid, dict_value(spec))
    for ref in dict_value(resources.get("XObject", {})).values():
        if isinstance(ref, PDFObjRef) and ref.objid in seen:
            continue
        if isinstance(ref, PDFObjRef):
            seen.add(ref.objid)
        xobject = stream_value(resolve1(ref))
        if "Resources" in xobject and getattr(xobject.get("Subtype"), "name", None) == "Form":
            yield from _fonts(rsrcmgr, xobject["Resources"], seen)


def _identity(font) -> tuple[str, int]:
    """What tells pdfium's font from others of its name: the name, and its embedded program's length."""
    import pypdfium2.raw as pdfium

    size = pdfium.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium.FPDFFont_GetBaseFontName(font, buffer, size)
    length = ctypes.c_size_t(0)
    if not pdfium.FPDFFont_GetFontData(font, None, 0, length):
        length.value = 0
    return buffer.value.decode("utf-8", "replace"), length.value if pdfium.FPDFFont_GetIsEmbedded(font) else 0


def _program_length(descriptor) -> int:
    """The length of the font program a pdfminer font descriptor embeds (0: none)."""
    from pdfminer.pdftypes import resolve1

    for key in ("FontFile", "FontFile2", "FontFile3"):
        stream = resolve1(descriptor.get(key))
        if stream is not None:
            return len(stream.get_data())
    return 0


def _ruled(page) -> bool:
    """Whether the page's paths could make a ruled table: some are not flat and some are not thin (by
    their points, as pdfminer gives them: a stroke's width aside)."""
    tall = wide = False
    for xs, ys in _paths(page.raw, _IDENTITY):
        tall = tall or max(ys) - min(ys) >= FLAT
        wide = wide or max(xs) - min(xs) >= FLAT
        if tall and wide:
            return True
    return False


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _paths(holder, outer: tuple[float, ...], form: bool = False) -> Iterator[tuple[list[float], list[float]]]:
    """The points of each path of a page or form (``form``), those in its forms too, on the page."""
    import pypdfium2.raw as pdfium

    count, get = ((pdfium.FPDFFormObj_CountObjects, pdfium.FPDFFormObj_GetObject) if form
                  else (pdfium.FPDFPage_CountObjects, pdfium.FPDFPage_GetObject))
    m = pdfium.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(count(holder)):
        obj = get(holder, k)
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind not in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_FORM):
            continue
        pdfium.FPDFPageObj_GetMatrix(obj, m)
        a, b, c, d, e, f = outer
        matrix = (m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d,
                  m.e * a + m.f * c + e, m.e * b + m.f * d + f)
        if kind == pdfium.FPDF_PAGEOBJ_FORM:
            yield from _paths(obj, matrix, form=True)
            continue
        xs, ys = [], []
        for n in range(pdfium.FPDFPath_CountSegments(obj)):
            pdfium.FPDFPathSegment_GetPoint(pdfium.FPDFPath_GetPathSegment(obj, n), x, y)
            xs.append(matrix[0] * x.value + matrix[2] * y.value + matrix[4])
            ys.append(matrix[1] * x.value + matrix[3] * y.value + matrix[5])
        if xs:
            yield xs, ys
