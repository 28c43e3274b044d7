"""A PDF page's characters read by pdfium, as pdfplumber gives them, on the pages where that is exact.

pdfplumber runs pdfminer's interpreter over the page in Python; pdfium reads the same characters many times
faster. Its text page is not pdfminer's, so its characters are taken only where they can be made the same:

- the page is upright (no rotation) with its media box at the origin, so both read the same coordinates;
- every character is upright, has its Unicode (pdfium's guess for a glyph without one is not pdfminer's
  ``(cid:N)``) and its font's width for it is known; a hyphen at a line's end, which pdfium marks without
  saying which hyphen it was, is the one hyphen its font draws;
- box and size are pdfminer's: the left edge at the glyph's origin, the right edge one advance further
  (the font's ``Widths``, through pdfminer's font objects: pdfium measures the embedded font program),
  the bottom at the font's descent below the baseline and the top one font size above the bottom.

Spaces end words, as pdfplumber's do. pdfium's text page has the text's spaces but for those in a text
object that draws nothing else (it skips an object with no width: they are set in from the page's objects,
in the order drawn), and adds its own where a gap parts two text objects (left out: pdfminer has none).
Anything else returns ``None``: the page is read by pdfplumber.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

_SUBSET = re.compile(r"^[A-Z]{6}\+")  # the tag of a font's subset, which pdfium gives for some fonts only
_BREAKS = " \r\n"  # the characters pdfium writes of its own (a hyphen it rewrites aside)
_HYPHEN = "\x02"  # pdfium's mark for a hyphen at the end of a line (it leaves out which it was) ...
_HYPHENS = "-\xad"  # ... of these


@contextmanager
def document(data: bytes) -> Iterator:
    """pdfium's document of ``data``, closed after, its form (if any) set up before a page is loaded, so
    that flattening a page draws its fields too (:mod:`stamps`); ``None`` if pdfium cannot open it
    (pdfplumber then reads every page)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        yield None
        return
    pdf.init_forms()
    try:
        yield pdf
    finally:
        pdf.close()


def page_chars(page, plumber_page, drawn: list[tuple[int, object, int, tuple[float, ...]]]) -> list[dict] | None:
    """The characters of pdfium's ``page`` as ``plumber_page.chars`` gives them (``text``, ``x0``, ``x1``,
    ``top``, ``bottom``, ``doctop``, ``size``, ``upright``, ``fontname``), in the order they are drawn;
    ``None`` where pdfium's cannot be made the same. ``drawn`` are the page's :func:`objects`."""
    import pypdfium2.raw as pdfium

    if page.get_rotation() or tuple(plumber_page.mediabox[:2]) != (0, 0):
        return None
    widths, descents = font_metrics(plumber_page)
    box = _Box(plumber_page.height, plumber_page.initial_doctop, descents)
    order = {_address(obj): index for index, obj, kind, _ in drawn if kind == pdfium.FPDF_PAGEOBJ_TEXT}
    blanks = [(index, box.blank(obj, matrix)) for index, obj, kind, matrix in drawn
              if kind == pdfium.FPDF_PAGEOBJ_TEXT and _blank(obj)]
    if any(blank is None for _, blank in blanks):
        return None
    textpage = page.get_textpage()
    raw = textpage.raw
    at = ctypes.cast(raw, ctypes.c_void_p).value
    unicode, generated, map_error, get_origin, object_at = _calls()
    x, y = ctypes.c_double(), ctypes.c_double()
    x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
    chars: list[dict] = []
    drawing: dict[int, tuple | None] = {}  # by text object: its font, its scale, its font size and widths
    last_x = last_y = None
    try:
        count = pdfium.FPDFText_CountChars(raw)
        for i in range(count):
            text = chr(unicode(at, i))
            if text in _BREAKS:
                made = generated(at, i)
                if made or text == " ":
                    if text == " " and chars and (not made or _in_object(at, i, count)):
                        chars.append({**chars[-1], "text": " "})
                    continue
            if map_error(at, i):
                return None
            get_origin(at, i, x_at, y_at)
            if x.value == last_x and y.value == last_y:
                return None  # one glyph drawing several characters (a ligature, a letter and its mark)
            last_x, last_y = x.value, y.value
            address = object_at(at, i) or 0
            if address not in drawing:
                drawing[address] = _drawing(raw, i, pdfium.FPDFText_GetTextObject(raw, i), box, widths)
            if drawing[address] is None:
                return None
            font, a, d, size, font_widths = drawing[address]
            if text == _HYPHEN:  # the one hyphen the font draws, else pdfium's mark does not say which
                hyphens = [h for h in _HYPHENS if h in font_widths]
                text = hyphens[0] if len(hyphens) == 1 else text
            width = font_widths.get(text)
            if width is None:
                return None
            index = order.get(address, 0)
            while blanks and blanks[0][0] < index:
                chars.append(blanks.pop(0)[1])
            chars.append(box.char(text, font, last_x, last_y, width * size * a, size * d))
    finally:
        textpage.close()
    return chars + [blank for _, blank in blanks]


def _drawing(raw, i: int, obj, box: _Box, widths: dict[tuple[str, int], dict[str, float]]) -> tuple | None:
    """How the text object ``obj`` of pdfium's character ``i`` draws: its font's identity, the horizontal
    and vertical scale of its matrix, its font size and its font's ``widths``; ``None`` for text that is
    not upright."""
    import pypdfium2.raw as pdfium

    m = pdfium.FS_MATRIX()
    pdfium.FPDFText_GetMatrix(raw, i, m)
    if m.b or m.c or m.a <= 0 or m.d <= 0:
        return None
    font = box.font(pdfium.FPDFTextObj_GetFont(obj))
    return font, m.a, m.d, pdfium.FPDFText_GetFontSize(raw, i), widths.get(font, {})


class _Box:
    """pdfminer's box of a character on a page ``height`` high (``doctop`` down the document), with the
    ``descents`` of its fonts."""

    def __init__(self, height: float, doctop: float, descents: dict[tuple[str, int], float]):
        self.height, self.doctop, self.descents = height, doctop, descents
        self.fonts: dict[int, tuple[str, int]] = {}

    def font(self, font) -> tuple[str, int]:
        """pdfium's ``font`` by its :func:`_identity`."""
        key = _address(font)
        if key not in self.fonts:
            self.fonts[key] = _identity(font)
        return self.fonts[key]

    def char(self, text: str, font: tuple[str, int], x: float, y: float, advance: float, size: float) -> dict:
        """The character ``text`` of ``font`` with its origin at (``x``, ``y``) from the page's foot, its
        ``advance`` and its ``size`` on the page."""
        bottom = self.height - y - self.descents[font] * size
        top = bottom - size
        return {"text": text, "x0": x, "x1": x + advance, "top": top, "bottom": bottom,
                "doctop": self.doctop + top, "size": size, "upright": True, "fontname": font[0]}

    def blank(self, obj, matrix: tuple[float, ...]) -> dict | None:
        """A space where the text object ``obj`` draws nothing with a width (pdfium's text page skips it);
        ``None`` if its font's descent is not known."""
        import pypdfium2.raw as pdfium

        size = ctypes.c_float()
        pdfium.FPDFTextObj_GetFontSize(obj, size)
        font = self.font(pdfium.FPDFTextObj_GetFont(obj))
        if font not in self.descents:
            return None
        return self.char(" ", font, matrix[4], matrix[5], 0.0, size.value * matrix[3])


def font_metrics(plumber_page) -> tuple[dict[tuple[str, int], dict[str, float]], dict[tuple[str, int], float]]:
    """The advance of each text in each font the page (and the forms it draws) names, per unit of font
    size, by the font's :func:`_identity` and the text; and each font's descent, by pdfminer's font
    objects. A text that glyphs of fonts of one identity draw with different widths is left out (a width
    of 0 aside: a slot of a subset's ``Widths`` it does not use), and so is a font whose descent is not
    one."""
    return _metrics(tuple(_fonts(plumber_page.pdf.rsrcmgr, plumber_page.page_obj.resources, set())))


@lru_cache(maxsize=64)
def _metrics(fonts: tuple) -> tuple[dict[tuple[str, int], dict[str, float]], dict[tuple[str, int], float]]:
    """:func:`font_metrics` of pdfminer's ``fonts``, made once for the pages that name the same fonts."""
    found: dict[tuple[str, int], dict[str, set[float]]] = {}
    descents: dict[tuple[str, int], set[float]] = {}
    for font in fonts:
        identity, descent, widths = _font_table(font)
        descents.setdefault(identity, set()).add(descent)
        texts = found.setdefault(identity, {})
        for text, width in widths:
            texts.setdefault(text, set()).add(width)
    sole = {key: next(iter(ds)) for key, ds in descents.items() if len(ds) == 1}
    return {identity: {text: width for text, ws in texts.items() if (width := _one_width(ws)) is not None}
            for identity, texts in found.items() if identity in sole}, sole


def _one_width(widths: set[float]) -> float | None:
    """The width a text has in a font, if one (0 aside: a slot of a subset's ``Widths`` it does not use)."""
    widths = widths - {0.0} or widths
    return next(iter(widths)) if len(widths) == 1 else None


@lru_cache(maxsize=256)
def _font_table(font) -> tuple[tuple[str, int], float, frozenset[tuple[str, float]]]:
    """A pdfminer font's identity, descent, and the advance of each character it maps a code to (a font
    is read once for all the pages that name it)."""
    from pdfminer.pdffont import PDFUnicodeNotDefined

    unicode_map = getattr(font, "unicode_map", None)
    widths = set()
    for cid in {*(c for c in font.widths if isinstance(c, int)), *getattr(font, "cid2unicode", {}),
                *getattr(unicode_map, "cid2unichr", {})}:
        try:
            text = font.to_unichr(cid)
        except (PDFUnicodeNotDefined, KeyError):
            continue
        if len(text) == 1:
            widths.add((text, font.char_width(cid)))
    identity = _SUBSET.sub("", str(font.fontname)), _program_length(font.descriptor)
    return identity, font.get_descent(), frozenset(widths)


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
    embedded = pdfium.FPDFFont_GetIsEmbedded(font) and pdfium.FPDFFont_GetFontData(font, None, 0, length)
    return _SUBSET.sub("", buffer.value.decode("utf-8", "replace")), length.value if embedded else 0


def _program_length(descriptor) -> int:
    """The length of the font program a pdfminer font descriptor embeds (0: none)."""
    from pdfminer.pdftypes import resolve1

    for key in ("FontFile", "FontFile2", "FontFile3"):
        stream = resolve1(descriptor.get(key))
        if stream is not None:
            return len(stream.get_data())
    return 0


def objects(holder, outer: tuple[float, ...] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), index: int | None = None
             ) -> Iterator[tuple[int, object, int, tuple[float, ...]]]:
    """Each object of a page (``index`` None) or of a form in it, the forms' own opened: the index of the
    page's object it is or is in, the object, its kind and its matrix on the page."""
    import pypdfium2.raw as pdfium

    count, get = ((pdfium.FPDFPage_CountObjects, pdfium.FPDFPage_GetObject) if index is None
                  else (pdfium.FPDFFormObj_CountObjects, pdfium.FPDFFormObj_GetObject))
    m = pdfium.FS_MATRIX()
    for k in range(count(holder)):
        obj = get(holder, k)
        kind = pdfium.FPDFPageObj_GetType(obj)
        pdfium.FPDFPageObj_GetMatrix(obj, m)
        a, b, c, d, e, f = outer
        matrix = (m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d,
                  m.e * a + m.f * c + e, m.e * b + m.f * d + f)
        if kind == pdfium.FPDF_PAGEOBJ_FORM:
            yield from objects(obj, matrix, k if index is None else index)
        else:
            yield (k if index is None else index), obj, kind, matrix


def _blank(obj) -> bool:
    """Whether a text object draws nothing that has a width (spaces): pdfium's text page skips it."""
    import pypdfium2.raw as pdfium

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return right.value - left.value < 0.01


def _in_object(at: int, i: int, count: int) -> bool:
    """Whether the space ``i`` pdfium made of its own (of the ``count`` characters of the text page at address
    ``at``) stands in a text object, between two of its characters (a space of the text), not between two
    objects (pdfium's guess at a gap, which the text does not have)."""
    _, generated, _, _, object_at = _calls()
    before, after = i - 1, i + 1
    while before >= 0 and generated(at, before):
        before -= 1
    while after < count and generated(at, after):
        after += 1
    return before >= 0 and after < count and object_at(at, before) == object_at(at, after)


def _address(handle) -> int:
    """What tells pdfium's handles apart: the address they point at (0 for none)."""
    return ctypes.addressof(handle.contents) if handle else 0


@lru_cache(maxsize=1)
def _calls() -> tuple:
    """pdfium's calls made for each character of a text page, on the text page's address:
    ``FPDFText_GetUnicode``, ``FPDFText_IsGenerated``, ``FPDFText_HasUnicodeMapError``,
    ``FPDFText_GetCharOrigin`` (to the addresses of two doubles) and ``FPDFText_GetTextObject`` (giving the
    object's :func:`_address`, ``None`` for none). They are pdfium's functions with untyped pointers, which
    ctypes passes as they are: a typed pointer is checked on every call, and a typed result wrapped (which
    costs ten times the call)."""
    import pypdfium2.raw as pdfium

    def bare(function, result, *arguments):
        return ctypes.CFUNCTYPE(result, ctypes.c_void_p, ctypes.c_int, *arguments)(
            ctypes.cast(function, ctypes.c_void_p).value)

    return (bare(pdfium.FPDFText_GetUnicode, ctypes.c_uint), bare(pdfium.FPDFText_IsGenerated, ctypes.c_int),
            bare(pdfium.FPDFText_HasUnicodeMapError, ctypes.c_int),
            bare(pdfium.FPDFText_GetCharOrigin, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p),
            bare(pdfium.FPDFText_GetTextObject, ctypes.c_void_p))
