"""Headings → section tree, each section with its role in the genre.

The tree is built from the numbering grammar (``planparse.lang.numbering``): a label
of a kind already open closes that section and opens its sibling; a label of a
new kind opens a child. Headings in capitals start a new top-level part. The
header block, the legal-basis preamble, ``Nơi nhận`` and the signature block
are recognised as sections of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from planparse.blocks import Line
from planparse.lang import vocab
from planparse.lang.genre import (
    ABOUT,
    ADDRESSEES,
    ANNEX,
    LEGAL_OPENER,
    MOTTO,
    NUMBER_LINE,
    PART,
    RECIPIENTS,
    SIGNED,
    date_line,
    either,
    is_caps,
    is_position,
    is_signer_name,
    is_table_row,
    opens_body,
    opens_part,
    signature_mark,
    starts_with_doctype,
)
from planparse.model import Section, SectionKind, SectionRole
from planparse.lang.bodies import names_a_body, role_cue
from planparse.lang.numbering import Label, is_rule, match_label

_SECTIONS = TypeAdapter(list[Section])

if TYPE_CHECKING:
    from planparse.document import Document, ProvenanceFields

_MAX_HEADING_WORDS = 15
# the ranks of numbered parts, highest first: a part closes the open parts ranked below it (headings in
# capitals or markdown, unranked, hold parts of any numbering)
_ITEM = 3
_RANK = {SectionKind.ARTICLE: 1, SectionKind.ROMAN: 2, SectionKind.ARABIC: _ITEM, SectionKind.DECIMAL: _ITEM,
         SectionKind.LETTER: _ITEM, SectionKind.BULLET: _ITEM}
_NOTE_LINES = 2  # lines a copier may put above the header (a source note)
_PREAMBLE_LINES = 80  # lines a web page may put above the header (navigation, summary, the document's properties)
_ISSUER_LINES = 8  # lines of a header above its motto: the issuer and its parent, rules, blanks, cells' bars
_SENTENCE_ENDS = (".", ":", ";")
_MARK_WORDS = 3
_PART_WORDS = 6  # a part's heading in capitals (MỤC ĐÍCH, YÊU CẦU), shorter than a title  # a mark above the type line (``Dự thảo``, ``Mẫu số 01``)
_HEADING_KINDS = {SectionKind.ARTICLE, SectionKind.ROMAN, SectionKind.ARABIC, SectionKind.DECIMAL,
                  SectionKind.MARKDOWN, SectionKind.CAPS}


@dataclass(slots=True)
class _Node:
    label: str | None
    kind: SectionKind
    title: str
    role: SectionRole | None
    start: int
    line_end: int
    key: tuple
    end: int = 0
    children: list[_Node] = field(default_factory=list)
    provenance: ProvenanceFields | None = None  # set with the end by _close: the node is then its section's fields


def build_outline(doc: Document, lines: list[Line]) -> list[Section]:
    """The section tree of a document's cleaned text, whose lines are ``lines`` (:func:`~planparse.blocks.lines_of`)."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    first, i = header_span(lines)
    if i:
        roots.append(_block(lines[first:i], SectionRole.HEADER, key=("header",)))
    while i < len(lines):
        line = lines[i]
        between_pipes = 0 < i < len(lines) - 1 and lines[i - 1].text == lines[i + 1].text == "|"
        in_table = is_table_row(line.text) or line.text.endswith("|") or between_pipes  # a row or a cell of one
        if not line.text or in_table:
            if line.text and (signed := _signature_cell(line)):
                stack.clear()
                roots.append(_block([signed], SectionRole.SIGNATURE, key=("signature",)))
            i += 1
            continue
        label = match_label(line.text)
        if label:  # no opener of _special's begins with a label
            _open(_labelled(line, label), stack, roots)
            i += 1
            continue
        consumed = _special(lines, i, roots, stack)
        if consumed:
            i += consumed
            continue
        if _is_caps_heading(line.text) or PART.match(line.text):
            j = i + 1
            while j < len(lines) and _is_caps_heading(lines[j].text) and not match_label(lines[j].text):
                j += 1
            node = _caps_node(lines[i:j])
            stack.clear()
            roots.append(node)
            stack.append(node)
            i = j
            continue
        i += 1
    _close(roots, len(doc.text), doc.provenance_fields)
    return _SECTIONS.validate_python(roots, from_attributes=True)  # the tree validated whole, in one call


def header_span(lines: list[Line]) -> tuple[int, int]:
    """The lines that form the header block (issuer, motto, number, date, type, title), as ``(first, end)``.

    The header opens the document, under at most a note a copier put above it (``[Bản trích …]``); when
    those first lines hold none of its markers (the motto, the number or date line), the header is the one
    whose motto or number comes first in the document's opening lines, under what a web page puts above it
    (its navigation, a summary, a table of the document's properties).
    """
    first = next((k for k in range(min(_NOTE_LINES + 1, len(lines))) if _header_line(lines, k)), None)
    span = _header_from(lines, first) if first is not None else (0, 0)
    if _marked(lines, span):
        return _under_note(lines, span)
    anchored = _header_from(lines, first) if (first := _above_first_marker(lines)) is not None else (0, 0)
    if _marked(lines, anchored):
        return anchored
    return (0, 0) if span[0] else span


def _under_note(lines: list[Line], span: tuple[int, int]) -> tuple[int, int]:
    """The header without the note a copier headed the text with: markdown headings (``# KẾ HOẠCH SỐ … — BẢN
    TEXT`` / ``# Trích từ …``) above the issuer or the motto, over a header marked without them. The genre puts the
    type and title under the issuer and number, never above them."""
    first, end = span
    k = first
    while k < end and lines[k].text.startswith("#") and not _opens_header(lines[k].text.lstrip("# ")):
        k += 1
    if k == first or k == end or not _opens_header(lines[k].text):
        return span
    return (k, end) if _marked(lines, (k, end)) else span


def _opens_header(text: str) -> bool:
    """A line that opens a header itself: an issuer (a body's name in capitals) or the motto."""
    return is_caps(text) and opens_body(text) or bool(MOTTO.match(text))


def _header_from(lines: list[Line], first: int) -> tuple[int, int]:
    """The header block that starts at line ``first``, as ``(first, end)``."""
    n = first
    in_title = titled = False
    for k in range(first, len(lines)):
        text = lines[k].text
        if titled and _opens_a_part(text):
            break
        under_number = k > first and bool(NUMBER_LINE.match(lines[k - 1].text)) and not is_caps(text)
        titled = titled or in_title and bool(text)
        in_title = (in_title or under_number) and _continues_title(text) or _typed(text) or bool(ABOUT.match(text))
        if not (in_title or _header_line(lines, k)):
            break
        n += 1
    while n > first and not lines[n - 1].text:
        n -= 1
    return first, n


def _marked(lines: list[Line], span: tuple[int, int]) -> bool:
    """Does the span hold a header's markers: the motto, the number line or the date line?"""
    return any(MOTTO.search(line.text) or NUMBER_LINE.search(line.text) or date_line(line.text)
               for line in lines[span[0]:span[1]])


def _above_first_marker(lines: list[Line]) -> int | None:
    """The first line of a header found by its first marker (the motto or the number line) among the
    document's opening lines: the header lines right above it (the issuer, rules, cells' bars)."""
    marker = next((k for k, line in enumerate(lines[:_PREAMBLE_LINES])
                   if MOTTO.search(line.text) or NUMBER_LINE.match(line.text.lstrip("| "))), None)
    if marker is None:
        return None
    first = marker
    while first > max(0, marker - _ISSUER_LINES) and _header_line(lines, first - 1):
        first -= 1
    while first < marker and not lines[first].text.strip("| "):
        first += 1
    return first


def _header_line(lines: list[Line], k: int) -> bool:
    """Can line ``k`` belong to the header block? A row of header cells (``| Số: … | Hà Nội, ngày … |``)
    belongs when one of its cells does; a short mark (``Dự thảo``) when the type line follows it."""
    text = lines[k].text
    label = match_label(text)
    if label and label.kind is not SectionKind.MARKDOWN and not (label.kind is SectionKind.BULLET and date_line(text)):
        return False  # a Party header's star may share the date line's baseline (``* Lào Cai, ngày …``)
    if LEGAL_OPENER.match(text) or ADDRESSEES.match(text) or signature_mark().match(text):
        return False
    cells = [cell.strip() for cell in text.strip("|").split("|")] if is_table_row(text) else [text]
    return any(_header_cell(cell) for cell in cells) or _heads_a_header(lines[k:k + 4]) or (
        len(text.split()) <= _MARK_WORDS and any(_typed(line.text) for line in lines[k + 1:k + 3]))


def _header_cell(text: str) -> bool:
    """A cell or line of a header: blank, in capitals, a rule, the motto, the number, V/v or date line."""
    return (
        not text
        or is_caps(text.rstrip(":"))
        or is_rule(text)
        or text.startswith(("(", "#"))
        or bool(MOTTO.search(text) or NUMBER_LINE.match(text) or ABOUT.match(text) or date_line(text))
    )


def _heads_a_header(lines: list[Line]) -> bool:
    """A short unpunctuated line (an issuer in mixed case) followed closely by the number or date line."""
    text = lines[0].text
    if len(text.split()) > 8 or text.endswith((".", ";", ":")):
        return False
    return any(NUMBER_LINE.match(line.text) or date_line(line.text) for line in lines[1:])


def _continues_title(text: str) -> bool:
    """A line under the type line that goes on with the title: not a sentence, a label or a legal opener."""
    return bool(text) and not (match_label(text) or LEGAL_OPENER.match(text) or ADDRESSEES.match(text)
                               or text.endswith(_SENTENCE_ENDS))


def _opens_a_part(text: str) -> bool:
    """A short heading in capitals that names a part of the genre (``MỤC ĐÍCH, YÊU CẦU``), or a part's label."""
    return bool(PART.match(text)) or is_caps(text) and len(text.split()) <= _PART_WORDS and bool(_heading_role(text))


def _typed(text: str) -> bool:
    """The type line: a document type in capitals or as a heading."""
    return (is_caps(text) or text.startswith("#")) and bool(starts_with_doctype(text))


def _is_caps_heading(text: str) -> bool:
    return is_caps(text) and not is_rule(text) and not signature_mark().match(text) and len(text) > 3


def _signature_cell(line: Line) -> Line | None:
    """The cell of a row of two cells (``| Nơi nhận: … | KT. BỘ TRƯỞNG … |``) that holds a signature block."""
    if line.text.strip("|").count("|") > 1:
        return None  # a row of three cells or more: a table of data
    at = line.start
    for cell in line.text.split("|"):
        text = cell.strip()
        if signature_mark().match(text):
            start = at + cell.index(text)
            return Line(text, start, start + len(text))
        at += len(cell) + 1
    return None


def _special(lines: list[Line], i: int, roots: list[_Node], stack: list[_Node]) -> int:
    """Recognise the preamble, Nơi nhận and the signature block at line ``i``; lines consumed."""
    text = lines[i].text
    if not stack and LEGAL_OPENER.match(text):
        j = i + 1
        while j < len(lines) and lines[j].text and not match_label(lines[j].text) \
                and not _is_caps_heading(lines[j].text):
            j += 1
        roots.append(_block(lines[i:j], SectionRole.LEGAL_BASIS, key=("preamble",)))
        return j - i
    if not (_lead_opener().match(text) or is_position(text)):
        return 0
    for opener, role in ((RECIPIENTS, SectionRole.RECIPIENTS), (ADDRESSEES, SectionRole.ADDRESSEES)):
        if opener.match(text):
            node = _block([lines[i]], role, key=(role.value,), kind=SectionKind.LEAD)
            node.title = vocab.words("genre_markers", role.value)[0]  # as written: Nơi nhận, Kính gửi
            j = i + 1
            while j < len(lines) and (label := match_label(lines[j].text)) and label.kind is SectionKind.BULLET:
                item = _labelled(lines[j], label)
                item.role = role
                node.children.append(item)
                j += 1
            stack.clear()
            roots.append(node)
            return j - i
    if signature_mark().match(text) or is_position(text) and (stack or roots):
        j = i + 1
        while j < len(lines) and j - i < 8:
            nxt = lines[j].text
            if signature_mark().match(nxt) or is_position(nxt) or SIGNED.fullmatch(nxt) or not nxt \
                    or is_caps(nxt) and len(nxt.split()) <= 4 and not opens_part(nxt):
                j += 1
                continue
            if is_signer_name(nxt):
                j += 1
            elif len(nxt.split()) == 1 and j + 1 < len(lines) and is_signer_name(lines[j + 1].text):
                j += 2  # the text of a signature image between the position and the name
            break
        stack.clear()
        roots.append(_block(lines[i:j], SectionRole.SIGNATURE, key=("signature",)))
        return j - i
    return 0


@cache
def _lead_opener() -> re.Pattern[str]:
    """What opens a part of its own after the preamble: ``Nơi nhận``, ``Kính gửi``, a signature's mark (a signer's
    position is tested apart)."""
    return either(RECIPIENTS, ADDRESSEES, signature_mark())


def _labelled(line: Line, label: Label) -> _Node:
    title = line.text[label.rest_start:].strip().rstrip(":").strip()
    key: tuple = (label.kind, label.text if label.kind is SectionKind.BULLET else "")
    if label.kind is SectionKind.MARKDOWN:
        key = (label.kind, label.markdown_level)
    text = None if label.kind is SectionKind.MARKDOWN else label.text
    return _Node(text, label.kind, title, None, line.start, line.end, key)


def _caps_node(lines: list[Line]) -> _Node:
    """A heading in capitals (or a part, ``Phần II. Mục tiêu``) over its lines: a top-level part, its role from
    its words after the part's label."""
    title = " ".join(line.text for line in lines).rstrip(":")
    heading = PART.sub("", title, count=1)
    role = SectionRole.ANNEX if ANNEX.match(heading) else _heading_role(heading)
    return _Node(None, SectionKind.CAPS, title, role, lines[0].start, lines[-1].end, ("caps",))


def _block(lines: list[Line], role: SectionRole, key: tuple, kind: SectionKind = SectionKind.BLOCK) -> _Node:
    first = next((line.text for line in lines if line.text and line.text != "|"), "")
    return _Node(None, kind, first, role, lines[0].start, lines[0].end, key, end=lines[-1].end)


def _open(node: _Node, stack: list[_Node], roots: list[_Node]) -> None:
    """Open ``node``: it closes the open section of its own numbering and, whatever numbering they use, the
    open sections of a lower rank (a Roman part ends the Arabic items of the part before it)."""
    rank = _RANK.get(node.kind, _ITEM)
    for depth, open_node in enumerate(stack):
        if open_node.key == node.key or _RANK.get(open_node.kind, 0) > rank:
            del stack[depth:]
            break
    parent = stack[-1] if stack else None
    if parent is not None:
        node.role = _role_of(node) or parent.role
        parent.children.append(node)
    else:
        node.role = _role_of(node) or _organisation_item(node)
        roots.append(node)
    stack.append(node)


def _organisation_item(node: _Node) -> SectionRole | None:
    """A top-level item headed by a body (a công văn's ``1. Sở Tài chính``), or asking one for work (``2. Giao Sở
    Nông nghiệp và Môi trường chủ trì …``), assigns work to it."""
    numbered = node.kind in (SectionKind.ARABIC, SectionKind.ROMAN, SectionKind.LETTER)
    request = role_cue("request").match(node.title)
    title = node.title[request.end():].lstrip() if request else node.title
    return SectionRole.ORGANISATION if numbered and names_a_body(title) else None


def _role_of(node: _Node) -> SectionRole | None:
    """The role a heading's own words give it (``KINH PHÍ THỰC HIỆN`` → budget); items and sentences have none."""
    if node.kind not in _HEADING_KINDS:
        return None
    return _heading_role(node.title)


def _heading_role(heading: str) -> SectionRole | None:
    """The role the words of a heading give it, if it is short enough to be a heading."""
    if len(heading.split()) > _MAX_HEADING_WORDS:
        return None
    title = heading.casefold()
    first, _, rest = title.partition(" ")
    if first in vocab.body_words("plural"):
        title = rest
    keywords, roles = _role_keywords()
    m = keywords.match(title)
    return roles[m.lastindex - 1] if m else None


@cache
def _role_keywords() -> tuple[re.Pattern[str], tuple[SectionRole, ...]]:
    """The keywords of the section roles as one pattern, a group each in their order of priority (the first a
    title opens with gives its role), and the roles."""
    pairs = vocab.section_roles()
    keywords = re.compile("|".join(f"({re.escape(keyword)})" for keyword, _ in pairs))
    return keywords, tuple(SectionRole(role) for _, role in pairs)


def _close(nodes: list[_Node], end: int, provenance: Callable[[int, int], ProvenanceFields]) -> None:
    """Set each node's end (the start of its next sibling, or its parent's end; never before its heading line's) and
    its heading line's provenance."""
    for node, nxt in zip(nodes, nodes[1:] + [None]):
        if node.key not in {("header",), ("preamble",), ("signature",)}:
            node.end = nxt.start - 1 if nxt is not None else end
        if node.children:
            _close(node.children, node.end, provenance)
        node.end = max(node.end, node.line_end)
        node.provenance = provenance(node.start, node.line_end)

