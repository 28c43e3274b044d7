"""Word 97-2003 (``.doc``), RTF and OpenDocument text: converted to DOCX by LibreOffice, then read by the
DOCX reader (numbering, tables and all); a ``.doc`` is read by antiword (its DocBook output: paragraphs
and tables) when LibreOffice is absent.

LibreOffice runs headless in a private temporary folder with its own user profile, so that
parallel workers never share one, and is stopped after :data:`TIMEOUT` seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from planparse.blocks import Block, Paragraph, Table, TableCell
from planparse.errors import ConversionError, MissingProgramError
from planparse.model import SourceInfo
from planparse.read import Source

TIMEOUT = 120  # seconds; a page-long .doc converts in about 3
LIBREOFFICE = ("soffice", "libreoffice")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")  # what antiword writes for symbol-font glyphs
_NAMES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF", "odt": "OpenDocument text (.odt)"}


def read_converted(data: bytes, info: SourceInfo) -> Source:
    """Read a ``doc``, ``rtf`` or ``odt`` file (``info.format``) through LibreOffice, or antiword."""
    office = next((found for name in LIBREOFFICE if (found := shutil.which(name))), None)
    if office:
        from planparse.read.docx import read_docx

        return read_docx(to_docx(data, info.format, office), info)
    antiword = shutil.which("antiword") if info.format == "doc" else None
    if antiword:
        return _read_antiword(data, info, antiword)
    packages = "libreoffice-writer-nogui (or antiword)" if info.format == "doc" else "libreoffice-writer-nogui"
    raise MissingProgramError(f"reading {_NAMES[info.format]} files needs LibreOffice, which is not installed;"
                              f" install the Debian package {packages}, or save the file as .docx")


def to_docx(data: bytes, fmt: str, office: str) -> bytes:
    """The file's ``data`` (in format ``fmt``) converted to DOCX by the LibreOffice program ``office``."""
    with tempfile.TemporaryDirectory(prefix="planparse-") as folder:
        work = Path(folder)
        source = work / f"document.{fmt}"
        source.write_bytes(data)
        command = [office, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(work / "out"), str(source)]
        result = _run(command, "LibreOffice")
        out = work / "out" / "document.docx"
        if not out.is_file():
            said = (result.stderr or result.stdout).decode("utf-8", "replace").strip().splitlines()
            raise ConversionError(f"LibreOffice could not convert the {_NAMES[fmt]} file"
                                  + (f" ({said[-1]})" if said else " (damaged or protected by a password?)"))
        return out.read_bytes()


def _read_antiword(data: bytes, info: SourceInfo, antiword: str) -> Source:
    """The Word file as antiword reads it (DocBook): its paragraphs, and its tables with their cells."""
    with tempfile.NamedTemporaryFile(suffix=".doc") as file:
        file.write(data)
        file.flush()
        result = _run([antiword, "-x", "db", "-w", "0", "-m", "UTF-8.txt", file.name], "antiword")
    said = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        raise ConversionError(f"antiword could not read the Word file ({said or f'exit status {result.returncode}'})")
    try:
        book = ElementTree.fromstring(_NOT_XML.sub("", result.stdout.decode("utf-8", "replace")))
    except ElementTree.ParseError as exc:
        raise ConversionError(f"antiword gave no readable text for the Word file ({exc})") from None
    blocks: list[Block] = []
    for position, element in enumerate(book.iter()):
        if element.tag == "para":
            blocks += [Paragraph(line, position=position) for line in _lines(element)]
        elif element.tag == "informaltable":
            rows = tuple(tuple(TableCell(tuple(_lines(entry))) for entry in row.iter("entry"))
                         for row in element.iter("row"))
            blocks.append(Table(rows, position=position))
    return Source(tuple(blocks), info)


def _lines(element) -> list[str]:
    """The lines of text of a DocBook element, outside the tables inside it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != "informaltable":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _run(command: list[str], name: str) -> subprocess.CompletedProcess:
    """Run ``command`` in a session of its own: on timeout, it and every process it started are killed."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                          start_new_session=True) as process:
        try:
            out, err = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(f"{name} did not finish converting the file in {TIMEOUT} s") from None
    return subprocess.CompletedProcess(command, process.returncode, out, err)
