"""Cited documents: every số hiệu the text names (``348/QĐ-TTg``, ``09/2021/CT-TTg``,
``09-NQ/TU``, ``83/2015/QH13``), with the date written next to it and the type
named before it, anywhere in the text (footnotes and tables included).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from planparse.lang import vocab
from planparse.document import Document
from planparse.lang.genre import type_code
from planparse.lang.scan import lines_holding
from planparse.model import DocumentInfo, Reference, SectionRole

# number [/year] then code parts joined by / or - (a space, never a line break, may flank the joiner: "09- NQ/TU");
# the number standing free (nothing of a word, date or code before its first digit, checked once that digit is
# read: a pattern led by a digit is searched fast)
_REFERENCE = re.compile(
    r"(?P<num>\d(?<![\w/.-]\d)\d{0,5})(?P<year>/\d{4})?"
    r"(?P<code>(?:[ \t]?[/-][ \t]?(?=[A-ZĐ])[A-ZĐ][A-Za-zĐđ0-9&]*(?:\.[A-ZĐ][A-Za-zĐđ0-9&]*)*)+)"
    r"(?![\w&])"
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
    re.IGNORECASE,
)


@cache
def _type_words() -> tuple[tuple[str, str], ...]:
    names = set(vocab.doctypes().values()) | set(vocab.words("genre_markers", "document"))
    return tuple(sorted(((n.casefold(), n) for n in names), key=lambda x: -len(x[0])))


def extract(doc: Document, header: DocumentInfo) -> list[Reference]:
    """Every document cited by number (but the plan's own), once each, in order of first mention; what stands
    above the header (a web page's links, a copier's note) is not the document's."""
    text, own_number = doc.text, header.number
    top = next((s.provenance.start for s in doc.sections if s.role is SectionRole.HEADER), 0)
    # a số hiệu holds a "/" and no line break: only the lines holding one are searched (a search led by a digit is slow)
    found: dict[str, dict] = {}
    for m in (m for start, end in lines_holding(text, "/", top) for m in _REFERENCE.finditer(text, start, end)):
        if not m.group("year") and "/" not in m.group("code"):
            continue  # "2021-TTg" alone is not a số hiệu; one needs a "/"
        number = re.sub(r"\s+", "", m.group())
        if own_number and _key(number) == _key(own_number):
            continue
        prov = doc.locate(m.start(), m.end())
        date = _date_after(text, m.end())
        entry = found.get(_key(number))
        if entry is None:
            found[_key(number)] = entry = {
                "number": number,
                "type": _type_before(text, m.start()),
                "type_code": type_code(number),
                "issuer_code": _issuer_code(number),
                "year": int(m.group("year")[1:]) if m.group("year") else None,
                "date": date,
                "provenance": prov,
                "mentions": [],
            }
        else:
            entry["date"] = entry["date"] or date
            entry["type"] = entry["type"] or _type_before(text, m.start())
        entry["mentions"].append(prov)
    return [Reference(**entry) for entry in found.values()]


def _key(number: str) -> str:
    return number.casefold().replace("đ", "d")


def _date_after(text: str, end: int) -> dt.date | None:
    m = _DATE_AFTER.match(text, end)
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"),
                                                                              m.group("y2"))
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _type_before(text: str, start: int) -> str | None:
    """The type named just before the number: ``Quyết định số 348/…``, ``Luật Báo chí số 103/…``."""
    before = text[max(0, start - 60):start].casefold()
    before = before[max(before.rfind(";"), before.rfind("\n")) + 1:]
    best: tuple[int, str] | None = None
    for folded, name in _type_words():
        at = before.rfind(folded)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, name)
    return best[1] if best else None


def _issuer_code(number: str) -> str | None:
    """The issuer's code: the part after the type code (``348/QĐ-TTg`` → ``TTg``; ``09-NQ/TU`` → ``TU``)."""
    parts = [p for p in re.split(r"[/-]", number)[1:] if p and not p.isdigit()]
    code = type_code(number)
    rest = [p for p in parts if p != code]
    return rest[-1] if rest else None
