"""Plain text and markdown: detect the encoding (UTF-8 with or without BOM, UTF-16, Windows-1258, legacy 8-bit)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from planparse.errors import UndecodableError
from planparse.model import SourceInfo
from planparse.read import Source
from planparse.lang.syllables import syllable_share
from planparse.read.legacy import CERTAIN, SAMPLE, looks_legacy

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # not tab, line breaks and page breaks
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])  # the same as bytes
# what Windows-1258 has and Windows-1252 lacks: the combining tone marks, ă đ ơ ư
_WINDOWS_1258 = re.compile("[\u0300\u0301\u0303\u0309\u0323ăĂđĐơƠưƯ]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text and name the encoding; raise :class:`UndecodableError`."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    try:
        return _strict(data, "utf-8"), "utf-8"
    except UndecodableError:
        if b"\x00" in data:
            raise UndecodableError("binary data (NUL bytes), not a text document") from None
        vietnamese = _windows_1258(data)
        if vietnamese is not None:
            return vietnamese, "windows-1258"
        eight_bit = data.decode("cp1252", errors="replace")
        if looks_legacy(eight_bit):
            return eight_bit, "windows-1252"  # TCVN3 or VNI: read() converts it or says why not
        raise


def _windows_1258(data: bytes) -> str | None:
    """The text, its tone marks composed, if ``data`` is Vietnamese in Windows-1258 (the code page of
    Vietnamese Windows: letters and combining tone marks); else ``None``."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if not _WINDOWS_1258.search(text[:SAMPLE]):
        return None  # Latin-1 letters only: nothing says this is not Windows-1252
    text = unicodedata.normalize("NFC", text)
    return text if syllable_share(text[:SAMPLE]) >= CERTAIN else None


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
    if _controls(data, text, encoding) > max(8, len(text) // 100):
        raise UndecodableError("binary data (control characters), not a text document")
    return text


def _controls(data: bytes, text: str, encoding: str) -> int:
    """How many control characters (:data:`_CONTROLS`) ``text``, decoded from ``data``, holds: counted in the bytes
    at C speed unless the encoding is UTF-16 (in UTF-8 and the 8-bit code pages each is a byte of its own)."""
    if encoding.startswith("utf-16"):
        return len(_CONTROLS.findall(text))
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def read_text(data: bytes, info: SourceInfo) -> Source:
    """Read a text or markdown file; a few stray control characters (NUL …) are dropped, with a note."""
    text, encoding = decode(data)
    kept = _CONTROLS.sub("", text) if _controls(data, text, encoding) else text
    dropped = len(text) - len(kept)
    notes = (f"{dropped} control character{'s' if dropped > 1 else ''} (NUL and the like) dropped",) if dropped else ()
    return Source.from_text(kept, info.model_copy(update={"encoding": encoding, "notes": notes}))
