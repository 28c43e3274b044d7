"""Format detection by content: the magic bytes decide, the file name only breaks ties."""

from __future__ import annotations

import io
import zipfile

from planparse.errors import CorruptFileError, EncryptedError, UndecodableError, UnsupportedFormatError

TEXT_SUFFIXES = {".txt": "text", ".text": "text", "": "text", ".md": "markdown", ".markdown": "markdown"}
DOCUMENT_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
                     ".doc": "doc", ".rtf": "rtf", ".odt": "odt"}
IMAGE_SUFFIXES = {s: "image" for s in (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")}
SUFFIXES = {**TEXT_SUFFIXES, **DOCUMENT_SUFFIXES, **IMAGE_SUFFIXES}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, and Office files protected by a password
_IMAGES = {  # scans and photos of pages, read by OCR
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
_FOREIGN = {  # other things people save with a plan's name
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"%!PS": "a PostScript file",
}
_OLE_STREAMS = {"Workbook": "an Excel 97-2003 workbook", "Book": "an Excel 5 workbook",
                "PowerPoint Document": "a PowerPoint 97-2003 presentation"}
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<table")


def sniff(data: bytes, suffix: str) -> str:
    """The format of a file's ``data`` (``suffix``: its lower-case file suffix): ``pdf``, ``docx``, ``doc``
    (Word 97-2003), ``rtf``, ``odt``, ``html``, ``image`` (read by OCR), ``text`` or ``markdown``.

    Raises a typed error for what planparse cannot read, saying what the file is.
    """
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if head[30:38] == b"mimetype" and head[38:38 + len(_ODF_TEXT)] == _ODF_TEXT:
            return "odt"  # OpenDocument stores its mimetype first, uncompressed
        return _zip_kind(data, suffix)
    if head.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedError("the Word file is protected by a password; save an unprotected copy")
        return _ole_kind(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if image_kind(head):
        return "image"
    for magic, what in _FOREIGN.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(f"{what}, not a document planparse reads")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_STARTS) and (start.startswith(b"<!doctype html") or b"<html" in head.lower()
                                           or DOCUMENT_SUFFIXES.get(suffix) == "html"):
        return "html"
    fmt = SUFFIXES.get(suffix)
    if fmt == "html" and b"\x00" in head:
        raise UndecodableError("binary data (NUL bytes), not an HTML page")
    if fmt in ("pdf", "docx", "doc", "rtf", "odt", "image"):
        what = "an image" if fmt == "image" else f"a {fmt.upper()} file"
        raise CorruptFileError(f"the file is named {suffix} but is not {what} (its signature is missing)")
    if fmt is None:
        known = ", ".join(sorted(s for s in SUFFIXES if s))
        raise UnsupportedFormatError(f"unsupported file type {suffix!r} (planparse reads {known})")
    return fmt


def _zip_kind(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        if suffix == ".docx":
            return "docx"  # the DOCX reader names the damage
        raise CorruptFileError("a damaged ZIP archive") from None
    if "word/document.xml" in names:
        return "docx"
    if suffix == ".docx":
        raise CorruptFileError("the file is named .docx but the archive holds no Word document")
    kinds = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint presentation",
             "content.xml": "an OpenDocument file that is not a text document"}
    what = next((w for n, w in kinds.items() if n in names), "a ZIP archive")
    raise UnsupportedFormatError(f"{what}, not a document planparse reads")


def _ole_kind(data: bytes) -> str:
    """``doc`` for a Word 97-2003 file (its ``WordDocument`` stream); a typed error for other OLE files."""
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    what = next((w for name, w in _OLE_STREAMS.items() if name.encode("utf-16-le") + b"\x00\x00" in data),
                "an OLE file that is not a Word document")
    raise UnsupportedFormatError(f"{what}, not a document planparse reads")


def image_kind(data: bytes) -> str | None:
    """``PNG``, ``JPEG``, ``TIFF``, ``GIF``, ``BMP`` or ``WebP`` if ``data`` starts as that image does."""
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WebP"
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":  # two bytes alone could start a text
        return "BMP"
    return next((kind for magic, kind in _IMAGES.items() if data.startswith(magic)), None)
