"""Word 97-2003 (``.doc``), RTF and OpenDocument text: converted to DOCX by LibreOffice, then read by the
DOCX reader (numbering, tables and all); a ``.doc`` is read by antiword when LibreOffice is absent.

LibreOffice runs headless in a private temporary folder with its own user profile, so that
parallel workers never share one, and is stopped after :data:`TIMEOUT` seconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from planparse.errors import ConversionError, MissingProgramError
from planparse.model import SourceInfo
from planparse.read import Source

TIMEOUT = 120  # seconds; a page-long .doc converts in about 3
LIBREOFFICE = ("soffice", "libreoffice")
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
    """The text antiword gives (tables as ``|cell|cell|`` rows), one paragraph per line."""
    with tempfile.NamedTemporaryFile(suffix=".doc") as file:
        file.write(data)
        file.flush()
        result = _run([antiword, "-m", "UTF-8.txt", "-w", "0", file.name], "antiword")
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip()
        raise ConversionError(f"antiword could not read the Word file ({said or f'exit status {result.returncode}'})")
    return Source.from_text(result.stdout.decode("utf-8", "replace"), info)


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
