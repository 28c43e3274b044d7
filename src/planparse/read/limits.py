"""Limits on what one document may cost, each checked before the cost is paid.

Every real plan passes the defaults with room to spare; a document over one is
refused with a :class:`~planparse.errors.TooLargeError` that names the limit and
the option that raises it (``--max-pages 5000``, or ``Limits(pages=5000)``).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from itertools import islice

from planparse.errors import (
    LimitExceededError,
    TextTooLongError,
    TooLargeError,
    TooManyEntriesError,
    TooManyPagesError,
    UnpackedTooLargeError,
)

MB = 1024 * 1024
_CENTRAL_ENTRY = b"PK\x01\x02"  # every entry of a ZIP's central directory starts so


@dataclass(frozen=True)
class Limits:
    """The most a document may be; the command-line option of each field is ``--max-`` and its name."""

    file_mb: int = field(default=50, metadata={"help": "MB a file may have"})
    unpacked_mb: int = field(default=64, metadata={"help": "MB the parts of a DOCX may unpack to"})
    entries: int = field(default=10_000, metadata={"help": "entries a DOCX (a ZIP archive) may hold"})
    pages: int = field(default=1_000, metadata={"help": "pages a PDF or an image file may have"})
    chars: int = field(default=2_000_000, metadata={"help": "characters the text read from a file may have"})
    elements: int = field(default=200_000, metadata={"help": "elements an HTML page may hold (real pages: < 3,000)"})
    depth: int = field(default=5_000, metadata={"help": "levels an HTML page's elements may nest (real pages: < 100)"})

    @property
    def file_bytes(self) -> int:
        return self.file_mb * MB

    @staticmethod
    def option(name: str) -> str:
        """The command-line option that sets the field ``name``."""
        return "--max-" + name.replace("_", "-")

    def refuse(self, error: type[TooLargeError], what: str, name: str, unit: str = "") -> TooLargeError:
        """The error for ``what`` (``"the archive holds 60,000 entries"``) being over the limit ``name``."""
        return error(f"{what}; the limit is {getattr(self, name):,}{unit}: raise it with {self.option(name)} to read "
                     f"the file (Limits({name}=…) in Python)")

    def check_size(self, size: int) -> None:
        """The file's size in bytes."""
        if size > self.file_bytes:
            raise self.refuse(TooLargeError, f"the file is {size / MB:,.1f} MB", "file_mb", " MB")

    def check_zip(self, data: bytes) -> None:
        """A ZIP archive's entry count and unpacked size, from its directory, before anything is unpacked.

        A damaged archive passes: its reader says what is wrong with it.
        """
        entries = data.count(_CENTRAL_ENTRY)  # at least as many as the directory can list
        if entries > self.entries:
            raise self.refuse(TooManyEntriesError, f"the archive holds {entries:,} entries", "entries")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(item.file_size for item in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return
        if unpacked > self.unpacked_mb * MB:  # zipfile never inflates an entry beyond the size it lists
            raise self.refuse(UnpackedTooLargeError, f"the archive unpacks to {unpacked / MB:,.1f} MB",
                              "unpacked_mb", " MB")

    def check_pages(self, document) -> None:
        """A PDF's page count, walking the page tree of pdfminer's ``document`` no further than the limit,
        before any page is read.

        A damaged PDF passes: its reader says what is wrong with it.
        """
        from pdfminer.pdfpage import PDFPage

        try:
            count = sum(1 for _ in islice(PDFPage.create_pages(document), self.pages + 1))
        except Exception:  # pdfminer's errors have no common base
            return
        if count > self.pages:
            raise self.refuse(TooManyPagesError, f"the PDF has more than {self.pages:,} pages", "pages")

    def check_elements(self, data: bytes) -> None:
        """An HTML page's start tags, counted in its bytes before it is parsed (an upper bound)."""
        elements = data.count(b"<") - data.count(b"</") - data.count(b"<!")
        if elements > self.elements:
            raise self.refuse(LimitExceededError, f"the HTML has about {elements:,} elements", "elements")

    def check_text(self, text: str) -> None:
        """The characters of the text read, before it is parsed."""
        if len(text) > self.chars:
            raise self.refuse(TextTooLongError, f"the text has {len(text):,} characters", "chars")
