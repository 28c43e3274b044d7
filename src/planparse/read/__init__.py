"""Readers: one module per input format, each turning a file into a :class:`Source`.

The format is found from the file's content (``sniff``); text in a legacy
Vietnamese encoding is converted, whatever the format (``legacy``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from planparse.errors import EmptyDocumentError, FileMissingError, PlanparseError, TooLargeError
from planparse.model import SourceInfo
from planparse.read import legacy
from planparse.read.sniff import SUFFIXES, sniff

__all__ = ["Source", "read", "MAX_BYTES", "SUFFIXES"]

MAX_BYTES = 50 * 1024 * 1024  # far larger than any plan; a guard against mistakes


@dataclass(frozen=True)
class Source:
    """The text of a document as read, before cleaning, and what it was read from.

    ``pages`` gives the 1-based page of each line of ``text`` for paged formats (PDF).
    """

    text: str
    info: SourceInfo
    pages: tuple[int, ...] | None = None

    def page_of(self, line: int) -> int | None:
        """The page of 1-based ``line``, or ``None`` for a source without pages."""
        if not self.pages:
            return None
        return self.pages[min(max(line, 1), len(self.pages)) - 1]


def read(path: str | Path) -> Source:
    """Read a plan document from ``path`` in whatever format its content is."""
    path = Path(path)
    if not path.is_file():
        raise FileMissingError("no such file" if not path.exists() else "not a regular file", path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TooLargeError(f"file of {size:,} bytes is far larger than any plan", path)
    if size == 0:
        raise EmptyDocumentError("the file is empty", path)
    data = path.read_bytes()
    try:
        fmt = sniff(data, path.suffix.lower())
        source = _read(data, SourceInfo(path=str(path), format=fmt))
        text, encoding = legacy.convert(source.text)
    except PlanparseError as exc:
        raise exc.with_path(path) from None
    if encoding:
        source = replace(source, text=text, info=source.info.model_copy(update={"encoding": encoding}))
    return source


def _read(data: bytes, info: SourceInfo) -> Source:
    """The reader of ``info.format`` on the file's bytes."""
    if info.format == "pdf":
        from planparse.read.pdf import read_pdf

        return read_pdf(data, info)
    if info.format == "docx":
        from planparse.read.docx import read_docx

        return read_docx(data, info)
    if info.format == "html":
        from planparse.read.html import read_html

        return read_html(data, info)
    from planparse.read.text import read_text

    return read_text(data, info)
