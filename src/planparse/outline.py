"""Headings → section tree, each section with its role in the genre.

The tree is built from the numbering grammar (``planparse.lang.numbering``): a label
of a kind already open closes that section and opens its sibling; a label of a
new kind opens a child. Headings in capitals start a new top-level part. The
header block, the legal-basis preamble, ``Nơi nhận`` and the signature block
are recognised as sections of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planparse.lang import vocab
from planparse.lang.genre import (
    ADDRESSEES,
    ANNEX,
    DATE_LINE,
    LEGAL_OPENER,
    NUMBER_LINE,
    RECIPIENTS,
    SIGNED,
    is_caps,
    is_position,
    is_signer_name,
    is_table_row,
    opens_part,
    signature_mark,
    starts_with_doctype,
)
from planparse.model import Provenance, Section, SectionKind, SectionRole
from planparse.lang.bodies import names_a_body
from planparse.lang.numbering import Label, is_rule, match_label

if TYPE_CHECKING:
    from planparse.document import Document

_MAX_HEADING_WORDS = 15
_HEADING_KINDS = {SectionKind.ARTICLE, SectionKind.ROMAN, SectionKind.ARABIC, SectionKind.DECIMAL,
                  SectionKind.MARKDOWN, SectionKind.CAPS}


@dataclass
class _Line:
    text: str
    start: int
    end: int

    @property
    def in_table(self) -> bool:
        return is_table_row(self.text) or self.text.endswith("|")


@dataclass
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


def lines_of(text: str) -> list[_Line]:
    """The logical lines of a cleaned text with their offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(_Line(line, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def build_outline(doc: Document) -> list[Section]:
    """The section tree of a document's cleaned text."""
    lines = lines_of(doc.text)
    roots: list[_Node] = []
    stack: list[_Node] = []
    i = header_length(lines)
    if i:
        roots.append(_block(lines[0:i], SectionRole.HEADER, key=("header",)))
    while i < len(lines):
        line = lines[i]
        between_pipes = 0 < i < len(lines) - 1 and lines[i - 1].text == lines[i + 1].text == "|"
        if not line.text or line.in_table or between_pipes:
            i += 1
            continue
        consumed = _special(lines, i, roots, stack)
        if consumed:
            i += consumed
            continue
        label = match_label(line.text)
        if label:
            _open(_labelled(line, label), stack, roots)
        elif _is_caps_heading(line.text):
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
    _close(roots, len(doc.text))
    return [_freeze(node, doc.locate) for node in roots]


def header_length(lines: list[_Line]) -> int:
    """How many leading lines form the header block (issuer, motto, number, date, type, title)."""
    n = 0
    after_type = False
    for k, line in enumerate(lines):
        text = line.text
        label = match_label(text)
        if label and label.kind is not SectionKind.MARKDOWN:
            break
        headerish = (
            not text
            or is_caps(text.rstrip(":"))
            or is_rule(text)
            or text == "|"
            or text.startswith(("Số", "V/v", "Độc lập", "(", "#"))
            or bool(DATE_LINE.search(text))
            or after_type
            or _heads_a_header(lines[k:k + 4])
        )
        if not headerish or LEGAL_OPENER.match(text) or ADDRESSEES.match(text) or signature_mark().match(text):
            break
        after_type = bool(text) and starts_with_doctype(text) and is_caps(text)
        n += 1
    while n and not lines[n - 1].text:
        n -= 1
    return n


def _heads_a_header(lines: list[_Line]) -> bool:
    """A short unpunctuated line (an issuer in mixed case) followed closely by the number or date line."""
    text = lines[0].text
    if len(text.split()) > 8 or text.endswith((".", ";", ":")):
        return False
    return any(NUMBER_LINE.match(line.text) or DATE_LINE.search(line.text) for line in lines[1:])


def _is_caps_heading(text: str) -> bool:
    return is_caps(text) and not is_rule(text) and not signature_mark().match(text) and len(text) > 3


def _special(lines: list[_Line], i: int, roots: list[_Node], stack: list[_Node]) -> int:
    """Recognise the preamble, Nơi nhận and the signature block at line ``i``; lines consumed."""
    text = lines[i].text
    if not stack and LEGAL_OPENER.match(text):
        j = i + 1
        while j < len(lines) and lines[j].text and not match_label(lines[j].text) \
                and not _is_caps_heading(lines[j].text):
            j += 1
        roots.append(_block(lines[i:j], SectionRole.LEGAL_BASIS, key=("preamble",)))
        return j - i
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
            break
        stack.clear()
        roots.append(_block(lines[i:j], SectionRole.SIGNATURE, key=("signature",)))
        return j - i
    return 0


def _labelled(line: _Line, label: Label) -> _Node:
    title = line.text[label.rest_start:].strip().rstrip(":").strip()
    key: tuple = (label.kind, label.text if label.kind is SectionKind.BULLET else "")
    if label.kind is SectionKind.MARKDOWN:
        key = (label.kind, label.markdown_level)
    text = None if label.kind is SectionKind.MARKDOWN else label.text
    return _Node(text, label.kind, title, None, line.start, line.end, key)


def _caps_node(lines: list[_Line]) -> _Node:
    title = " ".join(line.text for line in lines).rstrip(":")
    role = SectionRole.ANNEX if ANNEX.match(title) else None
    return _Node(None, SectionKind.CAPS, title, role, lines[0].start, lines[-1].end, ("caps",))


def _block(lines: list[_Line], role: SectionRole, key: tuple, kind: SectionKind = SectionKind.BLOCK) -> _Node:
    first = next((line.text for line in lines if line.text and line.text != "|"), "")
    return _Node(None, kind, first, role, lines[0].start, lines[0].end, key, end=lines[-1].end)


def _open(node: _Node, stack: list[_Node], roots: list[_Node]) -> None:
    for depth, open_node in enumerate(stack):
        if open_node.key == node.key:
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
    """A top-level item headed by a body (a công văn's ``1. Sở Tài chính``) assigns work to it."""
    numbered = node.kind in (SectionKind.ARABIC, SectionKind.ROMAN, SectionKind.LETTER)
    return SectionRole.ORGANISATION if numbered and names_a_body(node.title) else None


def _role_of(node: _Node) -> SectionRole | None:
    """The role a heading's own words give it (``KINH PHÍ THỰC HIỆN`` → budget); items and sentences have none."""
    if node.kind not in _HEADING_KINDS or len(node.title.split()) > _MAX_HEADING_WORDS:
        return None
    title = node.title.casefold()
    first, _, rest = title.partition(" ")
    if first in vocab.body_words("plural"):
        title = rest
    for keyword, role in vocab.section_roles():
        if title.startswith(keyword):
            return SectionRole(role)
    return None


def _close(nodes: list[_Node], end: int) -> None:
    """Set each node's end: the start of its next sibling, or its parent's end."""
    for node, nxt in zip(nodes, nodes[1:] + [None]):
        if node.key not in {("header",), ("preamble",), ("signature",)}:
            node.end = nxt.start - 1 if nxt is not None else end
        _close(node.children, node.end)


def _freeze(node: _Node, locate: Callable[[int, int], Provenance]) -> Section:
    return Section(
        label=node.label,
        kind=node.kind,
        title=node.title,
        role=node.role,
        provenance=locate(node.start, node.line_end),
        end=max(node.end, node.line_end),
        children=[_freeze(child, locate) for child in node.children],
    )
