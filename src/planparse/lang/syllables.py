"""Vietnamese syllables: how much of a text is written in them (``data/syllables.tsv``: onset, vowel group,
final consonant), which tells Vietnamese from garbage, from other languages, and one legacy encoding
from another."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from planparse.clean import TONES
from planparse.lang import vocab

_WORD = re.compile(r"\w+")
_TONES = dict.fromkeys(map(ord, TONES))


@cache
def _syllable() -> re.Pattern[str]:
    parts: dict[str, list[str]] = {"onset": [], "vowel": [], "coda": []}
    for row in vocab.table("syllables"):
        parts[row["part"]].append(row["letters"])
    alt = {k: "|".join(sorted(v, key=len, reverse=True)) for k, v in parts.items()}
    return re.compile(f"(?:{alt['onset']})?(?:{alt['vowel']})(?:{alt['coda']})?")


def is_syllable(word: str) -> bool:
    """Is ``word`` (letters only, any case) one Vietnamese syllable? ``TTHC``, ``CNTT`` are not: abbreviations."""
    plain = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.casefold()).translate(_TONES))
    return bool(_syllable().fullmatch(plain))


def syllable_share(text: str, every_word: bool = False) -> float:
    """The share of the words with letters beyond ASCII that are Vietnamese syllables; with ``every_word``,
    of all the words with letters (garbage in plain ASCII counts too)."""
    words = [w.casefold() for w in _WORD.findall(text)
             if (every_word or not w.isascii()) and not w.isdigit() and any(ch.isalpha() for ch in w)]
    if not words:
        return 0.0
    return sum(1 for w in words if is_syllable(w)) / len(words)
