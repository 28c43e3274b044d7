"""Plain text and markdown: detect the encoding (UTF-8 with or without BOM, UTF-16, legacy 8-bit)."""

from __future__ import annotations

import codecs

from planparse.errors import UndecodableError
from planparse.model import SourceInfo
from planparse.read import Source
from planparse.read.legacy import looks_legacy


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text and name the encoding; raise :class:`UndecodableError`."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise UndecodableError("binary data (NUL bytes), not a text document")
    try:
        return _strict(data, "utf-8"), "utf-8"
    except UndecodableError:
        eight_bit = data.decode("cp1252", errors="replace")
        if looks_legacy(eight_bit):
            return eight_bit, "windows-1252"  # TCVN3 or VNI: read() converts it or says why not
        raise


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has NUL in most high bytes of its ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(
            f"not valid {encoding.upper()} text (byte {exc.start}: {data[exc.start:exc.start + 4]!r});"
            " save the file as UTF-8"
        ) from None
    controls = sum(1 for ch in text[:8192] if ch < " " and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 100):
        raise UndecodableError("binary data (control characters), not a text document")
    return text


def read_text(data: bytes, info: SourceInfo) -> Source:
    """Read a text or markdown file."""
    text, encoding = decode(data)
    return Source.from_text(text, info.model_copy(update={"encoding": encoding}))
