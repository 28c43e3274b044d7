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

    A space matches any spaces, the spaces around a hyphen may be missing, and a slash may have spaces around it
    (a PDF's ``V /v``).
    """
    phrases = vocab.words(table, group)
    if capitals:
        phrases = (*phrases, *(p.upper() for p in phrases))
    alternatives = [r"\s+".join(map(re.escape, p.split())).replace(r"\s+\-\s+", r"\s*-\s*").replace("/", r"\s*/\s*")
                    for p in sorted(dict.fromkeys(phrases), key=len, reverse=True)]
    return "(?:" + "|".join(alternatives) + ")"


def _marker(marker: str, capitals: bool = False) -> str:
    return _words("genre_markers", marker, capitals)


# A Party document puts the Party's name, in capitals, where the motto goes (party_motto): a cell of its own, so it
# ends its line or stands before the date line (``TỈNH ỦY LÀO CAI ĐẢNG CỘNG SẢN VIỆT NAM``), not inside a title.
_PARTY_MOTTO = rf"(?-i:(?P<party>{_marker('party_motto')}))(?=\s*(?:$|\||\*)|\s+[^,\n]{{1,40}},\s*ngày\b)"
MOTTO = re.compile(rf"{_marker('motto')}|{_PARTY_MOTTO}", re.IGNORECASE)
MOTTO_END = re.compile(_marker("motto_end"), re.IGNORECASE)  # the motto's last line, under which the columns end
CLOSING = re.compile(_marker("closing") + r"\s*$")  # a text's last words end with ./.
# "Số: 12/KH-UBND", "Số 12/…", a Party document's "Số 09-NQ/TU" (its number left blank: "Số    -CTr/TU")
NUMBER_LINE = re.compile(_marker("number", capitals=True) + r"(?:\s*:\s*|\s+(?=[\d/-]))")
# "<Place>, ngày DD tháng MM năm YYYY"; day and month may be blank in an unissued copy. For ``search``:
# a match starts where a place can (the start, after "," or a line break), which finds the same match
# as starting anywhere (a place holds no "," or line break) in linear time, not quadratic on a long line.
# The place ends on a letter and the runs of spaces between the parts are taken whole (possessive), so that
# a run of spaces is not split every way between place, comma and number (cubic in the run's length).
_DAY, _MONTH, _YEAR = (_words("time_words", unit) for unit in ("day", "month", "year"))
DATE_LINE = re.compile(
    rf"(?:^|(?<=[,\n]))(?P<place>(?:[^,\n]*?[^,\s])?)\s*+,?\s*+(?P<dayword>{_DAY})\s*+(?P<day>\d{{1,2}})?[\s.…_]*+"
    rf"{_MONTH}\s*+(?P<month>\d{{1,2}})?[\s.…_]*+{_YEAR}\s*+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_PLACE_WORDS = 6  # a place name with its number before it on one line: "Số: 5/KH-UBND Thành phố Hồ Chí Minh"


def date_line(text: str) -> re.Match[str] | None:
    """The date line (``<Place>, ngày DD tháng MM năm YYYY``) in ``text``: a date after a few words at most, its
    ``ngày`` not in capitals (a title in capitals that names a date is no date line)."""
    m = DATE_LINE.search(text)
    if m and len(m.group("place").split()) <= _PLACE_WORDS and not m.group("dayword").isupper():
        return m
    return None


ABOUT = re.compile(_marker("about") + r"\s*:?\s*", re.IGNORECASE)
DRAFT = re.compile(r"\(?\s*" + _marker("draft", capitals=True) + r"\s*\)?")  # (DỰ THẢO): a mark, no field
SUBJECT = re.compile(_marker("subject") + r"\s+")  # Về …: a subject under the number, without V/v
LEGAL_OPENER = re.compile(_marker("legal_opener") + r"\b")
ADDRESSEES = re.compile(_marker("addressees") + r"\b", re.IGNORECASE)
RECIPIENTS = re.compile(_marker("recipients") + r"\s*:?", re.IGNORECASE)
ARCHIVE = re.compile(_marker("archive") + r"\s*:", re.IGNORECASE)
SIGNED = re.compile(r"\(\s*" + _marker("signed") + r"[^)]*\)", re.IGNORECASE)
ANNEX = re.compile(_marker("annex"), re.IGNORECASE)
# a part of a document and its number: Phần I., PHẦN THỨ HAI, Chương 2:
PART = re.compile(_marker("part", capitals=True) + r"\s+(?:[IVX]+|\d{1,2}|(?:thứ|THỨ)\s+\w+)(?!\w)\s*[.:-]?\s*")
ATTACHED = re.compile(r"\(\s*" + _marker("attached") + r"\b", re.IGNORECASE)  # (Kèm theo Quyết định …) under a title


TONES = "\u0300\u0301\u0309\u0303\u0323"  # the combining tone marks: huyền, sắc, hỏi, ngã, nặng


def unmarked(text: str) -> str:
    """``text`` without the marks on its letters (tones, ˆ ˘ ʼ), each letter kept in one character, đ kept
    (``ĐIỆU`` → ``ĐIEU``, an OCR's ``QUYÉT`` → ``QUYET``)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# what only Vietnamese writes, once decomposed (NFD): đ, and the marks of ă â ê ô ơ ư and of the five tones
_VIETNAMESE = re.compile("[đĐ\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")


# the precomposed letters of Vietnamese (NFC) with a mark on them, and đ: a text seldom has to be decomposed to find one
_MARKED_LETTER = re.compile("[đĐ" + "".join(
    unicodedata.normalize("NFC", vowel + mark) for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for mark in ("", *TONES)
    if unicodedata.normalize("NFC", vowel + mark) not in "aeiouyAEIOUY") + "]")


def has_vietnamese(text: str) -> bool:
    """Does ``text`` hold a letter of Vietnamese (either case, any tone)? A text without one is not ours."""
    return bool(_MARKED_LETTER.search(text) or _VIETNAMESE.search(unicodedata.normalize("NFD", text)))


def either(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does, each with its own flags: one match a line, not one
    a pattern."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})" for p in patterns))


@cache
def signature_mark() -> re.Pattern[str]:
    """``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.`` (a Party document's ``T/M``, ``K/T``, also written ``T/M.``) at
    the start of a line (group 1 is the mark)."""
    marks = sorted(vocab.signature_marks(), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(m) for m in marks) + r")\.?\s*")


def is_table_row(line: str) -> bool:
    """A row of a table written with pipes (``| a | b |``, ``a | b | c``) or a lone ``|`` between flattened cells."""
    return "|" in line and (line.startswith("|") or line.count("|") >= 2)


@cache
def continuation_words() -> frozenset[str]:
    """Words a wrapped line cannot end on: conjunctions, prepositions, the first words of body heads (``Cục``)."""
    return frozenset({head.split()[0] for head in vocab.body_heads()} | set(vocab.column("continuation_words")))


def opens_with_head(text: str) -> bool:
    """Does ``text`` open with the whole head noun of a body's name (``Vụ Khoa học …``, ``Cục``)?"""
    return any(text == head or text.startswith(head + " ") for head in vocab.body_heads())


LONE_LABEL = re.compile(r"\s*(?:(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5})\.?|[a-zđ][.)])\s*")  # spaces around it


def is_lone_label(line: str) -> bool:
    """A line that is nothing but a row or item number (``1``, ``2.1``, ``IV``, ``a)``): a table's cells one a
    line, each row opening with its number."""
    return LONE_LABEL.fullmatch(line) is not None


# the lower-case characters that are not letters (small Roman numerals, circled letters): str.isupper() counts them
_LOWER_NOT_LETTER = re.compile("[\u0345\u2170-\u217f\u24d0-\u24e9]")
_ASCII_LOWER = re.compile("[a-z]")


def is_caps(line: str) -> bool:
    """All the letters are capitals (and there are at least two)."""
    if not line.isupper() and (_ASCII_LOWER.search(line) or not _LOWER_NOT_LETTER.search(line)):
        return False  # a lower-case letter (most lines have one near their start), or no letter in capitals
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 2 and all(map(str.isupper, letters))


@cache
def _doctype_names() -> tuple[tuple[str, str], ...]:
    """(name in capitals, the same without the marks on its letters), longest first."""
    names = sorted({name.upper() for name in vocab.doctype_names()}, key=len, reverse=True)
    return tuple((name, unmarked(name)) for name in names)


@cache
def _doctype_reach() -> int:
    """How far into a line a document-type name is read: the longest name and the character after it."""
    return 1 + max(len(bare) for _, bare in _doctype_names())


def starts_with_doctype(text: str) -> str | None:
    """The document-type name (in capitals) that ``text`` opens with, if any; a mark typed or read wrong on it
    (``ĐIỆU LỆ``, an OCR's ``QUYÉT ĐỊNH``) does not hide it."""
    words = text.lstrip("# ")
    reach = _doctype_reach()
    head = unmarked(words[:reach].upper())
    if len(head) < reach < len(words):  # marks standing alone took places in the reach: the whole line
        head = unmarked(words.upper())
    return next((name for name, bare in _doctypes_by_head().get(head[:2], ()) if head.startswith(bare)
                 and (len(head) == len(bare) or not head[len(bare)].isalpha())), None)


@cache
def _doctypes_by_head() -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`_doctype_names` by the first two letters of the unmarked name, longest first: the few a line may open
    with."""
    by_head: dict[str, list[tuple[str, str]]] = {}
    for name, bare in _doctype_names():
        by_head.setdefault(bare[:2], []).append((name, bare))
    return {head: tuple(names) for head, names in by_head.items()}


@cache
def positions() -> tuple[tuple[str, str], ...]:
    """(position in capitals, position as written), longest first."""
    return tuple(sorted(((p.upper(), p) for p in vocab.column("positions")), key=lambda x: -len(x[0])))


def is_position(text: str) -> bool:
    """A line in capitals that names a signer's position (``PHÓ CHỦ TỊCH``)."""
    return is_caps(text) and _position_opener().match(text) is not None


@cache
def _position_opener() -> re.Pattern[str]:
    """The positions in capitals as one pattern, to match at a line's start."""
    return re.compile("|".join(re.escape(caps) for caps, _ in positions()))


NAME_WORDS = 5  # the most words of a signer's name


def is_signer_name(text: str) -> bool:
    """A short line of capitalised words: a person's name under a signature."""
    words = text.split()
    return 2 <= len(words) <= NAME_WORDS and all(w[0].isupper() and w.isalpha() for w in words)


def opens_part(text: str) -> bool:
    """A capitalised line that opens a new part (a document type, an annex), not a signature line."""
    return bool(starts_with_doctype(text) or ANNEX.match(text))


@cache
def _body_openers() -> dict[str, tuple[str, ...]]:
    """The body head nouns in capitals and the abbreviations, by their first word."""
    openers: dict[str, list[str]] = {}
    for h in (*(h.upper() for h in vocab.body_heads()), *vocab.abbreviations()):
        openers.setdefault(h.split(" ", 1)[0], []).append(h)
    return {first: tuple(hs) for first, hs in openers.items()}


def body_opener(text: str) -> str | None:
    """The longest body head noun (``ỦY BAN NHÂN DÂN``, ``SỞ``) or abbreviation (``UBND``) the line opens with,
    in capitals."""
    upper = text.upper()
    heads = _body_openers().get(upper.split(" ", 1)[0], ())
    return max((h for h in heads if upper == h or upper.startswith(h + " ")), key=len, default=None)


def opens_body(text: str) -> bool:
    """The line opens with a body's head noun (``ỦY BAN NHÂN DÂN``, ``Sở``) or its abbreviation (``UBND``)."""
    return body_opener(text) is not None


def issuer_code(number: str) -> str | None:
    """The issuer's code in a number, after its type code if it has one: ``12/TTr-SNV`` → ``SNV``;
    ``3218/UBND-KGVX`` → ``UBND``; ``09-NQ/TU`` → ``TU``."""
    parts = [p for p in re.split(r"[/-]", number)[1:] if p and not p.isdigit()]
    if parts and parts[0] in vocab.doctypes():
        parts = parts[1:]
    return parts[0] if parts else None


def type_code(number: str) -> str | None:
    """The document-type code of a number, the first code after its digits: ``3414/KH-UBND`` → ``KH``;
    ``09-NQ/TU`` → ``NQ``; ``09/2021/CT-TTg`` → ``CT``; none in a công văn's ``3218/UBND-KGVX``."""
    first = next((p for p in re.split(r"[/-]", number)[1:] if p and not p.isdigit()), None)
    return first if first in vocab.doctypes() else None
