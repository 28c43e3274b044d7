"""PDF pages read through pdfium's characters and paths give what pdfplumber gives: the same characters,
the same tables, the same blocks."""

from __future__ import annotations

from unittest import mock

import pdfplumber
import pytest

from formats import write_pdf
from planparse import PlanparseError
from planparse.read import pdfium_chars, pdfium_edges, read

SAMPLE = 8  # real office PDFs read both ways (every PDF of the folder in turn, taken evenly)


def _real_pdfs(realworld) -> list:
    pdfs = sorted(realworld.glob("*.pdf"))
    return pdfs[:: max(1, len(pdfs) // SAMPLE)]


def _blocks(path):
    """The blocks the reader gives, or the kind of error it raises (a scan with no text layer)."""
    try:
        return read(path, ocr="never").blocks
    except PlanparseError as exc:
        return type(exc).__name__


def _page_chars(page, plumber_page):
    return pdfium_chars.page_chars(page, plumber_page, list(pdfium_chars.objects(page.raw)))


def _pdfplumber_only():
    return mock.patch.object(pdfium_chars, "page_chars", lambda *args: None)


def test_real_pdfs_give_the_same_blocks_through_pdfium(realworld):
    served = []

    def counted(page, plumber_page, drawn):
        chars = page_chars(page, plumber_page, drawn)
        served.append(chars is not None)
        return chars

    page_chars = pdfium_chars.page_chars
    for path in _real_pdfs(realworld):
        with _pdfplumber_only():
            expected = _blocks(path)
        with mock.patch.object(pdfium_chars, "page_chars", counted):
            assert _blocks(path) == expected, path.name
    assert sum(served) >= len(served) // 4, "pdfium served too few pages to tell anything"


def test_pdfium_characters_are_pdfplumbers(realworld):
    compared = 0
    for path in _real_pdfs(realworld):
        with pdfplumber.open(path) as pdf, pdfium_chars.document(path.read_bytes()) as fast:
            for page in pdf.pages:
                chars = _page_chars(fast[page.page_number - 1], page)
                if chars is None:
                    continue
                ours = sorted((c for c in chars if not c["text"].isspace()), key=lambda c: (c["top"], c["x0"]))
                theirs = sorted((c for c in page.chars if not c["text"].isspace()), key=lambda c: (c["top"], c["x0"]))
                assert [c["text"] for c in ours] == [c["text"] for c in theirs], (path.name, page.page_number)
                for a, b in zip(ours, theirs):
                    for key in ("x0", "x1", "top", "bottom", "size"):
                        assert a[key] == pytest.approx(b[key], abs=1e-3), (path.name, page.page_number, key)
                compared += 1
    assert compared, "no page was read through pdfium"


def test_a_ruled_table_read_through_pdfium_is_pdfplumbers(tmp_path):
    path = write_pdf("KẾ HOẠCH\n\n| Nhiệm vụ | Thời hạn |\n|---|---|\n| Khảo sát | Quý I |\n| Triển khai | Quý II |\n",
                     tmp_path / "table.pdf")
    with pdfplumber.open(path) as pdf, pdfium_chars.document(path.read_bytes()) as fast:
        page = pdf.pages[0]
        fast_page = fast[0]
        drawn = list(pdfium_chars.objects(fast_page.raw))
        chars = pdfium_chars.page_chars(fast_page, page, drawn)
        assert chars is not None
        ours = [table.extract() for table in pdfium_edges.tables(drawn, page, chars)]
        assert ours == [table.extract() for table in page.find_tables()]
    assert ["Khảo sát", "Quý I"] in ours[0]


def test_a_page_without_drawings_is_read_through_pdfium(tmp_path):
    path = write_pdf("KẾ HOẠCH\n\nTriển khai chuyển đổi số trong các cơ quan nhà nước của tỉnh năm 2024.\n",
                     tmp_path / "plain.pdf")
    with pdfplumber.open(path) as pdf, pdfium_chars.document(path.read_bytes()) as fast:
        chars = _page_chars(fast[0], pdf.pages[0])
    assert chars is not None
    assert "chuyển đổi số" in "".join(c["text"] for c in chars)


def test_a_damaged_pdf_is_left_to_pdfplumber():
    with pdfium_chars.document(b"%PDF-1.4 not really\n%%EOF") as fast:
        assert fast is None
