"""Bad input of every kind: a typed error that names the file and the reason."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest

import formats
import planparse
from conftest import corpus_documents
from planparse import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedError,
    LegacyEncodingError,
    MissingExtraError,
    NeedsOCRError,
    NotAPlanError,
    TooLargeError,
    TooManyPagesError,
    UndecodableError,
    UnsupportedFormatError,
)
from planparse.read import MAX_BYTES, Limits

PLAN = corpus_documents()[0]


def refused(path, error: type[Exception], *words: str) -> str:
    with pytest.raises(error) as err:
        planparse.parse_file(path)
    message = str(err.value)
    assert str(path) in message
    for word in words:
        assert word.casefold() in message.casefold(), message
    return message


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    return formats.write_pdf(PLAN.read_text("utf-8"), path).read_bytes()


def test_a_scan_of_no_text(tmp_path):
    """A scanned page that holds no text: without OCR it needs OCR; read by OCR, it holds no text."""
    from fpdf import FPDF
    from PIL import Image

    scan = Image.new("L", (400, 560), 255)
    scan.paste(0, (40, 40, 360, 60))  # a black bar, no letters
    pdf = FPDF()
    pdf.add_page()
    pdf.image(scan, x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(NeedsOCRError, match="OCR") as err:
        planparse.parse_file(path, ocr="never")
    assert str(path) in str(err.value)
    refused(path, EmptyDocumentError, "OCR found no text", "1 scanned page")


def test_an_encrypted_pdf(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Ke hoach")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    refused(path, EncryptedError, "password")


def test_a_truncated_pdf(tmp_path, pdf_bytes):
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdf_bytes[: len(pdf_bytes) // 2])
    refused(path, CorruptFileError, "truncated")


def test_a_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    refused(path, CorruptFileError, "damaged")


def test_a_truncated_docx(tmp_path):
    source = formats.write_docx(PLAN.read_text("utf-8"), tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(source[: len(source) // 2])
    refused(path, CorruptFileError, "DOCX")


def test_a_docx_with_a_damaged_part(tmp_path):
    source = formats.write_docx(PLAN.read_text("utf-8"), tmp_path / "whole.docx")
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            out.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    refused(path, CorruptFileError, "damaged")


def test_a_zip_named_docx_that_is_no_word_file(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notes.txt", "nothing")
    path = tmp_path / "plan.docx"
    path.write_bytes(buffer.getvalue())
    refused(path, CorruptFileError, "no Word document")


def test_a_password_protected_word_file(tmp_path):
    # Word wraps a protected DOCX in an OLE container holding an "EncryptedPackage" stream
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    refused(path, EncryptedError, "password")


def test_an_excel_97_file_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000 + "Workbook".encode("utf-16-le") + b"\x00" * 8)
    refused(path, UnsupportedFormatError, "Excel 97-2003 workbook")


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html", ".txt", ".md"])
def test_an_empty_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    refused(path, EmptyDocumentError, "empty")


@pytest.mark.parametrize("suffix, error", [(".pdf", CorruptFileError), (".docx", CorruptFileError),
                                           (".html", UndecodableError), (".txt", UndecodableError)])
def test_a_binary_file_with_a_plans_suffix(tmp_path, suffix, error):
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(bytes(range(256)) * 16)
    refused(path, error)


@pytest.mark.parametrize("name", ["plan.pdf", "scan.png", "scan.tif"])
def test_a_damaged_image(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    refused(path, CorruptFileError, "PNG image cannot be decoded")


def test_a_file_named_as_an_image_that_is_none(tmp_path):
    path = tmp_path / "scan.jpg"
    path.write_text("not a picture", encoding="utf-8")
    refused(path, CorruptFileError, "named .jpg but is not an image")


def test_an_image_of_more_pages_than_the_limit(tmp_path):
    from PIL import Image

    path = tmp_path / "scan.tif"
    pages = [Image.new("L", (40, 40), 255) for _ in range(4)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    with pytest.raises(TooManyPagesError, match="4 pages.*--max-pages"):
        planparse.parse_file(path, limits=Limits(pages=3))


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_a_file_far_larger_than_any_plan(tmp_path, suffix):
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no disk used
    refused(path, TooLargeError, "the limit is 50 MB", "--max-file-mb")


def test_legacy_text_that_cannot_be_told_apart_is_refused(tmp_path):
    from test_legacy import to_tcvn3, to_vni

    text = PLAN.read_text("utf-8")
    half = len(text) // 2
    path = tmp_path / "mixed.txt"
    path.write_bytes(to_tcvn3(text[:half]) + to_vni(text[half:]))
    refused(path, LegacyEncodingError, "TCVN3", "VNI", "Unicode")


@pytest.mark.parametrize("fmt, module, extra", [("docx", "lxml", "docx"), ("html", "bs4", "html")])
def test_a_missing_extra_names_the_install(tmp_path, monkeypatch, fmt, module, extra):
    path = getattr(formats, f"write_{fmt}")(PLAN.read_text("utf-8"), tmp_path / f"plan.{fmt}")
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    refused(path, MissingExtraError, f"pip install 'planparse[{extra}]'")


def test_vietnamese_without_diacritics_is_named(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("BO TAI CHINH\nSo: /BTC-TCCB\nV/v cu dai dien tham gia Hoi dong tham dinh Du an thanh phan 2\n"
                    "Kinh gui: Bo Xay dung.\nPhuc dap Cong van so 3797/BXD-KTQLXD ngay 11/3/2026 cua Bo Xay dung\n",
                    encoding="utf-8")
    refused(path, NotAPlanError, "without diacritics")
