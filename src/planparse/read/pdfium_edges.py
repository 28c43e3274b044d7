"""A PDF page's tables as pdfplumber finds them, from the ruling (the edges its table finder joins into
cells) read from pdfium's path objects.

pdfplumber takes a page's lines, rectangles and curves from pdfminer, which sorts each painted subpath:
a single segment is a line, four sides closed square to the axes a rectangle, anything else a curve
through the end points of its segments (a ``closepath`` back at the start). The same sorting over pdfium's
paths gives the same objects, whose edges pdfplumber's own functions then make.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

_Point = tuple[float, float]


def tables(drawn: list[tuple[int, object, int, tuple[float, ...]]], plumber_page, chars: list[dict]) -> list:
    """pdfplumber's tables of the page pdfplumber's ``plumber_page`` is and whose pdfium objects are ``drawn``
    (:func:`~planparse.read.pdfium_chars.objects`), their cells read from ``chars``: its table finder run
    over the ruling read here."""
    from types import SimpleNamespace

    from pdfplumber.table import TableFinder, TableSettings

    ruling = SimpleNamespace(edges=_edges(drawn, plumber_page.height, plumber_page.initial_doctop), chars=chars,
                             bbox=plumber_page.bbox)
    found = TableFinder(ruling, TableSettings.resolve(None)).tables
    for table in found:  # each reads its cells from its own characters, not the page's
        bbox = table.bbox
        table.page = SimpleNamespace(chars=[c for c in chars if centred_in(c, bbox)])
    return found


def centred_in(char: dict, bbox: tuple[float, float, float, float]) -> bool:
    """Whether the character's centre is in ``bbox``, as pdfplumber puts a character in a cell."""
    x0, top, x1, bottom = bbox
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return x0 <= x < x1 and top <= y < bottom


def _edges(drawn: list[tuple[int, object, int, tuple[float, ...]]], height: float, doctop: float) -> list[dict]:
    """The edges of the lines, rectangles and curves of the objects ``drawn`` on a page, as pdfplumber's page
    of ``height`` (``doctop`` down the document) gives them."""
    import pypdfium2.raw as pdfium
    from pdfplumber.utils import obj_to_edges

    out: list[dict] = []
    for _, path, kind, matrix in drawn:
        if kind == pdfium.FPDF_PAGEOBJ_PATH and _painted(path):
            for shape, pts in _subpaths(path, matrix):
                out += obj_to_edges(_object(shape, pts, height, doctop))
    return out


def _painted(path) -> bool:
    import pypdfium2.raw as pdfium

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium.FPDFPath_GetDrawMode(path, fill, stroke)) and bool(fill.value or stroke.value)


def _subpaths(path, matrix: tuple[float, ...]) -> Iterator[tuple[str, list[_Point]]]:
    """Each subpath as pdfminer writes it: its operators (``m``, ``l``, ``c``, ``h``) and their end points on
    the page (a ``closepath`` at the subpath's start), a redundant ``l`` before the ``h`` dropped."""
    import pypdfium2.raw as pdfium

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    shape, pts = "", []
    bezier = 0
    for n in range(pdfium.FPDFPath_CountSegments(path)):
        segment = pdfium.FPDFPath_GetPathSegment(path, n)
        pdfium.FPDFPathSegment_GetPoint(segment, x, y)
        kind = pdfium.FPDFPathSegment_GetType(segment)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium.FPDF_SEGMENT_MOVETO and shape:
            yield _tidy(shape, pts)
            shape, pts = "", []
        if kind == pdfium.FPDF_SEGMENT_BEZIERTO:
            bezier = (bezier + 1) % 3
            if bezier:  # a control point: pdfminer keeps a curve's end point only
                continue
        shape += {pdfium.FPDF_SEGMENT_MOVETO: "m", pdfium.FPDF_SEGMENT_LINETO: "l"}.get(kind, "c")
        pts.append(point)
        if pdfium.FPDFPathSegment_GetClose(segment):
            shape += "h"
            pts.append(pts[0])
    if shape:
        yield _tidy(shape, pts)


def _tidy(shape: str, pts: list[_Point]) -> tuple[str, list[_Point]]:
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        return shape[:-2] + "h", pts[:-2] + pts[-1:]
    return shape, pts


def _object(shape: str, pts: list[_Point], height: float, doctop: float) -> dict:
    """pdfplumber's line, rectangle or curve for a subpath pdfminer paints."""
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind, pts = "line", pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            kind = "rect"
            (x0, y0), (x1, y1) = pts[0], pts[2]
            pts = [(min(x0, x1), min(y0, y1)), (max(x0, x1), max(y0, y1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    return {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0,
            "top": height - y1, "bottom": height - y0, "doctop": doctop + height - y1,
            "pts": [(px, height - py) for px, py in pts]}
