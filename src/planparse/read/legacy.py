"""Text in the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI: recognised and converted to Unicode.

Such text arrives as Latin-1 look-alikes (``KÕ ho¹ch`` in TCVN3, ``Keá hoaïch`` in
VNI): from an 8-bit text file, or from a DOCX or HTML file whose font did the
Vietnamese. Both conversions are tried; the one whose words are Vietnamese
syllables wins when the choice is clear, else the reader says it cannot tell.
"""

from __future__ import annotations

import math
import re
from functools import cache
from itertools import islice

from planparse.lang import vocab
from planparse.lang.syllables import syllable_share
from planparse.errors import LegacyEncodingError

_BEYOND_LATIN1 = re.compile(r"[\u0100-\u01b0\u1ea0-\u1ef9]")  # ă đ ĩ ũ ơ ư and the toned letters Latin-1 lacks
_LATIN1_LOW = bytes(range(0xA1))  # the bytes below Latin-1's letters and signs (¡ to ÿ)
_WORD = re.compile(r"\w+")
SAMPLE = 50_000
CERTAIN, PLAUSIBLE = 0.9, 0.5  # shares of words that are syllables


@cache
def _tcvn3() -> dict[int, str]:
    return {int(r["byte"], 16): r["letter"] for r in vocab.table("legacy_tcvn3")}


@cache
def _vni() -> tuple[re.Pattern[str], dict[str, str]]:
    letters = {r["written"]: r["letter"] for r in vocab.table("legacy_vni")}
    pattern = re.compile("|".join(map(re.escape, sorted(letters, key=len, reverse=True))))
    return pattern, letters


def from_tcvn3(text: str) -> str:
    """TCVN3 to Unicode. TCVN3 has no capitals with tone marks, so they come back where the writing
    shows them: in lines set in capitals (``.VnTimeH``), at the start of a sentence or bullet, and in
    the names of bodies (``ủy ban nhân dân`` → ``Ủy ban nhân dân``)."""
    text = _recapitalise(text.translate(_tcvn3()))
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _proper_names().sub(lambda m: m.group()[0].upper() + m.group()[1:], text)


_LOST_CAPITALS = frozenset("àáãảạèéẻẽẹìíỉĩịòóõỏọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự")
_SENTENCE_START = re.compile(r"((?:^[-+•]|[.!?])\s+)([^\x00-\x7f])", re.MULTILINE)  # "- ứng dụng", ". ở"


@cache
def _proper_names() -> re.Pattern[str]:
    """Body heads whose capital has a tone mark, written with a small first letter."""
    heads = sorted((h for h in vocab.body_heads() if h[0].lower() in _LOST_CAPITALS), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h[0].lower() + h[1:]) for h in heads) + r")\b")


def from_vni(text: str) -> str:
    """VNI to Unicode."""
    pattern, letters = _vni()
    return pattern.sub(lambda m: letters[m.group()], text)


CONVERTERS = {"TCVN3": from_tcvn3, "VNI": from_vni}


def _recapitalise(text: str) -> str:
    """``KÕ HO¹CH`` reads ``Kế HOạCH``: TCVN3 has codes for small toned letters only. A word with
    capitals and no small plain letter is all capitals when it has two capitals or stands beside
    a converted word that has (not an abbreviation: ``Bộ TTTT``), or when every word of its line
    is such a word (``GIÁM ĐỐC SỞ Y TẾ``)."""

    def capitals(word: str) -> int:
        if any(ch.isascii() and ch.islower() for ch in word):
            return 0
        return sum(1 for ch in word if ch.isupper())

    def fix(line: str) -> str:
        words = list(_WORD.finditer(line))
        caps = [capitals(m.group()) for m in words]
        lettered = [(c, m.group()) for c, m in zip(caps, words, strict=True) if any(ch.isalpha() for ch in m.group())]
        if all(c for c, _ in lettered) and sum(1 for _, w in lettered if not w.isascii()) >= 2:
            return line.upper()
        out, last = [], 0
        for i, m in enumerate(words):
            word = m.group()
            near = any(caps[j] >= 2 and not words[j].group().isascii() for j in (i - 1, i + 1) if 0 <= j < len(words))
            if caps[i] >= 2 or caps[i] and near:
                word = word.upper()
            out.append(line[last:m.start()] + word)
            last = m.end()
        return "".join(out) + line[last:]

    return "\n".join(fix(line) for line in text.split("\n"))


def looks_legacy(text: str) -> bool:
    """Many Latin-1 letters, hardly any of the letters only Vietnamese Unicode text has. Counted at C speed (the
    Latin-1 characters kept as bytes), and the others only as far as a Unicode text shows itself."""
    sample = text[:SAMPLE]
    high = len(sample.encode("latin-1", "ignore").translate(None, _LATIN1_LOW))
    if high < 20:
        return False
    enough = math.ceil(0.05 * high)  # letters beyond Latin-1 that make it Unicode
    return sum(1 for _ in islice(_BEYOND_LATIN1.finditer(sample), enough)) < enough


def convert(text: str) -> tuple[str, str | None]:
    """The text in Unicode and the legacy encoding it was in (``None`` if it was not); see :func:`detect`."""
    encoding = detect(text)
    return (CONVERTERS[encoding](text), encoding) if encoding else (text, None)


def detect(text: str) -> str | None:
    """The legacy encoding ``text`` is in (a key of :data:`CONVERTERS`), ``None`` if it is not.

    Raises :class:`LegacyEncodingError` when the text is in TCVN3 or VNI but the
    two conversions cannot be told apart with certainty.
    """
    if not looks_legacy(text):
        return None
    scores = {name: syllable_share(conv(text[:SAMPLE])) for name, conv in CONVERTERS.items()}
    (best, top), (_, second) = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if top < PLAUSIBLE:
        return None  # Latin-1 text of another language: not ours to convert
    if top >= CERTAIN and second < PLAUSIBLE:
        return best
    found = ", ".join(f"{name} {score:.0%}" for name, score in scores.items())
    raise LegacyEncodingError(
        f"the text looks like a legacy Vietnamese encoding (TCVN3 or VNI) but converting it is uncertain"
        f" (words read as Vietnamese: {found}); convert the file to Unicode (e.g. with UniKey) and try again"
    )
