"""A PDF page's text layer, judged before it is trusted and repaired where it can be.

The judge is the share of the page's words that are Vietnamese syllables (:mod:`planparse.lang.syllables`,
over every word): a layer a word processor wrote scores above 0.85, a scanner's poor OCR layer, a font
whose map is broken, or a page in another language below 0.5. A layer below :data:`USABLE` is repaired
when one of these makes it Vietnamese:

- a legacy 8-bit encoding (TCVN3, VNI) that :func:`legacy.detect` recognises with certainty: the layer is
  kept as it is, and converted with the rest of the document;
- glyph codes instead of letters (a font whose map gives its glyph numbers: ``7KӵF KLӋQ`` for ``Thực hiện``,
  or pdfminer's ``(cid:N)``): the codes are shifted by the constant that makes the text Vietnamese; failing
  one constant for all, each block of 128 codes by its own (a font keeps each block of characters in one
  run of glyphs). A shift must move the plain letters too and keep the words words, or it is no repair.

A layer nothing repairs is not text: the page is read by OCR instead. It is never taken for a legacy
encoding it is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache

from planparse.clean import TONES
from planparse.errors import LegacyEncodingError
from planparse.lang import vocab
from planparse.lang.syllables import syllable_share
from planparse.read import legacy

USABLE = 0.7  # share of the words that are Vietnamese syllables in a layer that can be trusted
MIN_WORDS = 20  # a page with fewer words (a page number, a stamp's caption) is not judged
KEPT = 0.9  # the share of its words a repaired text keeps
SAMPLE = 3000  # characters a shift is judged on
_BREAKS = " \n"
_CID = re.compile(r"\(cid:(\d+)\)")
_WORD = re.compile(r"\w*[^\W\d_]\w*")


def words(text: str) -> int:
    """The words with letters in ``text``."""
    return len(_WORD.findall(text))


def share(text: str) -> float:
    """The share of the words of ``text`` that are Vietnamese syllables."""
    return syllable_share(text, every_word=True)


def repair(text: str) -> Callable[[str], str] | None:
    """What makes the page's layer ``text`` Vietnamese: a function over the texts of its words (identity
    for a layer that is good as it is, or in a legacy encoding the document's conversion will handle);
    ``None`` for a layer that is not text."""
    if share(text) >= USABLE:
        return same
    try:
        encoding = legacy.detect(text)
    except LegacyEncodingError:
        encoding = None
    if encoding and share(legacy.CONVERTERS[encoding](text)) >= USABLE:
        return same
    codes = glyph_codes(text)
    table = unshift(codes)
    if table is None:
        return None
    return lambda word: glyph_codes(word).translate(table)


def same(word: str) -> str:
    """A word as it is (the repair of a layer that needs none)."""
    return word


def glyph_codes(text: str) -> str:
    """``text`` with pdfminer's ``(cid:N)`` for a glyph it could not map written as the character N."""
    return _CID.sub(lambda m: chr(int(m.group(1))), text)


def unshift(text: str) -> dict[int, int] | None:
    """The translation that makes ``text`` Vietnamese: one shift of every code, else a shift for each block
    of 128 codes, the blocks with most characters first, each making the most words syllables (a tie kept
    by the shift found first); ``None`` if no shift makes the share :data:`USABLE` and keeps the words."""
    sample = text[:SAMPLE]
    codes = Counter(ord(ch) for ch in sample if ch not in _BREAKS)
    blocks = Counter()
    for code, n in codes.items():
        blocks[code >> 7] += n

    def table(offsets: dict[int, int]) -> dict[int, int]:
        return {code: code + offsets[code >> 7] for code in codes
                if code >> 7 in offsets and 0 < code + offsets[code >> 7] < 0x110000}

    def candidates(block: int) -> list[int]:
        top = max((code for code in codes if code >> 7 == block), key=codes.__getitem__)
        return sorted({ord(letter) - top for letter in _letters()}, key=abs)

    first = blocks.most_common(1)[0][0] if blocks else 0
    for offset in candidates(first) if blocks else ():
        constant = dict.fromkeys(blocks, offset)
        if share(sample.translate(table(constant))) >= USABLE:
            return table(constant) if offset else None
    offsets: dict[int, int] = {}
    best = _syllables(sample)
    for block, _ in blocks.most_common():
        for offset in candidates(block):
            score = _syllables(sample.translate(table({**offsets, block: offset})))
            if score > best:
                best, offsets[block] = score, offset
    fixed = sample.translate(table(offsets))
    kept = words(fixed) >= KEPT * words(sample)  # a shift that turns letters into signs is no repair
    shifted = offsets.get(first, 0) != 0  # glyph codes for letters shift the plain letters too
    return table(offsets) if shifted and kept and share(fixed) >= USABLE else None


def _syllables(text: str) -> float:
    """How many words of ``text`` are Vietnamese syllables."""
    return share(text) * words(text)


@cache
def _letters() -> str:
    """The letters Vietnamese is written with (those of its syllables, with every tone), small and capital."""
    plain = {ch for row in vocab.table("syllables") for ch in row["letters"]}
    vowels = {ch for row in vocab.table("syllables") if row["part"] == "vowel" for ch in row["letters"]}
    toned = {unicodedata.normalize("NFC", ch + tone) for ch in vowels for tone in TONES}
    return "".join(sorted({ch for letter in plain | toned if len(letter) == 1 for ch in (letter, letter.upper())}))
