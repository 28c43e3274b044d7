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

from planparse.lang import vocab
from planparse.lang.genre import (
    ABOUT,
    ARCHIVE,
    DATE_LINE,
    MOTTO,
    NUMBER_LINE,
    SIGNED,
    is_caps,
    is_position,
    opens_body,
    is_signer_name,
    positions,
    signature_mark,
    starts_with_doctype,
    type_code,
)
from planparse.document import Document
from planparse.model import DocumentInfo, Provenance, Recipient, Section, SectionRole
from planparse.lang.names import capitalize, match_unit, proper_case_body, sentence_case
from planparse.lang.numbering import is_rule

NUMBER = re.compile(
    r"(?P<num>\d{1,6}[a-z]?)?\s*(?P<code>(?:/\s*\d{4})?(?:\s*[/-]\s*[A-ZĐ][\w&.]*?(?=[\s/,;:)|-]|$))+)"
)


@dataclass(frozen=True)
class _Segment:
    """A piece of a header line (lines split at ``|`` and at the motto) with its offset."""

    text: str
    start: int

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
        _parse_header(_segments(text, header.provenance.start, header.end), put)
    signature = next((s for s in sections if s.role is SectionRole.SIGNATURE), None)
    if signature is not None:
        _parse_signature(_segments(text, signature.provenance.start, signature.end), put)
    if "issuer" not in fields and "signing_for" in fields:
        issuer = _place_levelled(fields["signing_for"], fields.get("place"))
        put("issuer", issuer, spans["signing_for"].start, spans["signing_for"].end)
    if "type" not in fields and "number" in fields:
        code = fields.get("type_code")
        name = vocab.doctypes().get(code) if code else vocab.uncoded_doctype()
        if name:
            put("type", name, spans["number"].start, spans["number"].end)
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


def _segments(text: str, start: int, end: int) -> list[_Segment]:
    """The header's lines split at ``|`` separators and around the motto."""
    out: list[_Segment] = []
    pos = start
    for line in text[start:end].split("\n"):
        for m in re.finditer(r"[^|]+", line):
            piece_start = pos + m.start()
            last = 0
            for motto in list(MOTTO.finditer(m.group())) + [None]:
                cut = motto.start() if motto else len(m.group())
                piece = m.group()[last:cut]
                stripped = piece.strip(" -_")
                if stripped and not is_rule(piece):
                    out.append(_Segment(stripped, piece_start + last + piece.find(stripped)))
                last = motto.end() if motto else cut
        pos += len(line) + 1
    return out


def _parse_header(segments: list[_Segment], put) -> None:
    issuer_parts: list[_Segment] = []
    seen_body_end = False
    i = 0
    while i < len(segments):
        seg = segments[i]
        text = seg.text.lstrip("#").strip()
        if NUMBER_LINE.match(text):
            seen_body_end = True
            _parse_number(text, seg, put)
        elif (date := DATE_LINE.search(text)) and not starts_with_doctype(text):
            seen_body_end = True
            _parse_date(date, seg, put)
        elif text[:3].casefold() == "v/v":  # V/v, V/V
            seen_body_end = True
            title = ABOUT.sub("", text, count=1).strip()
            put("title", title[:1].upper() + title[1:], seg.start, seg.end)
        elif (doctype := starts_with_doctype(text)) and (is_caps(text[:len(doctype)]) or seg.text.startswith("#")):
            seen_body_end = True
            put("type", _doctype_name(doctype), seg.start, seg.start + len(text))
            rest = text[len(doctype):].strip(" :")
            i = _parse_title(segments, i + 1, rest, seg, put)
            continue
        elif not seen_body_end and (is_caps(text) or opens_body(text) or issuer_parts and _opens_unit(text)):
            issuer_parts.append(seg)
        i += 1
    bodies = _split_bodies(issuer_parts)
    if bodies:
        first, last = bodies[-1][0], bodies[-1][-1]
        put("issuer", proper_case_body(" ".join(s.text for s in bodies[-1])), first.start, last.end)
    if len(bodies) > 1:
        first, last = bodies[-2][0], bodies[-2][-1]
        put("parent_issuer", proper_case_body(" ".join(s.text for s in bodies[-2])), first.start, last.end)


def _doctype_name(caps: str) -> str:
    names = {name.upper(): name for name in vocab.doctypes().values()}
    return names.get(caps, capitalize(caps))


def _parse_number(text: str, seg: _Segment, put) -> None:
    rest = NUMBER_LINE.sub("", text, count=1)
    m = NUMBER.match(rest)
    if not m:
        return
    if m.group("num"):
        number = re.sub(r"\s+", "", m.group())
        put("number", number, seg.start, seg.end)
        code = type_code(number)
        if code:
            put("type_code", code, seg.start, seg.end)


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


def _parse_title(segments: list[_Segment], i: int, rest: str, type_seg: _Segment, put) -> int:
    """Collect the trích yếu after the type line; return the index after it."""
    parts = [rest] if rest else []
    first = type_seg if rest else None
    last = type_seg
    caps_title = not rest or is_caps(rest)
    while i < len(segments):
        text = segments[i].text.lstrip("#").strip()
        stop = (
            text.startswith("(")
            or NUMBER_LINE.match(text)
            or DATE_LINE.search(text)
            or is_position(text)
            or text.startswith(("Căn cứ", "Kính gửi"))
        )
        if stop:
            break
        if parts and not (caps_title and is_caps(text)):
            break
        if not parts:
            caps_title = is_caps(text)
        parts.append(text)
        first = first or segments[i]
        last = segments[i]
        i += 1
    if parts and first is not None:
        title = ABOUT.sub("", " ".join(parts), count=1).strip() if ABOUT.match(parts[0]) else " ".join(parts)
        put("title", title[:1].upper() + title[1:], first.start, last.end)
    return i


def _opens_unit(text: str) -> bool:
    """``Thành phố Hồ Chí Minh``, ``tỉnh Lai Châu``: the place half of a body's name."""
    words = text.split()
    unit = match_unit(words, 0)
    return bool(unit) and len(words) > unit[1]


def _split_bodies(parts: list[_Segment]) -> list[list[_Segment]]:
    """Group the issuer lines into bodies: a line opening with a head noun starts a new body."""
    bodies: list[list[_Segment]] = []
    for seg in parts:
        if opens_body(seg.text) or not bodies:
            bodies.append([seg])
        else:
            bodies[-1].append(seg)
    return bodies


def _parse_signature(segments: list[_Segment], put) -> None:
    segments = [seg for seg in segments if not SIGNED.fullmatch(seg.text)]
    name = _signer_name(segments)
    if name is not None:
        text = name.text
        put("signer", " ".join(capitalize(w) for w in text.split()) if is_caps(text) else text, name.start, name.end)
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
        if mark == "TM." and obj:
            body, _, position = _split_position(obj)
            put("signing_for", proper_case_body(body), seg.start, seg.end)
            if position:
                put("signer_position", position, seg.start, seg.end)
    if positions:
        seg = positions[-1]
        put("signer_position", _position_case(seg.text), seg.start, seg.end)
    elif marks:
        mark, words, seg = marks[-1]
        governed, position = _governed_position(" ".join(words))
        if position:
            put("signer_position", position, seg.start, seg.end)
        elif governed and vocab.signature_marks().get(mark):
            put("signer_position", vocab.signature_marks()[mark] + governed, seg.start, seg.end)


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
    for caps, _ in positions():
        m = re.search(rf"(?<!\w){re.escape(caps)}(?!\w)", upper)
        if m and m.start() > 0:
            return obj[:m.start()].strip(), obj[m.start():], _position_case(obj[m.start():])
    return obj, "", None


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
