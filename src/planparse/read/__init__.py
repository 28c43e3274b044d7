"""Readers: one module per input format, each turning a file into a :class:`Source`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planparse.errors import FileMissingError, UnsupportedFormatError
from planparse.model import SourceInfo


@dataclass(frozen=True)
class Source:
    """The text of a document as read, before cleaning, and what it was read from."""

    text: str
    info: SourceInfo


TEXT_SUFFIXES = {".txt": "text", ".text": "text", "": "text", ".md": "markdown", ".markdown": "markdown"}
LATER_SUFFIXES = {".pdf": "PDF", ".docx": "DOCX", ".doc": "Word 97-2003", ".html": "HTML", ".htm": "HTML"}


def read(path: str | Path) -> Source:
    """Read a plan document from ``path``; the format follows the file's suffix."""
    from planparse.read.text import read_text

    path = Path(path)
    if not path.is_file():
        raise FileMissingError("no such file" if not path.exists() else "not a regular file", path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text(path, TEXT_SUFFIXES[suffix])
    if suffix in LATER_SUFFIXES:
        raise UnsupportedFormatError(f"{LATER_SUFFIXES[suffix]} input is not supported yet", path)
    known = ", ".join(sorted(s for s in TEXT_SUFFIXES if s))
    raise UnsupportedFormatError(f"unsupported file type {suffix!r} (planparse reads {known})", path)
