"""Readers: one module per input format, each turning a file into a :class:`Source` of blocks.

The format is found from the file's content (``sniff``); text in a legacy
Vietnamese encoding is converted, whatever the format (``legacy``).
"""

from __future__ import annotations

import errno
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from planparse.blocks import Block, Rendering, TextLines, map_text, render
from planparse.errors import EmptyDocumentError, FileMissingError, PlanparseError
from planparse.model import SourceInfo
from planparse.read import legacy
from planparse.read.limits import Limits
from planparse.read.sniff import SUFFIXES, sniff

__all__ = ["Source", "read", "Limits", "MAX_BYTES", "SUFFIXES", "OCR_MODES", "Progress"]

Progress = Callable[[int, int], None]  # called with (pages done, pages to do) as OCR reads a document's pages
OCR_MODES = ("auto", "always", "never")

MAX_BYTES = Limits().file_bytes  # the default limit on a file's size


@dataclass(frozen=True)
class Source:
    """A document as read, before cleaning: its blocks, and what it was read from."""

    blocks: Sequence[Block]
    info: SourceInfo

    @classmethod
    def from_text(cls, text: str, info: SourceInfo) -> Source:
        """A text with no structure of its own: one paragraph per line (the Document guesses the rest)."""
        return cls(TextLines(text), info)

    @cached_property
    def rendering(self) -> Rendering:
        """The blocks written as text, each line with its block and page."""
        return render(self.blocks)

    @property
    def text(self) -> str:
        return self.rendering.text


def read(path: str | Path, limits: Limits = Limits(), ocr: str = "auto", progress: Progress | None = None) -> Source:
    """Read a plan document from ``path`` in whatever format its content is, within ``limits``.

    ``ocr`` says which pages of a PDF are read by OCR: ``auto`` (those with no usable text), ``always`` or
    ``never``; ``progress(done, total)`` is called as each page is read by OCR.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    path = Path(path)
    try:
        data = _bytes(path, limits)
        if data.startswith(b"PK\x03\x04"):
            limits.check_zip(data)
        fmt = sniff(data, path.suffix.lower())
        if fmt == "html":
            limits.check_elements(data)
        source = _read(data, SourceInfo(path=str(path), format=fmt), ocr, progress, limits)
        limits.check_text(source.text)
        encoding = legacy.detect(source.text)
    except PlanparseError as exc:
        raise exc.with_path(path) from None
    if encoding:
        blocks = tuple(map_text(block, legacy.CONVERTERS[encoding]) for block in source.blocks)
        source = replace(source, blocks=blocks, info=source.info.model_copy(update={"encoding": encoding}))
    return source


def _bytes(path: Path, limits: Limits) -> bytes:
    """The bytes of the regular file at ``path``; any reason it cannot be read is a :class:`FileMissingError`."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FileMissingError("not a regular file")
        limits.check_size(info.st_size)
        with path.open("rb") as f:
            data = f.read(limits.file_bytes + 1)
        limits.check_size(len(data))  # the file grew since
    except OSError as exc:
        raise FileMissingError(_unreadable(exc, path)) from None
    if not data:
        raise EmptyDocumentError("the file is empty")
    return data


def _unreadable(exc: OSError, path: Path) -> str:
    """Why the file cannot be read, in words."""
    if exc.errno == errno.ENOENT:
        return "a broken symbolic link" if path.is_symlink() else "no such file"
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: the file cannot be read"
    return f"the file cannot be read: {exc.strerror or exc}"


def _read(data: bytes, info: SourceInfo, ocr: str, progress: Progress | None, limits: Limits) -> Source:
    """The reader of ``info.format`` on the file's bytes."""
    if info.format == "pdf":
        from planparse.read.pdf import read_pdf

        return read_pdf(data, info, ocr, progress, limits)
    if info.format in ("doc", "rtf", "odt"):
        from planparse.read.doc import read_converted

        return read_converted(data, info)
    if info.format == "image":
        from planparse.read.image import read_image

        return read_image(data, info, ocr, progress, limits)
    if info.format == "docx":
        from planparse.read.docx import read_docx

        return read_docx(data, info)
    if info.format == "html":
        from planparse.read.html import read_html

        return read_html(data, info, limits)
    from planparse.read.text import read_text

    return read_text(data, info)
