"""The layout markers of the genre (Nghị định 30/2020/NĐ-CP), shared by cleaner, outline and extractors.

Lines that open a header field, the legal basis, the recipients or the
signature block; the national motto; lines in capitals, positions and names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from planparse.lang import vocab


def _words(table: str, group: str, capitals: bool = False) -> str:
    """The phrases of a group of a word table as an alternation, longest first (with ``capitals``, also in capitals).

    A space matches any spaces, and the spaces around a hyphen may be missing.
    """
    phrases = vocab.words(table, group)
    if capitals:
        phrases = (*phrases, *(p.upper() for p in phrases))
    alternatives = [r"\s+".join(map(re.escape, p.split())).replace(r"\s+\-\s+", r"\s*-\s*")
                    for p in sorted(dict.fromkeys(phrases), key=len, reverse=True)]
    return "(?:" + "|".join(alternatives) + ")"


def _marker(marker: str, capitals: bool = False) -> str:
    return _words("genre_markers", marker, capitals)


MOTTO = re.compile(_marker("motto"), re.IGNORECASE)
NUMBER_LINE = re.compile(_marker("number", capitals=True) + r"(?:\s*:\s*|\s+(?=[\d/]))")  # "Số: 12/KH-UBND", "Số 12/…"
# "<Place>, ngày DD tháng MM năm YYYY"; day and month may be blank in an unissued copy. For ``search``:
# a match starts where a place can (the start, after "," or a line break), which finds the same match
# as starting anywhere (a place holds no "," or line break) in linear time, not quadratic on a long line.
_DAY, _MONTH, _YEAR = (_words("time_words", unit) for unit in ("day", "month", "year"))
DATE_LINE = re.compile(
    rf"(?:^|(?<=[,\n]))(?P<place>[^,\n]*?)\s*,?\s*{_DAY}\s*(?P<day>\d{{1,2}})?[\s.…_]*"
    rf"{_MONTH}\s*(?P<month>\d{{1,2}})?[\s.…_]*{_YEAR}\s*(?P<year>\d{{4}})",
    re.IGNORECASE,
)
ABOUT = re.compile(_marker("about") + r"\s*:?\s*", re.IGNORECASE)
LEGAL_OPENER = re.compile(_marker("legal_opener") + r"\b")
ADDRESSEES = re.compile(_marker("addressees") + r"\b", re.IGNORECASE)
RECIPIENTS = re.compile(_marker("recipients") + r"\s*:?", re.IGNORECASE)
ARCHIVE = re.compile(_marker("archive") + r"\s*:", re.IGNORECASE)
SIGNED = re.compile(r"\(\s*" + _marker("signed") + r"[^)]*\)", re.IGNORECASE)
ANNEX = re.compile(_marker("annex"), re.IGNORECASE)


# what only Vietnamese writes, once decomposed (NFD): đ, and the marks of ă â ê ô ơ ư and of the five tones
_VIETNAMESE = re.compile("[đĐ\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")


def has_vietnamese(text: str) -> bool:
    """Does ``text`` hold a letter of Vietnamese (either case, any tone)? A text without one is not ours."""
    return bool(_VIETNAMESE.search(unicodedata.normalize("NFD", text)))


@cache
def signature_mark() -> re.Pattern[str]:
    """``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.`` at the start of a line (group 1 is the mark)."""
    marks = sorted(vocab.signature_marks(), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(m) for m in marks) + r")\s*")


def is_table_row(line: str) -> bool:
    """A row of a table written with pipes (``| a | b |``, ``a | b | c``) or a lone ``|`` between flattened cells."""
    return line.startswith("|") or line.count("|") >= 2


_LONE_LABEL = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5})\.?|[a-zđ][.)]")


def is_lone_label(line: str) -> bool:
    """A line that is nothing but a row or item number (``1``, ``2.1``, ``IV``, ``a)``): a table's cells one a
    line, each row opening with its number."""
    return _LONE_LABEL.fullmatch(line.strip()) is not None


def is_caps(line: str) -> bool:
    """All the letters are capitals (and there are at least two)."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@cache
def _doctype_names() -> tuple[str, ...]:
    return tuple(sorted({name.upper() for name in vocab.doctypes().values()}, key=len, reverse=True))


def starts_with_doctype(text: str) -> str | None:
    """The document-type name (in capitals) that ``text`` opens with, if any."""
    head = text.lstrip("# ").upper()
    return next((name for name in _doctype_names() if head.startswith(name)
                 and (len(head) == len(name) or not head[len(name)].isalpha())), None)


@cache
def positions() -> tuple[tuple[str, str], ...]:
    """(position in capitals, position as written), longest first."""
    return tuple(sorted(((p.upper(), p) for p in vocab.column("positions")), key=lambda x: -len(x[0])))


def is_position(text: str) -> bool:
    """A line in capitals that names a signer's position (``PHÓ CHỦ TỊCH``)."""
    return is_caps(text) and any(text.startswith(caps) for caps, _ in positions())


def is_signer_name(text: str) -> bool:
    """A short line of capitalised words: a person's name under a signature."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w.isalpha() for w in words)


def opens_part(text: str) -> bool:
    """A capitalised line that opens a new part (a document type, an annex), not a signature line."""
    return bool(starts_with_doctype(text) or ANNEX.match(text))


@cache
def _body_openers() -> tuple[str, ...]:
    return tuple(h.upper() for h in vocab.body_heads()) + tuple(vocab.abbreviations())


def opens_body(text: str) -> bool:
    """The line opens with a body's head noun (``ỦY BAN NHÂN DÂN``, ``Sở``) or its abbreviation (``UBND``)."""
    upper = text.upper()
    return any(upper == h or upper.startswith(h + " ") for h in _body_openers())


def type_code(number: str) -> str | None:
    """The document-type code inside a number: ``3414/KH-UBND`` → ``KH``; ``09-NQ/TU`` → ``NQ``."""
    parts = [p for p in re.split(r"[/-]", number)[1:] if p and not p.isdigit()]
    codes = vocab.doctypes()
    return next((p for p in parts if p in codes), None)
