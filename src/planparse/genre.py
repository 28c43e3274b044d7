"""The layout markers of the genre (Nghị định 30/2020/NĐ-CP), shared by cleaner, outline and extractors.

Lines that open a header field, the legal basis, the recipients or the
signature block; the national motto; lines in capitals, positions and names.
"""

from __future__ import annotations

import re
from functools import cache

from planparse import vocab

MOTTO = re.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
NUMBER_LINE = re.compile(r"(?:Số|SỐ)(?:\s*hiệu)?(?:\s*:\s*|\s+(?=[\d/]))")  # "Số: 12/KH-UBND", "Số 12/…"
# "<Place>, ngày DD tháng MM năm YYYY"; day and month may be blank in an unissued copy. For ``search``:
# a match starts where a place can (the start, after "," or a line break), which finds the same match
# as starting anywhere (a place holds no "," or line break) in linear time, not quadratic on a long line.
DATE_LINE = re.compile(
    r"(?:^|(?<=[,\n]))(?P<place>[^,\n]*?)\s*,?\s*ngày\s*(?P<day>\d{1,2})?[\s.…_]*"
    r"tháng\s*(?P<month>\d{1,2})?[\s.…_]*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
ABOUT = re.compile(r"(?:V/v|Về việc)\s*:?\s*", re.IGNORECASE)
LEGAL_OPENER = re.compile(r"(?:Căn cứ|Thực hiện|Theo đề nghị|Xét)\b")
ADDRESSEES = re.compile(r"Kính gửi\b", re.IGNORECASE)
RECIPIENTS = re.compile(r"N[oơ]i\s+nh[aăâậạệeẹ]n\s*:?", re.IGNORECASE)
ARCHIVE = re.compile(r"Lưu\s*:", re.IGNORECASE)
SIGNED = re.compile(r"\(\s*(?:đã ký|ký tên)[^)]*\)", re.IGNORECASE)


@cache
def signature_mark() -> re.Pattern[str]:
    """``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.`` at the start of a line (group 1 is the mark)."""
    marks = sorted(vocab.signature_marks(), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(m) for m in marks) + r")\s*")


def is_table_row(line: str) -> bool:
    """A row of a table written with pipes (``| a | b |``, ``a | b | c``) or a lone ``|`` between flattened cells."""
    return line.startswith("|") or line.count("|") >= 2


def is_caps(line: str) -> bool:
    """All the letters are capitals (and there are at least two)."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@cache
def _doctype_names() -> tuple[str, ...]:
    names = set(vocab.doctypes().values()) | {"Công văn"}
    return tuple(sorted((name.upper() for name in names), key=len, reverse=True))


def starts_with_doctype(text: str) -> str | None:
    """The document-type name (in capitals) that ``text`` opens with, if any."""
    head = text.lstrip("# ").upper()
    return next((name for name in _doctype_names() if head.startswith(name)
                 and (len(head) == len(name) or not head[len(name)].isalpha())), None)


@cache
def positions() -> tuple[tuple[str, str], ...]:
    """(position in capitals, position as written), longest first."""
    return tuple(sorted(((p.upper(), p) for p in vocab.column("positions", "position")), key=lambda x: -len(x[0])))


def is_position(text: str) -> bool:
    """A line in capitals that names a signer's position (``PHÓ CHỦ TỊCH``)."""
    return is_caps(text) and any(text.startswith(caps) for caps, _ in positions())


def is_signer_name(text: str) -> bool:
    """A short line of capitalised words: a person's name under a signature."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w.isalpha() for w in words)


def opens_part(text: str) -> bool:
    """A capitalised line that opens a new part (a document type, an annex), not a signature line."""
    return bool(starts_with_doctype(text)) or text.upper().startswith("PHỤ LỤC")


@cache
def _body_openers() -> tuple[str, ...]:
    return tuple(h.upper() for h in vocab.body_heads()) + tuple(vocab.abbreviations())


def opens_body(text: str) -> bool:
    """The line opens with a body's head noun (``ỦY BAN NHÂN DÂN``, ``Sở``) or its abbreviation (``UBND``)."""
    upper = text.upper()
    return any(upper == h or upper.startswith(h + " ") for h in _body_openers())
