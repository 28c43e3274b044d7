"""The document header: type, number, date, place, issuer, title, signer, recipients.

The grammar follows Nghị định 30/2020/NĐ-CP: issuing body top left (its parent
above it), the national motto top right, ``Số: 3414/KH-UBND``, the date line
``<Place>, ngày DD tháng MM năm YYYY``, the type and its trích yếu, and at the
end the signature block (``TM.``/``KT.``/``Q.``/``TL.``/``TUQ.``, position,
name) and ``Nơi nhận``. Text dumped from two columns interleaves them, on
separate lines or on one line split by ``|``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from planparse.lang import vocab
from planparse.lang.genre import (
    ABOUT,
    ADDRESSEES,
    ARCHIVE,
    ATTACHED,
    DRAFT,
    LEGAL_OPENER,
    MOTTO,
    MOTTO_END,
    NAME_WORDS,
    NUMBER_LINE,
    SIGNED,
    SUBJECT,
    body_opener,
    date_line,
    is_caps,
    is_position,
    is_signer_name,
    issuer_code,
    opens_body,
    positions,
    signature_mark,
    starts_with_doctype,
    type_code,
)
from planparse.blocks import Table as TableBlock
from planparse.blocks import TextLines
from planparse.clean import normalize_line
from planparse.document import Document
from planparse.model import DocumentInfo, Provenance, Recipient, Section, SectionRole
from planparse.lang.names import (
    body_of_code,
    capitalize,
    match_unit,
    proper_case_body,
    province_in,
    sentence_case,
)
from planparse.lang.numbering import is_rule, match_label

_BROKEN_WORDS = 2  # the words a web copy leaves on a line before it breaks a header cell
_ON_BEHALF = "thay mặt"  # the meaning of the mark that signs for a body (TM. ỦY BAN NHÂN DÂN, T/M TỈNH ỦY)
_QUALIFIER_WORDS = 3  # the words on a type line that qualify the type (KẾ HOẠCH QUỐC GIA), not its title
NUMBER = re.compile(  # 3414/KH-UBND, 09/2021/CT-TTg, 09-NQ/TU, 08-01/PT-NC
    r"(?P<num>\d{1,6}(?:-\d{1,3}(?=/))?[a-z]?)?"
    r"\s*(?P<code>(?:/\s*\d{4})?(?:\s*[/-]\s*[A-ZĐ][\w&.]*?(?=[\s/,;:)|-]|$))+)"
)


@dataclass(frozen=True)
class _Segment:
    """A piece of a header line (lines split at ``|`` and at the motto) with its offset."""

    text: str
    start: int
    heading: bool = False  # a markdown heading (its marks dropped)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def extract(doc: Document) -> DocumentInfo:
    """The header facts of a plan: its header block, signature block and recipients."""
    text, sections = doc.text, doc.sections
    fields: dict = {}
    spans: dict[str, Provenance] = {}

    def put(name: str, value, start: int, end: int) -> None:
        if value is not None and name not in fields:
            fields[name] = value
            spans[name] = doc.locate(start, end)

    header = next((s for s in sections if s.role is SectionRole.HEADER), None)
    if header is not None:
        _parse_header(_segments(text, header.provenance.start, header.end, doc), put)
    blocks = [_segments(text, s.provenance.start, s.end) for s in sections if s.role is SectionRole.SIGNATURE]
    blocks += [beside for s in sections if s.role is SectionRole.RECIPIENTS
               if (beside := _beside_recipients(text, s.provenance.start, s.end))]
    signature = next((segments for segments in blocks if _signed(segments)), blocks[-1] if blocks else None)
    if signature is not None:
        _parse_signature(signature, put)
    if "issuer" in fields:
        fields["issuer"] = _place_levelled(fields["issuer"], fields.get("place"))
        _issuer_of_code(fields, spans)
    elif "signing_for" in fields:
        issuer = _place_levelled(fields["signing_for"], fields.get("place"))
        put("issuer", issuer, spans["signing_for"].start, spans["signing_for"].end)
    about = fields.pop("about", False)
    if "type" not in fields and ("number" in fields or about):
        code = fields.get("type_code")
        name = vocab.doctypes().get(code) if code else vocab.uncoded_doctype()
        field = "number" if "number" in fields else "title"
        if name and field in spans:
            put("type", name, spans[field].start, spans[field].end)
    if fields.get("title") and is_caps(fields["title"]):
        fields["title"] = sentence_case(fields["title"], keep=(fields.get("place") or "",))
    recipients = next((s for s in sections if s.role is SectionRole.RECIPIENTS), None)
    marks = fields.pop("signature_marks", [])
    return DocumentInfo(
        **fields,
        signature_marks=marks,
        recipients=_recipients(recipients, doc) if recipients else [],
        provenance=spans,
    )


def _segments(text: str, start: int, end: int, doc: Document | None = None) -> list[_Segment]:
    """The lines of ``text[start:end]`` split at ``|`` separators (or, given the ``doc``, a table block's cells
    as the reader gave them, line by line), a cell broken over lines joined again, and each split around the
    motto; a markdown heading's marks dropped."""
    cells: list[_Segment] = []
    pos = start
    tables: set[int] = set()
    tabled = doc is not None and _from_table(doc, start, end)
    for line in text[start:end].split("\n"):
        k = doc.block_of(pos) if tabled else -1
        if k >= 0 and isinstance(doc.blocks[k], TableBlock):
            if k not in tables:
                tables.add(k)
                cells += _cell_lines(doc.blocks[k], text, pos, end)
        else:
            at = pos
            for piece in line.split("|"):
                stripped = piece.strip().lstrip("#").strip()
                if stripped:
                    heading = piece.lstrip().startswith("#")
                    cells.append(_Segment(stripped, at + piece.find(stripped), heading))
                at += len(piece) + 1
        pos += len(line) + 1
    out: list[_Segment] = []
    for cell in _rejoined(cells):
        last = 0
        for motto in [*_mottos(cell.text), None]:
            cut = motto.start() if motto else len(cell.text)
            piece = cell.text[last:cut]
            stripped = piece.strip(" -_")
            if stripped and not is_rule(piece) and not DRAFT.fullmatch(stripped):
                out.append(_Segment(stripped, cell.start + last + piece.find(stripped), cell.heading))
            if motto and MOTTO_END.fullmatch(motto.group()):  # kept: the columns' top cells end with it
                out.append(_Segment(motto.group(), cell.start + motto.start()))
            last = motto.end() if motto else cut
    return out


def _from_table(doc: Document, start: int, end: int) -> bool:
    """Does some of ``doc.text[start:end]`` come from a table block? Told by the blocks of its first and last
    characters (a plain text's blocks are lines, none a table)."""
    if isinstance(doc.blocks, TextLines):
        return False
    first, last = doc.block_of(start), doc.block_of(max(start, end - 1))
    return any(isinstance(block, TableBlock) for block in doc.blocks[first:last + 1])


def _mottos(text: str) -> list[re.Match[str]]:
    """The mottos in a header line; the Party's name only as a cell of its own: opening the line, or after an
    issuer's name on it (``TỈNH ỦY LÀO CAI ĐẢNG CỘNG SẢN VIỆT NAM``), not ending a title."""
    return [m for m in MOTTO.finditer(text)
            if not m.group("party") or not text[:m.start()].strip() or opens_body(text[:m.start()].strip())]


def _cell_lines(table: TableBlock, text: str, start: int, end: int) -> list[_Segment]:
    """Each line of each cell of a header laid out as a table, row by row and cell by cell (the order the
    header reads in, whatever order the text put the columns in), found in the cleaned text."""
    out: list[_Segment] = []
    used: set[int] = set()
    for row in table.rows:
        for cell in row:
            for line in filter(None, map(normalize_line, cell.lines)):
                found = text.find(line, start, end)
                while found in used:
                    found = text.find(line, found + 1, end)
                if found >= 0:
                    used.add(found)
                    out.append(_Segment(line, found))
    return out


def _rejoined(cells: list[_Segment]) -> list[_Segment]:
    """Cells a web copy broke over lines (``ỦY`` / ``BAN NHÂN DÂN``, ``Số:`` / ``123/KH-UBND``, ``Hà`` /
    ``Giang, ngày …``, ``CỘNG`` / ``HÒA XÃ HỘI …``) joined again: a piece of a word or two that is no field
    alone, followed by the rest of one."""
    out: list[_Segment] = []
    for cell in cells:
        if out and _broken(out[-1].text, cell.text):
            out[-1] = _Segment(f"{out[-1].text} {cell.text}", out[-1].start, out[-1].heading)
        else:
            out.append(cell)
    return out


def _broken(head: str, tail: str) -> bool:
    """Is ``head`` the start of a field broken before ``tail``?"""
    if NUMBER_LINE.fullmatch(head + " "):  # "Số:" alone
        return True
    if head.endswith((".", ",", ":", ";")) or opens_body(head) or MOTTO.search(head) or date_line(head):
        return False
    date = date_line(tail)  # Hà / Giang, ngày …: the head is a place's first words
    if date and date.group("place").strip() and not is_caps(head) \
            and all(word == "-" or word[:1].isupper() and word.isalpha() for word in head.split()):
        place = f"{head} {date.group('place').strip(' ,')}".casefold()
        return len(head.split()) <= _BROKEN_WORDS or place in vocab.provinces()  # Bà Rịa - Vũng / Tàu, ngày …
    if len(head.split()) > _BROKEN_WORDS:
        return False
    joined = f"{head} {tail}"
    motto, tail_motto = MOTTO.match(joined), MOTTO.match(tail)
    if motto and (tail_motto is None or motto.end() > len(head) + 1 + tail_motto.end()):  # CỘNG / HÒA XÃ HỘI …
        return True
    return len(body_opener(joined) or "") > len(head) + 1 + len(body_opener(tail) or "")  # ỦY / BAN NHÂN DÂN


def _parse_header(segments: list[_Segment], put) -> None:
    """Read the header's fields: the issuer lines until the first field, then the number, date, V/v subject,
    type and title lines in any order (the two columns may come one after the other or interleaved)."""
    issuer_parts: list[_Segment] = []
    issuer_done = False
    i = 0
    while i < len(segments):
        seg = segments[i]
        text = seg.text
        if MOTTO_END.fullmatch(text):  # the top cells end: no issuer line comes after it
            issuer_done = issuer_done or bool(issuer_parts)
        elif NUMBER_LINE.match(text):
            _parse_number(text, seg, put)
        elif (date := date_line(text)) and not starts_with_doctype(text):
            _parse_date(date, seg, put)
        elif ABOUT.match(text) or _subject_under_number(segments, i):  # a letter's subject (V/v …), under its number
            subject = SUBJECT.sub("", ABOUT.sub("", text, count=1), count=1).strip()
            i = _parse_title(segments, i + 1, subject, seg, put, about=True)
            put("about", True, seg.start, seg.end)
            continue
        elif (doctype := starts_with_doctype(text)) and (is_caps(text[:len(doctype)]) or seg.heading):
            put("type", _doctype_name(doctype), seg.start, seg.start + len(text))
            rest = text[len(doctype):].strip(" :")
            i = _parse_title(segments, i + 1, rest, seg, put, authority=issuer_parts)
            issuer_done = True
            continue
        elif not issuer_done and (is_caps(text) or opens_body(text) or bool(issuer_parts) and _opens_unit(text)):
            issuer_parts.append(seg)
            i += 1
            continue
        issuer_done = issuer_done or bool(issuer_parts)
        i += 1
    _put_issuer(_split_bodies(issuer_parts), put)


def _subject_under_number(segments: list[_Segment], i: int) -> bool:
    """A line in mixed case right under the number line is a letter's subject (trích yếu) even without ``V/v``."""
    text = segments[i].text
    return i > 0 and bool(NUMBER_LINE.match(segments[i - 1].text)) and not (is_caps(text) or segments[i].heading) \
        and not (
        date_line(text) or MOTTO.match(text) or LEGAL_OPENER.match(text) or ADDRESSEES.match(text))


def _put_issuer(bodies: list[list[_Segment]], put) -> None:
    """The issuer is the lowest body of the header; a body the genre names by its head alone (``VĂN PHÒNG``)
    is its parent's (``Văn phòng Ủy ban nhân dân tỉnh …``)."""
    if not bodies:
        return
    names = [proper_case_body(" ".join(s.text for s in body)) for body in bodies[-2:]]  # the issuer and its parent
    issuer = names[-1]
    if len(names) > 1:
        first, last = bodies[-2][0], bodies[-2][-1]
        put("parent_issuer", names[-2], first.start, last.end)
        if issuer.casefold() in {w.casefold() for w in vocab.words("genre_markers", "parent_named")}:
            issuer = f"{issuer} {names[-2]}"
    put("issuer", issuer, bodies[-1][0].start, bodies[-1][-1].end)


def _doctype_name(caps: str) -> str:
    return _doctype_names().get(caps) or capitalize(caps)


@cache
def _doctype_names() -> dict[str, str]:
    """The document-type names by their capitals."""
    return {name.upper(): name for name in vocab.doctype_names()}


def _parse_number(text: str, seg: _Segment, put) -> None:
    """``Số: 12/KH-UBND``; the date line may follow on the same line (two columns on one baseline)."""
    rest = NUMBER_LINE.sub("", text, count=1)
    m = NUMBER.match(rest)
    if m and m.group("num"):
        number = re.sub(r"\s+", "", m.group())
        put("number", number, seg.start, seg.end)
        code = type_code(number)
        if code:
            put("type_code", code, seg.start, seg.end)
    tail = rest[m.end():] if m else rest
    if date := date_line(tail):
        at = seg.start + len(seg.text) - len(tail)
        _parse_date(date, _Segment(tail, at), put)


def _parse_date(m: re.Match[str], seg: _Segment, put) -> None:
    words = m.group("place").split()
    place_words: list[str] = []
    for word in reversed(words):
        if not (word[0].isupper() or word == "-") or word.endswith(":"):
            break
        place_words.insert(0, word)
    while place_words and place_words[0] == "-":
        place_words.pop(0)
    before = words[:len(words) - len(place_words)]
    for at in range(max(0, len(before) - 2), len(before)):  # "Thành phố Hồ Chí Minh", "Thị xã Sa Pa"
        unit = match_unit(before, at)
        if unit and at + unit[1] == len(before) and before[at][0].isupper():
            place_words = before[at:] + place_words
            break
    if place_words:
        place = " ".join(place_words).strip(" ,")
        offset = seg.start + seg.text.find(place)
        put("place", place, offset, offset + len(place))
    day, month, year = m.group("day"), m.group("month"), m.group("year")
    if day and month and year:
        with contextlib.suppress(ValueError):  # "ngày 31 tháng 2": no such date, so none
            put("date", dt.date(int(year), int(month), int(day)), seg.start + m.start(), seg.start + m.end())


def _parse_title(segments: list[_Segment], i: int, rest: str, type_seg: _Segment, put, about: bool = False,
                 authority: list[_Segment] = ()) -> int:
    """Collect the trích yếu after the type line (or a letter's V/v subject over its lines); return the index
    after it. The words on the type line qualify it in the type's capitals (``KẾ HOẠCH QUỐC GIA``); the lines
    under it keep one case, so a line in the other case ends it, as does the issuing authority of a decision
    (NĐ 30/2020: its position, or the issuer's name, under the title)."""
    parts = [rest] if rest else []
    first = type_seg if rest else None
    last = type_seg
    caps_title: bool | None = None if about or not rest or len(rest.split()) <= _QUALIFIER_WORDS else is_caps(rest)
    while i < len(segments):
        text = segments[i].text
        stop = (
            text.startswith("(")
            or MOTTO.match(text)
            or NUMBER_LINE.match(text)
            or date_line(text)
            or is_position(text)
            or parts and _names_the_issuer(text, authority)
            or LEGAL_OPENER.match(text)
            or ADDRESSEES.match(text)
            or (about and is_caps(text))
            or parts and not is_caps(text) and text.endswith((".", ":", ";"))
        )
        if stop or caps_title is not None and is_caps(text) != caps_title:
            break
        if caps_title is None and not about:
            caps_title = is_caps(text)
        parts.append(text)
        first = first or segments[i]
        last = segments[i]
        i += 1
    if rest and caps_title is False and is_caps(rest) and len(parts) > 1 and parts[1][:1].islower():
        parts[0] = sentence_case(rest)  # CHƯƠNG TRÌNH HÀNH ĐỘNG / thực hiện …: one phrase over the lines
    if parts and first is not None:
        title = ABOUT.sub("", " ".join(parts), count=1).strip() if ABOUT.match(parts[0]) else " ".join(parts)
        title = ATTACHED.split(title, maxsplit=1)[0].strip()
        put("title", title[:1].upper() + title[1:], first.start, last.end)
    return i


def _names_the_issuer(text: str, authority: list[_Segment]) -> bool:
    """A line under a title that is the issuer's name (``ỦY BAN NHÂN DÂN TỈNH THANH HÓA`` under a header's
    ``UBND TỈNH THANH HÓA``; ``authority``: the header's issuer lines): the issuing authority of a decision, not the
    title's last line. The authority may leave out its place, which the header gives (``ỦY BAN NHÂN DÂN TỈNH`` under
    ``UBND TỈNH BÌNH ĐỊNH``)."""
    if not opens_body(text):
        return False
    issuer_names = {proper_case_body(" ".join(s.text for s in body)).casefold() for body in _split_bodies(authority)}
    name = proper_case_body(text).casefold()
    return name in issuer_names or any(_without_place(issuer) == name for issuer in issuer_names)


def _without_place(body: str) -> str:
    """A body's name without the province it ends with (``ủy ban nhân dân tỉnh bình định`` → ``ủy ban nhân dân tỉnh``)."""
    province = province_in(body)
    return body.removesuffix(province.casefold()).rstrip() if province and _names_its_place(body) else body


def _opens_unit(text: str) -> bool:
    """``Thành phố Hồ Chí Minh``, ``tỉnh Lai Châu``: the place half of a body's name."""
    words = text.split()
    unit = match_unit(words, 0)
    return bool(unit) and len(words) > unit[1]


def _names_its_place(body: str) -> bool:
    """A body whose name ends with its province (``UBND TỈNH BÌNH THUẬN``) is whole: a line under it is another."""
    province = province_in(body)
    return province is not None and body.casefold().endswith(province.casefold())


def _split_bodies(parts: list[_Segment]) -> list[list[_Segment]]:
    """Group the issuer lines into bodies: a line opening with a head noun, or one under a body named up to its
    province, starts a new body."""
    bodies: list[list[_Segment]] = []
    for seg in parts:
        if opens_body(seg.text) or not bodies or _names_its_place(" ".join(s.text for s in bodies[-1])):
            bodies.append([seg])
        else:
            bodies[-1].append(seg)
    return bodies


def _parse_signature(segments: list[_Segment], put) -> None:
    segments = [part for seg in segments if not SIGNED.fullmatch(seg.text) for part in _unrun(seg)]
    name = _signer_name(segments)
    if name is not None:
        text = name.text
        put("signer", " ".join(capitalize(w) for w in text.split()), name.start, name.end)  # NGUYỄN, LÊ Công
    marks: list[tuple[str, list[str], _Segment]] = []
    positions: list[_Segment] = []
    for seg in segments:
        if seg is name:
            break
        m = signature_mark().match(seg.text)
        if m:
            marks.append((m.group(1), [seg.text[m.end():]], seg))
        elif is_position(seg.text):
            positions.append(seg)
        elif marks and is_caps(seg.text):
            marks[-1][1].append(seg.text)
    if marks:
        put("signature_marks", [mark for mark, _, _ in marks], marks[0][2].start, marks[-1][2].end)
    for mark, words, seg in marks:
        obj = " ".join(words).strip()
        if vocab.signature_mark_meanings()[mark] == _ON_BEHALF and obj:
            body, _, position = _split_position(obj)
            put("signing_for", proper_case_body(body), seg.start, seg.end)
            if position:
                put("signer_position", position, seg.start, seg.end)
    if positions:  # the signer's own title: the first under the marks (a second names another office they hold)
        seg = positions[0]
        put("signer_position", _position_case(seg.text), seg.start, seg.end)
    elif marks:
        mark, words, seg = marks[-1]
        governed, position = _governed_position(" ".join(words))
        if position:
            put("signer_position", position, seg.start, seg.end)
        elif governed and vocab.signature_marks().get(mark):
            put("signer_position", vocab.signature_marks()[mark] + governed, seg.start, seg.end)


def _beside_recipients(text: str, start: int, end: int) -> list[_Segment]:
    """The signature block set beside ``Nơi nhận`` and dumped line by line with it (``Nơi nhận: TL. CHỦ TỊCH``,
    ``- Như trên; CHÁNH VĂN PHÒNG``, then the name): the ends of its lines from a mark on, the runs in capitals
    after a recipient, and a name alone; none when no mark opens it."""
    out: list[_Segment] = []
    pos = start
    for line in text[start:end].split("\n"):
        mark = _inner_mark().search(line)
        tail = re.search(r"[;,.:]\s+(\S[^;,.:]*)$", line)  # what follows the last recipient on the line
        if out and is_signer_name(line) and not match_label(line):
            out.append(_Segment(line, pos))
        elif mark or out and tail and is_caps(tail.group(1)) and len(tail.group(1).split()) > 1:
            at = mark.start() if mark else tail.start(1)
            out.append(_Segment(line[at:].strip(), pos + at))
        pos += len(line) + 1
    return out if out and signature_mark().match(out[0].text) else []


@cache
def _inner_mark() -> re.Pattern[str]:
    """A signature's mark that opens a word inside a line (``Nơi nhận: TL. CHỦ TỊCH``)."""
    return re.compile(rf"(?<=\s)(?:{signature_mark().pattern})", signature_mark().flags)


def _unrun(seg: _Segment) -> list[_Segment]:
    """A signature block flattened onto one line (``KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành``): the lines in
    capitals up to the last position, then the name (whatever the case of its first word)."""
    words = seg.text.split()
    for k in range(len(words) - 2, max(0, len(words) - NAME_WORDS - 1), -1):  # a name: two to NAME_WORDS words
        head = " ".join(words[:k])
        name = " ".join(words[k:])
        if is_caps(head) and is_signer_name(name) and not is_caps(name) \
                and any(head.upper().endswith(caps) for caps, _ in positions()):
            at = seg.text.index(words[k], len(head))
            return [_Segment(seg.text[:at].rstrip(), seg.start), _Segment(seg.text[at:], seg.start + at)]
    return [seg]


def _signed(segments: list[_Segment]) -> bool:
    """A signature block signs: it has a mark (``KT.``) or a name under its position; a decision's issuing
    authority under its title (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …``) has neither."""
    parts = [part for seg in segments for part in _unrun(seg)]
    return any(signature_mark().match(seg.text) for seg in parts) or _signer_name(parts) is not None


def _signer_name(segments: list[_Segment]) -> _Segment | None:
    """The name under the signature: a short line of capitalised words after the marks and position."""
    for k in range(len(segments) - 1, 0, -1):
        seg = segments[k]
        if not is_signer_name(seg.text) or is_position(seg.text) or signature_mark().match(seg.text):
            continue
        before = segments[k - 1].text
        if not is_caps(seg.text) or is_position(before) or signature_mark().match(before):
            return seg
    return None


def _position_case(text: str) -> str:
    """``PHÓ CHỦ TỊCH`` → ``Phó Chủ tịch``; ``GIÁM ĐỐC SỞ TƯ PHÁP`` → ``Giám đốc Sở Tư pháp``."""
    upper = text.upper()
    for caps, written in positions():
        if upper.startswith(caps):
            rest = text[len(caps):].strip()
            return f"{written} {proper_case_body(rest)}" if rest else written
    return text


def _governed_position(obj: str) -> tuple[str | None, str | None]:
    """``CHỦ TỊCH PHÓ CHỦ TỊCH`` → (``Chủ tịch``, ``Phó Chủ tịch``): what a mark governs, and a position after it."""
    upper = obj.upper()
    for caps, written in positions():
        if upper.startswith(caps):
            rest = obj[len(caps):].strip()
            return written, (_position_case(rest) if rest and is_position(rest) else None)
    return None, None


def _split_position(obj: str) -> tuple[str, str, str | None]:
    """``ỦY BAN NHÂN DÂN CHỦ TỊCH`` → body ``ỦY BAN NHÂN DÂN`` and position ``Chủ tịch``."""
    upper = obj.upper()
    for position in _position_words():
        m = position.search(upper)
        if m and m.start() > 0:
            return obj[:m.start()].strip(), obj[m.start():], _position_case(obj[m.start():])
    return obj, "", None


@cache
def _position_words() -> tuple[re.Pattern[str], ...]:
    """Each position in capitals (:func:`~planparse.lang.genre.positions`, longest first) as a pattern of whole
    words, compiled once."""
    return tuple(re.compile(rf"(?<!\w){re.escape(caps)}(?!\w)") for caps, _ in positions())


def _issuer_of_code(fields: dict, spans: dict[str, Provenance]) -> None:
    """An issuer whose lower line was lost (``UBND TỈNH LÂM ĐỒNG`` over nothing, ``Số: 85/TTr-STP``): the body its
    number's issuer code stands for, under the body the header names."""
    code = issuer_code(fields.get("number") or "")
    body = body_of_code(code) if code else None
    issuer = fields["issuer"]
    if body and not issuer.casefold().startswith(body.casefold()) and "parent_issuer" not in fields \
            and _names_its_place(issuer):
        fields["parent_issuer"], fields["issuer"] = fields["issuer"], body
        spans["parent_issuer"] = spans["issuer"]


def _place_levelled(body: str, place: str | None) -> str:
    """A body that exists at every level, given the place of the date line: ``Ủy ban nhân dân tỉnh Đồng Nai``."""
    province = vocab.provinces().get((place or "").casefold())
    levelled = any(body == head for head, lv in vocab.body_heads().items() if lv)
    if province and levelled:
        return f"{body} {province.full_name}"
    return body


def _recipients(section: Section, doc: Document) -> list[Recipient]:
    out: list[Recipient] = []
    for item in section.children:
        if ARCHIVE.match(item.title):
            continue
        pos = item.provenance.start + len(item.label or "")
        for name in item.title.split(";"):
            name = name.strip(" .;,")
            if name:
                out.append(Recipient(name=name, provenance=doc.locate(pos, item.provenance.end)))
    return out
