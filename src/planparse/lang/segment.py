"""Vietnamese word segmentation by underthesea, aligned to character offsets.

A Vietnamese word is often several syllables written apart (``Công nghệ thông
tin``); underthesea's segmenter groups them. Its model loads once, on first use.
Where its output cannot be aligned with the text (it normalises a few
characters), the rest of the text falls back to one word per syllable or mark.
"""

from __future__ import annotations

import re
from functools import cache

_PIECE = re.compile(r"\w+|[^\w\s]")


@cache
def _tokenize():
    from underthesea import word_tokenize  # heavy: imported on first use

    return word_tokenize


def words(text: str) -> list[str]:
    """The words of ``text`` as underthesea writes them (syllables joined by a space, a few characters normalised)."""
    return _tokenize()(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each word of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for token in words(text):
        span = _align(text, token, pos)
        if span is None:
            break
        spans.append(span)
        pos = span[1]
    spans += [(m.start(), m.end()) for m in _PIECE.finditer(text, pos)]
    return spans


def _align(text: str, token: str, pos: int) -> tuple[int, int] | None:
    """Where ``token`` (its pieces joined by single spaces) occurs at ``pos``, skipping whitespace."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    start = pos
    for k, piece in enumerate(token.split()):
        if k:
            while pos < len(text) and text[pos].isspace():
                pos += 1
        if not text.startswith(piece, pos):
            return None
        pos += len(piece)
    return (start, pos) if pos > start else None
