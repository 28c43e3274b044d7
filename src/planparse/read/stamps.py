"""Text stamped on a PDF page by its annotations: the number and day an e-office system writes into the
blanks of a signed document (``Số: 85/TTr-STP``, ``ngày 03 tháng 4``) are drawn by annotation appearances,
which a text layer reader does not see.

The words are found by what the page gains when its annotations are flattened into it (pdfium), each
with its place on the page, as pdfplumber gives words (``text``, ``x0``, ``x1``, ``top``, ``bottom``,
``size``), so the PDF reader sets them in their lines.
"""

from __future__ import annotations

from collections import Counter

_Char = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom (from the page's top)


def stamped_words(document, index: int, page) -> list[dict]:
    """The words the annotations of the page ``index`` of pdfium's ``document`` draw; ``page`` is that page as
    loaded before (flattening changes the document's page, not the objects of a page already loaded, which
    give the page as it was)."""
    import pypdfium2.raw as pdfium

    if pdfium.FPDFPage_Flatten(page.raw, pdfium.FLAT_NORMALDISPLAY) != pdfium.FLATTEN_SUCCESS:
        return []  # nothing drawn by annotations
    flat, plain = _Text(document[index]), _Text(page)
    new = set(flat.letters - plain.letters)  # flattening adds characters only where a count grows
    gained = flat.chars(new) - plain.chars(new) if new else None
    return _words(sorted(gained.elements(), key=lambda c: (round(c[2]), c[1]))) if gained else []


class _Text:
    """A page's characters as pdfium reads them (by its own calls: its Python helpers cost more than the
    reading): the visible ones counted, and those of some letters with their boxes."""

    def __init__(self, page) -> None:
        import pypdfium2.raw as pdfium

        self.textpage = page.get_textpage()  # held: the raw handle closes with it
        self.height = page.get_height()
        raw = self.textpage.raw
        self.codes = [chr(pdfium.FPDFText_GetUnicode(raw, i)) for i in range(pdfium.FPDFText_CountChars(raw))]
        self.letters = Counter(ch for ch in self.codes if ch.strip())

    def chars(self, letters: set[str]) -> Counter[_Char]:
        """The characters among ``letters`` with their (loose, font-sized) boxes, rounded to half a point."""
        import pypdfium2.raw as pdfium

        box = pdfium.FS_RECTF()
        found: Counter[_Char] = Counter()
        for i, ch in enumerate(self.codes):
            if ch in letters and pdfium.FPDFText_GetLooseCharBox(self.textpage.raw, i, box):
                found[(ch, *(round(v * 2) / 2 for v in (box.left, self.height - box.top, box.right,
                                                         self.height - box.bottom)))] += 1
        return found


def _words(chars: list[_Char]) -> list[dict]:
    """Characters side by side on one line (loose boxes may overlap; no gap wider than a third of their
    height) joined into words."""
    words: list[dict] = []
    for ch, x0, top, x1, bottom in chars:
        size = bottom - top
        last = words[-1] if words else None
        if last and abs(last["top"] - top) < 0.3 * size and -0.5 * size <= x0 - last["x1"] < 0.3 * size:
            last.update(text=last["text"] + ch, x1=x1, bottom=max(last["bottom"], bottom))
        else:
            words.append({"text": ch, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size})
    return words
