"""A PDF page's words from its characters as pdfplumber makes them, in fewer steps.

pdfplumber's :func:`~pdfplumber.utils.extract_words`, :func:`~pdfplumber.utils.extract_text` and
:func:`~pdfplumber.utils.dedupe_chars` are written for every direction of text and every option; the reader
calls them with their defaults on upright text, where what they do comes down to a sort and a pass (the
second makes a map of every character to join them; the third sorts its result by searching the list for
each character it keeps: a page's time squared). Each function here gives what its pdfplumber one gives,
to the same characters in the same order.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

TOLERANCE = 3  # pdfplumber's x_tolerance and y_tolerance: the gap that parts two words, two lines
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}  # pdfplumber's


def words(chars: list[dict]) -> list[dict]:
    """``extract_words(chars, extra_attrs=["size"])``: each word's ``text``, ``x0``, ``x1``, ``top``,
    ``bottom`` and ``size`` (what the reader uses of it). Text that is not upright is left to pdfplumber."""
    if not all(char["upright"] for char in chars):
        from pdfplumber.utils import extract_words

        return extract_words(chars, extra_attrs=["size"])
    return [word for _, run in groupby(chars, key=itemgetter("size")) for word in _words(list(run))]


def text(chars: list[dict]) -> str:
    """``extract_text(chars)``: the words (of every size) in lines, their tops clustered as characters' are
    (the words of a line in the order they were made), joined by spaces and the lines by line breaks. Text
    that is not upright is left to pdfplumber."""
    if not all(char["upright"] for char in chars):
        from pdfplumber.utils import extract_text

        return extract_text(chars)
    made = _words(chars)
    line = _clusters({word["top"] for word in made})
    lines = groupby(sorted(made, key=lambda word: line[word["top"]]), key=lambda word: line[word["top"]])
    return "\n".join(" ".join(word["text"] for word in words) for _, words in lines)


def _words(chars: list[dict]) -> list[dict]:
    """The words of ``chars`` as pdfplumber makes them of a run it does not part: the characters sorted
    into lines (their tops clustered, each within :data:`TOLERANCE` of the next) and, in a line, left to
    right; a space, a gap wider than :data:`TOLERANCE` or a step in height wider than it ends a word."""
    out: list[dict] = []
    line = _clusters({char["top"] for char in chars})
    current: list[dict] = []
    last_line = None
    for char in sorted(chars, key=lambda char: (line[char["top"]], char["x0"])):
        text, number = char["text"], line[char["top"]]
        if current and (number != last_line or text.isspace() or not text or _parts(current[-1], char)):
            out.append(_word(current))
            current = []
        last_line = number
        if not text:  # pdfplumber's test for punctuation to split at (none) takes "" for a word of its own
            out.append(_word([char]))
        elif not text.isspace():
            current.append(char)
    if current:
        out.append(_word(current))
    return out


def _clusters(values: set[float]) -> dict[float, int]:
    """Each value's cluster, counted from the least: a value within :data:`TOLERANCE` of the one below it is
    in its cluster."""
    out: dict[float, int] = {}
    cluster, last = 0, None
    for value in sorted(values):
        if last is not None and value > last + TOLERANCE:
            cluster += 1
        out[value], last = cluster, value
    return out


def _parts(prev: dict, char: dict) -> bool:
    """Whether ``char`` starts a new word after ``prev`` on their line."""
    return char["x0"] > prev["x1"] + TOLERANCE or abs(char["top"] - prev["top"]) > TOLERANCE  # (pdfplumber's
    # test for a step back never holds in a line sorted left to right)


def _word(chars: list[dict]) -> dict:
    return {"text": "".join(_LIGATURES.get(c["text"], c["text"]) for c in chars),
            "x0": min(c["x0"] for c in chars), "x1": max(c["x1"] for c in chars),
            "top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars), "size": chars[0]["size"]}


def dedupe(chars: list[dict]) -> list[dict]:
    """``dedupe_chars(chars)``: of the characters of one text, font and size within a point of each other
    (down, then across), the first at the least ``doctop`` and ``x0``, in the order of ``chars``."""
    from pdfplumber.utils.clustering import cluster_objects

    key, place = itemgetter("upright", "text", "fontname", "size"), itemgetter("doctop", "x0")
    kept: list[dict] = []
    for _, same in groupby(sorted(chars, key=key), key):
        for row in cluster_objects(list(same), itemgetter("doctop"), 1):
            kept += (min(cluster, key=place) for cluster in cluster_objects(row, itemgetter("x0"), 1))
    order = {id(char): k for k, char in enumerate(chars)}  # pdfplumber's chars.index: a kept one is the first
    return sorted(kept, key=lambda char: order[id(char)])  # of those equal to it
