"""Readers: one module per input format, each turning a file into a :class:`Source` of blocks.

The format is found from the file's content (``sniff``); text in a legacy
Vietnamese encoding is converted, whatever the format (``legacy``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from planparse.blocks import Block, Paragraph, Rendering, map_text, render

from planparse.errors import EmptyDocumentError, FileMissingError, PlanparseError, TooLargeError
from planparse.model import SourceInfo
from planparse.read import legacy
from planparse.read.sniff import SUFFIXES, sniff

__all__ = ["Source", "read", "MAX_BYTES", "SUFFIXES", "OCR_MODES", "Progress"]

Progress = Callable[[int, int], None]  # called with (pages done, pages to do) as OCR reads a document's pages
OCR_MODES = ("auto", "always", "never")

MAX_BYTES = 50 * 1024 * 1024  # far larger than any plan; a guard against mistakes


@dataclass(frozen=True)
class Source:
    """A document as read, before cleaning: its blocks, and what it was read from."""

    blocks: tuple[Block, ...]
    info: SourceInfo

    @classmethod
    def from_text(cls, text: str, info: SourceInfo) -> Source:
        """A text with no structure of its own: one paragraph per line (the Document guesses the rest)."""
        return cls(tuple(Paragraph(line, position=n) for n, line in enumerate(text.split("\n"), start=1)), info)

    @cached_property
    def rendering(self) -> Rendering:
        """The blocks written as text, each line with its block and page."""
        return render(self.blocks)

    @property
    def text(self) -> str:
        return self.rendering.text


def read(path: str | Path, ocr: str = "auto", progress: Progress | None = None) -> Source:
    """Read a plan document from ``path`` in whatever format its content is.

    ``ocr`` says which pages of a PDF are read by OCR: ``auto`` (those with no usable text), ``always`` or
    ``never``; ``progress(done, total)`` is called as each page is read by OCR.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
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
        source = _read(data, SourceInfo(path=str(path), format=fmt), ocr, progress)
        encoding = legacy.detect(source.text)
    except PlanparseError as exc:
        raise exc.with_path(path) from None
    if encoding:
        blocks = tuple(map_text(block, legacy.CONVERTERS[encoding]) for block in source.blocks)
        source = replace(source, blocks=blocks, info=source.info.model_copy(update={"encoding": encoding}))
    return source


def _read(data: bytes, info: SourceInfo, ocr: str, progress: Progress | None) -> Source:
    """The reader of ``info.format`` on the file's bytes."""
    if info.format == "pdf":
        from planparse.read.pdf import read_pdf

        return read_pdf(data, info, ocr, progress)
    if info.format == "docx":
        from planparse.read.docx import read_docx

        return read_docx(data, info)
    if info.format in ("doc", "rtf", "odt"):
        from planparse.read.doc import read_converted

        return read_converted(data, info)
    if info.format == "html":
        from planparse.read.html import read_html

        return read_html(data, info)
    from planparse.read.text import read_text

    return read_text(data, info)
